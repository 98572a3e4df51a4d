import type { Money } from '../model/money.js';
import { cmp, fmt, pct, within } from './calc.js';
import type { Ctx } from './context.js';
import { allValid } from './dates.js';
import type { FeeRule } from './rule-schema.js';

/** A declaration assesses duty or tax at import for some line (not all relieved or collected at sale). */
export function hasEntry(ctx: Ctx): boolean {
  if (ctx.entry !== undefined) return ctx.entry;
  return ctx.lines.some((l) => {
    const dutyHere = !l.dutyRelieved && !(l.sale && (l.sale.relievesDuty || l.sale.collectsImportCharges));
    const taxHere = !l.taxRelieved && !l.sale;
    return dutyHere || taxHere;
  });
}

function feeApplies(ctx: Ctx, rule: FeeRule, entry: boolean): boolean {
  if (rule.entryOnly && !entry) return false;
  if (!ctx.matches(rule.when)) return false;
  if (rule.valueAbove && within(ctx.basisValue('customs', rule.valueAbove.currency), rule.valueAbove, true)) return false;
  if (rule.valueAtMost && !within(ctx.basisValue('customs', rule.valueAtMost.currency), rule.valueAtMost, true)) return false;
  return true;
}

/** Government fees (US MPF, SA customs service fee, NZ entry fees), fixed or % of the customs value with min/max. */
export function applyFees(ctx: Ctx): void {
  const entry = hasEntry(ctx);
  for (const rule of allValid(ctx.dest.fees, ctx.asOf)) {
    if (!feeApplies(ctx, rule, entry)) continue;
    ctx.use(rule);
    let amount: Money;
    if (rule.kind === 'fixed') amount = ctx.toCustoms(rule.amount!, 'rates');
    else {
      amount = pct(ctx.customsValue, rule.rate!, ctx.rounding);
      const min = rule.min && ctx.toCustoms(rule.min, 'rates');
      const max = rule.max && ctx.toCustoms(rule.max, 'rates');
      if (min && cmp(amount, min) < 0) amount = min;
      if (max && cmp(amount, max) > 0) amount = max;
    }
    ctx.fees.push({ name: rule.name, amount, ruleId: rule.id });
    ctx.note('fee', `${rule.name}: ${fmt(amount)} ${amount.currency}`, amount, rule.id);
  }
}
