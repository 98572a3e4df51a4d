import type { XborderError } from '../../../errors/xborder-error.js';
import type { WireResponse } from '../../../http/pipeline.js';
import { carrierError } from '../common.js';
import { ErrorBodySchema } from './schemas.js';

/** MyDHL problem+json `{ instance, detail, title, message, status, additionalDetails }` → typed error. */
export function mapDhlError(res: WireResponse, ctx: { operation: string; requestId?: string }): XborderError | undefined {
  if (res.status < 400) return undefined;
  const parsed = ErrorBodySchema.safeParse(res.data);
  const body = parsed.success ? parsed.data : {};
  const message = body.detail ?? body.title ?? body.message ?? (typeof res.data === 'string' ? res.data.slice(0, 200) : `HTTP ${res.status}`);
  const details = body.additionalDetails?.length ? body.additionalDetails.join('; ') : undefined;
  return carrierError('dhl-express', 'DHL Express', res, ctx, [
    { code: body.status !== undefined ? String(body.status) : String(res.status), message, ...(details ? { details } : {}) },
  ]);
}
