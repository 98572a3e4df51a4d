import {
  AuthError, MarketplaceError, NotFoundError, QuotaExhaustedError, RateLimitError, errorFromResponse, type XborderError,
} from '../../src/errors/index.js';
import type { WireResponse } from '../../src/http/pipeline.js';

const MARKETPLACE = 'aliexpress';
const UTC8_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** Error fields of the IOP envelope (`error_response`), of flat `/rest` errors and of TOP's legacy shape. */
export interface AeError {
  type?: string;
  code?: string | number;
  msg?: string;
  message?: string;
  sub_code?: string;
  sub_msg?: string;
  request_id?: string;
}

const TOKEN_EXPIRED = new Set(['IllegalAccessToken', 'InvalidSession', 'SessionExpired']);
const SIGNATURE = new Set(['IncompleteSignature', 'InvalidSignature', 'InvalidAppKey', 'IllegalTimestamp', 'InvalidApiPath', 'AppKeyMissing']);
const FORBIDDEN = new Set(['InsufficientPermission', 'AppUnauthorized', 'isv.account-migration-check-fail']);

/** The app-level daily quota ends at 24:00 Beijing time (research B5). */
export function quotaResetAt(now: number): Date {
  return new Date(Math.floor((now + UTC8_MS) / DAY_MS) * DAY_MS + DAY_MS - UTC8_MS);
}

/** The error part of a response, if it is one: `error_response`, a flat `/rest` error, or a result with `success: false`. */
export function errorOf(data: unknown): AeError | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const d = data as Record<string, unknown>;
  if (d.error_response && typeof d.error_response === 'object') return d.error_response as AeError;
  // /rest answers flat; success carries code "0".
  if ('code' in d && String(d.code) !== '0' && (typeof d.message === 'string' || typeof d.msg === 'string')) return d as AeError;
  for (const [k, v] of Object.entries(d)) {
    if (!k.endsWith('_response') || !v || typeof v !== 'object') continue;
    const result = (v as { result?: Record<string, unknown> }).result;
    // Results carry their own error_code/error_message (e.g. specs/aliexpress/aliexpress_solution_order_info_get.json#result,
    // which documents no `success` flag): a non-empty code is a failure even without success=false.
    const code = result && typeof result === 'object' ? result.error_code : undefined;
    const failedByCode = code !== undefined && code !== null && code !== '' && String(code) !== '0' && result!.data === undefined;
    if (result && typeof result === 'object' && (result.success === false || failedByCode)) {
      const msg = String(result.error_message ?? result.error_msg ?? '');
      return { type: 'ISV', code: String(result.error_code ?? 'BUSINESS_FAILURE'), msg, request_id: (v as { request_id?: string }).request_id };
    }
  }
  return undefined;
}

export function requestIdOf(res: WireResponse): string | undefined {
  const d = res.data as Record<string, unknown> | undefined;
  if (!d || typeof d !== 'object') return undefined;
  const err = d.error_response as AeError | undefined;
  if (err?.request_id) return err.request_id;
  if (typeof d.request_id === 'string') return d.request_id;
  for (const [k, v] of Object.entries(d)) if (k.endsWith('_response') && typeof (v as AeError)?.request_id === 'string') return (v as AeError).request_id;
  return undefined;
}

/** "ban will last N seconds" (TOP-era limit message, research B5). */
function banSeconds(text: string): number | undefined {
  const m = /ban\D*(\d+)\D{0,12}sec/i.exec(text);
  return m ? Number(m[1]) : undefined;
}

/**
 * One gateway error → the class that says what to do. Throttling vs daily quota: a ban that lasts
 * until Beijing midnight, or text naming a day/quota, is the daily quota (QuotaExhaustedError);
 * anything shorter is throttling (RateLimitError, retried after the ban).
 */
export function errorFromAe(e: AeError, base: { status?: number; requestId?: string; operation?: string; now: number }): XborderError {
  const ctx = { marketplace: MARKETPLACE, status: base.status, requestId: base.requestId ?? e.request_id, operation: base.operation };
  const code = String(e.code ?? '');
  const sub = e.sub_code ?? '';
  const message = e.sub_msg || e.msg || e.message || 'no message';
  const text = `${sub || code}: ${message}`;
  const entries = [{ code: sub || code, message }];
  if (TOKEN_EXPIRED.has(code) || TOKEN_EXPIRED.has(sub)) return new AuthError({ ...ctx, code: 'AUTH_EXPIRED', message: text });
  if (/refresh.?token/i.test(`${code} ${sub} ${message}`) && /invalid|expired/i.test(`${code} ${message}`)) {
    return new AuthError({ ...ctx, code: 'REAUTHORIZE', message: `${text} (the seller must authorize the app again)` });
  }
  if (SIGNATURE.has(code)) return new AuthError({ ...ctx, code: 'AUTH_FAILED', message: text });
  if (FORBIDDEN.has(code) || FORBIDDEN.has(sub)) return new AuthError({ ...ctx, code: 'FORBIDDEN', message: text });
  const limited = code === '7' || /ApiCallLimit|AppCallLimit|call.?limit|frequency|flow.?control/i.test(`${code} ${sub}`);
  if (limited) {
    const all = `${e.msg ?? ''} ${e.message ?? ''} ${e.sub_msg ?? ''}`;
    const seconds = banSeconds(all);
    const resetsAt = quotaResetAt(base.now);
    const untilMidnight = resetsAt.getTime() - base.now;
    if (/day|daily|quota/i.test(all) || (seconds !== undefined && seconds * 1000 >= untilMidnight - 60_000)) {
      return new QuotaExhaustedError({ ...ctx, message: `${text} (daily quota; resets at ${resetsAt.toISOString()})`, resetsAt });
    }
    return new RateLimitError({ ...ctx, message: text, retryAfterMs: seconds !== undefined ? seconds * 1000 : undefined });
  }
  if (e.type === 'ISP' || e.type === 'SYSTEM' || /^isp\./.test(sub)) {
    return new MarketplaceError({ ...ctx, code: 'MARKETPLACE_UNAVAILABLE', retryable: true, message: text, errors: entries });
  }
  if (isNotFound(`${sub} ${code}`, message)) return new NotFoundError({ ...ctx, message: text });
  return new MarketplaceError({ ...ctx, message: text, errors: entries });
}

/**
 * "Not found" is told by the code (`isv.product-not-exist`, `ORDER_NOT_FOUND`...) or, since the
 * solution APIs document no code list, by the message ("order not found", "The order does not
 * exist"). Permission and validation errors name neither.
 */
export function isNotFound(code: string, message: string): boolean {
  return /not.?exist|not.?found|no.?such/i.test(code) || /\b(not (be )?found|does not exist|not exist|no such)\b/i.test(message);
}

/** The pipeline's mapError: the gateway answers errors with HTTP 200, so the body decides. */
export function aliexpressErrorMapper(now: () => number) {
  return (res: WireResponse, ctx: { operation: string; requestId?: string }): XborderError | undefined => {
    const e = errorOf(res.data);
    if (e) return errorFromAe(e, { status: res.status, requestId: ctx.requestId, operation: ctx.operation, now: now() });
    if (res.status < 400) return undefined;
    return errorFromResponse({ marketplace: MARKETPLACE, operation: ctx.operation, status: res.status, requestId: ctx.requestId });
  };
}
