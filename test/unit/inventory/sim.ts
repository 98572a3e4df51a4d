/**
 * A simulated selling day in virtual time: buyers arrive (Poisson) at random stores and buy
 * popular SKUs (Zipf) only while the store shows stock; each marketplace decrements its own figure
 * on a sale; orders reach the engine after that account's import delay (order-feed lag + poll, or
 * push notification); Shopee orders start unpaid and are paid later; some orders are cancelled,
 * some shipped; the ERP restocks. Real StockLedger, engine and Limiter; in-memory marketplaces.
 */
import type { Capabilities } from '../../../src/adapter.js';
import { seededRandom } from '../../../src/sandbox/random.js';
import type { RatePlan } from '../../../src/http/rate-plan.js';
import { createInventorySync, StockLedger, type InventorySyncReport } from '../../../src/inventory/index.js';
import { memoryMarketplace, order, type MemoryMarketplace } from './doubles.js';
import { VirtualClock } from './virtual-clock.js';

export interface StoreSpec {
  account: string;
  marketplace: string;
  store: string;
  quantity?: Partial<Capabilities['quantity']>;
  batchSize: number;
  rate: RatePlan;
  latencyMs: number;
  /** Order placed → imported, uniform in [min, max]. */
  importDelayMs: [number, number];
}

export interface DayOptions {
  seed: number;
  orders: number;
  skus: number;
  stores: StoreSpec[];
  /** Initial on-hand per SKU, uniform in [0, stockMax]. */
  stockMax: number;
  dayMs?: number;
  cancelRate?: number;
}

export interface DayResult {
  attempts: number;
  placed: number;
  refused: number;
  oversells: number;
  oversoldUnits: number;
  /** Units of orders placed within one propagation interval after another order on the same warehouse SKU. */
  racingUnits: number;
  intervalMs: number;
  report: InventorySyncReport;
  /** Targets whose marketplace figure differs from the ledger's current quote once everything settled. */
  diverged: string[];
}

/** Small, seedable PRNG (the sandbox's mulberry32). */
export const prng = seededRandom;

export const T0 = Date.UTC(2026, 2, 2);

