import type { IncomingHttpHeaders } from 'node:http';
import type { MarketplaceEvent } from './event.js';

/** One webhook request as the receiver hands it to a verifier: the body is the raw bytes. */
export interface WebhookRequest {
  /** HTTP method as received (eBay's challenge is a GET, notifications are POSTs). */
  method: string;
  /** The full URL the marketplace called (scheme, host, path, query). */
  url: string;
  /** Request headers, lower-cased as node:http gives them. */
  headers: IncomingHttpHeaders;
  /** The body bytes exactly as received. */
  rawBody: Buffer;
}

/** Why a webhook was refused; each reason has its own counter in the receiver's stats. */
export const REJECT_REASONS = [
  'unsigned',
  'bad_signature',
  'unknown_key',
  'malformed',
  'replayed',
  'stale',
  'unknown_source',
  'method_not_allowed',
  'too_large',
  'no_raw_body',
] as const;
/** One of {@link REJECT_REASONS}. */
export type RejectReason = (typeof REJECT_REASONS)[number];

/**
 * What a verifier decided. `verified` carries the parsed events (possibly none, e.g. Shopee's URL
 * verification message) and when the marketplace sent them (epoch ms) for the replay window;
 * `reply` answers a handshake (eBay's challenge) without any event; `rejected` is never handled.
 */
export type Verification =
  | { status: 'verified'; events: MarketplaceEvent[]; sentAt?: number }
  | { status: 'reply'; code: number; headers?: Record<string, string>; body?: string }
  | { status: 'rejected'; reason: RejectReason; message?: string };

/**
 * A marketplace's webhook part, supplied by its adapter (the core never imports one): checks the
 * signature over the raw bytes first, and only then parses them into events.
 */
export interface WebhookVerifier {
  /** Marketplace name of the events it produces ('ebay', 'shopee'). */
  readonly marketplace: string;
  /** Is this request meant for this verifier (its signature header, its handshake)? */
  matches(req: WebhookRequest): boolean;
  /** Checks the signature over the raw bytes, then parses; throws only when the check cannot run (answered 503). */
  verify(req: WebhookRequest): Promise<Verification>;
}
