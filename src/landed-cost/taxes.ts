import type { Money } from '../model/money.js';
import { add, fmt, pct, sum } from './calc.js';
import type { Ctx, Line } from './context.js';
import { allValid } from './dates.js';
import type { TaxBase, TaxRule } from './rule-schema.js';
import type { CollectedBy } from './types.js';

/** The destination's tax rule for the date: the region's own rate when there is one, else the default. */
export function pickTaxRule(ctx: Ctx): TaxRule | undefined {
  const valid = allValid(ctx.dest.taxes, ctx.asOf);
  const region = ctx.input.region;
  if (region) {
    const hit = valid.find((r) => r.regions?.includes(region));
    if (hit) return hit;
  } else if (ctx.dest.taxes.some((r) => r.regions)) {
    ctx.warn('REGION_MISSING', `${ctx.dest.name} taxes vary by region: pass region; the default rate is used.`);
  }
  return valid.find((r) => !r.regions);
}

/** Tax base of one line: goods (customs or sale value) + freight/insurance/duty as the rule says. */
export function lineBase(line: Line, base: TaxBase, goods: Money): Money {
  let b = goods;
  if (base.freight) b = add(b, line.freight);
  if (base.insurance) b = add(b, line.insurance);
  if (base.duty) b = add(b, line.duty);
  return b;
}

interface Group {
  kind: string;
  rate: string;
  collectedBy: CollectedBy;
  ruleId: string;
  bases: Money[];
}

// Few groups per estimate (at sale / at import): a linear scan beats building string keys.
function addTo(groups: Group[], kind: string, rate: string, collectedBy: CollectedBy, ruleId: string, base: Money): void {
  for (const g of groups) {
    if (g.ruleId === ruleId && g.collectedBy === collectedBy && g.rate === rate && g.kind === kind) {
      g.bases.push(base);
      return;
    }
  }
  groups.push({ kind, rate, collectedBy, ruleId, bases: [base] });
}

/**
 * VAT/GST for the lines that are not relieved: at sale (regime base, sale value) or at import
 * (customs goods + the rule's base). Bases are summed per group and the rate applied once, as a
 * declaration or a checkout would.
 */
export function standardTaxes(ctx: Ctx): void {
  const rule = pickTaxRule(ctx);
  if (!rule) return;
  const prepaid = ctx.prepaidBy();
  const groups: Group[] = [];
  for (const line of ctx.lines) {
    const sale = line.sale;
    if (sale && line.saleCollector) {
      if (sale.collectsImportCharges) addTo(groups, rule.kind, rule.rate, line.saleCollector, sale.id, lineBase(line, rule.base, line.customsGoods));
      else addTo(groups, sale.taxKind ?? rule.kind, sale.rate ?? rule.rate, line.saleCollector, sale.id, lineBase(line, sale.taxBase, line.goods));
      continue;
    }
    if (line.taxRelieved) continue;
    addTo(groups, rule.kind, rule.rate, prepaid ?? 'at-import', rule.id, lineBase(line, rule.base, line.customsGoods));
  }
  if (groups.length > 0) ctx.use(rule);
  if (prepaid && groups.length > 0) ctx.note('tax', `tax prepaid at checkout by the ${prepaid} (channel.collectsTax)`);
  for (const g of groups) {
    const base = sum(g.bases, ctx.currency);
    const amount = pct(base, g.rate, ctx.rounding);
    ctx.taxes.push({ kind: g.kind, rate: g.rate, base, amount, collectedBy: g.collectedBy, ruleId: g.ruleId });
    ctx.note('tax', `${g.kind} ${g.rate}% of ${fmt(base)} ${base.currency} (${g.collectedBy})`, amount, g.ruleId);
  }
}
