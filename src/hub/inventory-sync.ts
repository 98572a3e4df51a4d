import { z } from 'zod';
import type { MarketplaceAdapter } from '../adapter.js';
import { parseInput } from '../errors/from-response.js';
import { createInventorySync, type InventorySyncEngine, type InventorySyncOptions, type InventorySyncReport } from '../inventory/index.js';
import type { MarketplaceEvent, NotificationSource } from '../notifications/event.js';
import { memoryCheckpoints, type CheckpointStore } from './checkpoints.js';
import { syncOrders } from './order-sync.js';
import { watchOrders } from './order-watch.js';
import type { WatchReport } from './order-watch-types.js';
import type { OrderSyncOptions, SyncReport } from './sync-types.js';

export interface HubInventorySyncOptions extends Omit<InventorySyncOptions, 'accounts' | 'orders'> {
  /** Order-sync checkpoints (default in memory: every run re-reads its first window). */
  checkpoints?: CheckpointStore;
  /** Order-sync settings besides the handler. */
  orders?: Omit<OrderSyncOptions, 'checkpoints' | 'handle' | 'follow' | 'signal'>;
  /** Optional ERP handler, called after the order's reservation is saved. */
  handle?: OrderSyncOptions['handle'];
  /**
   * Notification sources, as for `hub.orders.watch` (an eventInbox() behind the webhook receiver,
   * an Amazon SQS source, a lost-push drain): an order event triggers a targeted read and the ledger
   * import at once (issue 26.2), while each account still polls every `orders.intervalMs` (default
   * 60 s) as the safety net. A `listing_quantity_changed` event that carries the quantity (Amazon's
   * LISTINGS_ITEM_MFN_QUANTITY_CHANGE) bounds what later pushes to that listing may send. Needs
   * `follow` and a `signal`.
   */
  sources?: readonly NotificationSource[];
}

export type HubInventorySyncReport = InventorySyncReport & {
  orders?: SyncReport;
  /** With `sources`: events received, targeted reads, versions delivered per path. */
  notifications?: Omit<WatchReport, 'poll'>;
};

const DEFAULT_INTERVAL_MS = 60_000;
/** Margin on a committed window's end: the coarsest feeds stamp changes in whole seconds. */
const SECOND = 1000;
const SourcesSchema = z
  .array(z.custom<NotificationSource>((v) => typeof (v as NotificationSource)?.run === 'function' && typeof (v as NotificationSource)?.marketplace === 'string', 'expected a NotificationSource { marketplace, run(handle, { signal }) }'))
  .optional();

/**
 * Orders in → reservations → pushes out. The order handler resolves only once the reservation is
 * persisted, so order-sync checkpoints never run ahead of the ledger. Each account polls in its
 * own loop on the engine's clock (a throttled account never delays another, issue 26.1); with
 * `sources`, pushes bring each sale in at once and polling is the safety net (26.2). Every
 * committed window tells the engine how far that account's orders are imported, so increases
 * never overwrite sales not yet imported (26.3, src/inventory/increase-gate.ts).
 */
export async function syncInventory(accounts: Readonly<Record<string, MarketplaceAdapter>>, opts: HubInventorySyncOptions): Promise<HubInventorySyncReport> {
  const { checkpoints = memoryCheckpoints(), orders, handle, sources, ...inv } = opts;
  parseInput(SourcesSchema, sources, 'sources');
  if (sources && (!opts.follow || !opts.signal)) parseInput(z.object({ follow: z.literal(true), signal: z.instanceof(AbortSignal) }), { follow: opts.follow, signal: opts.signal }, 'options');
  const engine = createInventorySync({ ...inv, accounts: { ...accounts } }).start();
  const committed = reportingCommits(checkpoints, (account, until) => engine.caughtUp(account, Date.parse(until) - SECOND));
  const deliver = async (order: Parameters<OrderSyncOptions['handle']>[0], ctx: Parameters<OrderSyncOptions['handle']>[1]) => {
    await engine.handle(order, ctx);
    await handle?.(order, ctx);
  };
  let report: InventorySyncReport;
  let ordersReport: SyncReport | undefined;
  let notifications: HubInventorySyncReport['notifications'];
  try {
    if (sources) {
      const { poll, ...watched } = await watchOrders(accounts, {
        sources: sources.map((s) => observing(s, accounts, engine)),
        poll: { ...orders, checkpoints: committed, intervalMs: orders?.intervalMs ?? DEFAULT_INTERVAL_MS },
        signal: opts.signal,
        clock: orders?.clock ?? opts.clock,
        handle: (order, ctx) => deliver(order, { account: ctx.account, store: ctx.store, window: { since: order.updatedAt.utc, until: order.updatedAt.utc } }),
      });
      notifications = watched;
      ordersReport = mergePolls(poll);
    } else {
      ordersReport = await syncOrders(accounts, { ...orders, checkpoints: committed, follow: opts.follow, signal: opts.signal, clock: orders?.clock ?? opts.clock, handle: deliver });
      if (!opts.follow) await engine.idle();
    }
  } finally {
    report = await engine.stop();
  }
  return { ...report, orders: ordersReport, ...(notifications ? { notifications } : {}) };
}

/** The checkpoint store, telling `onCommit` each time an account's committed bound moves. */
function reportingCommits(store: CheckpointStore, onCommit: (account: string, until: string) => void): CheckpointStore {
  return {
    get: (account) => store.get(account),
    set: async (account, cp) => {
      await store.set(account, cp);
      if (cp.until) onCommit(account, cp.until);
    },
  };
}

/** A source whose listing quantity reports reach the engine before the watch sees the event. */
function observing(source: NotificationSource, accounts: Readonly<Record<string, MarketplaceAdapter>>, engine: InventorySyncEngine): NotificationSource {
  return {
    marketplace: source.marketplace,
    run: (handle, o) => source.run(async (e: MarketplaceEvent) => {
      if (e.kind === 'listing_quantity_changed' && e.sku && e.quantity !== undefined) {
        const at = Date.parse(e.occurredAt);
        for (const [k, a] of Object.entries(accounts)) if (a.marketplace === e.marketplace && (!e.account || a.account === e.account)) engine.observed(k, { sku: e.sku, quantity: e.quantity, at });
      }
      await handle(e);
    }, o),
  };
}

/** One report over the watch's per-account polls. */
function mergePolls(polls: SyncReport[]): SyncReport | undefined {
  if (!polls.length) return undefined;
  const accounts = polls.flatMap((p) => p.accounts);
  return {
    startedAt: polls.map((p) => p.startedAt).sort()[0]!,
    finishedAt: polls.map((p) => p.finishedAt).sort().at(-1)!,
    ok: polls.every((p) => p.ok),
    delivered: accounts.reduce((n, a) => n + a.delivered, 0),
    accounts,
  };
}
