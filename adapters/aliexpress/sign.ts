import { createHmac } from 'node:crypto';

/** Parameters as sent: nested objects are already JSON strings (research B1 step 3). */
export type SignParams = Record<string, string>;

/**
 * The string to sign (research B1): every parameter except `sign` with a non-empty value, sorted by
 * name in ASCII order, `name + value` concatenated without separators, raw (not URL-encoded). System
 * interfaces (`/auth/token/create`...) are prefixed with their API path; business calls are not.
 */
export function stringToSign(params: SignParams, apiPath?: string): string {
  const names = Object.keys(params).filter((k) => k !== 'sign' && params[k] !== undefined && params[k] !== '').sort(ascii);
  const body = names.map((k) => `${k}${params[k]}`).join('');
  return apiPath?.startsWith('/') ? `${apiPath}${body}` : body;
}

/** HMAC-SHA256 keyed by the app secret (UTF-8), 64 uppercase hex characters. */
export function sign(appSecret: string, params: SignParams, apiPath?: string): string {
  return createHmac('sha256', Buffer.from(appSecret, 'utf8')).update(stringToSign(params, apiPath), 'utf8').digest('hex').toUpperCase();
}

function ascii(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
