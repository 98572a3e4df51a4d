import { fmt, pct, within } from '../calc.js';
import { EU_MEMBERS } from '../countries.js';
import type { Ctx } from '../context.js';
import type { MethodRule } from '../rule-schema.js';

type Rule = Extract<MethodRule, { kind: 'tr-flat' }>;

/**
 * Türkiye simplified postal/express regime: a single flat tax on the value incl. transport,
 * 30% when shipped directly from the EU and 60% otherwise, covering duty and VAT.
 */
export function trFlat(ctx: Ctx, rule: Rule): boolean {
  ctx.use(rule);
  if (rule.exemptUpTo) {
    const value = ctx.basisValue('cif', rule.exemptUpTo.currency);
    if (within(value, rule.exemptUpTo, true)) {
      const t = { applied: 'all' as const, threshold: rule.exemptUpTo, ruleId: rule.id };
      ctx.deMinimis = { duty: t, tax: t };
      ctx.note('de-minimis', `value incl. transport ${fmt(value)} EUR ≤ €${fmt(rule.exemptUpTo)}: allowance`, value, rule.id);
      ctx.regime = { id: rule.id, name: 'Türkiye €30 allowance' };
      return true;
    }
  }
  const fromEu = (EU_MEMBERS as readonly string[]).includes(ctx.input.origin);
  const rate = fromEu ? rule.euRate : rule.otherRate;
  const base = ctx.customsValue;
  const prepaid = ctx.prepaidBy();
  ctx.taxes.push({ kind: 'flat-import-tax', rate, base, amount: pct(base, rate, ctx.rounding), collectedBy: prepaid ?? 'at-import', ruleId: rule.id });
  ctx.note('tax', `single flat tax ${rate}% (${fromEu ? 'shipped from the EU' : 'other origins'}), covers duty and VAT`, base, rule.id);
  ctx.entry = true;
  ctx.regime = { id: rule.id, name: 'Türkiye simplified postal/express regime (flat tax)' };
  return true;
}
