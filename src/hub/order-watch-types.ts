import type { Clock } from '../http/clock.js';
import type { Order } from '../model/order.js';
import type { StoreRef } from '../model/store.js';
import type { MarketplaceEvent, NotificationSource } from '../notifications/event.js';
import type { SyncReport, OrderSyncOptions } from './sync-types.js';

/** The safety-net poll: order sync's options, minus what the watch owns (handle, follow, clock, signal). */
export type WatchPollOptions = Omit<OrderSyncOptions, 'handle' | 'follow' | 'signal' | 'clock' | 'now' | 'onEvent'> & {
  /**
   * Time from the start of one poll of an account to the start of the next (not from its end);
   * default 15 minutes (pushes carry the fast path). A change the feed shows at t is listed by a
   * poll starting by t + intervalMs, whose window ends at its start − the feed lag.
   */
  intervalMs?: number;
};

/** What the watch tells `handle` besides the order. */
export interface WatchContext {
  /** Hub account key. */
  account: string;
  /** The order's store as 'account:store'. */
  store: StoreRef;
  /** How this version arrived: a push's targeted read, or the poll. */
  via: 'push' | 'poll';
  /** The notification that triggered the read (push only). */
  event?: MarketplaceEvent;
}

/** Options of `hub.orders.watch`. */
export interface OrderWatchOptions {
  /** Pull sources and inboxes (eventInbox() fed by the webhook receiver, lostPushSource, an SQS source). */
  sources?: readonly NotificationSource[];
  /** The safety-net poll (checkpoints required). */
  poll: WatchPollOptions;
  /** Sees every order change at least once; an order version already handled is not handed again. */
  handle(order: Order, ctx: WatchContext): Promise<void> | void;
  /** Stops the watch: sources and polls end, `watch` resolves with its report. */
  signal?: AbortSignal;
  /** Time source and sleeps of every timer of the watch (polls included). */
  clock?: Clock;
  /** Observer: events ignored, reads failed, sources failed. Never throws into the watch. */
  onEvent?(e: WatchEvent): void;
}

/** What the watch reports to `onEvent`. */
export type WatchEvent =
  | { type: 'push'; account?: string; event: MarketplaceEvent; action: 'read' | 'poll-now' | 'ignored' }
  | { type: 'read-failed'; account: string; orderId: string; error: unknown }
  | { type: 'source-failed'; marketplace: string; error: unknown };

/** What `hub.orders.watch` resolves with once stopped. */
export interface WatchReport {
  /** Events received from all sources. */
  events: number;
  /** Targeted reads made for them. */
  reads: number;
  /** Events about something else than an order, or of no watched account. */
  ignored: number;
  /** Order versions handed to `handle`, by path. */
  delivered: { push: number; poll: number };
  /** Versions already handed (push then poll, or the reverse) that were not handed again. */
  duplicates: number;
  /** The safety-net poll's report, one per account. */
  poll: SyncReport[];
}
