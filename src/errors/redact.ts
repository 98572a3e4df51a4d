/**
 * One place that removes secrets and buyer PII from anything leaving the pipeline:
 * error messages, toJSON(), hook events, logs.
 */

import { applyRanges, LruValueIndex, scanEmails, ValueIndex, type Meter } from './redact-index.js';

export const REDACTED = '[REDACTED]';

/** Keys whose values are credentials or signatures (compared lower-case, without - and _). */
const SECRET_KEYS = new Set([
  'authorization', 'xamzaccesstoken', 'accesstoken', 'refreshtoken', 'clientsecret', 'clientid',
  'sign', 'signature', 'partnerkey', 'appkey', 'appsecret', 'secret', 'password', 'token', 'authcode', 'authorizationcode',
  'apikey', 'xapikey', 'cookie', 'setcookie', 'idtoken', 'xebaysignaturekey', 'xebaysignature',
  'signatureinput', 'privatekey', 'sessionkey', 'username', 'proxyauthorization',
  // S3 pre-signed URLs (Amazon feed documents)
  'xamzsignature', 'xamzsecuritytoken', 'xamzcredential',
]);

/** Keys that carry buyer personal data. */
const PII_KEYS = new Set([
  'name', 'buyername', 'buyeremail', 'email', 'phone', 'phonenumber', 'mobile', 'fullname', 'firstname',
  'lastname', 'addressline1', 'addressline2', 'addressline3', 'address1', 'address2', 'address3', 'street',
  'streetaddress', 'fulladdress', 'address', 'recipient', 'recipientaddress', 'shippingaddress', 'buyer',
  'buyerinfo', 'buyerusername', 'contactperson', 'companyname', 'taxid', 'buyertaxinfo', 'cpf', 'postalcode',
  'zipcode', 'zip', 'city', 'district', 'town', 'county', 'buyerlogin', 'receiptaddress', 'contact',
]);

/**
 * Registries of values to remove wherever they appear (decision for issue 12.4):
 * - Secrets (credentials, tokens, signing keys) are PINNED: never evicted while the process runs,
 *   so an adapter's access and refresh tokens stay redacted for its whole lifetime however much
 *   buyer data flows past. They grow by one entry per issued token (a few per account per day).
 * - Buyer PII is a separate least-recently-registered set, bounded (default 200,000 values, about
 *   40,000 orders): every mapping of an order re-registers its values, so the orders being worked
 *   on are always covered. Structured data is also masked by key and e-mails by pattern, which
 *   needs no registry at all.
 * Matching is linear in the text's length whatever the registries hold (see redact-index.ts).
 */
const secrets = new ValueIndex();
const pii = new LruValueIndex(200_000);

/** Adapters register the credential values they hold so any textual echo of them is removed. */
export function registerSecret(value: string | undefined | null): void {
  if (typeof value !== 'string' || value.length < 6) return;
  secrets.add(value);
}

/**
 * Buyer data an adapter has seen (names, street lines, phones) is registered the same way, so a
 * marketplace error message that echoes it is cleaned too; e-mails are caught by pattern.
 */
export function registerPii(value: string | undefined | null): void {
  if (typeof value !== 'string') return;
  const v = value.trim();
  if (v.length < 4) return;
  pii.add(v);
}

/** Sets the PII registry's capacity (validated by configureRedaction in redaction-config.ts). */
export function setPiiCapacity(capacity: number): void {
  pii.capacity = capacity;
  pii.trim();
}

/** Sizes of the registries (monitoring). */
export function redactionStats(): { secrets: number; pii: number; piiCapacity: number } {
  return { secrets: secrets.size, pii: pii.size, piiCapacity: pii.capacity };
}

const normalizeKey = (k: string) => k.toLowerCase().replace(/[-_\s]/g, '');

export function isSecretKey(key: string): boolean {
  return SECRET_KEYS.has(normalizeKey(key));
}

export function isPiiKey(key: string): boolean {
  return PII_KEYS.has(normalizeKey(key));
}

