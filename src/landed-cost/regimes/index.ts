import type { Ctx } from '../context.js';
import { firstValid } from '../dates.js';
import type { MethodRule } from '../rule-schema.js';
import { brRts } from './br-rts.js';
import { coPostalDuty } from './co-postal.js';
import { euFlatPerLineDuty } from './eu-flat-per-line.js';
import { idPmkDuty } from './id-pmk.js';
import { in9804 } from './in-9804.js';
import { mxCourier } from './mx-courier.js';
import { trFlat } from './tr-flat.js';
import { usPostalDuty } from './us-postal.js';

/**
 * A special method replaces one step of the standard pipeline (`duty`) or all of duty, tax
 * and thresholds (`all`, flat regimes). Returning false falls back to the standard step.
 */
export interface RegimeHandler<R> {
  step: 'duty' | 'all';
  run(ctx: Ctx, rule: R): boolean;
}

type Handlers = { [K in MethodRule['kind']]: RegimeHandler<Extract<MethodRule, { kind: K }>> };

export const HANDLERS: Handlers = {
  'eu-flat-per-line': { step: 'duty', run: euFlatPerLineDuty },
  'us-postal': { step: 'duty', run: usPostalDuty },
  'id-pmk': { step: 'duty', run: idPmkDuty },
  'co-postal': { step: 'duty', run: coPostalDuty },
  'br-rts': { step: 'all', run: brRts },
  'mx-courier': { step: 'all', run: mxCourier },
  'tr-flat': { step: 'all', run: trFlat },
  'in-9804': { step: 'all', run: in9804 },
};

export function pickMethod(ctx: Ctx): MethodRule | undefined {
  return firstValid(ctx.dest.methods, ctx.asOf, (m) => ctx.matches(m.when));
}

export function runMethod(ctx: Ctx, rule: MethodRule, step: 'duty' | 'all'): boolean {
  const h = HANDLERS[rule.kind] as RegimeHandler<MethodRule>;
  return h.step === step ? h.run(ctx, rule) : false;
}
