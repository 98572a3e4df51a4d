/**
 * Redis implementations of the shared stores (issue 24), selected by one URL. Importing this
 * module loads no ioredis: `connectRedis` / `redisStores` import it on first use.
 */
import type { Redis, RedisOptions } from 'ioredis';
import { connectRedis } from './connection.js';
import { RedisCheckpointStore } from './checkpoint-store.js';
import { RedisIntentJournal, type RedisIntentJournalOptions } from './intent-journal.js';
import { RedisLedgerStore, type RedisLedgerStoreOptions } from './ledger-store.js';
import { RedisRecordMap, type RedisRecordMapOptions } from './record-map.js';
import { RedisLimiterStore, type RedisLimiterStoreOptions } from './limiter-store.js';
import { RedisTokenStore, type RedisTokenStoreOptions } from './token-store.js';

export { connectRedis, namespacedKey, resolveRedisUrl, REDIS_URL_ENV, DEFAULT_PREFIX, type RedisClient, type RedisStoreOptions } from './connection.js';
export { RedisCheckpointStore } from './checkpoint-store.js';
export { RedisIntentJournal, type RedisIntentJournalOptions } from './intent-journal.js';
export { RedisLedgerStore, type RedisLedgerStoreOptions } from './ledger-store.js';
export { RedisLimiterStore, type RedisLimiterStoreOptions } from './limiter-store.js';
export { RedisRecordMap, type RedisRecordMapOptions } from './record-map.js';
export { RedisTokenStore, type RedisTokenStoreOptions } from './token-store.js';

/** Options of {@link redisStores}: the key prefix, per-store options and the ioredis connection options. */
export interface RedisStoresOptions {
  prefix?: string;
  limiter?: Omit<RedisLimiterStoreOptions, 'prefix'>;
  tokens?: Omit<RedisTokenStoreOptions, 'prefix'>;
  journal?: Omit<RedisIntentJournalOptions, 'prefix'>;
  /** Passed to ioredis when a URL is given. */
  connection?: RedisOptions;
}

/** Every Redis store on one connection, as {@link redisStores} returns them. */
export interface RedisStores {
  client: Redis;
  limiterStore: RedisLimiterStore;
  tokenStore: RedisTokenStore;
  checkpoints: RedisCheckpointStore;
  journal: RedisIntentJournal;
  /** The stock ledger's shared store (reads the ledger once: pass it to `new StockLedger({ store })`). */
  ledgerStore(opts?: Omit<RedisLedgerStoreOptions, 'prefix'>): Promise<RedisLedgerStore>;
  /** Per-account records, e.g. the Amazon adapter's `listingMemory`: `records('amazon', 'acct')`. */
  records<T extends object>(marketplace: string, account: string, opts?: Omit<RedisRecordMapOptions, 'prefix'>): RedisRecordMap<T>;
  /** Closes the connection if `redisStores` opened it (a client you passed stays open). */
  close(): Promise<void>;
}

/**
 * Every store on one connection: pass a `redis://` URL (default `XBORDER_REDIS_URL`) or an
 * ioredis client you already hold.
 */
export async function redisStores(source?: string | Redis, opts: RedisStoresOptions = {}): Promise<RedisStores> {
  const owned = typeof source !== 'object';
  const client = owned ? await connectRedis(source, opts.connection) : source;
  const prefix = opts.prefix;
  return {
    client,
    limiterStore: new RedisLimiterStore(client, { ...opts.limiter, prefix }),
    tokenStore: new RedisTokenStore(client, { ...opts.tokens, prefix }),
    checkpoints: new RedisCheckpointStore(client, { prefix }),
    journal: new RedisIntentJournal(client, { ...opts.journal, prefix }),
    ledgerStore: (o = {}) => RedisLedgerStore.open(client, { ...o, prefix }),
    records: <T extends object>(marketplace: string, account: string, o: Omit<RedisRecordMapOptions, 'prefix'> = {}) => new RedisRecordMap<T>(client, marketplace, account, { ...o, prefix }),
    close: async () => {
      if (!owned || client.status === 'end') return;
      // quit() answers before the socket closes; resolve once it has (no handle left open).
      const ended = new Promise((r) => client.once('end', r));
      await client.quit();
      await ended;
    },
  };
}

// BullMQ workers share this subpath: the same optional peers (bullmq, ioredis), loaded on first use.
export { createWorkers } from '../workers/index.js';
export type { AccountSource, BulkBatchReport, BulkEnqueueOptions, BulkOutcome, CreateWorkersOptions, JobStatus, WorkerOrderOptions, XborderWorkers } from '../workers/types.js';
