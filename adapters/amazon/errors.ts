import { AuthError, RateLimitError } from '../../src/errors/classes.js';
import { errorFromResponse } from '../../src/errors/from-response.js';
import type { XborderError } from '../../src/errors/xborder-error.js';
import type { WireResponse } from '../../src/http/pipeline.js';

/**
 * SP-API error envelope → typed errors (research A5): `{ errors: [{ code, message, details? }] }`
 * on every model; the LWA token endpoint answers OAuth-style `{ error, error_description }`.
 */
interface ErrorEntry {
  code: string;
  message: string;
  details?: string;
}

function entriesOf(data: unknown): ErrorEntry[] | undefined {
  const errors = (data as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(errors)) return undefined;
  return errors
    .filter((e): e is Record<string, unknown> => !!e && typeof e === 'object')
    .map((e) => ({
      code: String(e.code ?? 'Unknown'),
      message: String(e.message ?? ''),
      ...(typeof e.details === 'string' && e.details ? { details: e.details } : {}),
    }));
}

/** 403 Unauthorized whose text says the access token expired (or was revoked/invalid): refresh once. */
export function isExpiredToken(entries: ErrorEntry[] | undefined): boolean {
  return !!entries?.some((e) => /access token/i.test(`${e.message} ${e.details ?? ''}`) && /expired|revoked|malformed|invalid/i.test(`${e.message} ${e.details ?? ''}`));
}

function lwaError(res: WireResponse, ctx: { operation: string; requestId?: string }): XborderError {
  const body = (res.data ?? {}) as { error?: string; error_description?: string };
  const base = { marketplace: 'amazon', operation: ctx.operation, status: res.status, requestId: ctx.requestId };
  if (body.error === 'invalid_grant') {
    return new AuthError({
      ...base,
      code: 'REAUTHORIZE',
      mustReauthorize: true,
      message: 'Login with Amazon rejected the refresh token (invalid_grant): the seller must re-authorize this application in Seller Central',
    });
  }
  if (body.error === 'invalid_client' || body.error === 'unauthorized_client') {
    return new AuthError({ ...base, code: 'AUTH_FAILED', message: `Login with Amazon rejected the application credentials (${body.error})` });
  }
  if (res.status === 429 || res.status >= 500) return errorFromResponse({ ...base, message: `Login with Amazon failed with HTTP ${res.status}` });
  return new AuthError({ ...base, code: 'AUTH_FAILED', message: `Login with Amazon token request failed (${body.error ?? `HTTP ${res.status}`})` });
}

export function mapAmazonError(res: WireResponse, ctx: { operation: string; requestId?: string }): XborderError | undefined {
  if (res.status < 400) return undefined;
  if (ctx.operation === 'lwaToken') return lwaError(res, ctx);
  const errors = entriesOf(res.data);
  const base = { marketplace: 'amazon', operation: ctx.operation, status: res.status, requestId: ctx.requestId };
  if (res.status === 403 && isExpiredToken(errors)) {
    return new AuthError({ ...base, code: 'AUTH_EXPIRED', message: 'The SP-API access token expired or was rejected' });
  }
  // Every entry goes into the message too: only MarketplaceError has a field for the list (core).
  const message = errors?.length ? errors.map((e) => `${e.code}: ${e.message}${e.details ? ` (${e.details})` : ''}`).join('; ') : undefined;
  if (res.status === 429) return new RateLimitError({ ...base, message: message ?? 'QuotaExceeded' });
  return errorFromResponse({ ...base, errors, message: message ?? (typeof res.data === 'string' && res.data ? `HTTP ${res.status}` : undefined) });
}

export function amazonRequestId(res: WireResponse): string | undefined {
  return res.headers['x-amzn-requestid'];
}

/** `x-amzn-RateLimit-Limit`: the rate (requests per second) applied to this account, when present. */
export function amazonRateFromHeaders(headers: Record<string, string>): number | undefined {
  const raw = headers['x-amzn-ratelimit-limit'];
  if (!raw) return undefined;
  const n = Number.parseFloat(raw);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}
