import { fmt, mulDiv, pct, percent, sub, within, zero } from '../calc.js';
import type { Ctx } from '../context.js';
import { pushDuty, standardDuty } from '../duty.js';
import type { MethodRule } from '../rule-schema.js';
import { pickTaxRule } from '../taxes.js';

type Rule = Extract<MethodRule, { kind: 'br-rts' }>;

/**
 * Brazil RTS / Remessa Conforme: Imposto de Importação on the CIF value (20% ≤ US$50; 60% − US$20
 * up to US$3,000 via certified platforms; 60% otherwise), then state ICMS computed "por dentro":
 * ICMS = (V + II) / (1 − r) × r. Certified platforms collect both at checkout.
 */
export function brRts(ctx: Ctx, rule: Rule): boolean {
  const valueUsd = ctx.basisValue('cif', 'USD');
  if (!within(valueUsd, rule.ceiling, true)) {
    ctx.warn('NOT_MODELLED', `Consignments above US$${fmt(rule.ceiling)} leave the RTS (formal import with II, IPI, PIS/COFINS, ICMS): only the tariff duty is shown.`, { ruleId: rule.id });
    standardDuty(ctx);
    ctx.complete = false;
    return true;
  }
  ctx.use(rule);
  const ch = ctx.input.channel;
  const marketplace = ch?.marketplace ?? 'direct';
  const certified = ch?.collectsTax ?? (marketplace !== 'direct' && rule.certified.includes(marketplace));
  const collectedBy = certified ? (marketplace === 'direct' ? 'seller' : 'marketplace') : 'at-import';
  const v = ctx.customsValue;

  let ii;
  let label;
  if (!certified) {
    ii = pct(v, rule.uncertifiedRate, ctx.rounding);
    label = `II ${rule.uncertifiedRate}% (seller not in Remessa Conforme)`;
  } else if (within(valueUsd, rule.lowTierUpTo, true)) {
    ii = pct(v, rule.lowRate, ctx.rounding);
    label = `II ${rule.lowRate}% (≤ US$${fmt(rule.lowTierUpTo)})`;
  } else {
    const deduction = ctx.toCustoms(rule.deduction, 'rates');
    ii = sub(pct(v, rule.highRate, ctx.rounding), deduction);
    if (ii.amount < 0) ii = zero(ctx.currency);
    label = `II ${rule.highRate}% − US$${fmt(rule.deduction)} (${fmt(deduction)} ${ctx.currency})`;
  }
  pushDuty(ctx, null, { layer: rule.id, label, rate: certified && within(valueUsd, rule.lowTierUpTo, true) ? rule.lowRate : rule.highRate, base: v, amount: ii, ruleId: rule.id }, collectedBy);

  const tax = pickTaxRule(ctx);
  if (tax) {
    ctx.use(tax);
    const r = percent(tax.rate);
    const inner = v.amount + ii.amount;
    // Gross-up: base = (V + II) / (1 − r); ICMS = base × r.
    const base = { amount: mulDiv(inner, r.den, r.den - r.num, ctx.rounding), currency: ctx.currency };
    const amount = { amount: mulDiv(inner, r.num, r.den - r.num, ctx.rounding), currency: ctx.currency };
    ctx.taxes.push({ kind: tax.kind, rate: tax.rate, base, amount, collectedBy, ruleId: tax.id });
    ctx.note('tax', `ICMS ${tax.rate}% por dentro: (${fmt(v)} + ${fmt(ii)}) / (1 − ${tax.rate}%) × ${tax.rate}%`, amount, tax.id);
  }
  ctx.entry = collectedBy === 'at-import';
  ctx.regime = certified
    ? { id: rule.id, name: 'Brazil RTS via Remessa Conforme (II + ICMS at checkout)', scheme: 'Remessa Conforme' }
    : { id: rule.id, name: 'Brazil RTS (not certified: II + ICMS at import)' };
  return true;
}
