import type { KeyObject } from 'node:crypto';
import type { Verification, WebhookRequest, WebhookVerifier } from '../../../src/notifications/verifier.js';
import { notificationToEvents, sentAtOf, type EbayNotificationBody } from './events.js';
import { challengeResponse, decodeSignatureHeader, hashOf, verifyBody } from './signature.js';

/** Options of the eBay webhook verifier (adapter.notifications.webhook). */
export interface EbayWebhookOptions {
  /** The destination's verification token (deliveryConfig.verificationToken). */
  verificationToken: string;
  /** The destination endpoint exactly as registered with eBay (the challenge hashes it). */
  endpoint: string;
  /** Account key of the events (default: the adapter's account). */
  account?: string;
  /** Time source (default the adapter's clock). */
  now?: () => number;
}

/** Resolves a key id to a parsed public key and its hash; undefined when eBay does not know the id. */
export type PublicKeyResolver = (kid: string) => Promise<{ key: KeyObject; digest?: string } | undefined>;

/**
 * eBay's part of the webhook receiver. GET with challenge_code: the endpoint validation answer.
 * POST: X-EBAY-SIGNATURE decoded, the key fetched by kid (cached by the resolver), ECDSA checked
 * over the raw body, and only then the body parsed into events.
 */
export function ebayWebhookVerifier(resolveKey: PublicKeyResolver, opts: EbayWebhookOptions & { account: string }): WebhookVerifier {
  const now = opts.now ?? Date.now;
  return {
    marketplace: 'ebay',
    matches: (req) => 'x-ebay-signature' in req.headers || (req.method === 'GET' && new URL(req.url).searchParams.has('challenge_code')),
    async verify(req: WebhookRequest): Promise<Verification> {
      if (req.method === 'GET') return challenge(req, opts);
      // Notifications are delivered as HTTP POST with a JSON body (AsyncAPI bindings: method POST).
      if (req.method !== 'POST') return { status: 'rejected', reason: 'method_not_allowed' };
      const header = req.headers['x-ebay-signature'];
      if (typeof header !== 'string' || !header) return { status: 'rejected', reason: 'unsigned' };
      const sig = decodeSignatureHeader(header);
      if (!sig) return { status: 'rejected', reason: 'malformed' };
      const key = await resolveKey(sig.kid);
      if (!key) return { status: 'rejected', reason: 'unknown_key' };
      const hash = hashOf(key.digest ?? sig.digest);
      if (!hash || !verifyBody(req.rawBody, sig, key.key, hash)) return { status: 'rejected', reason: 'bad_signature' };
      let body: EbayNotificationBody;
      try {
        body = JSON.parse(req.rawBody.toString('utf8')) as EbayNotificationBody;
      } catch {
        return { status: 'rejected', reason: 'malformed' };
      }
      if (!body || typeof body !== 'object' || !body.notification?.notificationId) return { status: 'rejected', reason: 'malformed' };
      const sentAt = sentAtOf(body);
      return { status: 'verified', events: notificationToEvents(body, opts.account, now()), ...(sentAt !== undefined ? { sentAt } : {}) };
    },
  };
}

function challenge(req: WebhookRequest, opts: EbayWebhookOptions): Verification {
  const code = new URL(req.url).searchParams.get('challenge_code');
  if (!code) return { status: 'rejected', reason: 'method_not_allowed' };
  // 200, Content-Type application/json, {"challengeResponse": …} (marketplace-account-deletion page).
  return { status: 'reply', code: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ challengeResponse: challengeResponse(code, opts.verificationToken, opts.endpoint) }) };
}
