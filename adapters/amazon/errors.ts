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
  field?: string;
}

/**
 * Request fields Amazon names in the text of an InvalidInput (ordersV0.json ConfirmShipmentRequest /
 * PackageDetail / ConfirmShipmentOrderItem), mapped to their path in our request body.
 */
const FIELD_PATHS: Array<[RegExp, string]> = [
  [/\bpackageReferenceId\b/, 'packageDetail.packageReferenceId'],
  [/\bcarrierCode\b/, 'packageDetail.carrierCode'],
  [/\bcarrierName\b/, 'packageDetail.carrierName'],
  [/\bshippingMethod\b/, 'packageDetail.shippingMethod'],
  [/\btrackingNumber\b/, 'packageDetail.trackingNumber'],
  [/\bshipDate\b/, 'packageDetail.shipDate'],
  [/\btransparencyCodes?\b/, 'packageDetail.orderItems.transparencyCodes'],
  [/\borderItems?\b|\borderItemId\b/, 'packageDetail.orderItems'],
  [/\bmarketplaceId\b/, 'marketplaceId'],
];

/** The field an InvalidInput entry is about, when its text names one we send. */
function fieldOf(operation: string, text: string): string | undefined {
  if (operation !== 'confirmShipment') return undefined;
  return FIELD_PATHS.find(([re]) => re.test(text))?.[1];
}

function entriesOf(data: unknown, operation = ''): ErrorEntry[] | undefined {
  const errors = (data as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(errors)) return undefined;
  return errors
    .filter((e): e is Record<string, unknown> => !!e && typeof e === 'object')
    .map((e) => ({
      code: String(e.code ?? 'Unknown'),
      message: String(e.message ?? ''),
      ...(typeof e.details === 'string' && e.details ? { details: e.details } : {}),
    }))
    .map((e) => {
      const field = fieldOf(operation, `${e.details ?? ''} ${e.message}`);
      return field ? { ...e, field } : e;
    });
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
  const errors = entriesOf(res.data, ctx.operation);
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