/** Characters a token may use: anything but whitespace, quotes, and list/markup separators. */
const TOKEN = `[^\\s"'<>,;\\\\]+`;

// Every pattern starts with a literal keyword and has no nested quantifier: linear on any text.
const TEXT_PATTERNS: Array<[RegExp, string]> = [
  // query-string or form style key=value (Shopee/AliExpress `sign`, S3 X-Amz-Signature, tokens)
  [/((?:access_token|refresh_token|client_secret|client_id|sign|signature|partner_key|app_key|app_secret|code|password|token|session|credential)=)[^&\s"']+/gi, `$1${REDACTED}`],
  // JSON style "key":"value"
  [/("(?:access_?token|refresh_?token|client_?secret|sign|signature|signature-input|x-ebay-signature-key|partner_?key|app_?secret|password|x-amz-access-token|x-amz-security-token|authorization|id_token|token)"\s*:\s*")[^"]*"/gi, `$1${REDACTED}"`],
  // auth schemes: any token alphabet (eBay user tokens carry ^ and #, LWA tokens |)
  [new RegExp(`\\b(Bearer|Basic|IAF|OAuth)\\s+${TOKEN}`, 'g'), `$1 ${REDACTED}`],
  // header style "name: value" for credentials and request signatures (eBay digital signatures)
  [new RegExp(`\\b(x-amz-access-token|x-amz-security-token|x-ebay-signature-key|signature-input|signature|authorization|sign)(\\s*:\\s*)${TOKEN}`, 'gi'), `$1$2${REDACTED}`],
  // LWA tokens (Atza|…, Atzr|…) and eBay OAuth user tokens (v^1.1#i^1#…) wherever they appear
  [new RegExp(`\\bAtz[a-z]\\|${TOKEN}`, 'g'), REDACTED],
  [new RegExp(`\\bv\\^1\\.1#${TOKEN}`, 'g'), REDACTED],
];

/** Removes credentials, signatures, registered PII and e-mails from free text (linear time). */
export function redactText(text: string, meter?: Meter): string {
  if (typeof text !== 'string') return REDACTED;
  // Only a { steps } counter is a meter (e.g. an array index from .map(redactText) is not).
  if (typeof meter !== 'object' || meter === null) meter = undefined;
  const hits: Array<[number, number]> = [];
  secrets.scan(text, hits, meter);
  pii.index.scan(text, hits, meter);
  scanEmails(text, hits, meter);
  let out = applyRanges(text, hits, REDACTED);
  for (const [re, rep] of TEXT_PATTERNS) out = out.replace(re, rep);
  return out;
}

/** Deep copy with secret and PII keys masked and every string passed through redactText. */
export function redactValue<T>(value: T, depth = 0): T {
  if (depth > 12) return REDACTED as unknown as T;
  if (typeof value === 'string') return redactText(value) as unknown as T;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1)) as unknown as T;
  if (value && typeof value === 'object') {
    if (value instanceof Date) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const safe = isSecretKey(k) || isPiiKey(k) ? (v === undefined || v === null ? v : REDACTED) : redactValue(v, depth + 1);
      // An own "__proto__" key stays a key (assignment would set the copy's prototype).
      if (k === '__proto__') Object.defineProperty(out, k, { value: safe, enumerable: true, writable: true, configurable: true });
      else out[k] = safe;
    }
    return out as T;
  }
  return value;
}

/** Masks secret query parameters of a URL (keeps the path and harmless parameters). */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    for (const key of [...u.searchParams.keys()]) {
      if (isSecretKey(key) || isPiiKey(key) || key.toLowerCase() === 'code') u.searchParams.set(key, REDACTED);
    }
    return redactText(u.toString().replace(/%5BREDACTED%5D/g, REDACTED));
  } catch {
    return redactText(url);
  }
}

export function redactHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (typeof headers !== 'object' || headers === null) return out;
  for (const [k, v] of Object.entries(headers)) out[k] = isSecretKey(k) ? REDACTED : typeof v === 'string' ? redactText(v) : v;
  return out;
}
