import { fmt, pct, within } from '../calc.js';
import type { Ctx } from '../context.js';
import type { MethodRule } from '../rule-schema.js';

type Rule = Extract<MethodRule, { kind: 'mx-courier' }>;

/**
 * Mexico courier simplified procedure (RGCE 3.7.35, ≤ US$2,500): one "tasa global" covering
 * duty and IVA on the customs value — by value band for T-MEC (US/CA) goods, a single rate otherwise.
 */
export function mxCourier(ctx: Ctx, rule: Rule): boolean {
  const value = ctx.basisValue('customs', rule.ceiling.currency);
  if (!within(value, rule.ceiling, true)) {
    ctx.note('regime', `customs value ${fmt(value)} USD > US$${fmt(rule.ceiling)}: general import`, value, rule.id);
    return false;
  }
  ctx.use(rule);
  const fta = ctx.lines.every((l) => rule.ftaOrigins.includes(l.origin));
  let rate = rule.rate;
  if (fta) {
    if (within(value, rule.ftaExemptUpTo, true)) {
      ctx.note('regime', `T-MEC goods ≤ US$${fmt(rule.ftaExemptUpTo)}: exempt (DTA only)`, value, rule.id);
      ctx.deMinimis = { duty: { applied: 'all', threshold: rule.ftaExemptUpTo, ruleId: rule.id }, tax: { applied: 'all', threshold: rule.ftaExemptUpTo, ruleId: rule.id } };
      ctx.regime = { id: rule.id, name: 'Mexico courier simplified procedure (T-MEC, exempt)' };
      return true;
    }
    rate = rule.ftaBands.find((b) => !b.upTo || within(value, b.upTo, true))!.rate;
  } else if (ctx.lines.some((l) => rule.ftaOrigins.includes(l.origin))) {
    ctx.note('regime', 'mixed T-MEC and other origins: the non-FTA rate applies to the whole consignment', undefined, rule.id);
  }
  const base = ctx.customsValue;
  const prepaid = ctx.prepaidBy();
  ctx.taxes.push({ kind: 'global-rate', rate, base, amount: pct(base, rate, ctx.rounding), collectedBy: prepaid ?? 'at-import', ruleId: rule.id });
  ctx.note('tax', `tasa global ${rate}% of the customs value (covers duty and IVA; no separate duty)`, base, rule.id);
  ctx.entry = true;
  ctx.regime = { id: rule.id, name: `Mexico courier simplified procedure (${fta ? 'T-MEC' : 'non-FTA'} tasa global)` };
  return true;
}
