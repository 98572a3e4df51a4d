import type { Clock } from '../http/clock.js';
import type { Order } from '../model/order.js';
import type { StoreRef } from '../model/store.js';
import type { CheckpointStore, HeldRecord } from './checkpoints.js';
import type { ErrorInfo } from './errors.js';

export interface OrderContext {
  /** Hub account key, e.g. 'amazonEU'. */
  account: string;
  store: StoreRef;
  window: { since: string; until: string };
}

export interface OrderSyncOptions {
  checkpoints: CheckpointStore;
  /** Called once per new order version (at least once: after a crash an order may come again). */
  handle(order: Order, ctx: OrderContext): Promise<void> | void;
  /** Accounts to sync; default all. */
  accounts?: readonly string[];
  /** How far each window reaches back before the committed bound; default 10 minutes. */
  overlapMs?: number;
  /** Start of the very first window of an account without a checkpoint; default 24 hours ago. */
  since?: Date | string;
  /**
   * How far behind now each window ends; default the adapter's documented `capabilities.orderFeedLagMs`
   * (Amazon: 2 minutes), else 0 (no lag documented: Shopee, eBay, AliExpress; the overlap re-read
   * catches a late change).
   */
  lagMs?: number;
  /**
   * Keep polling until `signal` aborts: each account in its own loop, `intervalMs` (default 60 s)
   * after its previous window ended, so a throttled account never delays another.
   */
  follow?: boolean;
  intervalMs?: number;
  /** Passes over a one-second slice too dense for one page, until one proves the last; default 3. */
  maxPasses?: number;
  /** 'hold' (default): a quarantined record keeps the checkpoint behind it. 'skip': report and move on. */
  quarantine?: 'hold' | 'skip';
  /** Ask adapters for buyer identity and address (PII). */
  includePii?: boolean;
  /** Progress observer (windows, pages, idle waits); an exception it throws is ignored. */
  onEvent?(event: SyncEvent): void;
  signal?: AbortSignal;
  /** Time source (tests). */
  now?: () => number;
  /** Time source and sleeps (follow-mode waits); wins over `now`. Default the system clock. */
  clock?: Clock;
}

export interface WindowReport {
  since: string;
  until: string;
  /** Passes over the densest slice (1 unless a one-second slice had to be paged and re-listed). */
  passes: number;
  /** Listings made: one per time slice tried (a slice too dense for a page is halved and read again). */
  slices: number;
  /** From the frozen bound to the first slice read: mostly the wait for the account's order-search quota. */
  firstReadMs?: number;
  delivered: number;
  /** Unchanged orders the dedup set kept from being delivered again. */
  duplicates: number;
  quarantined: HeldRecord[];
  /** The checkpoint moved to `until`. */
  committed: boolean;
  held?: 'quarantined' | 'unsettled';
  error?: ErrorInfo & { orderId?: string };
}

export interface AccountSyncReport {
  account: string;
  marketplace: string;
  ok: boolean;
  windows: number;
  delivered: number;
  duplicates: number;
  lagMs: number;
  /** The checkpoint after this run. */
  committedUntil?: string;
  last?: WindowReport;
  /** Failed windows (last 20). */
  errors: Array<{ at: string; error: ErrorInfo & { orderId?: string } }>;
}

export interface SyncReport {
  startedAt: string;
  finishedAt: string;
  ok: boolean;
  delivered: number;
  accounts: AccountSyncReport[];
}

export type SyncEvent =
  | { type: 'window-start'; account: string; since: string; until: string; pass: number }
  | { type: 'page'; account: string; delivered: number; duplicates: number; quarantined: number }
  | { type: 'window-end'; account: string; window: WindowReport }
  | { type: 'idle'; account: string; nextAt: string };
