import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventHandler, MarketplaceEvent } from './event.js';
import { BodyConsumed, BodyTooLarge, readRawBody, requestUrl, type MaybeParsedRequest } from './raw-body.js';
import { checkReceiverOptions } from './receiver-options.js';
import { ReplayGuard } from './replay-guard.js';
import { REJECT_REASONS, type RejectReason, type Verification, type WebhookRequest, type WebhookVerifier } from './verifier.js';

/** Options of {@link createWebhookReceiver}. */
export interface WebhookReceiverOptions {
  /** eBay's verifier (`adapter.notifications.webhook(...)` from xborder/ebay). */
  ebay?: WebhookVerifier;
  /** Shopee's verifier (`adapter.push.webhook(...)` from xborder/shopee). */
  shopee?: WebhookVerifier;
  /** Any further verifiers, tried after eBay and Shopee. */
  verifiers?: WebhookVerifier[];
  /** Runs once per verified, fresh, not yet handled event; the reply is 2xx only after it resolved. */
  onEvent: EventHandler;
  /** A notification sent longer ago than this (either way) is refused as `stale`; default 10 min. */
  replayWindowMs?: number;
  /** Larger bodies are refused with 413; default 1 MiB. */
  maxBodyBytes?: number;
  /**
   * The public URL the marketplaces call (behind a proxy the Host seen here differs): its origin is
   * joined with the request path. Shopee signs the full URL, so it must be exact.
   */
  publicUrl?: string;
  /** Time source of the replay window (default Date). */
  clock?: {
    /** Current time in epoch milliseconds. */
    now(): number;
  };
}

/** Counters of a receiver: every request lands in exactly one outcome. */
export interface WebhookReceiverStats {
  /** Requests received. */
  received: number;
  /** Events whose handler resolved. */
  handled: number;
  /** Events whose handler threw (answered 5xx so the marketplace redelivers). */
  failed: number;
  /** Handshakes answered (eBay challenge). */
  replies: number;
  /** Verifications that could not run (key fetch failed): answered 503. */
  errors: number;
  /** Requests refused (never handled), by reason. */
  rejected: Record<RejectReason, number>;
}

/** The `(req, res)` handler {@link createWebhookReceiver} returns, with its counters. */
export interface WebhookReceiver {
  (req: IncomingMessage, res: ServerResponse): void;
  /** Counters since creation (a copy). */
  stats(): WebhookReceiverStats;
  /** Resolves with the outcome; what the plain `(req, res)` form calls. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

const STATUS: Record<RejectReason, number> = {
  unsigned: 401, bad_signature: 401, unknown_key: 401, malformed: 400, replayed: 400, stale: 400,
  unknown_source: 401, method_not_allowed: 405, too_large: 413, no_raw_body: 500,
};

/**
 * One `(req, res)` handler for the webhook marketplaces, usable from node:http, Express and
 * Fastify. Every request is verified by its marketplace's verifier before anything is parsed; a
 * tampered, unsigned, stale or replayed notification is refused and counted, never handled.
 */
export function createWebhookReceiver(opts: WebhookReceiverOptions): WebhookReceiver {
  checkReceiverOptions(opts);
  const verifiers = [opts.ebay, opts.shopee, ...(opts.verifiers ?? [])].filter((v): v is WebhookVerifier => !!v);
  const now = () => (opts.clock ?? Date).now();
  const guard = new ReplayGuard(opts.replayWindowMs ?? 10 * 60_000, now);
  const stats: WebhookReceiverStats = { received: 0, handled: 0, failed: 0, replies: 0, errors: 0, rejected: Object.fromEntries(REJECT_REASONS.map((r) => [r, 0])) as Record<RejectReason, number> };

  const reject = (res: ServerResponse, reason: RejectReason): void => {
    stats.rejected[reason]++;
    send(res, STATUS[reason], { 'content-type': 'application/json' }, JSON.stringify({ error: reason }));
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    stats.received++;
    let rawBody: Buffer;
    try {
      rawBody = await readRawBody(req as MaybeParsedRequest, opts.maxBodyBytes ?? 1 << 20);
    } catch (e) {
      return reject(res, e instanceof BodyTooLarge ? 'too_large' : e instanceof BodyConsumed ? 'no_raw_body' : 'malformed');
    }
    const wreq: WebhookRequest = { method: req.method ?? 'GET', url: requestUrl(req, opts.publicUrl), headers: req.headers, rawBody };
    const verifier = verifiers.find((v) => v.matches(wreq));
    if (!verifier) return reject(res, 'unknown_source');
    let v: Verification;
    try {
      v = checkedVerification(await verifier.verify(wreq));
    } catch {
      // The check could not run (e.g. the key fetch failed): 503, so the marketplace redelivers.
      stats.errors++;
      return send(res, 503, { 'content-type': 'application/json' }, JSON.stringify({ error: 'verification_unavailable' }));
    }
    if (v.status === 'rejected') return reject(res, v.reason);
    if (v.status === 'reply') {
      stats.replies++;
      return send(res, v.code, v.headers ?? {}, v.body ?? '');
    }
    if (v.events.length && (v.sentAt === undefined || !guard.fresh(v.sentAt))) return reject(res, 'stale');
    if (v.events.some((e) => guard.has(key(e)))) return reject(res, 'replayed');
    const ok = await deliver(v.events);
    if (ok) send(res, 200, {}, '');
    else send(res, 500, { 'content-type': 'application/json' }, JSON.stringify({ error: 'handler_failed' }));
  }

  /** Events of one request in order; the first failure stops (the redelivery repeats the rest). */
  async function deliver(events: MarketplaceEvent[]): Promise<boolean> {
    for (const e of events) {
      guard.begin(key(e));
      try {
        await opts.onEvent(e);
        guard.end(key(e), true);
        stats.handled++;
      } catch {
        guard.end(key(e), false);
        stats.failed++;
        return false;
      }
    }
    return true;
  }

  const receiver = ((req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, {}, '');
    });
  }) as WebhookReceiver;
  receiver.handle = handle;
  receiver.stats = () => ({ ...stats, rejected: { ...stats.rejected } });
  return receiver;
}

const key = (e: MarketplaceEvent) => `${e.marketplace}:${e.eventId}`;

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  if (res.headersSent) return;
  res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
}

/** A verifier is caller code too: an answer that is not a Verification is its failure, not ours to dereference. */
function checkedVerification(v: unknown): Verification {
  const o = v as Partial<Record<string, unknown>> | null;
  const ok = !!o && typeof o === 'object' && (o.status === 'verified' ? Array.isArray(o.events) : o.status === 'reply' ? typeof o.code === 'number' : o.status === 'rejected' && typeof o.reason === 'string' && o.reason in STATUS);
  if (!ok) throw new TypeError('verifier answered something that is not a Verification');
  return v as Verification;
}
