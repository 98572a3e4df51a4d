import { AuthError, QuotaExhaustedError, RateLimitError } from '../../src/errors/classes.js';
import type { MarketplaceErrorEntry } from '../../src/errors/classes.js';
import { errorFromResponse } from '../../src/errors/from-response.js';
import { redactText } from '../../src/errors/redact.js';
import type { XborderError } from '../../src/errors/xborder-error.js';
import type { WireResponse } from '../../src/http/pipeline.js';
import type { ErrorDetail } from './schemas/common.js';

/**
 * eBay REST error envelope → typed errors (research B5): `{ errors: [{ errorId, domain, category,
 * message, longMessage?, parameters? }] }`; the OAuth endpoint answers `{ error, error_description }`.
 */
export function entriesOf(details: readonly ErrorDetail[] | undefined): MarketplaceErrorEntry[] {
  return (details ?? []).map((e) => {
    const field = e.parameters?.map((p) => p.value).filter((v): v is string => !!v).join(',');
    return {
      code: String(e.errorId ?? 'Unknown'),
      message: String(e.message ?? ''),
      ...(e.longMessage && e.longMessage !== e.message ? { details: e.longMessage } : {}),
      // The core redacts message/details only; parameter values may echo a token too.
      ...(field ? { field: redactText(field) } : {}),
    };
  });
}

function detailsOf(data: unknown): ErrorDetail[] | undefined {
  const errors = (data as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(errors)) return undefined;
  return errors.filter((e): e is ErrorDetail => !!e && typeof e === 'object');
}

/** Legacy "call limit exceeded" (errorId 10001) or its REST wording: the daily quota is spent. */
export function isQuotaExhausted(entries: MarketplaceErrorEntry[]): boolean {
  return entries.some((e) => e.code === '10001' || /exceeded the number of times|call limit/i.test(`${e.message} ${e.details ?? ''}`));
}

function oauthError(res: WireResponse, ctx: { operation: string; requestId?: string }): XborderError {
  const body = (res.data ?? {}) as { error?: string; error_description?: string };
  const base = { marketplace: 'ebay', operation: ctx.operation, status: res.status, requestId: ctx.requestId };
  if (body.error === 'invalid_grant') {
    return new AuthError({ ...base, code: 'REAUTHORIZE', mustReauthorize: true, message: 'eBay rejected the refresh token (invalid_grant): the seller must grant this application access again' });
  }
  if (body.error === 'invalid_client' || body.error === 'unauthorized_client') {
    return new AuthError({ ...base, code: 'AUTH_FAILED', message: `eBay rejected the application credentials (${body.error})` });
  }
  if (res.status === 429 || res.status >= 500) return errorFromResponse({ ...base, message: `eBay token endpoint failed with HTTP ${res.status}` });
  return new AuthError({ ...base, code: 'AUTH_FAILED', message: `eBay token request failed (${body.error ?? `HTTP ${res.status}`})` });
}

function retryAfterMs(headers: Record<string, string>): number | undefined {
  const s = Number(headers['retry-after']);
  return Number.isFinite(s) && s >= 0 ? s * 1000 : undefined;
}

export function mapEbayError(res: WireResponse, ctx: { operation: string; requestId?: string }): XborderError | undefined {
  if (res.status < 400) return undefined;
  if (ctx.operation === 'refreshToken') return oauthError(res, ctx);
  const errors = entriesOf(detailsOf(res.data));
  const base = { marketplace: 'ebay', operation: ctx.operation, status: res.status, requestId: ctx.requestId, errors };
  const message = errors.length ? errors.map((e) => `${e.code}: ${e.message}`).join('; ') : undefined;
  // Invalid or expired user token: refresh once and replay (pipeline). The Inventory API also
  // reports an expired token as 403 errorId 1100 "Access denied" (research B5; hendt/ebay-api#148);
  // other 403s (missing scope, not opted in) stay refusals.
  if (res.status === 401 || (res.status === 403 && errors.some((e) => e.code === '1100'))) return new AuthError({ ...base, code: 'AUTH_EXPIRED', message: message ?? 'eBay rejected the access token' });
  if (res.status === 429 || isQuotaExhausted(errors)) {
    if (isQuotaExhausted(errors)) return new QuotaExhaustedError({ ...base, message: message ?? 'eBay daily call limit reached' });
    return new RateLimitError({ ...base, message: message ?? 'eBay throttled the call', retryAfterMs: retryAfterMs(res.headers) });
  }
  return errorFromResponse({ ...base, message: message ?? `HTTP ${res.status}` });
}

/** No request-id header is documented (research B5): eBay's X-EBAY-C-REQUEST-ID, then rlogid. */
export function ebayRequestId(res: WireResponse): string | undefined {
  return res.headers['x-ebay-c-request-id'] ?? res.headers['rlogid'];
}
