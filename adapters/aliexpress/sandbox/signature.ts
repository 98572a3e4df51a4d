import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The simulator's own reading of the IOP signing rules ("Signature algorithm" doc, research B1),
 * written apart from the adapter's sign.ts on purpose: a client signing bug must fail here.
 * Every received parameter but `sign` (empty ones dropped), byte-order sorted, key+value joined;
 * `/rest` calls start with their API path. HMAC-SHA256 with the app secret, upper-case hex.
 */
export function expectedSign(appSecret: string, params: URLSearchParams, apiPath: string | null): string {
  const pairs: Array<[string, string]> = [];
  params.forEach((value, name) => {
    if (name !== 'sign' && value !== '') pairs.push([name, value]);
  });
  pairs.sort((a, b) => Buffer.compare(Buffer.from(a[0]), Buffer.from(b[0])));
  let text = apiPath ?? '';
  for (const [name, value] of pairs) text += name + value;
  return createHmac('sha256', appSecret).update(text).digest('hex').toUpperCase();
}

export function signMatches(expected: string, given: string | null): boolean {
  return !!given && given.length === expected.length && timingSafeEqual(Buffer.from(expected), Buffer.from(given));
}
