import { parseDecimal } from '../../model/decimal.js';
import { fmt, pct, within } from '../calc.js';
import type { Ctx } from '../context.js';
import { pushDuty } from '../duty.js';
import type { MethodRule } from '../rule-schema.js';

type Rule = Extract<MethodRule, { kind: 'co-postal' }>;

/** Σ weightKg × quantity > limit, exactly; undefined when a weight is missing. */
function overWeight(ctx: Ctx, maxKg: string): boolean | undefined {
  const weights = [];
  for (const i of ctx.input.items) {
    if (i.weightKg === undefined) return undefined;
    weights.push({ w: parseDecimal(i.weightKg), q: BigInt(i.quantity) });
  }
  const max = parseDecimal(maxKg);
  const scale = Math.max(max.scale, ...weights.map((x) => x.w.scale));
  let total = 0n;
  for (const { w, q } of weights) total += w.units * 10n ** BigInt(scale - w.scale) * q;
  return total > max.units * 10n ** BigInt(scale - max.scale);
}

/** Colombia postal/express (≤ US$2,000, ≤ 50 kg): above FOB US$200 a flat 10% replaces the HS rate. */
export function coPostalDuty(ctx: Ctx, rule: Rule): boolean {
  const fob = ctx.basisValue('fob', rule.ceiling.currency);
  const heavy = overWeight(ctx, rule.maxKg);
  if (!within(fob, rule.ceiling, true) || heavy) {
    ctx.note('duty', `outside the postal/express regime (FOB ${fmt(fob)} USD, ${heavy ? `> ${rule.maxKg} kg` : 'weight ok'}): general tariff`, fob, rule.id);
    return false;
  }
  ctx.use(rule);
  if (heavy === undefined) ctx.note('duty', `weights not given: assumed ≤ ${rule.maxKg} kg`, undefined, rule.id);
  for (const line of ctx.lines) {
    if (line.dutyRelieved) continue;
    pushDuty(ctx, line, { layer: rule.id, label: `postal/express flat duty ${rule.flatRate}%`, rate: rule.flatRate, base: line.customsValue, amount: pct(line.customsValue, rule.flatRate, ctx.rounding), ruleId: rule.id });
  }
  return true;
}
