import {
  AuthError, MarketplaceError, NotFoundError, QuotaExhaustedError, RateLimitError, errorFromResponse,
  type XborderError,
} from '../../src/errors/index.js';
import type { WireResponse } from '../../src/http/pipeline.js';

/** Shopee answers `{ request_id, error, message, warning, response }`, errors often with HTTP 200. */
export interface Envelope {
  request_id?: string;
  error?: string;
  message?: string;
}

/** How a seller recovers when no live refresh token is left (appended to every REAUTHORIZE error). */
export const REAUTHORIZE_HINT =
  'Recovery: send the seller the link from adapter.auth.authorizationUrl({ redirect }) (or the console authorization page), then call adapter.auth.exchangeCode(code, { shopId } or { mainAccountId }) with the code Shopee redirects back with; the new pair is saved to the TokenStore and calls work again';

const MARKETPLACE = 'shopee';
const UTC8_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** Both spellings: Shopee's real code is `invalid_acceess_token` (sic, research A5). */
const TOKEN_EXPIRED = new Set(['invalid_acceess_token', 'invalid_access_token']);
/** The grant itself is gone or the refresh token is spent: only the seller can fix it. */
const REAUTHORIZE = new Set([
  'shop_no_linked', 'partner_shop_no_link', 'merchant_no_linked', 'refresh_token_expired', 'error_shop_refresh_token',
  'error_merchant_refresh_token', 'shop_access_expired', 'merchant_access_expired', 'supplier_access_expired', 'invalid_code',
]);
const FORBIDDEN = new Set([
  'error_permission', 'error_api_permission', 'error_api_call_restricted', 'api_suspended', 'shop_banned', 'partner_frozen',
  'source_ip_undeclared', 'error_kyc_auth', 'error_ashop_api_permission',
]);
const AUTH_FAILED = new Set(['error_sign', 'invalid_partner_id', 'error_partner_key_expired', 'invalid_shop_id', 'invalid_main_acount_id']);
const UNAVAILABLE = new Set(['error_server', 'error_inner', 'error_system_busy', 'error_network']);

/** The daily quota resets at 00:00 UTC+8 (error_limit description). */
export function quotaResetAt(now: number): Date {
  const local = now + UTC8_MS;
  return new Date(Math.floor(local / DAY_MS) * DAY_MS + DAY_MS - UTC8_MS);
}

export function envelopeOf(data: unknown): Envelope | undefined {
  // Binary (label downloads) and text (lossless-id) responses carry the same JSON envelope on errors.
  if (typeof data === 'string' || Buffer.isBuffer(data) || data instanceof ArrayBuffer) {
    const text = typeof data === 'string' ? data : Buffer.from(data as Buffer).toString('utf8');
    if (!text.trimStart().startsWith('{')) return undefined;
    try {
      return JSON.parse(text) as Envelope;
    } catch {
      return undefined;
    }
  }
  return data && typeof data === 'object' ? (data as Envelope) : undefined;
}

export function requestIdOf(res: WireResponse): string | undefined {
  const id = envelopeOf(res.data)?.request_id;
  return typeof id === 'string' && id ? id : undefined;
}

function retryAfterMs(headers: Record<string, string>): number | undefined {
  const h = headers['retry-after'];
  if (!h) return undefined;
  const s = Number(h);
  return Number.isFinite(s) ? Math.max(0, s * 1000) : undefined;
}

/**
 * `error_auth` is both Shopee's credential error (common_error_list: "partner_id is invalid", "The
 * App is deleted...", "No permission to current api.") and its refusal of product data on add_item /
 * update_item / update_stock / init_tier_variation (error_list: "Total stock must be more than
 * reserved stock.", "Lack of location_id...", "cnsc shop not upgraded, can not edit item."). Only the
 * documented credential messages are auth failures; anything else is a business refusal carrying
 * Shopee's message (a listing issue, or the item's error in a batch).
 */
const APP_FORBIDDEN = /no permission to current api|permissions for authorizations have been restricted/i;
const APP_INVALID = /partner_id is invalid|app is deleted/i;

