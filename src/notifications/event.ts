/**
 * The unified notification contract. Every marketplace's push (Amazon SQS, eBay and Shopee
 * webhooks) becomes a {@link MarketplaceEvent} only after it was verified; an event is a hint
 * ("this order changed"), never the truth: consumers read the changed record back.
 */

/** What changed. `other` keeps events the SDK verifies but does not interpret yet. */
export const EVENT_KINDS = [
  'order_changed',
  'order_cancel_requested',
  'tracking_updated',
  'listing_status_changed',
  'listing_issues_changed',
  'listing_quantity_changed',
  'feed_finished',
  'report_finished',
  'return_changed',
  'account_deletion',
  'other',
] as const;
/** One of {@link EVENT_KINDS}. */
export type EventKind = (typeof EVENT_KINDS)[number];

/** A verified notification, normalized: which record changed, for whom, and the raw payload. */
export interface MarketplaceEvent {
  marketplace: string;
  /** Account key the event belongs to (seller id, shop id); empty when the marketplace does not say. */
  account: string;
  kind: EventKind;
  /** Dedupe key: the marketplace's notification/message id, or a hash of the verified body. */
  eventId: string;
  /** When the marketplace says the change happened (ISO-8601 UTC), else when it was received. */
  occurredAt: string;
  orderId?: string;
  sku?: string;
  /** listing_quantity_changed: the quantity the listing now offers, where the notification carries it (Amazon MFN). */
  quantity?: number;
  /** The marketplace's own topic / push code / notification type. */
  topic: string;
  /** The verified payload as the marketplace sent it. */
  raw: unknown;
}

/** Handles one event; resolving means "done": only then is the message deleted / acknowledged. */
export type EventHandler = (event: MarketplaceEvent) => Promise<void>;

/**
 * A pull source (an SQS queue, a lost-push drain). `run` delivers events to the handler and
 * acknowledges each only after the handler resolved; a rejected handler leaves the message to be
 * delivered again. Resolves when the signal aborts.
 */
export interface NotificationSource {
  readonly marketplace: string;
  /** Delivers events to `handle` until `opts.signal` aborts. */
  run(handle: EventHandler, opts?: { signal?: AbortSignal }): Promise<void>;
}
