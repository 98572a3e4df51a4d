/**
 * Order-sync scale benchmark (issue 17.2): 1,000,000 orders in one window of one account through
 * `hub.orders.sync`, from a fast in-memory feed that holds nothing per order
 * (test/unit/hub/support/lazy-feed.ts), with a file checkpoint store (atomic, compact writes).
 * Prints RSS at 50k and at 1M delivered orders (target: within +32 MiB) and the throughput of the
 * last 50k orders against the first 50k (target ≥ 0.8). XB_BENCH_SYNC_ORDERS overrides the size.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Hub, fileCheckpoints, memoryCheckpoints } from '../src/hub/index.js';
import { LazyFeed } from '../test/unit/hub/support/lazy-feed.js';

const COUNT = Number(process.env.XB_BENCH_SYNC_ORDERS ?? 1_000_000);
const SEGMENT = 50_000;
const FROM = Date.parse('2026-03-01T00:00:00Z');
const MiB = 1024 * 1024;

async function once(store: 'memory' | 'file'): Promise<Record<string, number>> {
  const feed = new LazyFeed({ count: COUNT, from: FROM, stepMs: 80, pageSize: 100 });
  const hub = new Hub({ accounts: { lazy: feed } });
  const checkpoints = store === 'file' ? fileCheckpoints(path.join(mkdtempSync(path.join(tmpdir(), 'xb-sync-bench-')), 'sync.json')) : memoryCheckpoints();
  let n = 0;
  const t0 = performance.now();
  let firstRate = 0;
  let lastStart = 0;
  let rssAt50k = 0;
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const r = await hub.orders.sync({
    checkpoints, since: new Date(FROM), now: () => feed.now,
    handle: () => {
      n++;
      if (n === SEGMENT) {
        firstRate = SEGMENT / ((performance.now() - t0) / 1000);
        gc?.();
        rssAt50k = process.memoryUsage().rss;
      }
      if (n === COUNT - SEGMENT) lastStart = performance.now();
    },
  });
  const lastRate = SEGMENT / ((performance.now() - lastStart) / 1000);
  gc?.();
  const rssAtEnd = process.memoryUsage().rss;
  const w = r.accounts[0]!.last!;
  const figures = {
    [`${store}Delivered`]: r.delivered,
    [`${store}RssAt50kMiB`]: Number((rssAt50k / MiB).toFixed(1)),
    [`${store}RssAtEndMiB`]: Number((rssAtEnd / MiB).toFixed(1)),
    [`${store}RssGrowthMiB`]: Number(((rssAtEnd - rssAt50k) / MiB).toFixed(1)),
    [`${store}OrdersPerSecFirst50k`]: Math.round(firstRate),
    [`${store}OrdersPerSecLast50k`]: Math.round(lastRate),
    [`${store}ThroughputRatio`]: Number((lastRate / firstRate).toFixed(2)),
    [`${store}ListingsPerPage`]: Number((feed.requests / (COUNT / 100)).toFixed(2)),
  };
  console.log(`${store} store: ${r.delivered} orders in ${w.slices} slices (${feed.requests} listings); RSS ${figures[`${store}RssAt50kMiB`]} MiB at 50k → ${figures[`${store}RssAtEndMiB`]} MiB at ${COUNT} (${figures[`${store}RssGrowthMiB`]} MiB, target ≤ 32); throughput last/first 50k ${figures[`${store}ThroughputRatio`]} (target ≥ 0.8)`);
  return figures;
}

export async function run(): Promise<Record<string, number>> {
  return { ...(await once('memory')), ...(await once('file')) };
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
