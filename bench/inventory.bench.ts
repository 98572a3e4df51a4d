/**
 * Inventory sync benchmark (issue 9).
 *
 * 1. IN-MEMORY DOUBLES, VIRTUAL TIME (the headline figures): a 1,000-order simulated day, 4 stores
 *    (Amazon MFN pool, Shopee, eBay, AliExpress) sharing 200 SKUs, each store behind the real
 *    Limiter at its per-account rate (documented where the marketplace publishes one, assumed
 *    where it does not — see test/unit/inventory/sim.ts), 250–500 ms typical call latency with
 *    jitter and a slow tail. Real StockLedger and engine. Reports, per day: propagation from an
 *    order's import to the last confirmed zero-out it caused (p50/p95), and oversells.
 * 2. SANDBOX (real adapters, real HTTP, time-scaled quotas): repeated last-unit races across every
 *    adapter that exists; import → every store's confirmed zero-out, in wall-clock ms.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MarketplaceAdapter } from '../src/adapter.js';
import { createInventorySync, StockLedger } from '../src/inventory/index.js';
import { percentile } from '../src/inventory/lag.js';
import type { MarketplaceModule } from '../src/cli/marketplaces.js';
import { FOUR_STORES, simulateDay, type DayResult } from '../test/unit/inventory/sim.js';

const SEEDS = [11, 22, 33, 44, 55];

async function simulatedDays(): Promise<Record<string, number>> {
  console.log('in-memory doubles (virtual time, per-store rate limits via src/http/limiter.ts): 1,000 orders/day, 4 stores, 200 SKUs');
  console.log('seed   placed  refused  oversells  oversold units  racing units (bound)  zero-out p50 ms  p95 ms  propagation p95 ms  calls');
  const rows: DayResult[] = [];
  for (const seed of SEEDS) {
    const r = await simulateDay({ seed, orders: 1000, skus: 200, stores: FOUR_STORES, stockMax: 6 });
    rows.push(r);
    const z = r.report.zeroOutMs;
    console.log(
      `${String(seed).padEnd(6)} ${String(r.placed).padEnd(7)} ${String(r.refused).padEnd(8)} ${String(r.oversells).padEnd(10)} ${String(r.oversoldUnits).padEnd(15)} ${String(r.racingUnits).padEnd(21)} ${String(Math.round(z.p50)).padEnd(16)} ${String(Math.round(z.p95)).padEnd(7)} ${String(Math.round(r.report.propagationMs.p95)).padEnd(19)} ${r.report.pushes.calls}`,
    );
    if (r.diverged.length) console.log(`  DIVERGED: ${r.diverged.slice(0, 3).join('; ')}`);
  }
  const mean = (f: (r: DayResult) => number) => Number((rows.reduce((a, r) => a + f(r), 0) / rows.length).toFixed(1));
  return {
    memZeroOutP50Ms: mean((r) => r.report.zeroOutMs.p50),
    memZeroOutP95Ms: mean((r) => r.report.zeroOutMs.p95),
    memPropagationP95Ms: mean((r) => r.report.propagationMs.p95),
    memOversellsPerDay: mean((r) => r.oversells),
    memOversoldUnitsPerDay: mean((r) => r.oversoldUnits),
    memRacingUnitsPerDay: mean((r) => r.racingUnits),
    memDivergedTargets: rows.reduce((a, r) => a + r.diverged.length, 0),
  };
}

async function sandboxRaces(races = 12, timeScale = 50): Promise<Record<string, number>> {
  const { startSandbox } = await import('../src/sandbox/server.js');
  const { startDemoSandbox } = await import('../src/cli/sandbox-demo.js');
  const modules: MarketplaceModule[] = [];
  for (const [name, file] of [['amazon', '../adapters/amazon/index.js'], ['shopee', '../adapters/shopee/index.js']] as const) {
    const m = (await import(file)) as Record<string, unknown>;
    if (typeof m[name] === 'function') modules.push({ name, factory: m[name] as MarketplaceModule['factory'], sandbox: m[`${name}Sandbox`] as MarketplaceModule['sandbox'], exports: m });
  }
  if (!modules.length) {
    console.log('sandbox: no adapter available yet, skipped');
    return {};
  }
  const demo = await startDemoSandbox({ timeScale, orders: 0, modules }, startSandbox);
  try {
    const accounts: Record<string, MarketplaceAdapter> = {};
    for (const a of demo.accounts) accounts[a.key] = modules.find((m) => m.name === a.marketplace)!.factory!(demo.options(a.key)) as MarketplaceAdapter;
    const { Hub, loadCatalog } = await import('../src/hub/index.js');
    const { rateTable } = await import('../src/currency/rate-table.js');
    const { DEMO_RATES } = await import('../src/cli/sandbox-demo.js');
    const catalog = await loadCatalog(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../examples/catalog.csv'));
    const listings = catalog.listings.filter((l) => !('variants' in l && Array.isArray(l.variants) && l.variants.length)).slice(0, races);
    await new Hub({ accounts }).listings.bulkUpsert(listings, { pricing: { base: 'USD', rates: rateTable(DEMO_RATES), margin: '0.25', ending: 'auto' } });
    await new Promise((r) => setTimeout(r, 1500));
    const ledger = new StockLedger();
    for (const l of listings) {
      ledger.setOnHand(`WH-${l.sku}`, 1);
      for (const [key, a] of Object.entries(accounts)) for (const s of a.stores) ledger.map(`${key}:${s.id}`, l.sku, { sku: `WH-${l.sku}` });
    }
    const engine = createInventorySync({ ledger, accounts, retryDelayMs: 50 }).start();
    await engine.idle();
    const samples: number[] = [];
    const first = Object.keys(accounts)[0]!;
    const store = accounts[first]!.stores[0]!.id;
    for (const l of listings) {
      // One store's sale of the last unit is imported: every other store must confirm a zero.
      const t = performance.now();
      await engine.ingest(first, { id: `RACE-${l.sku}`, store, status: 'unshipped', holds: [], fulfilledBy: 'merchant', updatedAt: { utc: new Date().toISOString() }, lines: [{ lineId: '1', sku: l.sku, quantity: 1, shippedQuantity: 0, cancelledQuantity: 0 }] });
      await engine.idle();
      samples.push(performance.now() - t);
    }
    const report = await engine.stop();
    samples.sort((a, b) => a - b);
    console.log(`sandbox (real adapters over loopback HTTP, timeScale ${timeScale}, accounts ${Object.keys(accounts).join(', ')}): ${samples.length} last-unit sales → every store confirmed zero: p50 ${percentile(samples, 50).toFixed(0)} ms, p95 ${percentile(samples, 95).toFixed(0)} ms wall clock; failures ${report.pushes.failed}`);
    return { sandboxZeroOutP50Ms: Math.round(percentile(samples, 50)), sandboxZeroOutP95Ms: Math.round(percentile(samples, 95)), sandboxPushFailures: report.pushes.failed };
  } finally {
    await demo.sandbox.close();
  }
}

export async function run(): Promise<Record<string, number>> {
  const figures = await simulatedDays();
  let sandbox: Record<string, number> = {};
  try {
    sandbox = await sandboxRaces();
  } catch (e) {
    console.log(`sandbox part failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { ...figures, ...sandbox };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(await run());
}
