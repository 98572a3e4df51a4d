import { fmt, within } from './calc.js';
import { hsIn, type Ctx, type Line } from './context.js';
import { allValid } from './dates.js';
import type { SaleRegime } from './rule-schema.js';
import type { CollectedBy } from './types.js';

type Collector = Exclude<CollectedBy, 'at-import'>;

/**
 * Who charges the tax at checkout under a collect-at-sale regime. An explicit
 * `channel.collectsTax` wins; otherwise the regime's list of collecting marketplaces decides.
 * Mandatory regimes (UK, AU, NZ) fall back to the seller, who is liable when no platform is.
 */
function collectorFor(ctx: Ctx, rule: SaleRegime): { who: Collector; assumed?: string } | null {
  const ch = ctx.input.channel;
  const marketplace = ch?.marketplace ?? 'direct';
  const explicit = ch?.collectsTax;
  const isMarketplace = marketplace !== 'direct';
  if (explicit === true) return { who: isMarketplace ? 'marketplace' : 'seller' };
  if (explicit === undefined && isMarketplace && (rule.collectors.includes('*') || rule.collectors.includes(marketplace))) {
    return { who: 'marketplace', ...(rule.collectorsConfidence === 'unconfirmed' ? { assumed: marketplace } : {}) };
  }
  if (rule.mandatory) {
    if (explicit === false) ctx.warn('CHANNEL_IGNORED', `${rule.name}: tax is due at the point of sale; the seller is liable when the marketplace does not collect.`, { ruleId: rule.id });
    return { who: 'seller' };
  }
  return null;
}

function eligibleLines(ctx: Ctx, rule: SaleRegime): Line[] {
  const candidates = rule.exceptHs ? ctx.lines.filter((l) => !hsIn(l.hsCode, rule.exceptHs!)) : ctx.lines;
  const ceiling = rule.ceiling;
  if (!ceiling) return candidates;
  const inclusive = rule.inclusive ?? true;
  // AU: the seller may assess the A$1,000 ceiling per item instead of per consignment (input.lowValueScope).
  const scope = rule.scopeChoice && ctx.input.lowValueScope ? ctx.input.lowValueScope : (rule.scope ?? 'consignment');
  if (scope === 'item') {
    return candidates.filter((l) => within(ctx.unitValue(l, ceiling.currency), ceiling, inclusive));
  }
  const value = ctx.basisValue(rule.basis ?? 'intrinsic', ceiling.currency);
  const ok = within(value, ceiling, inclusive);
  ctx.note('regime', `${rule.scheme}: ${rule.basis ?? 'intrinsic'} value ${fmt(value)} ${value.currency} ${ok ? (inclusive ? '≤' : '<') : 'exceeds'} ${fmt(ceiling)}`, value, rule.id);
  return ok ? candidates : [];
}

/** Marks the lines a collect-at-sale regime covers (IOSS, UK ≤ £135, LVIG, VOEC, LVG, CL, CH, TH MoU). */
export function applySaleRegime(ctx: Ctx): void {
  for (const rule of allValid(ctx.dest.saleRegimes, ctx.asOf, (r) => ctx.matches(r.when))) {
    const collector = collectorFor(ctx, rule);
    if (!collector) {
      ctx.note('regime', `${rule.scheme} not used: the channel does not collect at sale`, undefined, rule.id);
      continue;
    }
    const lines = eligibleLines(ctx, rule);
    if (lines.length === 0) {
      if (ctx.input.channel?.collectsTax) ctx.warn('CHANNEL_IGNORED', `channel.collectsTax ignored: the consignment is outside ${rule.name}; tax is assessed at import.`, { ruleId: rule.id });
      continue;
    }
    ctx.use(rule);
    if (collector.assumed) {
      ctx.warn('UNCONFIRMED_RULE', `${collector.assumed} is assumed to collect under ${rule.scheme} (collector list unconfirmed); pass channel.collectsTax to be explicit.`, { ruleId: rule.id });
    }
    for (const l of lines) {
      l.sale = rule;
      l.saleCollector = collector.who;
    }
    ctx.saleUsed = true;
    ctx.regime = { id: rule.id, name: rule.name, scheme: rule.scheme };
    ctx.note('regime', `${rule.name}: ${lines.length} of ${ctx.lines.length} items, tax collected at sale by the ${collector.who}`, undefined, rule.id);
    return;
  }
}
