import type { Redis } from 'ioredis';
import type { InventoryResult, InventoryUpdate, MarketplaceAdapter } from '../adapter.js';
import type { CheckpointStore } from '../hub/checkpoints.js';
import type { AccountSyncReport, OrderContext } from '../hub/sync-types.js';
import type { ListingInput } from '../model/listing.js';
import type { Order } from '../model/order.js';
import type { ShipRequest, Shipment } from '../model/shipment.js';

/** Where the workers find accounts when there are too many to build up front (one SaaS, thousands of sellers). */
export interface AccountSource {
  /** Every account key to schedule. */
  keys(): Promise<string[]> | string[];
  /** The adapter of one account; called once per account and process (the workers cache it). */
  adapter(key: string): Promise<MarketplaceAdapter> | MarketplaceAdapter;
}

/** What order-sync jobs do: the per-order handler and the sync window options. */
export interface WorkerOrderOptions {
  /** Called once per new order version, at least once (a window re-run after a crash delivers again). */
  handle(order: Order, ctx: OrderContext): Promise<void> | void;
  overlapMs?: number;
  since?: Date | string;
  lagMs?: number;
  includePii?: boolean;
}

/** Options of {@link createWorkers}: the Redis connection, the accounts, and job concurrency, locking and retries. */
export interface CreateWorkersOptions {
  /** A `redis://` URL (default `XBORDER_REDIS_URL`) or an ioredis client (its connection is duplicated). */
  redis?: string | Redis;
  accounts?: Record<string, MarketplaceAdapter>;
  accountSource?: AccountSource;
  /** Jobs this process runs at once (default 4). */
  concurrency?: number;
  /** Run jobs in this process (default true); false: only enqueue and read reports. */
  process?: boolean;
  /** What a sync window does with each order; order-sync jobs fail without it. */
  orders?: WorkerOrderOptions;
  /** Default a RedisCheckpointStore on the same Redis. */
  checkpoints?: CheckpointStore;
  /** Key prefix (default `xborder`) and queue name (default `xborder`). */
  prefix?: string;
  queue?: string;
  /**
   * How long a job (and an account's sync lock) is held without a heartbeat before another worker
   * takes it over (default 30 s; BullMQ renews it every half). A SIGKILLed worker's job restarts
   * elsewhere after about this long.
   */
  lockMs?: number;
  /** Attempts per job before it is failed for good (default 5, exponential backoff from 1 s). */
  attempts?: number;
}

/** Options of {@link XborderWorkers.bulkUpsert}: the target stores and the SKUs per job. */
export interface BulkEnqueueOptions {
  /** 'account:store' refs (default every store of every account). */
  stores: string[];
  /** SKUs per job (default 50). */
  chunkSize?: number;
}

/** The result of one (store, SKU) pair of a bulk upsert batch. */
export interface BulkOutcome {
  store: string;
  sku: string;
  ok: boolean;
  action?: string;
  error?: { code: string; message: string };
}

/** Progress and results of one bulk upsert batch, readable from any process. */
export interface BulkBatchReport {
  batch: string;
  /** (store, SKU) pairs enqueued. */
  total: number;
  /** Pairs with a result so far (exactly one each). */
  done: number;
  failed: number;
  results: BulkOutcome[];
}

/** A job's state, progress and result as BullMQ records them. */
export interface JobStatus {
  id: string;
  name: string;
  state: string;
  progress: unknown;
  result?: unknown;
  failedReason?: string;
  attempts: number;
}

/** The BullMQ workers {@link createWorkers} returns: schedule, enqueue and inspect jobs, and close. */
export interface XborderWorkers {
  /** Repeatable order-sync jobs, one scheduler per account (re-scheduling replaces the previous one). */
  scheduleOrderSync(opts: { everyMs: number; accounts?: string[] }): Promise<string[]>;
  /** One sync window for an account now; a window already queued or running for it is not doubled. */
  syncOrdersNow(account: string): Promise<string>;
  /** Splits a catalog into jobs per (store, chunk); resolves with the batch id. */
  bulkUpsert(listings: ListingInput[], opts: BulkEnqueueOptions): Promise<string>;
  /** Results of a batch so far, readable from any process. */
  bulkReport(batch: string): Promise<BulkBatchReport>;
  /** One inventory push job (`id` makes a repeated enqueue a no-op while the first exists). */
  pushInventory(account: string, updates: InventoryUpdate[], opts?: { id?: string }): Promise<string>;
  /** One ship job; the hub's content-derived idempotency key and the shared journal keep it single. */
  ship(account: string, req: ShipRequest): Promise<string>;
  /** Any job's state, progress and result, from any process. */
  job(id: string): Promise<JobStatus | undefined>;
  /** The last order-sync window report of an account, from any process. */
  orderSyncStatus(account: string): Promise<AccountSyncReport | undefined>;
  /** Resolves when no job is waiting, delayed or active. */
  drained(): Promise<boolean>;
  /** Graceful: stops taking jobs, lets running ones finish (their results are kept), closes connections. */
  close(): Promise<void>;
}

export type InventoryJobResult = InventoryResult[];
export type ShipJobResult = Shipment;
