/**
 * One place that removes secrets and buyer PII from anything leaving the pipeline:
 * error messages, toJSON(), hook events, logs.
 */

export const REDACTED = '[REDACTED]';

/** Keys whose values are credentials or signatures (compared lower-case, without - and _). */
const SECRET_KEYS = new Set([
  'authorization', 'xamzaccesstoken', 'accesstoken', 'refreshtoken', 'clientsecret', 'clientid',
  'sign', 'signature', 'partnerkey', 'appkey', 'appsecret', 'secret', 'password', 'token', 'authcode', 'authorizationcode',
  'apikey', 'xapikey', 'cookie', 'setcookie', 'idtoken', 'xebaysignaturekey', 'xebaysignature',
  'signatureinput', 'privatekey', 'sessionkey', 'username', 'proxyauthorization',
]);

/** Keys that carry buyer personal data. */
const PII_KEYS = new Set([
  'name', 'buyername', 'buyeremail', 'email', 'phone', 'phonenumber', 'mobile', 'fullname', 'firstname',
  'lastname', 'addressline1', 'addressline2', 'addressline3', 'address1', 'address2', 'address3', 'street',
  'streetaddress', 'fulladdress', 'address', 'recipient', 'recipientaddress', 'shippingaddress', 'buyer',
  'buyerinfo', 'buyerusername', 'contactperson', 'companyname', 'taxid', 'buyertaxinfo', 'cpf', 'postalcode',
  'zipcode', 'zip', 'city', 'district', 'town', 'county', 'buyerlogin', 'receiptaddress', 'contact',
]);

const MAX_SECRETS = 2048;
const knownSecrets = new Set<string>();

/** Adapters register the credential values they hold so any textual echo of them is removed. */
export function registerSecret(value: string | undefined | null): void {
  if (!value || value.length < 6) return;
  if (knownSecrets.size >= MAX_SECRETS) {
    const oldest = knownSecrets.values().next().value;
    if (oldest !== undefined) knownSecrets.delete(oldest);
  }
  knownSecrets.add(value);
}

/**
 * Buyer data an adapter has seen (names, street lines, phones) is registered the same way, so a
 * marketplace error message that echoes it is cleaned too; e-mails are caught by pattern.
 */
export function registerPii(value: string | undefined | null): void {
  if (!value || value.trim().length < 4) return;
  if (knownSecrets.size >= MAX_SECRETS) {
    const oldest = knownSecrets.values().next().value;
    if (oldest !== undefined) knownSecrets.delete(oldest);
  }
  knownSecrets.add(value.trim());
}

const normalizeKey = (k: string) => k.toLowerCase().replace(/[-_\s]/g, '');

export function isSecretKey(key: string): boolean {
  return SECRET_KEYS.has(normalizeKey(key));
}

export function isPiiKey(key: string): boolean {
  return PII_KEYS.has(normalizeKey(key));
}

const TEXT_PATTERNS: Array<[RegExp, string]> = [
  // query-string or form style key=value
  [/((?:access_token|refresh_token|client_secret|client_id|sign|signature|partner_key|app_key|app_secret|code|password|token|session)=)[^&\s"']+/gi, `$1${REDACTED}`],
  // JSON style "key":"value"
  [/("(?:access_token|refresh_token|client_secret|sign|signature|partner_key|app_secret|password|x-amz-access-token|authorization)"\s*:\s*")[^"]*"/gi, `$1${REDACTED}"`],
  // header style
  [/\b(Bearer|Basic|IAF)\s+[A-Za-z0-9._~+/=|-]+/g, `$1 ${REDACTED}`],
  [/\b(x-amz-access-token\s*[:=]\s*)\S+/gi, `$1${REDACTED}`],
  // LWA tokens
  [/\bAtz[a-z]\|[A-Za-z0-9._~+/=|-]+/g, REDACTED],
  // e-mail addresses
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, REDACTED],
];

/** Removes credentials, signatures and e-mails from free text. */
export function redactText(text: string): string {
  let out = text;
  for (const secret of knownSecrets) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
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
      out[k] = isSecretKey(k) || isPiiKey(k) ? (v === undefined || v === null ? v : REDACTED) : redactValue(v, depth + 1);
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
  for (const [k, v] of Object.entries(headers)) out[k] = isSecretKey(k) ? REDACTED : typeof v === 'string' ? redactText(v) : v;
  return out;
}
