import type { Verification, WebhookRequest, WebhookVerifier } from '../../../src/notifications/verifier.js';
import { PushBodySchema } from '../schemas/push.js';
import type { ShopeePush } from '../push.js';
import { pushToEvents } from './events.js';

/** Options of {@link shopeeWebhookVerifier}. */
export interface ShopeeWebhookOptions {
  /** Account key of the events (default: the adapter's account). */
  account?: string;
  /** Time source (default Date.now). */
  now?: () => number;
}

/**
 * Shopee's part of the webhook receiver: Authorization = HMAC-SHA256(partner key, URL + "|" + raw
 * body) checked first (research A6, Shopee guide "Push Mechanism"), then the body is parsed.
 * The push `timestamp` (seconds) is the send time the receiver's replay window checks.
 */
export function shopeeWebhookVerifier(push: ShopeePush, opts: ShopeeWebhookOptions = {}): WebhookVerifier {
  const now = opts.now ?? Date.now;
  return {
    marketplace: 'shopee',
    matches: (req) => typeof req.headers.authorization === 'string' && !('x-ebay-signature' in req.headers),
    async verify(req: WebhookRequest): Promise<Verification> {
      // Shopee delivers pushes as HTTP POST with a JSON body (research A6).
      if (req.method !== 'POST') return { status: 'rejected', reason: 'method_not_allowed' };
      if (!push.verify({ url: req.url, rawBody: req.rawBody, authorization: req.headers.authorization })) return { status: 'rejected', reason: 'bad_signature' };
      let json: unknown;
      try {
        json = JSON.parse(req.rawBody.toString('utf8'));
      } catch {
        return { status: 'rejected', reason: 'malformed' };
      }
      const body = PushBodySchema.safeParse(json);
      if (!body.success) return { status: 'rejected', reason: 'malformed' };
      const events = pushToEvents(body.data, opts.account ?? push.account, now());
      return { status: 'verified', events, ...(body.data.timestamp !== undefined ? { sentAt: body.data.timestamp * 1000 } : {}) };
    },
  };
}
