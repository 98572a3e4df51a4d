/**
 * Hub benchmark (issue 8): bulk listing of 2,000 SKUs across two stores of different accounts on
 * the embedded sandbox, with time-scaled quotas. Per store it reports achieved throughput ÷ the
 * quota ceiling of its limiting bucket (target ≥ 0.95), and the 429s seen (retried by the
 * adapters) and surfaced (items that failed with RATE_LIMITED; target 0).
 *
 * The ceiling of a bucket over a run of T seconds is burst + rate × timeScale × T: nothing can do
 * better than empty the burst and then take every token as it refills. Per-call upserts are used
 * (`singleOnly`) because a feed's throughput is bound by feed processing, not by a quota.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as amazonModule from '../adapters/amazon/index.js';
import { RATE_PLANS, groupOfPath } from '../adapters/shopee/rate-plans.js';
import * as shopeeModule from '../adapters/shopee/index.js';
import type { MarketplaceAdapter } from '../src/adapter.js';
import { resolveCliOptions } from '../src/cli/marketplaces.js';
import { DEMO_RATES, startDemoSandbox } from '../src/cli/sandbox-demo.js';
import { rateTable } from '../src/currency/rate-table.js';
import { Hub, catalogOf, hubHooks } from '../src/hub/index.js';
import type { RatePlan } from '../src/http/rate-plan.js';
import type { ListingInput } from '../src/model/listing.js';
import { startSandbox } from '../src/sandbox/server.js';

const SKUS = Number(process.env.XB_BENCH_SKUS ?? 2000);
// Quotas 6× faster than the real ones: 30 SKUs/s per store keeps the client process (pricing,
// signing, HTTP for two stores) below one core on a 2-core machine, so the figure measures
// pacing rather than CPU. XB_BENCH_TIME_SCALE / XB_BENCH_CONCURRENCY / XB_BENCH_SKUS override.
const TIME_SCALE = Number(process.env.XB_BENCH_TIME_SCALE ?? 6);

function catalog(n: number): ListingInput[] {
  return Array.from({ length: n }, (_, i) => ({
    sku: `BENCH-${String(i).padStart(5, '0')}`,
    title: `Bench product ${i}`,
    brand: 'Northwind',
    price: { amount: 500 + (i % 700), currency: 'USD' },
    quantity: 10,
    images: [`https://images.example.com/bench/${i}.jpg`],
    identifiers: { gtin: gtin13(400638100000 + i) },
    package: { weight: { value: 0.2, unit: 'kg' } },
    marketplace: { amazon: { productType: 'KITCHEN' }, shopee: { categoryId: 100636 } },
  }));
}

function gtin13(n: number): string {
  const base = String(n).padStart(12, '0');
  const sum = [...base].reduce((s, d, i) => s + Number(d) * (i % 2 ? 3 : 1), 0);
  return base + String((10 - (sum % 10)) % 10);
}

/** The bucket a sandbox request drew from, and its plan. */
function bucketOf(marketplace: string, method: string, path: string): { name: string; plan: RatePlan } | undefined {
  if (marketplace === 'shopee' && path.startsWith('/api/v2/')) {
    const g = groupOfPath(path);
    return { name: g, plan: RATE_PLANS[g] };
  }
  if (marketplace === 'amazon' && path.startsWith('/listings/2021-08-01/items/')) {
    const op = ({ GET: 'getListingsItem', PUT: 'putListingsItem', PATCH: 'patchListingsItem', DELETE: 'deleteListingsItem' } as const)[method as 'GET'];
    return op ? { name: op, plan: amazonModule.USAGE_PLANS[op] } : undefined;
  }
  return undefined;
}

const MODULES = [
  { name: 'amazon' as const, factory: amazonModule.amazon as never, sandbox: amazonModule.amazonSandbox as never, exports: { ...amazonModule } },
  { name: 'shopee' as const, factory: shopeeModule.shopee as never, sandbox: shopeeModule.shopeeSandbox as never, exports: { ...shopeeModule } },
];

interface ServerInfo {
  accounts: Array<{ key: string; marketplace: string; options: Record<string, unknown> }>;
}
interface ServerStats {
  throttled: Record<string, number>;
  buckets: Record<string, Record<string, number>>;
}

/**
 * The sandbox runs in a child process (this file with --serve): on a 2-core machine, sandbox and
 * client in one event loop would measure CPU contention instead of the client's pacing.
 */
