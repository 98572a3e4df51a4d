import { randomBytes } from 'node:crypto';
import type { SandboxResponse } from '../../../src/sandbox/router.js';

/** Shopee's `{ request_id, error, message, response }` envelope; business errors come with HTTP 200. */
export const requestId = () => randomBytes(16).toString('hex');

export function ok(response?: unknown, extra: Record<string, unknown> = {}): SandboxResponse {
  return { status: 200, body: { request_id: requestId(), error: '', message: '', ...(response === undefined ? {} : { response }), ...extra } };
}

/** Token APIs answer flat (no `response` object). */
export function flat(fields: Record<string, unknown>): SandboxResponse {
  return { status: 200, body: { request_id: requestId(), error: '', message: '', ...fields } };
}

export function fail(error: string, message: string, status = 200, headers?: Record<string, string>): SandboxResponse {
  return { status, body: { request_id: requestId(), error, message }, ...(headers ? { headers } : {}) };
}

/** error_rate_limit as worded in every endpoint's common_error_list (e.g. specs/shopee/v2.product.update_stock.json). */
export const throttled = (retryAfterMs: number): SandboxResponse =>
  fail('error_rate_limit', 'Too many requests. You have reached the rate limit. Please try again later.', 429, { 'retry-after': String(Math.max(1, Math.ceil(retryAfterMs / 1000))) });

/** error_server "Something wrong. Please try later." (the error_list of every endpoint, e.g. v2.product.update_stock.json). */
export const serverError = (): SandboxResponse => fail('error_server', 'Something wrong. Please try later.', 500);
