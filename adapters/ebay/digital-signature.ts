import { createHash, createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { ValidationError } from '../../src/errors/classes.js';
import { registerSecret } from '../../src/errors/redact.js';
import type { AuthStep } from '../../src/http/auth-step.js';
import type { HttpRequest } from '../../src/http/request.js';

/**
 * eBay digital signatures (HTTP Message Signatures, RFC 9421; Content-Digest, RFC 9530), required on
 * a few calls made for EU/UK-domiciled sellers. Scheme and in-scope calls:
 * https://developer.ebay.com/develop/guides/digital-signatures-for-apis
 * Keys come from the Key Management API's createSigningKey (specs/ebay/developer_key_management_v1_oas3.json:
 * ciphers ED25519, recommended, or RSA; it returns the private key, the public key and the public key as JWE).
 */
export const DigitalSignatureSchema = z.object({
  /** PEM private key returned by createSigningKey (eBay does not keep it). */
  privateKey: z.string().min(1),
  /** "Public Key as JWE" from createSigningKey: the value of x-ebay-signature-key. */
  jwe: z.string().min(1),
  algorithm: z.enum(['ed25519', 'rsa']).default('ed25519'),
});
export type DigitalSignatureConfig = z.output<typeof DigitalSignatureSchema>;

/** Covered components, in eBay's documented order; content-digest only when a body is sent (guide, step 3). */
const WITH_BODY = ['content-digest', 'x-ebay-signature-key', '@method', '@path', '@authority'] as const;
const WITHOUT_BODY = WITH_BODY.slice(1);

export interface SignedParts {
  method: string;
  /** Absolute URL base of the request (scheme + host[:port]). */
  baseUrl: string;
  path: string;
  /** The exact body bytes sent, if any. */
  body?: string;
  jwe: string;
  created: number;
}

/** RFC 9530 Content-Digest: sha-256 over the exact bytes, as a structured-field byte sequence. */
export function contentDigest(body: string): string {
  return `sha-256=:${createHash('sha256').update(body, 'utf8').digest('base64')}:`;
}

/** The RFC 9421 signature base and the matching Signature-Input parameters. */
export function signatureBase(p: SignedParts): { base: string; params: string; digest?: string } {
  const digest = p.body === undefined ? undefined : contentDigest(p.body);
  const names = digest === undefined ? WITHOUT_BODY : WITH_BODY;
  const values: Record<string, string> = {
    'content-digest': digest ?? '',
    'x-ebay-signature-key': p.jwe,
    '@method': p.method.toUpperCase(),
    '@path': p.path,
    '@authority': new URL(p.baseUrl).host.toLowerCase(),
  };
  const params = `(${names.map((n) => `"${n}"`).join(' ')});created=${p.created}`;
  const lines = names.map((n) => `"${n}": ${values[n]}`);
  return { base: [...lines, `"@signature-params": ${params}`].join('\n'), params, digest };
}

/** Signs eBay requests; one instance per adapter (the key is parsed once). */
export class EbaySigner {
  private readonly key: KeyObject;

  constructor(private readonly cfg: DigitalSignatureConfig, private readonly nowMs: () => number) {
    registerSecret(cfg.privateKey);
    registerSecret(cfg.jwe);
    try {
      this.key = createPrivateKey(cfg.privateKey);
    } catch {
      // Never echo the key or the parser's message (which may quote it).
      throw new ValidationError({ message: 'digitalSignature.privateKey is not a readable PEM private key', path: 'config.digitalSignature.privateKey' });
    }
    const type = this.key.asymmetricKeyType;
    if (type !== (cfg.algorithm === 'rsa' ? 'rsa' : 'ed25519')) {
      throw new ValidationError({ message: `digitalSignature.privateKey is a ${type} key, not ${cfg.algorithm}`, path: 'config.digitalSignature.algorithm' });
    }
  }

  /** Adds x-ebay-signature-key, Content-Digest (with a body), Signature-Input and Signature. */
  sign(req: HttpRequest): void {
    const body = freezeBody(req);
    const created = Math.floor(this.nowMs() / 1000);
    const { base, params, digest } = signatureBase({ method: req.method, baseUrl: req.baseUrl, path: req.path, body, jwe: this.cfg.jwe, created });
    // Ed25519 takes no digest; RSA signs as RSASSA-PKCS1-v1_5 with SHA-256 (RFC 9421 §3.3.2 rsa-v1_5-sha256).
    const sig = sign(this.cfg.algorithm === 'rsa' ? 'sha256' : null, Buffer.from(base, 'utf8'), this.key).toString('base64');
    req.headers['x-ebay-signature-key'] = this.cfg.jwe;
    if (digest !== undefined) req.headers['content-digest'] = digest;
    req.headers['signature-input'] = `sig1=${params}`;
    req.headers['signature'] = `sig1=:${sig}:`;
  }
}

/**
 * Serializes a JSON body here, once, and hands the pipeline the string as a raw body, so the digest
 * covers exactly the bytes that go on the wire.
 */
function freezeBody(req: HttpRequest): string | undefined {
  if (req.body === undefined) return undefined;
  if (req.bodyType === 'raw' && typeof req.body === 'string') return req.body;
  if (req.bodyType !== 'json') throw new ValidationError({ message: 'Only JSON or string bodies can be signed', path: 'body' });
  const text = JSON.stringify(req.body);
  req.body = text;
  req.bodyType = 'raw';
  if (!Object.keys(req.headers).some((h) => h.toLowerCase() === 'content-type')) req.headers['content-type'] = 'application/json';
  return text;
}

/** Operations declared with `signed: true` in an op table (returns/operations.ts). */
export function signedOperationIds(...tables: Array<Record<string, { id: string; signed?: boolean }>>): Set<string> {
  return new Set(tables.flatMap((t) => Object.values(t).filter((o) => o.signed).map((o) => o.id)));
}

/** Wraps the auth step: after the token, signs only the operations in `ids` (after auth, so the final headers are in place). */
export function withDigitalSignature(auth: AuthStep, signer: EbaySigner | undefined, ids: ReadonlySet<string>): AuthStep {
  if (!signer) return auth;
  return {
    async authorize(req, ctx) {
      await auth.authorize(req, ctx);
      if (ids.has(ctx.operation)) signer.sign(req);
    },
    refresh: auth.refresh?.bind(auth),
  };
}
