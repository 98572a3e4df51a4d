import { fmt, pct, within } from '../calc.js';
import { hsIn, type Ctx } from '../context.js';
import { dutyForLine, pushDuty } from '../duty.js';
import type { MethodRule } from '../rule-schema.js';

type Rule = Extract<MethodRule, { kind: 'id-pmk' }>;

/**
 * Indonesia PMK 4/2025 consignments: FOB ≤ US$3 no duty, ≤ US$1,500 a flat 7.5%, except eight
 * commodity groups at fixed rates of their own (books 0 %; watches, cosmetics, steel 15 %; bags,
 * textile products, footwear, bicycles 25 %), as PMK 96/2023 had them at MFN rates.
 * Above US$1,500: normal import (general tariff).
 */
export function idPmkDuty(ctx: Ctx, rule: Rule): boolean {
  const fob = ctx.basisValue('fob', rule.flatUpTo.currency);
  if (!within(fob, rule.flatUpTo, true)) {
    ctx.note('duty', `FOB ${fmt(fob)} USD > US$${fmt(rule.flatUpTo)}: normal import`, fob, rule.id);
    return false;
  }
  ctx.use(rule);
  const tiny = within(fob, rule.noDutyUpTo, true);
  const listed = (hs: string) => hsIn(hs, rule.mfnHs) || rule.fixedRates.some((g) => hsIn(hs, g.hs));
  for (const line of ctx.lines) {
    const group = rule.fixedRates.find((g) => hsIn(line.hsCode, g.hs));
    if (group) {
      // Listed goods keep their own rate at any value up to the ceiling, as under PMK 96/2023 (MFN).
      pushDuty(ctx, line, { layer: rule.id, label: `${group.label} ${group.rate}%`, rate: group.rate, base: line.customsValue, amount: pct(line.customsValue, group.rate, ctx.rounding), ruleId: rule.id });
    } else if (hsIn(line.hsCode, rule.mfnHs)) {
      ctx.note('duty', `item ${line.index}: listed goods (HS ${line.hsCode}) pay MFN rates`, undefined, rule.id);
      dutyForLine(ctx, line);
    } else if (tiny) {
      ctx.note('duty', `item ${line.index}: FOB ≤ US$${fmt(rule.noDutyUpTo)}, no import duty`, undefined, rule.id);
    } else {
      pushDuty(ctx, line, { layer: rule.id, label: `consignment flat duty ${rule.flatRate}%`, rate: rule.flatRate, base: line.customsValue, amount: pct(line.customsValue, rule.flatRate, ctx.rounding), ruleId: rule.id });
    }
  }
  ctx.deMinimis.duty = tiny ? { applied: ctx.lines.some((l) => listed(l.hsCode)) ? 'some' : 'all', threshold: rule.noDutyUpTo, ruleId: rule.id } : { applied: 'none', threshold: rule.noDutyUpTo, ruleId: rule.id };
  ctx.regime = { id: rule.id, name: 'Indonesia consignment (PMK 4/2025)' };
  return true;
}
