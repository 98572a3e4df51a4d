import { createHash, createPublicKey, verify as cryptoVerify, type KeyObject } from 'node:crypto';

/**
 * X-EBAY-SIGNATURE: base64 of a JSON object `{ alg, kid, signature, digest }`; `kid` names the key
 * getPublicKey returns, `signature` is a base64 ECDSA signature of the payload
 * (https://developer.ebay.com/api-docs/buy/notification/resources/public_key/methods/getPublicKey;
 * eBay's event-notification-nodejs-sdk lib/validator.js reads the same fields).
 */
export interface SignatureHeader {
  alg: string;
  kid: string;
  signature: string;
  digest: string;
}

/** The decoded header, or undefined when it is not base64 JSON with kid and signature. */
export function decodeSignatureHeader(header: string): SignatureHeader | undefined {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(header, 'base64').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!json || typeof json !== 'object') return undefined;
  const h = json as Record<string, unknown>;
  if (typeof h.kid !== 'string' || typeof h.signature !== 'string' || !h.kid || !h.signature) return undefined;
  return { alg: typeof h.alg === 'string' ? h.alg : 'ECDSA', kid: h.kid, signature: h.signature, digest: typeof h.digest === 'string' ? h.digest : 'SHA1' };
}

/**
 * getPublicKey's `key` is a PEM whose line breaks eBay omits
 * ("-----BEGIN PUBLIC KEY-----MFkw...-----END PUBLIC KEY-----"): re-wrapped before parsing.
 */
export function parsePublicKey(key: string): KeyObject {
  const body = key.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '').replace(/\s+/g, '');
  const pem = `-----BEGIN PUBLIC KEY-----\n${body.match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END PUBLIC KEY-----\n`;
  return createPublicKey(pem);
}

/** The public key's digest names the hash: "SHA1" in the contract's example, SHA256 seen too (research B6). */
export function hashOf(digest: string | undefined): 'sha1' | 'sha256' | undefined {
  const d = (digest ?? 'SHA1').toUpperCase().replace(/[^A-Z0-9]/g, '');
  return d === 'SHA1' ? 'sha1' : d === 'SHA256' ? 'sha256' : undefined;
}

/**
 * ECDSA check (DER signature) over the raw body. eBay's Node SDK verifies JSON.stringify of the
 * parsed message, i.e. the compact serialization: a body that is the same JSON with other
 * whitespace is also checked in that form (the signed content is identical).
 */
export function verifyBody(rawBody: Buffer, sig: SignatureHeader, key: KeyObject, hash: 'sha1' | 'sha256'): boolean {
  let signature: Buffer;
  try {
    signature = Buffer.from(sig.signature, 'base64');
    if (cryptoVerify(hash, rawBody, key, signature)) return true;
  } catch {
    return false;
  }
  try {
    const compact = Buffer.from(JSON.stringify(JSON.parse(rawBody.toString('utf8'))), 'utf8');
    return !compact.equals(rawBody) && cryptoVerify(hash, compact, key, signature);
  } catch {
    return false;
  }
}

/**
 * Endpoint validation: eBay GETs `?challenge_code=…` and expects
 * `{ "challengeResponse": hex(SHA-256(challengeCode + verificationToken + endpoint)) }`, in that
 * order, with the endpoint exactly as registered (https://developer.ebay.com/marketplace-account-deletion).
 */
export function challengeResponse(challengeCode: string, verificationToken: string, endpoint: string): string {
  return createHash('sha256').update(challengeCode).update(verificationToken).update(endpoint).digest('hex');
}
