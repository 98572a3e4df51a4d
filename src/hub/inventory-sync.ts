import type { MarketplaceAdapter } from '../adapter.js';
import { createInventorySync, type InventorySyncOptions, type InventorySyncReport } from '../inventory/index.js';
import { memoryCheckpoints, type CheckpointStore } from './checkpoints.js';
import { syncOrders } from './order-sync.js';
import type { OrderSyncOptions, SyncReport } from './sync-types.js';

export interface HubInventorySyncOptions extends Omit<InventorySyncOptions, 'accounts' | 'orders'> {
  /** Order-sync checkpoints (default in memory: every run re-reads its first window). */
  checkpoints?: CheckpointStore;
  /** Order-sync settings besides the handler. */
  orders?: Omit<OrderSyncOptions, 'checkpoints' | 'handle' | 'follow' | 'signal'>;
  /** Optional ERP handler, called after the order's reservation is saved. */
  handle?: OrderSyncOptions['handle'];
}

export type HubInventorySyncReport = InventorySyncReport & { orders?: SyncReport };

/**
 * Orders in → reservations → pushes out. The order handler resolves only once the reservation is
 * persisted, so order-sync checkpoints never run ahead of the ledger. Each account polls in its
 * own loop on the engine's clock (a throttled account never delays another, issue 26.1), and each
 * committed window tells the engine how far that account's orders are imported, so increases
 * never overwrite sales not yet imported (issue 26.3).
 */
export async function syncInventory(accounts: Readonly<Record<string, MarketplaceAdapter>>, opts: HubInventorySyncOptions): Promise<HubInventorySyncReport> {
  const { checkpoints = memoryCheckpoints(), orders, handle, ...inv } = opts;
  const engine = createInventorySync({ ...inv, accounts: { ...accounts } }).start();
  let ordersReport: SyncReport | undefined;
  let report: InventorySyncReport;
  try {
    ordersReport = await syncOrders(accounts, {
      ...orders,
      checkpoints,
      follow: opts.follow,
      signal: opts.signal,
      clock: orders?.clock ?? opts.clock,
      onEvent: (e) => {
        if (e.type === 'window-end' && e.window.committed) engine.caughtUp(e.account, e.window.until);
        orders?.onEvent?.(e);
      },
      handle: async (order, ctx) => {
        await engine.handle(order, ctx);
        await handle?.(order, ctx);
      },
    });
    if (!opts.follow) await engine.idle();
  } finally {
    report = await engine.stop();
  }
  return { ...report, orders: ordersReport };
}
