import { randomBytes } from 'node:crypto';
import type { SandboxResponse } from '../../../src/sandbox/router.js';

export const requestId = () => randomBytes(8).toString('hex');

/** Business success: `{ "<method with _>_response": { ...fields, request_id } }`. */
export function ok(method: string, fields: Record<string, unknown>): SandboxResponse {
  return { status: 200, body: { [`${method.replace(/\./g, '_')}_response`]: { ...fields, request_id: requestId() } } };
}

/** Gateway errors come with HTTP 200 (research B4). */
export function fail(type: 'ISV' | 'ISP' | 'SYSTEM', code: string, msg: string, extra: Record<string, unknown> = {}, status = 200): SandboxResponse {
  return { status, body: { error_response: { type, code, msg, request_id: requestId(), ...extra } } };
}

/** /rest system errors answer flat (research B4, seen on the same gateway). */
export function flatFail(code: string, message: string): SandboxResponse {
  return { status: 200, body: { type: 'ISV', code, message, request_id: requestId() } };
}

export const throttled = (retryAfterMs: number): SandboxResponse =>
  fail('ISV', 'ApiCallLimit', `The request has exceeded the limit, ban will last ${Math.max(1, Math.ceil(retryAfterMs / 1000))} seconds`);

export const serverError = (): SandboxResponse => fail('SYSTEM', 'InternalError', 'The request processing has failed due to some unknown error.', {}, 500);
