/**
 * Worker-pool scale benchmark (issue 24.5): 1,000 Shopee sandbox seller accounts (shops, each with
 * its own quota; the sandbox in its own OS process) synced by 1, 2 and 4 worker processes on one
 * local redis-server. Each round enqueues one order-sync window per account and times the queue
 * until it drains; it prints accounts synced per minute, the scaling ratio against 1 worker
 * (target ≥ 1.8× at 2 workers) and each process's share of the CPU, which names the bottleneck at
 * 4 workers on a 2-core machine.
 * Knobs: XB_BENCH_SCALE_ACCOUNTS (1000), XB_BENCH_SCALE_ORDERS per account (3),
 * XB_BENCH_SCALE_CONCURRENCY jobs per worker (8), XB_BENCH_SCALE_LATENCY_MS per sandbox call (100,
 * a modelling choice standing in for network and marketplace time).
 */
import { availableParallelism } from 'node:os';
import { createWorkers } from '../src/workers/index.js';
import { bundleChild, startChild, type Child } from '../test/redis/support/processes.js';
import { hasRedisServer, INSTALL_HINT, startRedisServer } from '../test/redis/support/redis-server.js';

const ACCOUNTS = Number(process.env.XB_BENCH_SCALE_ACCOUNTS ?? 1000);
const ORDERS = Number(process.env.XB_BENCH_SCALE_ORDERS ?? 3);
const CONCURRENCY = Number(process.env.XB_BENCH_SCALE_CONCURRENCY ?? 8);
const LATENCY_MS = Number(process.env.XB_BENCH_SCALE_LATENCY_MS ?? 100);
const FIRST_SHOP = 20_000_000;

async function stop(c: Child): Promise<number> {
  c.proc.kill('SIGTERM');
  const { lines } = await c.exited;
  const last = lines.reverse().find((l) => l.startsWith('{"cpuMs"'));
  return last ? (JSON.parse(last) as { cpuMs: number }).cpuMs : NaN;
}

async function round(redisUrl: string, sandboxUrl: string, bundle: string, workers: number): Promise<{ perMinute: number; seconds: number; cpuMs: number[]; delivered: number }> {
  const prefix = `scale${workers}`;
  const children = Array.from({ length: workers }, () => startChild(bundle, { redisUrl, sandboxUrl, firstShop: FIRST_SHOP, shops: ACCOUNTS, prefix, concurrency: CONCURRENCY }));
  await Promise.all(children.map((c) => c.waitFor(/^ready$/, 60_000)));
  const producer = await createWorkers({ redis: redisUrl, prefix, process: false });
  const t0 = performance.now();
  for (let i = 0; i < ACCOUNTS; i++) await producer.syncOrdersNow(`s${FIRST_SHOP + i}`);
  while (!(await producer.drained())) await new Promise((r) => setTimeout(r, 50));
  const seconds = (performance.now() - t0) / 1000;
  const statuses = await Promise.all(Array.from({ length: ACCOUNTS }, (_, i) => producer.orderSyncStatus(`s${FIRST_SHOP + i}`)));
  const synced = statuses.filter((s) => s?.ok).length;
  const { Redis } = await import('ioredis');
  const r = new Redis(redisUrl);
  const delivered = Number(await r.get(`${prefix}:delivered`));
  await r.quit();
  await producer.close();
  const cpuMs = await Promise.all(children.map(stop));
  if (synced !== ACCOUNTS) console.log(`  warning: ${ACCOUNTS - synced} account(s) without a successful window`);
  return { perMinute: (synced / seconds) * 60, seconds, cpuMs, delivered };
}

export async function run(): Promise<Record<string, number>> {
  if (!hasRedisServer) {
    console.log(`skipped: redis-server not found; ${INSTALL_HINT}`);
    return {};
  }
  const server = await startRedisServer();
  const [sandboxBundle, workerBundle] = await Promise.all([bundleChild('scale-sandbox'), bundleChild('scale-worker')]);
  const sandbox = startChild(sandboxBundle, { redisUrl: server.url, firstShop: FIRST_SHOP, shops: ACCOUNTS, ordersPerShop: ORDERS, latencyMs: LATENCY_MS });
  const { url } = JSON.parse(await sandbox.waitFor(/^\{"url"/, 120_000)) as { url: string };
  console.log(`${ACCOUNTS} Shopee sandbox shops × ${ORDERS} orders, ${LATENCY_MS} ms per sandbox call, ${CONCURRENCY} jobs per worker, ${availableParallelism()} cores`);
  const out: Record<string, number> = {};
  const results: Record<number, Awaited<ReturnType<typeof round>>> = {};
  const cpuStart = process.cpuUsage();
  try {
    for (const w of [1, 2, 4]) {
      const r = (results[w] = await round(server.url, url, workerBundle, w));
      const busy = r.cpuMs.reduce((a, b) => a + b, 0) / 1000 / r.seconds;
      console.log(`${w} worker(s): ${ACCOUNTS} accounts in ${r.seconds.toFixed(1)} s = ${r.perMinute.toFixed(0)} accounts/min (${(r.perMinute / results[1]!.perMinute).toFixed(2)}× 1 worker); ${r.delivered} orders; worker CPU ${busy.toFixed(2)} cores (${r.cpuMs.map((ms) => (ms / 1000).toFixed(1)).join(' s, ')} s)`);
      out[`accounts/min, ${w} worker(s)`] = Math.round(r.perMinute);
      if (w > 1) out[`scaling ×, ${w} workers`] = Number((r.perMinute / results[1]!.perMinute).toFixed(2));
    }
  } finally {
    const sandboxCpuMs = await stop(sandbox);
    await server.stop();
    const total = Object.values(results).reduce((s, r) => s + r.seconds, 0);
    const benchCpu = process.cpuUsage(cpuStart);
    console.log(`sandbox process: ${(sandboxCpuMs / 1000).toFixed(1)} s CPU over ${total.toFixed(1)} s of rounds (${(sandboxCpuMs / 1000 / total).toFixed(2)} cores); this process (producer): ${((benchCpu.user + benchCpu.system) / 1e6).toFixed(1)} s`);
    const four = results[4];
    if (four) {
      // Cores our processes used during the 4-worker round, against the machine's: which resource ran out.
      const workerCores = four.cpuMs.reduce((a, b) => a + b, 0) / 1000 / four.seconds;
      const sandboxCores = sandboxCpuMs / 1000 / total;
      const perAccountS = (four.seconds * 4 * CONCURRENCY) / ACCOUNTS;
      const used = workerCores + sandboxCores;
      console.log(used > 0.7 * availableParallelism()
        ? `bottleneck at 4 workers: CPU — workers ${workerCores.toFixed(2)} + sandbox ${sandboxCores.toFixed(2)} cores of ${availableParallelism()} (plus redis-server); more workers than cores only add contention`
        : `bottleneck at 4 workers: marketplace latency per job slot — ${4 * CONCURRENCY} windows in flight, each ${perAccountS.toFixed(2)} s of sequential calls at ${LATENCY_MS} ms; our processes used ${used.toFixed(2)} of ${availableParallelism()} cores, so throughput follows slots (workers × XB_BENCH_SCALE_CONCURRENCY) until the CPU saturates`);
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
