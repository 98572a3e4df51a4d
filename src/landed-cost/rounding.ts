import { currencyExponent } from '../model/currencies.js';
import { parseDecimal } from '../model/decimal.js';
import type { Money } from '../model/money.js';
import { fmt, fromMinorSafe } from './calc.js';
import type { Ctx } from './context.js';
import type { RoundingRule } from './rule-schema.js';
import type { TaxCharge } from './types.js';

/**
 * National rounding rules as data (rule-schema RoundingRule): each names its source, what it
 * applies to, the step and the direction. Line rules change the amount a later step uses (a
 * truncated tax base); total rules add an explicit, cited rounding adjustment to the charges.
 */
const steps = new Map<string, number>();

/** The step in minor units of `currency` ("1000" JPY → 1000; "10" KRW → 10; "1000" IDR → 1000). */
function stepMinor(step: string, currency: string): number {
  const key = `${step}|${currency}`;
  let v = steps.get(key);
  if (v === undefined) {
    const d = parseDecimal(step, 'step');
    const e = currencyExponent(currency);
    v = Number(d.units * 10n ** BigInt(e)) / 10 ** d.scale;
    if (!Number.isSafeInteger(v) || v <= 0) throw new Error(`rounding step ${step} ${currency} is not a whole number of minor units`);
    steps.set(key, v);
  }
  return v;
}

/** Rounds a non-negative amount to a multiple of `step` minor units. */
export function roundToStep(amount: number, step: number, direction: RoundingRule['direction']): number {
  const r = amount % step;
  if (r === 0) return amount;
  const down = amount - r;
  if (direction === 'down') return down;
  if (direction === 'up') return down + step;
  return 2 * r >= step ? down + step : down;
}

function rulesFor(ctx: Ctx, applies: RoundingRule['applies'], kind?: string): RoundingRule[] {
  const list = ctx.dest.roundingRules;
  if (!list) return [];
  return list.filter(
    (r) => r.applies === applies && ctx.asOf >= r.validFrom && (!r.validTo || ctx.asOf <= r.validTo) && (!r.kinds || (kind !== undefined && r.kinds.includes(kind))),
  );
}

/** A line amount under the destination's rule for `applies` (unchanged when it has none). */
export function roundLine(ctx: Ctx, applies: 'dutyBase' | 'taxBase' | 'dutyInTaxBase', m: Money, kind?: string): Money {
  let out = m;
  for (const rule of rulesFor(ctx, applies, kind)) {
    if (out.amount < 0) continue;
    ctx.use(rule);
    out = fromMinorSafe(roundToStep(out.amount, stepMinor(rule.step, out.currency), rule.direction), out.currency);
  }
  return out;
}

/**
 * Rounds the declaration's at-import duty total; the largest duty charge absorbs the difference
 * (the lines' own duty, which later tax bases use, is left as assessed per line).
 */
export function roundDutyTotal(ctx: Ctx): void {
  for (const rule of rulesFor(ctx, 'duty')) {
    const charges = ctx.dutyLines.filter((d) => d.collectedBy === 'at-import' && d.amount && !d.waivedBy);
    const total = charges.reduce((s, d) => s + d.amount!.amount, 0);
    if (total <= 0) continue;
    ctx.use(rule);
    const rounded = roundToStep(total, stepMinor(rule.step, ctx.currency), rule.direction);
    if (rounded === total) continue;
    const target = charges.reduce((a, b) => (b.amount!.amount > a.amount!.amount ? b : a));
    target.amount = fromMinorSafe(target.amount!.amount + rounded - total, ctx.currency);
    ctx.note('duty', `duty ${fmt(fromMinorSafe(total, ctx.currency))} → ${fmt(fromMinorSafe(rounded, ctx.currency))} ${ctx.currency} (rounded ${rule.direction} to ${rule.step})`, undefined, rule.id);
  }
}

/** Rounds each at-import tax kind's total; the largest charge of that kind absorbs the difference. */
export function roundTaxTotals(ctx: Ctx): void {
  const byKind = new Map<string, TaxCharge[]>();
  for (const t of ctx.taxes) {
    if (t.collectedBy !== 'at-import' || t.waivedBy) continue;
    const list = byKind.get(t.kind);
    if (list) list.push(t);
    else byKind.set(t.kind, [t]);
  }
  for (const [kind, charges] of byKind) {
    for (const rule of rulesFor(ctx, 'tax', kind)) {
      const total = charges.reduce((s, t) => s + t.amount.amount, 0);
      if (total <= 0) continue;
      ctx.use(rule);
      const rounded = roundToStep(total, stepMinor(rule.step, ctx.currency), rule.direction);
      if (rounded === total) continue;
      // The largest charge absorbs the difference (it cannot turn negative: the step is below the total).
      const target = charges.reduce((a, b) => (b.amount.amount > a.amount.amount ? b : a));
      target.amount = fromMinorSafe(target.amount.amount + rounded - total, ctx.currency);
      ctx.note('tax', `${kind} ${fmt(fromMinorSafe(total, ctx.currency))} → ${fmt(fromMinorSafe(rounded, ctx.currency))} ${ctx.currency} (rounded ${rule.direction} to ${rule.step})`, undefined, rule.id);
    }
  }
}
