import { randomUUID } from 'node:crypto';
import type { SandboxResponse } from '../../../src/sandbox/router.js';

/** SP-API response shapes as the models declare them: `{ errors: [{ code, message, details? }] }`. */
export function requestIdHeader(extra: Record<string, string> = {}): Record<string, string> {
  return { 'x-amzn-RequestId': randomUUID(), ...extra };
}

export function ok(body: unknown, status = 200, headers: Record<string, string> = {}): SandboxResponse {
  return { status, body, headers: requestIdHeader(headers) };
}

export function fail(status: number, code: string, message: string, details?: string): SandboxResponse {
  return { status, body: { errors: [{ code, message, ...(details ? { details } : {}) }] }, headers: requestIdHeader() };
}

export const invalidInput = (message: string, details?: string) => fail(400, 'InvalidInput', message, details);

/** Amazon's throttling answer (research A4). */
export function quotaExceeded(rateLimit?: number): SandboxResponse {
  return {
    status: 429,
    body: { errors: [{ code: 'QuotaExceeded', message: 'You exceeded your quota for the requested resource.' }] },
    headers: requestIdHeader({ 'x-amzn-ErrorType': 'TooManyRequestsException', ...(rateLimit ? { 'x-amzn-RateLimit-Limit': String(rateLimit) } : {}) }),
  };
}

export function internalError(): SandboxResponse {
  return fail(500, 'InternalFailure', 'We encountered an internal error. Please try again.');
}