function errorAuth(code: string, message: string, text: string, ctx: { marketplace: string; status?: number; requestId?: string; operation?: string }): XborderError {
  if (/refresh_token/i.test(message)) return new AuthError({ ...ctx, code: 'REAUTHORIZE', message: `${text} (the seller must authorize the app again). ${REAUTHORIZE_HINT}` });
  if (/access_token/i.test(message)) return new AuthError({ ...ctx, code: 'AUTH_EXPIRED', message: text });
  if (APP_FORBIDDEN.test(message)) {
    return new AuthError({ ...ctx, code: 'FORBIDDEN', message: `${text} (the app lacks this API's permission: enable it for the app in the Shopee Open Platform console; refreshing tokens will not help)` });
  }
  if (APP_INVALID.test(message)) return new AuthError({ ...ctx, code: 'AUTH_FAILED', message: text });
  if (/system error/i.test(message)) return new MarketplaceError({ ...ctx, code: 'MARKETPLACE_UNAVAILABLE', retryable: true, message: text, errors: [{ code, message }] });
  return new MarketplaceError({ ...ctx, message: text, errors: [{ code, message: message || 'refused' }] });
}

/** One Shopee error code (+ message) → the XborderError class that says what to do about it. */
export function errorFromCode(code: string, message: string, base: { status?: number; requestId?: string; operation?: string; now: number; retryAfterMs?: number }): XborderError {
  const ctx = { marketplace: MARKETPLACE, status: base.status, requestId: base.requestId, operation: base.operation };
  const text = `${code}: ${message || 'no message'}`;
  if (TOKEN_EXPIRED.has(code)) return new AuthError({ ...ctx, code: 'AUTH_EXPIRED', message: text });
  if (code === 'error_auth') return errorAuth(code, message, text, ctx);
  if (REAUTHORIZE.has(code)) return new AuthError({ ...ctx, code: 'REAUTHORIZE', message: `${text} (the seller must authorize the app again). ${REAUTHORIZE_HINT}` });
  if (FORBIDDEN.has(code)) return new AuthError({ ...ctx, code: 'FORBIDDEN', message: text });
  if (AUTH_FAILED.has(code)) return new AuthError({ ...ctx, code: 'AUTH_FAILED', message: text });
  if (code === 'error_rate_limit') return new RateLimitError({ ...ctx, message: text, retryAfterMs: base.retryAfterMs });
  // Exact match only: `order.error_limit` means "cannot cancel this order", not the daily quota.
  if (code === 'error_limit') {
    const resetsAt = quotaResetAt(base.now);
    return new QuotaExhaustedError({ ...ctx, message: `${text} (daily quota; resets at ${resetsAt.toISOString()})`, resetsAt });
  }
  if (UNAVAILABLE.has(code)) return new MarketplaceError({ ...ctx, code: 'MARKETPLACE_UNAVAILABLE', retryable: true, message: text, errors: [{ code, message }] });
  // A stale timestamp is fixed by the fresh signature every retry carries.
  if (code === 'error_param' && /timestamp is expired/i.test(message)) {
    return new MarketplaceError({ ...ctx, retryable: true, message: text, errors: [{ code, message }] });
  }
  if (code === 'error_not_found') return new NotFoundError({ ...ctx, message: text });
  return new MarketplaceError({ ...ctx, message: text, errors: [{ code, message }] });
}

/** The pipeline's mapError: the envelope's `error` wins over the HTTP status. */
export function shopeeErrorMapper(now: () => number) {
  return (res: WireResponse, ctx: { operation: string; requestId?: string }): XborderError | undefined => {
    const env = envelopeOf(res.data);
    const code = typeof env?.error === 'string' ? env.error : '';
    if (code) {
      return errorFromCode(code, typeof env?.message === 'string' ? env.message : '', {
        status: res.status, requestId: ctx.requestId, operation: ctx.operation, now: now(), retryAfterMs: retryAfterMs(res.headers),
      });
    }
    if (res.status < 400) return undefined;
    return errorFromResponse({ marketplace: MARKETPLACE, operation: ctx.operation, status: res.status, requestId: ctx.requestId, retryAfterMs: retryAfterMs(res.headers) });
  };
}
