import type { IncomingHttpHeaders } from 'node:http';
import type { MarketplaceEvent } from './event.js';

/** One webhook request as the receiver hands it to a verifier: the body is the raw bytes. */
export interface WebhookRequest {
  method: string;
  /** The full URL the marketplace called (scheme, host, path, query). */
  url: string;
  headers: IncomingHttpHeaders;
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
  readonly marketplace: string;
  /** Is this request meant for this verifier (its signature header, its handshake)? */
  matches(req: WebhookRequest): boolean;
  verify(req: WebhookRequest): Promise<Verification>;
}
