import { AuthError } from '../../../errors/classes.js';
import type { XborderError } from '../../../errors/xborder-error.js';
import type { WireResponse } from '../../../http/pipeline.js';
import { carrierError } from '../common.js';
import { ErrorBodySchema } from './schemas.js';

/**
 * UPS `{ response: { errors: [{ code, message }] } }` → typed error with UPS's own text. A 401 on
 * rating means the bearer token was refused: AUTH_EXPIRED (one refresh + replay); on the token
 * endpoint it means the client id/secret are wrong.
 */
export function mapUpsError(res: WireResponse, ctx: { operation: string; requestId?: string }): XborderError | undefined {
  if (res.status < 400) return undefined;
  const parsed = ErrorBodySchema.safeParse(res.data);
  const entries = (parsed.success ? (parsed.data.response?.errors ?? []) : []).map((e) => ({ code: e.code ?? '', message: e.message ?? '' }));
  const err = carrierError('ups', 'UPS', res, ctx, entries);
  if (res.status === 401 && ctx.operation !== 'createToken') {
    return new AuthError({ marketplace: 'ups', operation: ctx.operation, status: 401, requestId: ctx.requestId, code: 'AUTH_EXPIRED', message: err.message });
  }
  return err;
}
