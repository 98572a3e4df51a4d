import { randomUUID } from 'node:crypto';
import type { SandboxResponse } from '../../../src/sandbox/router.js';

/** eBay REST shapes (research B5): `{ errors: [{ errorId, domain, category, message, longMessage?, parameters? }] }`. */
export function requestIdHeader(extra: Record<string, string> = {}): Record<string, string> {
  return { 'X-EBAY-C-REQUEST-ID': randomUUID(), ...extra };
}

export function ok(body: unknown, status = 200, headers: Record<string, string> = {}): SandboxResponse {
  return { status, ...(body === undefined ? {} : { body }), headers: requestIdHeader(headers) };
}

export interface SandboxErrorDetail {
  errorId: number;
  domain?: string;
  category?: 'REQUEST' | 'APPLICATION' | 'BUSINESS' | 'SYSTEM';
  message: string;
  longMessage?: string;
  parameters?: Array<{ name: string; value: string }>;
}

export function fail(status: number, ...errors: SandboxErrorDetail[]): SandboxResponse {
  return { status, body: { errors: errors.map((e) => ({ domain: 'API_INVENTORY', category: 'REQUEST', ...e })) }, headers: requestIdHeader() };
}

// Common REST errors (not per operation) are listed by HTTP status on https://developer.ebay.com/develop/api/sell/error_codes;
// research/amazon-ebay.md B5 keeps 1001 for a bad token as unconfirmed.
export const invalidToken = (): SandboxResponse =>
  fail(401, { errorId: 1001, domain: 'OAuth', category: 'REQUEST', message: 'Invalid access token', longMessage: 'Invalid access token. Check the value of the Authorization HTTP request header.' });

export function tooManyRequests(retryAfterMs = 1000): SandboxResponse {
  return {
    status: 429,
    body: { errors: [{ errorId: 2001, domain: 'ACCESS', category: 'REQUEST', message: 'Too many requests. The request limit has been reached for the resource.' }] },
    headers: requestIdHeader({ 'Retry-After': String(Math.max(1, Math.ceil(retryAfterMs / 1000))) }),
  };
}

export function internalError(): SandboxResponse {
  return fail(500, { errorId: 25001, domain: 'API_INVENTORY', category: 'SYSTEM', message: 'A system error has occurred. Please try again.' });
}
