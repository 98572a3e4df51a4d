/**
 * Inventory sync on the embedded sandbox: real adapters over real HTTP (signing, rate limits),
 * every adapter that exists. Reconcile pushes, the marketplace quantity rules, and the last-unit
 * race: two stores sell the last unit, the oversell is recorded and every store is zeroed.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MarketplaceAdapter } from '../../src/adapter.js';
import { startDemoSandbox, DEMO_RATES, type DemoSandbox } from '../../src/cli/sandbox-demo.js';
import type { MarketplaceModule } from '../../src/cli/marketplaces.js';
import { rateTable } from '../../src/currency/rate-table.js';
import { Hub, loadCatalog, memoryCheckpoints } from '../../src/hub/index.js';
import { createInventorySync, StockLedger } from '../../src/inventory/index.js';
import type { Order } from '../../src/model/order.js';
import { startSandbox } from '../../src/sandbox/server.js';

const SKUS = ['MUG-ENAMEL-350', 'BOTTLE-STEEL-750', 'CABLE-USBC-1M'];

let demo: DemoSandbox;
let accounts: Record<string, MarketplaceAdapter>;

async function sourceModules(): Promise<MarketplaceModule[]> {
  const out: MarketplaceModule[] = [];
  const amazon = (await import('../../adapters/amazon/index.js')) as Record<string, unknown>;
  if (typeof amazon.amazon === 'function') out.push({ name: 'amazon', factory: amazon.amazon as MarketplaceModule['factory'], sandbox: amazon.amazonSandbox as MarketplaceModule['sandbox'], exports: amazon });
  const shopee = (await import('../../adapters/shopee/index.js')) as Record<string, unknown>;
  if (typeof shopee.shopee === 'function') out.push({ name: 'shopee', factory: shopee.shopee as MarketplaceModule['factory'], sandbox: shopee.shopeeSandbox as MarketplaceModule['sandbox'], exports: shopee });
  return out;
}

/** What the marketplace holds as the seller's quantity for a SKU (Shopee: seller stock incl. reserved). */
function shown(a: MarketplaceAdapter, sku: string): number | undefined {
  const state = demo.sandbox.state[a.marketplace] as Record<string, (...x: never[]) => unknown>;
  if (a.marketplace === 'amazon') {
    const l = (state.listing as unknown as (s: string, k: string) => { attributes: Record<string, Array<{ quantity?: number }>> } | undefined)(a.account, sku);
    return l?.attributes.fulfillment_availability?.[0]?.quantity;
  }
  const item = (state.itemsBySku as unknown as (k: string) => Array<{ stock: number }>)(sku)[0];
  return item?.stock;
}

function mapAll(ledger: StockLedger) {
  for (const [key, a] of Object.entries(accounts)) for (const s of a.stores) for (const sku of SKUS) ledger.map(`${key}:${s.id}`, sku, { sku: `WH-${sku}` });
}

async function run(ledger: StockLedger, fn?: (e: ReturnType<typeof createInventorySync>) => Promise<void>) {
  const engine = createInventorySync({ ledger, accounts, retryDelayMs: 50 }).start();
  await engine.idle();
  await fn?.(engine);
  await engine.idle();
  return engine.stop();
}

beforeAll(async () => {
  demo = await startDemoSandbox({ timeScale: 50, orders: 0, modules: await sourceModules() }, startSandbox);
  const modules = await sourceModules();
  accounts = {};
  for (const a of demo.accounts) accounts[a.key] = modules.find((m) => m.name === a.marketplace)!.factory!(demo.options(a.key)) as MarketplaceAdapter;
  const catalog = await loadCatalog(path.resolve('examples/catalog.csv'));
  const listings = catalog.listings.filter((l) => SKUS.includes(l.sku));
  const report = await new Hub({ accounts }).listings.bulkUpsert(listings, { pricing: { base: 'USD', rates: rateTable(DEMO_RATES), margin: '0.25', ending: 'auto' } });
  expect(report.ok).toBe(true);
  await new Promise((r) => setTimeout(r, 1500)); // Amazon listings go live after a (time-scaled) delay
}, 60_000);

afterAll(async () => {
  await demo?.sandbox.close();
});

