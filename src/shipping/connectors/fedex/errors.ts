import { AuthError } from '../../../errors/classes.js';
import type { XborderError } from '../../../errors/xborder-error.js';
import type { WireResponse } from '../../../http/pipeline.js';
import { carrierError } from '../common.js';
import { ErrorBodySchema } from './schemas.js';

/**
 * FedEx `{ transactionId, errors: [{ code, message }] }` → typed error with FedEx's own text.
 * A 401 on a rating call means the bearer token is no longer accepted: AUTH_EXPIRED makes the
 * pipeline fetch a new token once and replay; a 401 from /oauth/token is a credentials failure.
 */
export function mapFedexError(res: WireResponse, ctx: { operation: string; requestId?: string }): XborderError | undefined {
  if (res.status < 400) return undefined;
  const parsed = ErrorBodySchema.safeParse(res.data);
  const entries = (parsed.success ? (parsed.data.errors ?? []) : []).map((e) => ({ code: e.code ?? '', message: e.message ?? '' }));
  const err = carrierError('fedex', 'FedEx', res, { ...ctx, requestId: ctx.requestId ?? (parsed.success ? parsed.data.transactionId : undefined) }, entries);
  if (res.status === 401 && ctx.operation !== 'oauthToken') {
    return new AuthError({ marketplace: 'fedex', operation: ctx.operation, status: 401, requestId: err.requestId, code: 'AUTH_EXPIRED', message: err.message });
  }
  return err;
}
