/**
 * A compressed selling day on the four sandboxes (issue 26.5): real adapters over HTTP, one
 * marketplace clock, the hub's order sync + inventory engine, buyers who buy only what a store
 * shows (src/sandbox/buyer.ts). Shared by bench/propagation.bench.ts and test/e2e/propagation.test.ts.
 *
 * The seller's catalog already exists on each store (seeded like a seller's live listings, at
 * quantity 0); everything after that — initial stock, every sale's import, every push — goes
 * through the adapters. Times are marketplace time.
 */
import type { MarketplaceAdapter } from '../../src/adapter.js';
import type { MarketplaceModule } from '../../src/cli/marketplaces.js';
import { Hub, memoryCheckpoints } from '../../src/hub/index.js';
import type { HubInventorySyncReport } from '../../src/hub/inventory-sync.js';
import { StockLedger } from '../../src/inventory/index.js';
import { percentile } from '../../src/inventory/lag.js';
import { marketplaceClock, seededRandom, startDemoSandbox, startSandbox, type SandboxBuyer, type SandboxModule } from '../../src/sandbox/index.js';
import * as amazonModule from '../../adapters/amazon/index.js';
import * as ebayModule from '../../adapters/ebay/index.js';
import * as shopeeModule from '../../adapters/shopee/index.js';
import * as aeModule from '../../adapters/aliexpress/index.js';
import { notificationSources } from './propagation-notify.js';
import { seedCatalog } from './propagation-seed.js';

export interface DayOptions {
  hours: number;
  /** Marketplace ms per real ms. */
  scale: number;
  orders: number;
  skus: number;
  /** Units per SKU at the start and per restock: 1..stockMax. */
  stockMax: number;
  restockEveryH: number;
  seed?: number;
  /** Order-sync poll interval (default the hub's 60 s). */
  intervalMs?: number;
  /** Feed sales in through the sandboxes' notifications too (Shopee push, eBay webhook, Amazon SQS). */
  notifications?: boolean;
  /** How often the observer reads every store (marketplace ms, default 5 s). */
  sampleMs?: number;
  /** At most this long after the last order for every store to show the stock left (default 30 min). */
  settleMs?: number;
  log?: (line: string) => void;
}

export interface Propagation {
  origin: string;
  ms: number;
  /** Per other store: when it first showed the reduced quantity (ms after placement). */
  stores: Record<string, number>;
  /** When the hub's order sync put the order in the ledger (ms after placement). */
  importMs?: number;
}

export interface DayResult {
  placed: number;
  refused: number;
  /** Placement → every other store shows at most the stock left (orders a restock overtook are left out). */
  propagation: Propagation[];
  censored: number;
  oversoldUnits: number;
  /** Units ordered within 120 s of a stockout: what a 2-minute propagation cannot prevent. */
  boundUnits: number;
  /** Each oversold order: units, and how long after the SKU's stockout it was placed. */
  oversells: Array<{ units: number; afterStockoutMs: number; store: string }>;
  /** Times a store's quantity rose above the stock really left. */
  raisedAboveTrue: number;
  /** Of those: while the store's own sale of the SKU was not imported yet / only another store's / neither. */
  raisedWhile: { ownUnimported: number; otherUnimported: number; allImported: number };
  /** From the last order until every store showed the stock left (undefined: not within settleMs). */
  settledAfterMs?: number;
  /** (store, SKU) pairs whose quantity differs from the stock left after settling. */
  outOfStep: Array<{ store: string; sku: string; shown: number; truth: number }>;
  /** Median HTTP round trip in marketplace time: real latency × scale (host load inflates it). */
  roundTripMs: number;
  report: HubInventorySyncReport;
}

interface Shop {
  ref: string;
  origin: string;
  buyer: SandboxBuyer;
  store: string;
}

const STOCKOUT_WINDOW_MS = 120_000;

export function stats(ms: number[]): { n: number; p50: number; p95: number; max: number } {
  const s = [...ms].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), max: s.length ? s[s.length - 1]! : 0 };
}