describe('inventory sync on the sandbox', () => {
  it('pushes each marketplace its quantity: pooled on Amazon, per shop on Shopee, safety stock and caps applied', async () => {
    expect(Object.keys(accounts).length).toBeGreaterThan(0);
    const ledger = new StockLedger();
    SKUS.forEach((sku, i) => ledger.setOnHand(`WH-${sku}`, 10 * (i + 1)));
    mapAll(ledger);
    for (const [key, a] of Object.entries(accounts)) if (a.marketplace === 'shopee') ledger.policy(`${key}:${a.stores[0]!.id}`, { safetyStock: 2, cap: 15 });
    const report = await run(ledger);
    expect(report.failures).toEqual([]);
    for (const a of Object.values(accounts)) {
      const expected = a.marketplace === 'shopee' ? [8, 15, 15] : [10, 20, 30];
      expect(SKUS.map((s) => shown(a, s)), a.marketplace).toEqual(expected);
    }
  }, 60_000);

  it('the last-unit race: two stores sell the last unit, the oversell is recorded and every store is zeroed', async () => {
    const sellers = Object.entries(accounts);
    const ledger = new StockLedger();
    SKUS.forEach((sku) => ledger.setOnHand(`WH-${sku}`, 5));
    ledger.setOnHand(`WH-${SKUS[0]}`, 1);
    mapAll(ledger);
    const since = new Date(Date.now() - 3 * 3600_000);
    const report = await run(ledger, async (engine) => {
      for (const a of Object.values(accounts)) expect(shown(a, SKUS[0]!)).toBe(1);
      // Each marketplace sells the last mug before any import (two sales when only one store exists).
      for (const [, a] of sellers) seedSale(a, SKUS[0]!);
      if (sellers.length === 1) seedSale(sellers[0]![1], SKUS[0]!);
      for (const [key, a] of sellers) {
        const orders: Order[] = [];
        for await (const o of a.orders.list({ updatedSince: since })) if (o.lines.some((l) => l.sku === SKUS[0])) orders.push(o);
        for (const o of orders) await engine.ingest(key, o);
      }
    });
    expect(report.oversells.length).toBeGreaterThanOrEqual(1);
    expect(report.oversells[0]).toMatchObject({ kind: 'oversell', sku: `WH-${SKUS[0]}`, shortBy: expect.any(Number) });
    expect(ledger.free(`WH-${SKUS[0]}`)).toBeLessThan(0);
    for (const a of Object.values(accounts)) expect(shown(a, SKUS[0]!), a.marketplace).toBe(0);
    // The other SKUs were untouched by the race.
    for (const a of Object.values(accounts)) expect(shown(a, SKUS[1]!)).toBe(5);
    expect(report.zeroOutMs.count).toBeGreaterThan(0);
  }, 60_000);
});

describe('hub.inventory.sync on the sandbox', () => {
  it('imports orders through the hub order sync, reserves them, and pushes the lowered quantity to every store', async () => {
    const ledger = new StockLedger();
    SKUS.forEach((sku) => ledger.setOnHand(`WH-${sku}`, 6));
    mapAll(ledger);
    const [key, seller] = Object.entries(accounts)[0]!;
    seedSale(seller, SKUS[2]!);
    const handled: string[] = [];
    const report = await new Hub({ accounts }).inventory.sync({
      ledger, retryDelayMs: 50, checkpoints: memoryCheckpoints(),
      orders: { since: new Date(Date.now() - 3 * 3600_000) },
      handle: (order) => void handled.push(order.id),
    });
    expect(report.failures).toEqual([]);
    expect(report.orders?.accounts.map((a) => a.account)).toContain(key);
    expect(handled.length).toBeGreaterThan(0);
    // One unit of the cable is reserved by the imported sale: every store now shows 5.
    expect(ledger.free(`WH-${SKUS[2]}`)).toBeLessThanOrEqual(5);
    // (The sandbox seeds paid Shopee orders, so no unpaid reservation is added back on Shopee.)
    for (const a of Object.values(accounts)) expect(shown(a, SKUS[2]!), a.marketplace).toBe(ledger.free(`WH-${SKUS[2]}`));
  }, 60_000);
});

let seq = 0;
/** A buyer order for one unit of `sku`, placed on the marketplace itself. */
function seedSale(a: MarketplaceAdapter, sku: string): void {
  const module = demo.sandbox.modules[a.marketplace]!;
  if (a.marketplace === 'amazon') {
    const state = module.state as { seedOrders(n: number, o: Record<string, unknown>): Array<{ orderId: string }>; orders: Map<string, { actual: OrderDocLike; visible: OrderDocLike }> };
    const [doc] = state.seedOrders(1, { marketplaces: [a.stores[0]!.id], quantity: 1, fulfilledBy: 'MERCHANT' });
    const stored = state.orders.get(doc!.orderId)!;
    for (const d of [stored.actual, stored.visible]) for (const it of d.orderItems ?? []) it.product.sellerSku = sku;
    return;
  }
  const exports = (demo.sandbox.modules.shopee as unknown as { state: { itemsBySku(k: string): Array<{ item_id: number }>; now(): number } }).state;
  const item = exports.itemsBySku(sku)[0]!;
  const seeder = shopeeSeeder!;
  seeder(exports, { lines: [{ itemId: item.item_id, modelId: 0, sku, quantity: 1, price: 19.9 }], updatedAt: exports.now() - 5 * 60_000 - ++seq * 1000, createdAt: exports.now() - 3600_000 });
}

interface OrderDocLike {
  orderItems?: Array<{ product: { sellerSku?: string } }>;
}

let shopeeSeeder: ((world: unknown, spec: Record<string, unknown>) => unknown) | undefined;
beforeAll(async () => {
  const shopee = (await import('../../adapters/shopee/index.js')) as Record<string, unknown>;
  shopeeSeeder = shopee.seedOrder as typeof shopeeSeeder;
});
