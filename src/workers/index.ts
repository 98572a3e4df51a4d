/**
 * Scale-out on BullMQ (issue 24): order-sync windows, bulk-listing chunks, inventory pushes and
 * shipments as jobs on one Redis queue, run by any number of worker processes. BullMQ holds each
 * active job under a renewed lock; a worker that dies (SIGKILL) stops renewing, and another worker
 * moves its job back and runs it again (stalled-job check). That re-run is safe: order delivery is
 * at-least-once with the checkpoint behind it, bulk results are one hash field per (store, SKU),
 * and writes go through the accounts' shared intent journal. bullmq and ioredis are optional peers,
 * imported on first use.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Job, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { InventoryUpdate, MarketplaceAdapter } from '../adapter.js';
import { ValidationError } from '../errors/classes.js';
import type { ShipRequest } from '../model/shipment.js';
import { RedisCheckpointStore } from '../redis/checkpoint-store.js';
import { connectRedis, DEFAULT_PREFIX } from '../redis/connection.js';
import { ACCOUNT, checkWorkerOptions } from './options.js';
import { BATCH_TTL_MS, runBulkChunk, runInventoryPush, runOrderSync, runShip, type ProcessorDeps, type WorkerKeys } from './processors.js';
import type { BulkBatchReport, BulkOutcome, CreateWorkersOptions, JobStatus, XborderWorkers } from './types.js';

export type * from './types.js';

async function loadBullmq(): Promise<typeof import('bullmq')> {
  try {
    return await import('bullmq');
  } catch (e) {
    throw new ValidationError({ message: 'Workers need the optional peer dependency bullmq (npm install bullmq@^6 ioredis@^5)', path: 'redis', cause: e });
  }
}


/** Starts the workers of this process (and the queue every process shares). */
export async function createWorkers(opts: CreateWorkersOptions): Promise<XborderWorkers> {
  checkWorkerOptions(opts);
  const concurrency = opts.concurrency ?? 4;
  const lockMs = opts.lockMs ?? 30_000;
  const prefix = opts.prefix ?? DEFAULT_PREFIX;
  const queueName = opts.queue ?? 'xborder';
  const bull = await loadBullmq();
  // BullMQ's blocking commands need maxRetriesPerRequest: null on their connections.
  const owned = typeof opts.redis !== 'object';
  const client: Redis = owned ? await connectRedis(opts.redis as string | undefined, { maxRetriesPerRequest: null }) : (opts.redis as Redis).duplicate({ maxRetriesPerRequest: null });
  const keys = workerKeys(prefix);
  const adapters = new Map<string, Promise<MarketplaceAdapter>>();
  const adapter = (key: string): Promise<MarketplaceAdapter> => {
    let a = adapters.get(key);
    if (!a) {
      const direct = opts.accounts?.[key];
      a = direct ? Promise.resolve(direct) : opts.accountSource ? Promise.resolve(opts.accountSource.adapter(key)) : Promise.reject(new Error(`unknown account ${key}`));
      adapters.set(key, a);
      a.catch(() => adapters.delete(key));
    }
    return a;
  };
  const deps: ProcessorDeps = { client, keys, adapter, orders: opts.orders, checkpoints: opts.checkpoints ?? new RedisCheckpointStore(client, { prefix }), lockMs };
  const attempts = opts.attempts ?? 5;
  const jobOpts = { attempts, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: { age: 86_400, count: 10_000 }, removeOnFail: { age: 7 * 86_400 } };
  const queue: Queue = new bull.Queue(queueName, { connection: client, prefix, defaultJobOptions: jobOpts });
  let worker: Worker | undefined;
  if (opts.process !== false) {
    worker = new bull.Worker(queueName, (job: Job) => dispatch(deps, job), { connection: client, prefix, concurrency, lockDuration: lockMs, stalledInterval: Math.max(1000, Math.floor(lockMs / 2)), maxStalledCount: attempts });
    // A failing job is reported through the job's state; the worker itself keeps running.
    worker.on('error', () => undefined);
  }
  const accountKeys = async (): Promise<string[]> => (opts.accounts ? Object.keys(opts.accounts) : opts.accountSource ? [...(await opts.accountSource.keys())] : []);
  const checkAccount = (a: unknown, path = 'account'): string => {
    if (typeof a !== 'string' || !ACCOUNT.test(a)) throw new ValidationError({ message: `${path} must be an account key (letters, digits, _ . -)`, path });
    return a;
  };

  return {
    async scheduleOrderSync({ everyMs, accounts }) {
      if (!(Number.isFinite(everyMs) && everyMs >= 1000)) throw new ValidationError({ message: 'everyMs must be a number of ms ≥ 1000', path: 'everyMs' });
      const list = (accounts ?? (await accountKeys())).map((a, i) => checkAccount(a, `accounts[${i}]`));
      for (const account of list) await queue.upsertJobScheduler(`orders|${account}`, { every: everyMs }, { name: 'orders', data: { account } });
      return list;
    },
    async syncOrdersNow(account) {
      checkAccount(account);
      // Custom BullMQ job ids may not contain ':' (its key separator): ids here use '|'.
      // A fixed id: while this account's window is queued or running, adding it again is a no-op.
      const job = await queue.add('orders', { account }, { jobId: `orders-now|${account}`, removeOnComplete: true, removeOnFail: true });
      return job.id!;
    },
    async bulkUpsert(listings, { stores, chunkSize = 50 }) {
      if (!Array.isArray(listings)) throw new ValidationError({ message: 'listings must be an array', path: 'listings' });
      if (!Array.isArray(stores) || !stores.length) throw new ValidationError({ message: "stores must list 'account:store' refs", path: 'stores' });
      if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new ValidationError({ message: 'chunkSize must be an integer ≥ 1', path: 'chunkSize' });
      const batch = randomUUID();
      const jobs = stores.flatMap((ref, si) => {
        const i = typeof ref === 'string' ? ref.indexOf(':') : -1;
        if (i < 1) throw new ValidationError({ message: `stores[${si}] must be 'account:store'`, path: `stores[${si}]` });
        const account = checkAccount(ref.slice(0, i), `stores[${si}]`);
        const store = ref.slice(i + 1);
        return chunks(listings, chunkSize).map((part, c) => ({ name: 'bulk', data: { batch, account, store, listings: part }, opts: { ...jobOpts, jobId: `bulk|${batch}|${account}|${store.replaceAll(':', '|')}|${c}` } }));
      });
      await client.multi().hset(keys.bulkMeta(batch), { total: String(stores.length * listings.length), jobs: String(jobs.length), at: new Date().toISOString() }).pexpire(keys.bulkMeta(batch), BATCH_TTL_MS).exec();
      await queue.addBulk(jobs);
      return batch;
    },
    async bulkReport(batch) {
      const [meta, raw] = await Promise.all([client.hgetall(keys.bulkMeta(batch)), client.hgetall(keys.bulkResults(batch))]);
      if (!meta.total) throw new ValidationError({ message: `No bulk batch "${batch}"`, path: 'batch' });
      const results = Object.values(raw).map((v) => JSON.parse(v) as BulkOutcome);
      return { batch, total: Number(meta.total), done: results.length, failed: results.filter((r) => !r.ok).length, results } satisfies BulkBatchReport;
    },
    async pushInventory(account, updates: InventoryUpdate[], o = {}) {
      checkAccount(account);
      if (!Array.isArray(updates)) throw new ValidationError({ message: 'updates must be an array', path: 'updates' });
      const job = await queue.add('inventory', { account, updates }, o.id ? { jobId: `inventory|${String(o.id).replaceAll(':', '|')}` } : {});
      return job.id!;
    },
    async ship(account, req: ShipRequest) {
      checkAccount(account);
      const digest = createHash('sha256').update(JSON.stringify(req)).digest('hex').slice(0, 16);
      const job = await queue.add('ship', { account, req }, { jobId: `ship|${account}|${digest}` });
      return job.id!;
    },
    async job(id) {
      const j = await bull.Job.fromId(queue, id);
      if (!j) return undefined;
      return { id, name: j.name, state: await j.getState(), progress: j.progress, result: j.returnvalue ?? undefined, failedReason: j.failedReason || undefined, attempts: j.attemptsMade } satisfies JobStatus;
    },
    async orderSyncStatus(account) {
      const text = await client.get(keys.syncStatus(checkAccount(account)));
      return text === null ? undefined : JSON.parse(text);
    },
    async drained() {
      const c = await queue.getJobCounts('waiting', 'delayed', 'active', 'prioritized', 'waiting-children');
      return Object.values(c).every((n) => n === 0);
    },
    async close() {
      await worker?.close();
      await queue.close();
      if (client.status !== 'end') await client.quit().catch(() => client.disconnect());
    },
  };
}

function dispatch(deps: ProcessorDeps, job: Job): Promise<unknown> {
  switch (job.name) {
    case 'orders':
      return runOrderSync(deps, job);
    case 'bulk':
      return runBulkChunk(deps, job);
    case 'inventory':
      return runInventoryPush(deps, job);
    case 'ship':
      return runShip(deps, job);
    default:
      throw new Error(`unknown job ${job.name}`);
  }
}

/** Worker state under `<prefix>:_:workers:` (hub account keys, not marketplace account ids). */
function workerKeys(prefix: string): WorkerKeys {
  return {
    syncLock: (a) => `${prefix}:_:workers:sync-lock:${a}`,
    syncStatus: (a) => `${prefix}:_:workers:sync-status:${a}`,
    bulkMeta: (b) => `${prefix}:_:workers:bulk:${b}:meta`,
    bulkResults: (b) => `${prefix}:_:workers:bulk:${b}:results`,
  };
}

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
