import { fmt, sub, sum, within, zero } from './calc.js';
import { hsIn, type Ctx } from './context.js';
import { allValid, firstValid } from './dates.js';
import type { AmountThreshold } from './rule-schema.js';
import type { ThresholdOutcome } from './types.js';

/**
 * Value de minimis: the first rule valid on the date whose conditions hold decides, separately
 * for duty and for tax. A null threshold is an explicit "none" (abolished/suspended) and is cited.
 */
export function applyDeMinimis(ctx: Ctx): void {
  ctx.deMinimis = { duty: relieve(ctx, 'duty'), tax: relieve(ctx, 'tax') };
}

function relieve(ctx: Ctx, kind: 'duty' | 'tax'): ThresholdOutcome {
  const rule = firstValid(ctx.dest.deMinimis, ctx.asOf, (r) => (r.relieves === kind || r.relieves === 'both') && ctx.matches(r.when));
  if (!rule) return { applied: 'none' };
  ctx.use(rule);
  if (rule.threshold === null) {
    ctx.note('de-minimis', `no ${kind} de minimis${rule.note ? ` (${rule.note})` : ''}`, undefined, rule.id);
    return { applied: 'none', ruleId: rule.id };
  }
  const limit = rule.threshold;
  const inclusive = rule.inclusive ?? true;
  const basis = rule.basis ?? 'intrinsic';
  const flag = kind === 'duty' ? 'dutyRelieved' : 'taxRelieved';
  let relieved = 0;
  const cmpText = inclusive ? '≤' : '<';
  if ((rule.scope ?? 'consignment') === 'consignment') {
    const value = ctx.basisValue(basis, limit.currency);
    const ok = within(value, limit, inclusive);
    ctx.note('de-minimis', `${kind}: ${basis} value ${fmt(value)} ${value.currency} ${ok ? cmpText : 'exceeds'} ${fmt(limit)} ${limit.currency}`, value, rule.id);
    if (ok) {
      for (const l of ctx.lines) {
        if (rule.exceptHs && hsIn(l.hsCode, rule.exceptHs)) continue;
        l[flag] = true;
        relieved++;
      }
    }
  } else {
    for (const l of ctx.lines) {
      if (rule.exceptHs && hsIn(l.hsCode, rule.exceptHs)) continue;
      if (within(ctx.unitValue(l, limit.currency), limit, inclusive)) {
        l[flag] = true;
        relieved++;
      }
    }
    ctx.note('de-minimis', `${kind}: ${relieved} of ${ctx.lines.length} items ${cmpText} ${fmt(limit)} ${limit.currency} per item`, undefined, rule.id);
  }
  const applied = relieved === 0 ? 'none' : relieved === ctx.lines.length ? 'all' : 'some';
  return { applied, threshold: limit, ruleId: rule.id };
}

/**
 * Thresholds on the amount collected at import (CH VAT ≤ CHF 5, DE VAT < €1, NZ duty+GST <
 * NZ$60, IN ≤ ₹100): when the assessed amount stays within, it is waived (kept at 0 with the rule id).
 */
function dutyOnly(r: AmountThreshold): boolean {
  return r.applies.length === 1 && r.applies[0] === 'duty';
}

/** Duty-only thresholds run in the 'duty' phase, before the taxes, so a waived duty leaves the VAT base too. */
export function applyAmountThresholds(ctx: Ctx, phase: 'duty' | 'final'): void {
  const list = ctx.dest.amountThresholds;
  if (list.length === 0) return;
  for (const rule of allValid(list, ctx.asOf, (r) => dutyOnly(r) === (phase === 'duty'))) {
    const duties = rule.applies.includes('duty') ? ctx.dutyLines.filter((d) => d.collectedBy === 'at-import' && d.amount && !d.waivedBy) : [];
    const taxes = rule.applies.includes('tax') ? ctx.taxes.filter((t) => t.collectedBy === 'at-import' && !t.waivedBy) : [];
    if (duties.length === 0 && taxes.length === 0) continue;
    const assessed = sum([...duties.map((d) => d.amount!), ...taxes.map((t) => t.amount)], ctx.currency);
    const limit = ctx.toCustoms(rule.threshold, 'rates');
    ctx.use(rule);
    if (!within(assessed, limit, rule.inclusive)) continue;
    for (const d of duties) {
      const line = d.item === null ? undefined : ctx.lines[d.item];
      if (line) line.duty = sub(line.duty, d.amount!);
      d.amount = zero(ctx.currency);
      d.waivedBy = rule.id;
    }
    for (const t of taxes) {
      t.amount = zero(ctx.currency);
      t.waivedBy = rule.id;
    }
    ctx.note('threshold', `${rule.applies.join(' + ')} of ${fmt(assessed)} ${ctx.currency} ${rule.inclusive ? '≤' : '<'} ${fmt(limit)}: not levied`, assessed, rule.id);
  }
}
