/**
 * The hub over the embedded sandbox: real HTTP, real signing and rate limits, every adapter that
 * exists. Bulk listing with a kill and a re-run, order sync, shipping.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_RATES, startDemoSandbox, type DemoSandbox } from '../../src/cli/sandbox-demo.js';
import type { MarketplaceModule } from '../../src/cli/marketplaces.js';
import { rateTable } from '../../src/currency/rate-table.js';
import { Hub, hubHooks, loadCatalog, memoryCheckpoints, type Catalog } from '../../src/hub/index.js';
import type { MarketplaceAdapter } from '../../src/adapter.js';
import type { Order } from '../../src/model/order.js';
import { startSandbox } from '../../src/sandbox/server.js';
import { sourceModules } from '../unit/hub/support/sandbox-modules.js';

const pricing = { base: 'USD', rates: rateTable(DEMO_RATES), margin: '0.25', ending: 'auto' as const };

let modules: MarketplaceModule[];
let demo: DemoSandbox;
let catalog: Catalog;

function hubOf(d: DemoSandbox) {
  const hooks = hubHooks();
  const accounts: Record<string, MarketplaceAdapter> = {};
  for (const a of d.accounts) accounts[a.key] = modules.find((m) => m.name === a.marketplace)!.factory!({ ...d.options(a.key), hooks });
  return new Hub({ accounts, hooks });
}

/** How many live listings the marketplace holds for a SKU on a store (duplicates would show as > 1). */
function copies(d: DemoSandbox, hub: Hub, ref: string, sku: string): number {
  const { adapter, store } = hub.store(ref);
  const state = d.sandbox.state[adapter.marketplace] as Record<string, unknown>;
  if (adapter.marketplace === 'shopee') return (state as { itemsBySku(s: string): unknown[] }).itemsBySku(sku).length;
  const listing = (state as { listing(seller: string, sku: string): { markets: Map<string, unknown> } | undefined }).listing((adapter.account), sku);
  return listing?.markets.has(store.marketplaceId) ? 1 : 0;
}

beforeAll(async () => {
  modules = await sourceModules();
  demo = await startDemoSandbox({ timeScale: 50, orders: 3, modules }, startSandbox);
  catalog = await loadCatalog(path.resolve('examples/catalog.csv'));
});
afterAll(async () => {
  await demo?.sandbox.close();
});

describe('hub on the sandbox', () => {
  it('has at least one adapter to run against', () => {
    expect(demo.accounts.length).toBeGreaterThan(0);
  });

  it('lists the example catalog on every store; a run killed midway and re-run lists each SKU exactly once', async () => {
    const journal = path.join(mkdtempSync(path.join(tmpdir(), 'xb-e2e-')), 'bulk.jsonl');
    const first = hubOf(demo);
    const ctl = new AbortController();
    let done = 0;
    const killAt = 20 + Math.floor(Math.random() * 60);
    const r1 = await first.listings.bulkUpsert(catalog, { pricing, journal, signal: ctl.signal, onProgress: (e) => void (e.type === 'item' && e.item.outcome === 'done' && ++done >= killAt && ctl.abort()) });
    expect(r1.totals.cancelled).toBeGreaterThan(0);
    // A fresh process: new adapters (empty caches), same journal, same marketplaces.
    const second = hubOf(demo);
    const r2 = await second.listings.bulkUpsert(catalog, { pricing, journal });
    expect(r2.ok).toBe(true);
    expect(r2.items).toHaveLength(catalog.listings.length * second.stores.length);
    expect(r2.totals.skipped).toBe(r1.totals.done);
    expect(r2.totals.done + r2.totals.skipped).toBe(r2.items.length);
    for (const ref of second.stores) for (const l of catalog.listings) expect(copies(demo, second, ref, l.sku), `${ref} ${l.sku}`).toBe(1);
    // Prices were converted per store currency with the market endings.
    const de = r2.items.find((i) => i.store === 'amazonEU:DE' && i.sku === 'MUG-ENAMEL-350' && i.price);
    if (de) expect(de.price).toMatchObject({ currency: 'EUR', amount: expect.any(Number) });
  });

  it('syncs every account\'s orders once, then ships each order once even when asked twice', async () => {
    const hub = hubOf(demo);
    const got: Array<{ account: string; order: Order }> = [];
    const checkpoints = memoryCheckpoints();
    const r1 = await hub.orders.sync({ checkpoints, handle: (order, c) => void got.push({ account: c.account, order }) });
    expect(r1.ok).toBe(true);
    for (const a of demo.accounts) expect(got.filter((g) => g.account === a.key).length).toBeGreaterThanOrEqual(3);
    const r2 = await hub.orders.sync({ checkpoints, handle: (order, c) => void got.push({ account: c.account, order }) });
    expect(r2.delivered).toBe(0);

    for (const { account, order } of got.filter((g) => g.order.shippable).slice(0, 6)) {
      const line = order.lines[0]!;
      const req = { orderId: order.id, packages: [{ lines: [{ lineId: line.lineId, quantity: line.quantity }], carrier: 'DHL', trackingNumber: `JD0146${order.id.replace(/\D/g, '').slice(-8)}` }], shippedAt: new Date().toISOString() };
      const a = await hub.fulfilment.ship(account, req);
      const b = await hub.fulfilment.ship(account, req);
      expect(a.orderId).toBe(order.id);
      expect(b.packages[0]?.trackingNumber).toBe(a.packages[0]?.trackingNumber);
      const state = demo.sandbox.state[hub.account(account).marketplace] as { shipmentsFor(id: string): number };
      expect(state.shipmentsFor(order.id)).toBe(1);
    }
  });

  it("uses an adapter's bulk path (Amazon feeds) above its threshold", async () => {
    const hub = hubOf(demo);
    const amazon = Object.entries(hub.accounts).find(([, a]) => a.marketplace === 'amazon');
    if (!amazon || amazon[1].capabilities.bulkListingThreshold === null) return;
    const n = amazon[1].capabilities.bulkListingThreshold + 5;
    const base = catalog.listings.find((l) => l.sku === 'MUG-ENAMEL-350')!;
    const gtin = (k: number) => {
      const body = String(400638200000 + k).padStart(12, '0');
      const sum = [...body].reduce((t, d, j) => t + Number(d) * (j % 2 ? 3 : 1), 0);
      return body + String((10 - (sum % 10)) % 10);
    };
    const many = Array.from({ length: n }, (_, i) => ({ ...base, sku: `FEED-${i}`, identifiers: { gtin: gtin(i) } }));
    const report = await hub.listings.bulkUpsert(many, { stores: [`${amazon[0]}:DE`], pricing });
    expect(report.stores[0]!.path).toBe('bulk');
    expect(report.items).toHaveLength(n);
    expect(report.items.every((i) => i.via === 'bulk')).toBe(true);
    expect(report.totals.done, JSON.stringify(report.items.find((i) => i.outcome !== 'done'))).toBe(n);
  }, 60_000);
});