export async function simulateDay(o: DayOptions): Promise<DayResult> {
  const rnd = prng(o.seed);
  // Call latency: 0.5–1.5× the typical figure, 2 % of calls 4× slower (a separate stream keeps orders reproducible).
  const jrnd = prng(o.seed ^ 0x5bd1e995);
  const jitter = () => (jrnd() < 0.02 ? 4 : 0.5 + jrnd());
  const dayMs = o.dayMs ?? 86_400_000;
  const clock = new VirtualClock(T0);
  const ledger = new StockLedger({ now: () => clock.now() });
  const markets = new Map<string, MemoryMarketplace>();
  for (const s of o.stores) markets.set(s.account, memoryMarketplace({ marketplace: s.marketplace, stores: [s.store], quantity: s.quantity, batchSize: s.batchSize, rate: s.rate, latencyMs: s.latencyMs, jitter, clock }));
  const sku = (i: number) => `SKU-${String(i).padStart(4, '0')}`;
  for (let i = 0; i < o.skus; i++) {
    ledger.setOnHand(`WH-${sku(i)}`, Math.floor(rnd() * (o.stockMax + 1)));
    for (const s of o.stores) ledger.map(`${s.account}:${s.store}`, sku(i), { sku: `WH-${sku(i)}` });
  }
  const engine = createInventorySync({ ledger, accounts: Object.fromEntries([...markets].map(([k, m]) => [k, m.adapter])), clock, retryDelayMs: 1000 }).start();
  await clock.run();

  const weights = Array.from({ length: o.skus }, (_, i) => 1 / (i + 1) ** 1.1);
  const total = weights.reduce((a, b) => a + b, 0);
  const pick = () => {
    let x = rnd() * total;
    for (let i = 0; i < weights.length; i++) if ((x -= weights[i]!) <= 0) return i;
    return weights.length - 1;
  };
  const start = clock.now();
  const placed: Array<{ sku: number; at: number; qty: number }> = [];
  let refused = 0;
  let maxImportDelay = 0;
  let t = start;
  const events: Array<Promise<void>> = [];
  const at = (when: number, fn: () => Promise<void> | void) => events.push(clock.sleep(when - clock.now()).then(fn));

  for (let n = 0; n < o.orders; n++) {
    t += (-Math.log(1 - rnd()) * dayMs) / o.orders;
    const spec = o.stores[Math.floor(rnd() * o.stores.length)]!;
    const item = pick();
    const qty = rnd() < 0.1 ? 2 : 1;
    const delay = spec.importDelayMs[0] + rnd() * (spec.importDelayMs[1] - spec.importDelayMs[0]);
    const cancel = rnd() < (o.cancelRate ?? 0.03);
    const shipAfter = 2 * 3_600_000 + rnd() * 4 * 3_600_000;
    const id = `${spec.account}-${n}`;
    const unpaidFirst = spec.quantity?.includesReserved === true;
    at(t, () => {
      const m = markets.get(spec.account)!;
      const key = `${spec.store}|${sku(item)}`;
      if (m.show(spec.store, sku(item)) < qty) return void refused++;
      // Shopee holds the units as reserved until payment; others decrement their figure at once.
      if (unpaidFirst) m.reserved.set(key, (m.reserved.get(key) ?? 0) + qty);
      else m.sell(spec.store, sku(item), qty);
      const placedAt = clock.now();
      placed.push({ sku: item, at: placedAt, qty });
      maxImportDelay = Math.max(maxImportDelay, delay);
      const version = (status: 'pending' | 'unshipped' | 'cancelled' | 'shipped', when: number) =>
        at(when, () => engine.ingest(spec.account, order({ id, store: spec.store, status, holds: status === 'pending' ? ['unpaid'] : [], updatedAt: when, lines: [{ sku: sku(item), quantity: qty }] })).then(() => undefined));
      version(unpaidFirst ? 'pending' : 'unshipped', placedAt + delay);
      if (unpaidFirst) {
        const paidAt = placedAt + 10 * 60_000;
        at(paidAt, () => {
          m.reserved.set(key, (m.reserved.get(key) ?? 0) - qty);
          m.shown.set(key, (m.shown.get(key) ?? 0) - qty);
        });
        version('unshipped', paidAt + delay);
      }
      // Marketplaces put a cancelled order's units back on sale themselves.
      if (cancel) {
        const cancelAt = placedAt + 30 * 60_000;
        at(cancelAt, () => void m.shown.set(key, (m.shown.get(key) ?? 0) + qty));
        version('cancelled', cancelAt + delay);
      } else version('shipped', placedAt + shipAfter);
    });
  }
  // The ERP receives goods every 3 hours for SKUs running low.
  for (let r = start + 3 * 3_600_000; r < start + dayMs; r += 3 * 3_600_000) {
    at(r, () => {
      for (let i = 0; i < o.skus; i++) if (ledger.free(`WH-${sku(i)}`) <= 1) ledger.adjustOnHand(`WH-${sku(i)}`, 1 + Math.floor(rnd() * 4));
    });
  }
  while (events.length) {
    await clock.run();
    const batch = events.splice(0);
    await Promise.all(batch);
  }
  await engine.idle();
  const report = await engine.stop();

  const oversells = ledger.exceptions({ kind: 'oversell' });
  const intervalMs = maxImportDelay + report.propagationMs.max;
  const bySku = new Map<number, number[]>();
  let racingUnits = 0;
  for (const p of placed) {
    const prev = bySku.get(p.sku) ?? [];
    if (prev.some((x) => p.at - x <= intervalMs)) racingUnits += p.qty;
    prev.push(p.at);
    bySku.set(p.sku, prev);
  }
  const diverged: string[] = [];
  for (const s of o.stores) {
    const m = markets.get(s.account)!;
    const pooled = s.quantity?.sharedAcrossStores === true;
    for (let i = 0; i < o.skus; i++) {
      const q = ledger.quote({ account: s.account, ...(pooled ? {} : { store: s.store }), sku: sku(i) }, { sharedAcrossStores: pooled, includesReserved: s.quantity?.includesReserved ?? false, marketplaceFulfilledReadOnly: true });
      const shown = m.shown.get(`${pooled ? '*' : s.store}|${sku(i)}`);
      if (q && shown !== q.quantity) diverged.push(`${s.account}:${sku(i)} shows ${shown}, ledger ${q.quantity}`);
    }
  }
  return {
    attempts: o.orders, placed: placed.length, refused, oversells: oversells.length, oversoldUnits: oversells.reduce((a, e) => a + (e.units ?? 0), 0),
    racingUnits, intervalMs, report, diverged,
  };
}

/** Four stores sharing one warehouse, with documented (or, where undocumented, assumed) limits. */
export const FOUR_STORES: StoreSpec[] = [
  // SP-API patchListingsItem 5 rps / burst 5, one SKU per call; Orders feed read 2 min behind now.
  { account: 'amazonEU', marketplace: 'amazon', store: 'DE', quantity: { sharedAcrossStores: true }, batchSize: 1, rate: { perSecond: 5, burst: 5 }, latencyMs: 300, importDelayMs: [120_000, 180_000] },
  // Shopee update_stock: one item per call; no published QPS (assume 10/s); orders via push notifications.
  { account: 'shopeeSG', marketplace: 'shopee', store: 'SG', quantity: { includesReserved: true }, batchSize: 1, rate: { perSecond: 10, burst: 10 }, latencyMs: 250, importDelayMs: [2_000, 10_000] },
  // eBay bulk_update_price_quantity: 25 per call; daily caps only (assume 5/s); polled every minute.
  { account: 'ebayUS', marketplace: 'ebay', store: 'EBAY_US', quantity: { sharedAcrossStores: true }, batchSize: 25, rate: { perSecond: 5, burst: 5 }, latencyMs: 400, importDelayMs: [30_000, 90_000] },
  // AliExpress batch inventory update: 20 products per call; start at ≤20 QPS per seller; polled every minute.
  { account: 'aliexpress', marketplace: 'aliexpress', store: 'GLOBAL', quantity: { sharedAcrossStores: true }, batchSize: 20, rate: { perSecond: 20, burst: 20 }, latencyMs: 500, importDelayMs: [30_000, 90_000] },
];
