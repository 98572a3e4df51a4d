import { add, pct, sum } from '../calc.js';
import type { Ctx } from '../context.js';
import { pushDuty } from '../duty.js';
import type { MethodRule } from '../rule-schema.js';
import { pickTaxRule } from '../taxes.js';

type Rule = Extract<MethodRule, { kind: 'in-9804' }>;

/**
 * India CTH 9804 (personal imports bought online, courier/post): BCD 10% of the assessable
 * value, SWS 10% of the BCD, IGST on AV + BCD + SWS (30.98% of AV in all at 18%).
 */
export function in9804(ctx: Ctx, rule: Rule): boolean {
  ctx.use(rule);
  const bases = [];
  for (const line of ctx.lines) {
    const av = line.customsValue;
    const bcd = pct(av, rule.bcd, ctx.rounding);
    const sws = pct(bcd, rule.sws, ctx.rounding);
    pushDuty(ctx, line, { layer: `${rule.id}.bcd`, label: `basic customs duty ${rule.bcd}% (CTH 9804)`, rate: rule.bcd, base: av, amount: bcd, ruleId: rule.id });
    pushDuty(ctx, line, { layer: `${rule.id}.sws`, label: `social welfare surcharge ${rule.sws}% of BCD`, rate: rule.sws, base: bcd, amount: sws, ruleId: rule.id });
    bases.push(add(av, add(bcd, sws)));
  }
  const tax = pickTaxRule(ctx);
  if (tax) {
    ctx.use(tax);
    const base = sum(bases, ctx.currency);
    ctx.taxes.push({ kind: tax.kind, rate: tax.rate, base, amount: pct(base, tax.rate, ctx.rounding), collectedBy: ctx.prepaidBy() ?? 'at-import', ruleId: tax.id });
  }
  ctx.entry = true;
  ctx.regime = { id: rule.id, name: 'India courier/postal personal import (CTH 9804)' };
  return true;
}
