import type { Ctx } from '../context.js';
import { standardDuty } from '../duty.js';
import type { MethodRule } from '../rule-schema.js';

type Rule = Extract<MethodRule, { kind: 'us-postal' }>;

/**
 * US mail while de minimis is suspended and before the postal informal entry (24 Jul 2026):
 * duty is only the selected surcharge layers (IEEPA rate, then the Section 122 rate) × value.
 */
export function usPostalDuty(ctx: Ctx, rule: Rule): boolean {
  ctx.use(rule);
  ctx.layerGroups = rule.dutyGroups;
  standardDuty(ctx);
  ctx.layerGroups = undefined;
  ctx.regime = { id: rule.id, name: `US postal shipment: ${rule.dutyGroups.join(' + ')} duty only` };
  if (rule.warning) ctx.warn('NOTICE', rule.warning, { ruleId: rule.id });
  return true;
}