async function serve(timeScale: number): Promise<void> {
  const demo = await startDemoSandbox({ timeScale, modules: MODULES }, startSandbox);
  const info: ServerInfo = { accounts: demo.accounts.map((a) => ({ key: a.key, marketplace: a.marketplace, options: rawOptions(a) })) };
  process.stdout.write(`${JSON.stringify(info)}\n`);
  for await (const line of createInterface({ input: process.stdin })) {
    if (line !== 'stats') continue;
    const stats: ServerStats = { throttled: {}, buckets: {} };
    for (const [name, limits] of Object.entries(demo.sandbox.limits)) {
      stats.throttled[name] = limits.throttled;
      const buckets: Record<string, number> = {};
      for (const r of demo.sandbox.requests[name] ?? []) {
        const b = bucketOf(name, r.method, r.path);
        if (b) buckets[b.name] = (buckets[b.name] ?? 0) + 1;
      }
      stats.buckets[name] = buckets;
    }
    process.stdout.write(`${JSON.stringify(stats)}\n`);
  }
  await demo.sandbox.close();
}

/** Factory options as plain JSON: config plus secrets (the parent resolves `imageMirror`). */
function rawOptions(a: { config: Record<string, unknown>; secrets: Record<string, string>; env: Record<string, string> }): Record<string, unknown> {
  const o: Record<string, unknown> = structuredClone(a.config);
  for (const [p, name] of Object.entries(a.secrets)) {
    const parts = p.split('.');
    let node = o;
    for (const k of parts.slice(0, -1)) node = (node[k] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1]!] = a.env[name];
  }
  return o;
}

function startServer(timeScale: number) {
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--serve', String(timeScale)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async <T>() => JSON.parse(((await lines.next()).value as string) ?? 'null') as T;
  return {
    info: () => next<ServerInfo>(),
    stats: async () => {
      child.stdin!.write('stats\n');
      return next<ServerStats>();
    },
    stop: () => {
      child.stdin!.end();
      child.kill();
    },
  };
}

export async function run(): Promise<Record<string, number>> {
  const server = startServer(TIME_SCALE);
  try {
    const info = await server.info();
    const hooks = hubHooks();
    const accounts: Record<string, MarketplaceAdapter> = {};
    for (const a of info.accounts) {
      const factory = (a.marketplace === 'amazon' ? amazonModule.amazon : shopeeModule.shopee) as unknown as (o: Record<string, unknown>) => MarketplaceAdapter;
      accounts[a.key] = factory({ ...resolveCliOptions(a.options), hooks });
    }
    const hub = new Hub({ accounts, hooks });
    const stores = ['amazonEU:DE', hub.store('shopeeSG').ref];
    const report = await hub.listings.bulkUpsert(catalogOf(catalog(SKUS), 'bench'), {
      stores,
      pricing: { base: 'USD', rates: rateTable(DEMO_RATES), margin: '0.25', ending: 'auto' },
      singleOnly: true,
      // Shopee needs 3 paced calls per SKU over two buckets of equal capacity: enough listings in
      // flight keep both full despite the jitter between them.
      concurrency: Number(process.env.XB_BENCH_CONCURRENCY ?? 32),
    });
    const stats = await server.stats();
    const out: Record<string, number> = { skus: SKUS, timeScale: TIME_SCALE, durationMs: report.durationMs, done: report.totals.done, failed: report.totals.failed };
    for (const s of report.stores) {
      const plans: Record<string, RatePlan> = s.marketplace === 'amazon' ? amazonModule.USAGE_PLANS : RATE_PLANS;
      // The limiting bucket is the one the run used closest to its ceiling.
      const seconds = s.durationMs / 1000;
      let best = { name: '', ratio: 0, n: 0 };
      for (const [name, n] of Object.entries(stats.buckets[s.marketplace] ?? {})) {
        const plan = (plans as Record<string, RatePlan>)[name]!;
        const ratio = n / (plan.burst + plan.perSecond * TIME_SCALE * seconds);
        if (ratio > best.ratio) best = { name, ratio, n };
      }
      const key = s.store.split(':')[0]!;
      out[`${key}.efficiency`] = Number(best.ratio.toFixed(3));
      out[`${key}.skusPerSecond`] = Number((s.done / seconds).toFixed(1));
      console.log(`${s.store}: ${s.done} done in ${seconds.toFixed(1)} s; limiting bucket ${best.name}: ${best.n} calls = ${(best.ratio * 100).toFixed(1)}% of its ceiling`);
    }
    out['429.seen'] = Object.values(stats.throttled).reduce((a, b) => a + b, 0);
    out['429.retried'] = report.stores.reduce((n, s) => n + s.throttled, 0);
    out['429.surfaced'] = report.items.filter((i) => i.error?.code === 'RATE_LIMITED').length;
    return out;
  } finally {
    server.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv[2] === '--serve') await serve(Number(process.argv[3]));
  else {
    const figures = await run();
    for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(28)} ${v}`);
  }
}
