/**
 * `xborder worker --stores f [--redis url]`: one process of a worker pool (issue 24). Every process
 * started against the same Redis shares each account's quota, intent journal and order-sync
 * checkpoint; BullMQ hands each job to one of them and restarts a dead worker's jobs elsewhere.
 * Runs until Ctrl-C / SIGTERM, then lets running jobs finish and exits.
 */
import { promises as fs } from 'node:fs';
import type { Command } from 'commander';
import { hubHooks } from '../../hub/hub-hooks.js';
import type { Order } from '../../model/order.js';
import { CliError, EXIT_OK } from '../exit.js';
import { csvList, type CliContext } from '../context.js';
import { buildAdapters } from '../marketplaces.js';
import { loadStoresConfig, type AccountConfig } from '../store-config.js';

interface WorkerFlags {
  stores?: string;
  redis?: string;
  concurrency: string;
  every: string;
  overlap: string;
  since?: string;
  out?: string;
  accounts?: string;
  schedule: boolean;
}

export function registerWorker(program: Command, ctx: CliContext, done: (code: number) => void): void {
  program
    .command('worker')
    .description('a worker process on Redis/BullMQ: repeatable order sync per account plus queued bulk, inventory and ship jobs (run several)')
    .option('--stores <file>', 'store config file')
    .option('--redis <url>', 'redis:// URL (default: XBORDER_REDIS_URL)')
    .option('--concurrency <n>', 'jobs this process runs at once', '4')
    .option('--every <seconds>', 'order sync interval per account', '60')
    .option('--overlap <minutes>', 'how far each window re-reads before the checkpoint', '10')
    .option('--since <iso>', 'start of the first window when there is no checkpoint (default: 24 h ago)')
    .option('--out <file>', 'append every delivered order as one JSON line (every worker may append)')
    .option('--accounts <keys>', 'only these accounts, comma-separated')
    .option('--no-schedule', 'run queued jobs only; do not (re)create the per-account sync schedules')
    .action(async (flags: WorkerFlags) => done(await runWorker(ctx, flags)));
}

async function runWorker(ctx: CliContext, flags: WorkerFlags): Promise<number> {
  if (!flags.stores) throw new CliError('--stores <file> is required (see examples/stores.example.json)');
  const concurrency = Number(flags.concurrency);
  const every = Number(flags.every);
  const overlap = Number(flags.overlap);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new CliError('--concurrency must be an integer ≥ 1');
  if (!(every >= 1)) throw new CliError('--every must be a number of seconds ≥ 1');
  if (!(overlap >= 0)) throw new CliError('--overlap must be a number of minutes ≥ 0');
  if (flags.since !== undefined && Number.isNaN(Date.parse(flags.since))) throw new CliError('--since must be an ISO date-time');
  const url = flags.redis ?? ctx.env.XBORDER_REDIS_URL;
  if (!url) throw new CliError('--redis <url> or XBORDER_REDIS_URL is required');
  // xborder/redis loads the optional peers (ioredis, bullmq) only now.
  const { redisStores, createWorkers } = await import('../../redis/index.js');
  const { Limiter } = await import('../../http/limiter.js');
  const config = await loadStoresConfig(flags.stores, ctx.env);
  const only = csvList(flags.accounts);
  const unknown = only?.filter((k) => !config.accounts.some((a) => a.key === k));
  if (unknown?.length) throw new CliError(`--accounts: no account ${unknown.join(', ')} in ${flags.stores}`);
  const stores = await redisStores(url);
  try {
    // Every process shares each account's quota and write journal through Redis.
    const shared = (a: AccountConfig): AccountConfig => ({
      ...a,
      options: { ...a.options, journal: stores.journal, ...(a.marketplace === 'amazon' || a.marketplace === 'ebay' ? { limiterStore: stores.limiterStore } : { limiter: new Limiter(stores.limiterStore) }) },
    });
    const chosen = config.accounts.filter((a) => !only || only.includes(a.key)).map(shared);
    const accounts = await buildAdapters(chosen, hubHooks());
    const handle = async (order: Order, c: { store: string }) => {
      // Appended before the checkpoint moves: a crash here means redelivery, never a gap.
      if (flags.out) await fs.appendFile(flags.out, `${JSON.stringify(order)}\n`, 'utf8');
      if (!ctx.io.json) ctx.io.out(`${c.store}  ${order.id}  ${order.status}  ${order.updatedAt.utc}`);
    };
    const workers = await createWorkers({
      redis: stores.client, accounts, concurrency,
      orders: { handle, overlapMs: overlap * 60_000, ...(flags.since ? { since: flags.since } : {}) },
    });
    if (flags.schedule) await workers.scheduleOrderSync({ everyMs: every * 1000, accounts: Object.keys(accounts) });
    ctx.io.err(`xborder worker: ${Object.keys(accounts).length} account(s), concurrency ${concurrency}${flags.schedule ? `, order sync every ${every} s` : ''}; Ctrl-C or SIGTERM stops after running jobs`);
    await new Promise<void>((resolve) => (ctx.signal.aborted ? resolve() : ctx.signal.addEventListener('abort', () => resolve(), { once: true })));
    await workers.close();
    ctx.io.err('xborder worker: stopped (running jobs finished)');
    return EXIT_OK;
  } finally {
    await stores.close();
  }
}
