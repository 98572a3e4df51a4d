import { estimateLandedCostSync, type LandedCostEstimate, type LandedCostInput } from '../../../src/landed-cost/index.js';
import { money, toDecimal, type Money } from '../../../src/model/money.js';

export const m = (v: string, c: string): Money => money(v, c);
export const d = (x: Money | null | undefined): string | null => (x ? toDecimal(x) : null);

/** A one-item consignment in the destination currency, shipped CN → dest by courier, DDP, no channel. */
export function run(over: Partial<LandedCostInput> & Pick<LandedCostInput, 'destination' | 'asOf'>, value?: Money, hsCode = '610910'): LandedCostEstimate {
  const cur = value?.currency ?? 'EUR';
  return estimateLandedCostSync({
    origin: 'CN',
    items: [{ hsCode, value: value ?? m('10', cur) }],
    shipping: m('0', cur),
    incoterm: 'DDP',
    ...over,
  });
}

export const taxOf = (e: LandedCostEstimate, kind?: string) => e.taxes.filter((t) => !kind || t.kind === kind);
export const codes = (e: LandedCostEstimate) => e.warnings.map((w) => w.code);
export const ruleIds = (e: LandedCostEstimate) => e.rules.map((r) => r.id);
