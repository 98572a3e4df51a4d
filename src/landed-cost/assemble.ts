import type { Money } from '../model/money.js';
import { add, fromMinorSafe, sub, sum, zero } from './calc.js';
import type { Ctx } from './context.js';
import type { CollectedBy, Declaration, DeclarationLine, LandedCostEstimate } from './types.js';

function regimeOf(ctx: Ctx): { id: string; name: string; scheme?: string } {
  if (ctx.regime) return ctx.regime;
  const cc = ctx.dest.country.toLowerCase();
  const { duty, tax } = ctx.deMinimis;
  if (duty.applied === 'all' && tax.applied === 'all') return { id: duty.ruleId ?? `${cc}.de-minimis`, name: `${ctx.dest.name}: de minimis (no duty or tax at import)` };
  if (duty.applied === 'all') return { id: duty.ruleId ?? `${cc}.de-minimis`, name: `${ctx.dest.name}: duty de minimis, import tax due` };
  return { id: `${cc}.standard-import`, name: `${ctx.dest.name}: standard import` };
}

function declaration(ctx: Ctx, regime: { id: string; scheme?: string }): Declaration {
  const d: Declaration = {
    regime: regime.id,
    incoterm: ctx.input.incoterm,
    currency: ctx.currency,
    classifications: new Set(ctx.lines.map((l) => l.hsCode.slice(0, 6))).size,
    lines: ctx.lines.map((l) => {
      const line: DeclarationLine = { item: l.index, hsCode: l.hsCode, originCountry: l.origin, quantity: l.item.quantity, value: l.invoiced, customsValue: l.customsValue };
      if (l.item.description) line.description = l.item.description;
      if (l.item.sku) line.sku = l.item.sku;
      if (l.item.weightKg) line.weightKg = l.item.weightKg;
      return line;
    }),
  };
  if (regime.scheme) d.scheme = regime.scheme;
  const reg = ctx.input.channel?.registrationNumber;
  if (reg && d.scheme) d.registrationNumber = reg;
  return d;
}

/**
 * The result. total = duty + taxes not collected by a marketplace + fees; DDP puts all of it on
 * the seller, DAP leaves the at-import part to the buyer at the door.
 */
export function assemble(ctx: Ctx): LandedCostEstimate {
  const cur = ctx.currency;
  const z = zero(cur);
  const duty = { marketplace: 0, seller: 0, 'at-import': 0 };
  for (const d of ctx.dutyLines) if (d.amount) duty[d.collectedBy] += d.amount.amount;
  const tax = { marketplace: 0, seller: 0, 'at-import': 0 };
  for (const t of ctx.taxes) tax[t.collectedBy] += t.amount.amount;
  const dutyAll = fromMinorSafe(duty.marketplace + duty.seller + duty['at-import'], cur);
  const dutyMarketplace = fromMinorSafe(duty.marketplace, cur);
  const taxNotMarketplace = fromMinorSafe(tax.seller + tax['at-import'], cur);
  const fees = sum(ctx.fees.map((f) => f.amount), cur);
  const total: Money = add(add(sub(dutyAll, dutyMarketplace), taxNotMarketplace), fees);
  const sellerAtSale = fromMinorSafe(duty.seller + tax.seller, cur);
  const payableBy = ctx.input.incoterm === 'DDP' ? { seller: total, buyer: z } : { seller: sellerAtSale, buyer: sub(total, sellerAtSale) };
  const dutyCollectedBy: CollectedBy = ctx.dutyLines[0]?.collectedBy ?? 'at-import';
  const regime = regimeOf(ctx);
  return {
    destination: ctx.dest.country,
    asOf: ctx.asOf,
    incoterm: ctx.input.incoterm,
    currency: cur,
    customsValue: ctx.customsValue,
    duty: dutyAll,
    dutyCollectedBy,
    dutyLines: ctx.dutyLines,
    taxes: ctx.taxes,
    fees: ctx.fees,
    total,
    payableBy,
    marketplaceCollected: fromMinorSafe(duty.marketplace + tax.marketplace, cur),
    regime,
    deMinimis: ctx.deMinimis,
    complete: ctx.complete,
    breakdown: ctx.breakdown,
    rules: [...ctx.rules.values()],
    warnings: ctx.warnings,
    exchange: [...ctx.exchange.values()],
    declaration: declaration(ctx, regime),
  };
}
