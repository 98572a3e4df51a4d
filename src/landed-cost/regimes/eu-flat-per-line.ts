import { fmt, within } from '../calc.js';
import type { Ctx } from '../context.js';
import { pushDuty } from '../duty.js';
import type { MethodRule } from '../rule-schema.js';

type Rule = Extract<MethodRule, { kind: 'eu-flat-per-line' }>;

/**
 * EU interim duty (1 Jul 2026 – 1 Jul 2028): a flat amount per distinct tariff classification in
 * a consignment of intrinsic value ≤ €150 — 5 T-shirts are one item, a T-shirt and a watch two.
 * Owed at import by the declarant even when IOSS collected the VAT. Above €150: TARIC rates.
 */
export function euFlatPerLineDuty(ctx: Ctx, rule: Rule): boolean {
  const value = ctx.basisValue('intrinsic', rule.ceiling.currency);
  if (!within(value, rule.ceiling, true)) {
    ctx.note('duty', `intrinsic value ${fmt(value)} EUR > ${fmt(rule.ceiling)}: normal TARIC duty`, value, rule.id);
    return false;
  }
  ctx.use(rule);
  const perLine = ctx.toCustoms(rule.perLine, 'rates');
  const seen = new Set<string>();
  for (const line of ctx.lines) {
    const key = line.hsCode.slice(0, rule.classificationDigits);
    if (seen.has(key)) continue;
    seen.add(key);
    // Owed at import whatever the VAT scheme: never marketplace-collected.
    pushDuty(ctx, line, { layer: rule.id, label: `€${fmt(rule.perLine)} flat duty, classification ${key}`, rate: 'flat', base: line.customsValue, amount: perLine, ruleId: rule.id }, 'at-import');
  }
  ctx.entry = true;
  ctx.note('duty', `${seen.size} distinct tariff classification(s) × €${fmt(rule.perLine)}`, undefined, rule.id);
  if (!ctx.regime) ctx.regime = { id: rule.id, name: 'EU low-value consignment (≤ €150): flat duty per classification, import VAT at the border' };
  return true;
}