export async function sellingDay(o: DayOptions): Promise<DayResult> {
  const log = o.log ?? (() => undefined);
  const random = seededRandom(o.seed ?? 7);
  const clock = marketplaceClock({ scale: o.scale });
  const modules: MarketplaceModule[] = [
    { name: 'amazon', factory: amazonModule.amazon as unknown as MarketplaceModule['factory'], sandbox: amazonModule.amazonSandbox as MarketplaceModule['sandbox'], exports: amazonModule },
    { name: 'shopee', factory: shopeeModule.shopee as unknown as MarketplaceModule['factory'], sandbox: shopeeModule.shopeeSandbox as MarketplaceModule['sandbox'], exports: shopeeModule },
    { name: 'ebay', factory: ebayModule.ebay as unknown as MarketplaceModule['factory'], sandbox: ebayModule.ebaySandbox as MarketplaceModule['sandbox'], exports: ebayModule },
  ];
  const ae = aeModule.aliexpressSandbox();
  // The demo preset has no AliExpress account: its module is added to the same sandbox.
  const demo = await startDemoSandbox({ clock, modules, orders: 0, seed: o.seed ?? 7 }, (so) => startSandbox({ ...so, marketplaces: { ...so.marketplaces, aliexpress: ae } }));
  const controller = new AbortController();
  const closers: Array<() => Promise<void> | undefined> = [];
  try {
    const accounts: Record<string, MarketplaceAdapter> = {};
    const trips: number[] = [];
    const hooks = { onResponse: (e: { durationMs: number }) => void (trips.length < 100_000 && trips.push(e.durationMs)) };
    for (const a of demo.accounts) accounts[a.key] = modules.find((m) => m.name === a.marketplace)!.factory!({ ...demo.options(a.key), hooks });
    const creds = aeModule.SANDBOX_CREDENTIALS;
    const pair = ae.state.grant(creds.sellerId);
    accounts.aliexpress = aeModule.aliexpress({
      appKey: creds.appKey, appSecret: creds.appSecret, sellerId: creds.sellerId, endpoint: demo.sandbox.urls.aliexpress!, clock, hooks,
      tokens: { accessToken: pair.accessToken, refreshToken: pair.refreshToken, expiresAt: pair.expiresAt },
      store: { country: 'CN', currency: 'USD', language: 'en' },
    } as Parameters<typeof aeModule.aliexpress>[0]) as MarketplaceAdapter;

    const mod = (name: string) => demo.sandbox.modules[name] as SandboxModule<unknown>;
    const shopId = accounts.shopeeSG!.stores[0]!.id;
    const shops: Shop[] = [
      { ref: 'amazonEU:DE', origin: 'amazon', buyer: mod('amazon').buyer!, store: 'DE' },
      { ref: `shopeeSG:${shopId}`, origin: 'shopee', buyer: mod('shopee').buyer!, store: shopId },
      { ref: 'ebayUS:EBAY_US', origin: 'ebay', buyer: mod('ebay').buyer!, store: 'EBAY_US' },
      { ref: 'aliexpress:aliexpress', origin: 'aliexpress', buyer: ae.buyer!, store: 'aliexpress' },
    ];
    const skus = Array.from({ length: o.skus }, (_, i) => `P-${String(i + 1).padStart(3, '0')}`);
    seedCatalog(demo.sandbox.modules as Record<string, SandboxModule<unknown>>, skus, clock.now() - 86_400_000, shopId);

    const ledger = new StockLedger({ now: () => clock.now() });
    const truth = new Map<string, number>();
    for (const sku of skus) {
      const n = 1 + Math.floor(random() * o.stockMax);
      ledger.setOnHand(sku, n);
      truth.set(sku, n);
      for (const s of shops) ledger.map(s.ref, sku, { sku });
    }
    const left = (sku: string) => Math.max(0, truth.get(sku)!);
    const hub = new Hub({ accounts });
    const notify = o.notifications ? await notificationSources(demo.sandbox, accounts, clock) : undefined;
    closers.push(() => notify?.close());
    const dayStart = clock.now();
    const sync = hub.inventory.sync({
      ledger, follow: true, signal: controller.signal, clock, retryDelayMs: 5_000, checkpoints: memoryCheckpoints(), ...(notify ? { sources: notify.sources } : {}),
      onPush: (e) => { for (const i of e.items) if (!i.ok && i.code !== 'ABORTED') log(`push ${e.account} ${i.sku}: ${JSON.stringify(i).slice(0, 300)}`); },
      orders: { since: new Date(dayStart - 60_000), ...(o.intervalMs ? { intervalMs: o.intervalMs } : {}) },
    });
    sync.catch(() => undefined);
    // The initial stock reaches every store before the first buyer.
    const unsynced = () => shops.flatMap((s) => skus.filter((k) => s.buyer.shown(s.store, k) !== left(k)).map((k) => `${s.ref} ${k} shows ${s.buyer.shown(s.store, k)} (stock ${left(k)})`));
    const ready = new Set<string>();
    await until(clock, () => {
      for (const s of shops) if (!ready.has(s.ref) && skus.every((k) => s.buyer.shown(s.store, k) === left(k))) {
        ready.add(s.ref);
        log(`${s.ref} shows the initial stock after ${Math.round((clock.now() - dayStart) / 1000)} s`);
      }
      return ready.size === shops.length;
    }, 24 * 3600_000, unsynced); // setup only: a loaded host makes each round trip cost marketplace minutes
    log(`initial stock on every store after ${Math.round((clock.now() - dayStart) / 1000)} s marketplace time`);
    log(`one HTTP round trip ≈ ${Math.round(stats(trips).p50 / 1000)} s marketplace time (median so far)`);

    const r = { placed: 0, refused: 0, oversoldUnits: 0, boundUnits: 0, raisedAboveTrue: 0, censored: 0 };
    const raisedWhile = { ownUnimported: 0, otherUnimported: 0, allImported: 0 };
    const sales: Array<{ sku: string; ref: string; imported: boolean }> = [];
    const oversells: DayResult['oversells'] = [];
    const stockoutAt = new Map<string, number>();
    const restockedAt = new Map<string, number>();
    const pending: Array<{ at: number; sku: string; origin: Shop; after: number; seen: Record<string, number>; importMs?: number }> = [];
    // When the order sync puts an order in the ledger: the first change of its account and SKU after placement.
    const unsubscribe = ledger.subscribe((c) => {
      if (c.kind !== 'order' || !c.account) return;
      const skusHit = new Set([...c.entries].map((e) => e.split('\u0000')[1]));
      const p = pending.find((x) => x.importMs === undefined && x.origin.ref.startsWith(`${c.account}:`) && skusHit.has(x.sku));
      if (p) p.importMs = clock.now() - p.at;
      const sale = sales.find((x) => !x.imported && x.ref.startsWith(`${c.account}:`) && skusHit.has(x.sku));
      if (sale) sale.imported = true;
    });
    const propagation: Propagation[] = [];
    const last = new Map<string, number>();
    const observe = () => {
      const now = clock.now();
      for (let i = pending.length - 1; i >= 0; i--) {
        const p = pending[i]!;
        if ((restockedAt.get(p.sku) ?? -Infinity) > p.at) {
          r.censored++;
          pending.splice(i, 1);
          continue;
        }
        for (const s of shops) if (s !== p.origin && p.seen[s.origin] === undefined && s.buyer.shown(s.store, p.sku) <= p.after) p.seen[s.origin] = now - p.at;
        if (Object.keys(p.seen).length === shops.length - 1) {
          propagation.push({ origin: p.origin.origin, ms: now - p.at, stores: p.seen, ...(p.importMs !== undefined ? { importMs: p.importMs } : {}) });
          pending.splice(i, 1);
        }
      }
      for (const s of shops) for (const k of skus) {
        const shown = s.buyer.shown(s.store, k);
        const key = `${s.ref}\u0000${k}`;
        if (shown > (last.get(key) ?? Infinity) && shown > left(k)) {
          r.raisedAboveTrue++;
          const open = sales.filter((x) => x.sku === k && !x.imported);
          log(`raise ${s.ref} ${k} ${last.get(key)} → ${shown} (stock left ${left(k)}) at ${Math.round((now - dayStart) / 1000)} s; unimported sales: ${open.map((x) => x.ref).join(', ') || 'none'}`);
          if (open.some((x) => x.ref === s.ref)) raisedWhile.ownUnimported++;
          else if (open.length) raisedWhile.otherUnimported++;
          else raisedWhile.allImported++;
        }
        last.set(key, shown);
      }
    };
    let observing = true;
    const observer = (async () => {
      while (observing) {
        observe();
        await clock.sleep(o.sampleMs ?? 5_000);
      }
    })();

    // Demand is skewed (a fifth of the SKUs draw half the orders) so stockouts happen all day.
    const hot = Math.max(1, Math.floor(skus.length / 5));
    const pickSku = () => (random() < 0.5 ? skus[Math.floor(random() * hot)]! : skus[Math.floor(random() * skus.length)]!);
    const dayMs = o.hours * 3600_000;
    const gap = dayMs / o.orders;
    let nextRestock = dayStart + o.restockEveryH * 3600_000;
    let t = dayStart;
    for (let i = 0; i < o.orders; i++) {
      t += -Math.log(1 - random()) * gap;
      if (t > dayStart + dayMs) break;
      while (nextRestock <= t) {
        await sleepUntil(clock, nextRestock);
        for (const k of skus) {
          if (left(k) > 1) continue;
          const n = 1 + Math.floor(random() * o.stockMax);
          ledger.adjustOnHand(k, n); // a delivery booked in the warehouse, as a seller would
          truth.set(k, truth.get(k)! + n);
          restockedAt.set(k, clock.now());
          if (truth.get(k)! > 0) stockoutAt.delete(k);
        }
        nextRestock += o.restockEveryH * 3600_000;
      }
      await sleepUntil(clock, t);
      const shop = shops[Math.floor(random() * shops.length)]!;
      const sku = pickSku();
      const quantity = random() < 0.1 ? 2 : 1;
      const res = shop.buyer.order({ store: shop.store, sku, quantity });
      if (!res.placed) {
        r.refused++;
        continue;
      }
      const now = clock.now();
      const before = truth.get(sku)!;
      truth.set(sku, before - quantity);
      r.placed++;
      const oversold = Math.max(0, quantity - Math.max(0, before));
      r.oversoldUnits += oversold;
      const out = stockoutAt.get(sku);
      if (oversold) oversells.push({ units: oversold, afterStockoutMs: now - (out ?? now), store: shop.ref });
      if (out !== undefined && now - out <= STOCKOUT_WINDOW_MS) r.boundUnits += quantity;
      if (before > 0 && before - quantity <= 0) stockoutAt.set(sku, now);
      pending.push({ at: now, sku, origin: shop, after: left(sku), seen: {} });
      sales.push({ sku, ref: shop.ref, imported: false });
    }
    log(`day over: ${r.placed} orders placed, ${r.refused} refused`);
    const dayEnd = clock.now();
    const inStep = () => shops.every((s) => skus.every((k) => s.buyer.shown(s.store, k) === left(k)));
    while (!inStep() && clock.now() - dayEnd < (o.settleMs ?? 30 * 60_000)) await clock.sleep(10_000);
    const settledAfterMs = inStep() ? clock.now() - dayEnd : undefined;
    // Pushes still queued at that moment must not change anything afterwards (no late re-inflation).
    await clock.sleep(5 * 60_000);
    observing = false;
    await observer;
    observe();
    r.censored += pending.length; // never propagated by the end: reported via outOfStep
    const outOfStep: DayResult['outOfStep'] = [];
    for (const s of shops) for (const k of skus) {
      const shown = s.buyer.shown(s.store, k);
      if (shown !== left(k)) outOfStep.push({ store: s.ref, sku: k, shown, truth: truth.get(k)! });
    }
    unsubscribe();
    controller.abort();
    const report = await sync;
    return { ...r, raisedWhile, oversells, propagation, outOfStep, ...(settledAfterMs !== undefined ? { settledAfterMs } : {}), roundTripMs: stats(trips).p50, report };
  } finally {
    controller.abort();
    for (const c of closers) await c();
    await demo.close();
  }
}

async function sleepUntil(clock: { now(): number; sleep(ms: number): Promise<void> }, at: number): Promise<void> {
  const ms = at - clock.now();
  if (ms > 0) await clock.sleep(ms);
}

async function until(clock: { now(): number; sleep(ms: number): Promise<void> }, ok: () => boolean, withinMs: number, why: () => string[]): Promise<void> {
  const end = clock.now() + withinMs;
  while (!ok()) {
    if (clock.now() > end) throw new Error(`the stores never showed the initial stock: ${why().slice(0, 8).join('; ')} (${why().length} in all)`);
    await clock.sleep(5_000);
  }
}
