/**
 * What each job does. Jobs carry only plain JSON (account keys, listings, updates); adapters are
 * resolved in the worker process. Results that other processes read live in Redis, keyed so that
 * a job re-run after a crash overwrites rather than adds.
 */
import type { Redis } from 'ioredis';
import type { InventoryUpdate, MarketplaceAdapter } from '../adapter.js';
import { isXborderError } from '../errors/xborder-error.js';
import type { CheckpointStore } from '../hub/checkpoints.js';
import { ship } from '../hub/fulfilment.js';
import { syncOrders } from '../hub/order-sync.js';
import type { AccountSyncReport } from '../hub/sync-types.js';
import type { ListingInput } from '../model/listing.js';
import type { ShipRequest } from '../model/shipment.js';
import { acquireAccountLock } from './account-lock.js';
import type { BulkOutcome, WorkerOrderOptions } from './types.js';

/** The slice of a BullMQ job a processor uses. */
export interface JobLike {
  id?: string;
  data: unknown;
  updateProgress(p: number | object): Promise<void>;
}

/** A bulk batch's report stays readable this long after its last result (then Redis drops it). */
export const BATCH_TTL_MS = 7 * 86_400_000;

export interface ProcessorDeps {
  client: Redis;
  keys: WorkerKeys;
  adapter(key: string): Promise<MarketplaceAdapter>;
  orders?: WorkerOrderOptions;
  checkpoints: CheckpointStore;
  lockMs: number;
}

export interface WorkerKeys {
  syncLock(account: string): string;
  syncStatus(account: string): string;
  bulkMeta(batch: string): string;
  bulkResults(batch: string): string;
}

export type JobData =
  | { account: string }
  | { batch: string; account: string; store: string; listings: ListingInput[] }
  | { account: string; updates: InventoryUpdate[] }
  | { account: string; req: ShipRequest };

export async function runOrderSync(d: ProcessorDeps, job: JobLike): Promise<{ skipped: true } | AccountSyncReport> {
  const { account } = job.data as { account: string };
  if (!d.orders) throw new Error('createWorkers({ orders: { handle } }) is required to run order-sync jobs');
  const lock = await acquireAccountLock(d.client, d.keys.syncLock(account), job.id ?? account, d.lockMs);
  // Another window of this account is running (a slow window outlived the interval): this one is redundant.
  if (!lock) return { skipped: true };
  try {
    const adapter = await d.adapter(account);
    const o = d.orders;
    const report = await syncOrders({ [account]: adapter }, {
      checkpoints: d.checkpoints, handle: o.handle, accounts: [account], overlapMs: o.overlapMs, since: o.since, lagMs: o.lagMs, includePii: o.includePii,
      onEvent: (e) => void (e.type === 'page' ? job.updateProgress({ delivered: e.delivered }).catch(() => undefined) : undefined),
    });
    const summary = report.accounts[0]!;
    await d.client.set(d.keys.syncStatus(account), JSON.stringify(summary));
    // A failed window is retried by BullMQ (attempts, backoff); its checkpoint did not move.
    if (!summary.ok) throw new Error(`order sync of ${account} failed: ${summary.errors.at(-1)?.error.message ?? 'see orderSyncStatus'}`);
    return summary;
  } finally {
    await lock.release();
  }
}

export async function runBulkChunk(d: ProcessorDeps, job: JobLike): Promise<{ done: number; failed: number }> {
  const { batch, account, store, listings } = job.data as { batch: string; account: string; store: string; listings: ListingInput[] };
  const resultsKey = d.keys.bulkResults(batch);
  const ref = `${account}:${store}`;
  // A chunk re-run after a crash skips the SKUs that already have their one result.
  const have = listings.length ? await d.client.hmget(resultsKey, ...listings.map((l) => field(ref, l.sku))) : [];
  const todo = listings.filter((_, i) => have[i] === null);
  let done = listings.length - todo.length;
  let failed = 0;
  if (todo.length) {
    const adapter = await d.adapter(account);
    const results = await adapter.listings.bulkUpsert(todo, {
      store,
      onProgress: (e) => void job.updateProgress({ done: done + e.done, total: listings.length }).catch(() => undefined),
    });
    const fields: Record<string, string> = {};
    for (const r of results) {
      const out: BulkOutcome = r.ok
        ? { store: ref, sku: r.sku, ok: true, action: r.result.action }
        : { store: ref, sku: r.sku, ok: false, error: { code: isXborderError(r.error) ? r.error.code : 'UNKNOWN', message: r.error.message } };
      if (!r.ok) failed++;
      fields[field(ref, r.sku)] = JSON.stringify(out);
    }
    if (Object.keys(fields).length) await d.client.multi().hset(resultsKey, fields).pexpire(resultsKey, BATCH_TTL_MS).exec();
    done += results.length;
  }
  return { done, failed };
}

export async function runInventoryPush(d: ProcessorDeps, job: JobLike): Promise<Array<{ sku: string; ok: boolean; appliedQuantity?: number; error?: string }>> {
  const { account, updates } = job.data as { account: string; updates: InventoryUpdate[] };
  const adapter = await d.adapter(account);
  const results = await adapter.inventory.set(updates);
  return results.map((r) => ({ sku: r.sku, ok: r.ok, ...(r.appliedQuantity !== undefined ? { appliedQuantity: r.appliedQuantity } : {}), ...(r.error ? { error: r.error.code } : {}) }));
}

export async function runShip(d: ProcessorDeps, job: JobLike): Promise<unknown> {
  const { account, req } = job.data as { account: string; req: ShipRequest };
  const adapter = await d.adapter(account);
  // Same request → same idempotency key (hub/fulfilment.ts); with the accounts' shared journal a
  // re-run after a crash replays or verifies the first confirmation instead of sending another.
  return ship({ [account]: adapter }, account, req);
}

/** Results hash field of one (store, SKU). */
export function field(storeRef: string, sku: string): string {
  return `${storeRef}\n${sku}`;
}
