import { createHmac, timingSafeEqual } from 'node:crypto';

/** Which identity a call is signed for (S6 `api_type`). User/Principal APIs are not used here. */
export type SignKind = 'public' | 'shop' | 'merchant';

export interface SignParts {
  partnerId: number;
  /** Request path exactly as sent, starting with /api/v2/. */
  path: string;
  /** Unix seconds. */
  timestamp: number;
  accessToken?: string;
  /** shop_id for Shop APIs, merchant_id for Merchant APIs. */
  identityId?: number;
}

/**
 * partner_id + path + timestamp (+ access_token + shop_id | merchant_id): plain concatenation,
 * no separators (research A1).
 */
export function baseString(p: SignParts): string {
  const base = `${p.partnerId}${p.path}${p.timestamp}`;
  if (p.accessToken === undefined) return base;
  if (p.identityId === undefined) throw new Error('a token-signed Shopee call needs its shop_id or merchant_id');
  return `${base}${p.accessToken}${p.identityId}`;
}

/**
 * HMAC-SHA256 keyed by the partner key's UTF-8 bytes (never hex-decoded), as 64 lowercase hex
 * characters: digest('hex') always pads, unlike the %032x format in Shopee's own Java demo.
 */
export function hmacHex(partnerKey: string, message: string | Buffer): string {
  return createHmac('sha256', Buffer.from(partnerKey, 'utf8')).update(message).digest('hex');
}

export function sign(partnerKey: string, parts: SignParts): string {
  return hmacHex(partnerKey, baseString(parts));
}

/** Push `Authorization`: HMAC-SHA256(partner key, url + '|' + raw body bytes), lowercase hex. */
export function pushSignature(partnerKey: string, url: string, rawBody: Buffer | string): string {
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
  return hmacHex(partnerKey, Buffer.concat([Buffer.from(`${url}|`, 'utf8'), body]));
}

/** Constant-time comparison of two hex signatures (length leak only, as with hash_equals). */
export function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected.toLowerCase(), 'utf8');
  const b = Buffer.from(given.trim().toLowerCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
