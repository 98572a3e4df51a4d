import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The simulator's own reading of Shopee's signing rules (developer guide "API calls" and
 * "Authorization and Authentication"), written apart from the adapter's sign.ts on purpose: a
 * signing bug in the client must fail here, not pass its own check.
 */
export type ApiType = 'Public' | 'Shop' | 'Merchant';

/** api_type per path, as the endpoint docs list it (token APIs are Public though they carry ids). */
export function apiTypeOf(path: string): ApiType {
  const segments = path.split('/').filter(Boolean); // api, v2, module, name
  const module = segments[2];
  const name = segments[3];
  if (module === 'auth' || module === 'public' || module === 'push') return 'Public';
  if (module === 'shop' && name === 'auth_partner') return 'Public';
  if (module === 'media_space' && (name === 'upload_image' || name === 'upload_video_part' || name === 'complete_video_upload')) return 'Public';
  if (module === 'global_product' || module === 'merchant') return 'Merchant';
  return 'Shop';
}

/** HMAC-SHA256 over the concatenated fields, key = the partner key's characters; lowercase hex. */
export function expectedSign(partnerKey: string, fields: Array<string | number>): string {
  const mac = createHmac('sha256', partnerKey);
  mac.update(fields.map(String).join(''));
  return mac.digest('hex');
}

export function signMatches(expected: string, given: string | null): boolean {
  if (!given || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(expected), Buffer.from(given));
}

/** Push Authorization: HMAC-SHA256 over "<callback url>|<raw body>". */
export function pushAuthorization(partnerKey: string, url: string, rawBody: string): string {
  return createHmac('sha256', partnerKey).update(url).update('|').update(rawBody).digest('hex');
}
