import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rateTable } from '../../../src/currency/rate-table.js';
import { ValidationError } from '../../../src/errors/classes.js';
import { Hub, hubHooks, formatBulkReport, parseCatalogCsv, type BulkProgressEvent } from '../../../src/hub/index.js';
import type { ListingInput } from '../../../src/model/listing.js';
import { FakeAdapter, store } from './support/fake-adapter.js';

const rates = rateTable({ base: 'USD', asOf: '2026-03-01', source: 'test', rates: { EUR: '0.9', GBP: '0.8', JPY: '150' } });
const pricing = { base: 'USD', rates, margin: '0.25', ending: 'auto' as const };

function listings(n: number): ListingInput[] {
  return Array.from({ length: n }, (_, i) => ({ sku: `SKU-${String(i).padStart(3, '0')}`, title: `Product ${i}`, price: { amount: 1200, currency: 'USD' }, quantity: 5 }));
}

function setup(opts: { bulkListingThreshold?: number | null } = {}) {
  const hooks = hubHooks();
  const eu = new FakeAdapter({ marketplace: 'fakezon', account: 'EU1', stores: [store('DE', 'EUR'), store('FR', 'EUR')], hooks, ...opts });
  const jp = new FakeAdapter({ marketplace: 'fakepee', account: 'JP1', stores: [store('JP', 'JPY')], hooks });
  const hub = new Hub({ accounts: { eu, jp }, hooks });
  return { hub, eu, jp };
}

const tmp = () => mkdtempSync(path.join(tmpdir(), 'xb-bulk-'));

describe('hub.listings.bulkUpsert', () => {
  it('lists on every store in parallel with prices converted per store currency', async () => {
    const { hub, eu, jp } = setup();
    const events: BulkProgressEvent[] = [];
    const report = await hub.listings.bulkUpsert(listings(5), { stores: ['eu:DE', 'eu:FR', 'jp:JP'], pricing, onProgress: (e) => events.push(e) });
    expect(report.ok).toBe(true);
    expect(report.totals).toMatchObject({ listings: 5, items: 15, done: 15, failed: 0, skipped: 0, cancelled: 0, rejected: 0 });
    // 12.00 USD cost, 25% margin: 12 × 0.9 / 0.75 = 14.40 EUR → x.99 ending; 2,400 JPY ends in 00.
    expect(eu.catalog.get('DE')!.get('SKU-000')!.listing.price).toEqual({ amount: 1499, currency: 'EUR' });
    expect(jp.catalog.get('JP')!.get('SKU-000')!.listing.price).toEqual({ amount: 2400, currency: 'JPY' });
    expect(report.items.find((i) => i.store === 'jp:JP')!.price).toEqual({ amount: 2400, currency: 'JPY' });
    // Progress: a start and a done per store, one item event per (store, SKU), rate waits from the adapters' hooks.
    expect(events.filter((e) => e.type === 'start')).toHaveLength(3);
    expect(events.filter((e) => e.type === 'item')).toHaveLength(15);
    expect(events.filter((e) => e.type === 'rate-wait').length).toBeGreaterThan(0);
    expect(report.stores.find((s) => s.store === 'eu:DE')!.rateWaits).toBeGreaterThan(0);
    expect(report.stores.reduce((n, s) => n + s.throttled, 0)).toBeGreaterThan(0);
  });

  it('accounts for every SKU exactly once: rejected rows, marketplace refusals, pricing failures', async () => {
    const { hub, eu } = setup();
    eu.rejectSkus.add('B');
    const catalog = parseCatalogCsv('sku,title,price,currency,quantity\nA,Alpha,1.00,USD,1\nB,Beta,1.00,USD,1\nC,Gamma,1.00,CHF,1\nD,Delta,oops,USD,1');
    const report = await hub.listings.bulkUpsert(catalog, { stores: ['eu:DE'], pricing });
    expect(report.ok).toBe(false);
    expect(report.items.map((i) => `${i.sku}:${i.outcome}`)).toEqual(['A:done', 'B:failed', 'C:failed']);
    expect(report.items[1]!.error).toMatchObject({ code: 'MARKETPLACE_REJECTED', detail: 'E100' });
    expect(report.items[2]!.error).toMatchObject({ code: 'VALIDATION' });
    expect(report.items[2]!.error!.message).toMatch(/No CHF rate/);
    expect(report.rejected).toEqual([{ row: 5, sku: 'D', field: 'price', message: expect.any(String) }]);
    expect(report.totals.rejected).toBe(1);
    const text = formatBulkReport(report);
    expect(text).toMatch(/eu:DE\s+EUR\s+single\s+1\s+2/);
    expect(text).toMatch(/B\s+3\s+MARKETPLACE_REJECTED\s+E100: brand is required/);
    expect(text).toMatch(/5\s+D\s+price/);
    expect(JSON.parse(JSON.stringify(report)).items).toHaveLength(3);
  });

  it('survives a kill at any point: the re-run finishes each (store, SKU) once, with no duplicate create', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 30 }), fc.boolean(), async (killAfter, tornLine) => {
        const dir = tmp();
        const journal = path.join(dir, 'bulk.jsonl');
        const first = setup();
        const ctl = new AbortController();
        let writes = 0;
        for (const a of [first.eu, first.jp]) a.afterWrite = () => void (++writes > killAfter && ctl.abort());
        const r1 = await first.hub.listings.bulkUpsert(listings(10), { pricing, journal, signal: ctl.signal, concurrency: 3 });
        expect(r1.items).toHaveLength(30);
        if (tornLine) appendFileSync(journal, '{"t":"done","store":"eu:DE","sku":"SKU-00');
        // The "restarted process": new hub, same marketplaces (their state survived), same journal.
        const second = { ...first, hub: new Hub({ accounts: { eu: first.eu, jp: first.jp } }) };
        for (const a of [first.eu, first.jp]) a.afterWrite = undefined;
        const r2 = await second.hub.listings.bulkUpsert(listings(10), { pricing, journal, concurrency: 3 });
        expect(r2.ok).toBe(true);
        expect(r2.items).toHaveLength(30);
        expect(r2.totals.done + r2.totals.skipped).toBe(30);
        expect(r2.totals.skipped).toBe(r1.totals.done);
        for (const [a, s] of [[first.eu, 'DE'], [first.eu, 'FR'], [first.jp, 'JP']] as const) {
          for (const l of listings(10)) expect(a.createsOf(s, l.sku)).toBe(1);
        }
        // Nothing finished in run 1 was written again (writes in flight at the kill are replayed as updates).
        for (const i of r1.items.filter((x) => x.outcome === 'done')) {
          const a = i.store.startsWith('eu') ? first.eu : first.jp;
          expect(a.catalog.get(i.store.split(':')[1]!)!.get(i.sku)!.writes).toBe(1);
        }
        // A third run is a no-op.
        const r3 = await second.hub.listings.bulkUpsert(listings(10), { pricing, journal });
        expect(r3.totals.skipped).toBe(30);
      }),
      { numRuns: 25 },
    );
  });

  it('re-lists only what changed since the journal recorded it', async () => {
    const journal = path.join(tmp(), 'j.jsonl');
    const { hub, eu } = setup();
    await hub.listings.bulkUpsert(listings(4), { stores: ['eu:DE'], pricing, journal });
    const changed = listings(4).map((l, i) => (i === 2 ? { ...l, title: 'Renamed' } : l));
    const r = await hub.listings.bulkUpsert(changed, { stores: ['eu:DE'], pricing, journal });
    expect(r.items.map((i) => i.outcome)).toEqual(['skipped', 'skipped', 'done', 'skipped']);
    expect(r.items[2]!.action).toBe('updated');
    expect(eu.catalog.get('DE')!.get('SKU-002')!.writes).toBe(2);
    const lines = readFileSync(journal, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { t: string });
    expect(lines.filter((l) => l.t === 'done')).toHaveLength(5);
  });

  it("uses the adapter's own bulk path above its threshold", async () => {
    const { hub, eu } = setup({ bulkListingThreshold: 3 });
    const events: BulkProgressEvent[] = [];
    const report = await hub.listings.bulkUpsert(listings(7), { stores: ['eu:DE'], pricing, bulkChunkSize: 4, onProgress: (e) => events.push(e) });
    expect(report.stores[0]!.path).toBe('bulk');
    expect(eu.upsertCalls).toBe(0);
    expect(report.totals.done).toBe(7);
    expect(events.some((e) => e.type === 'bulk-progress')).toBe(true);
    expect(report.items.every((i) => i.via === 'bulk')).toBe(true);
  });

  it('refuses bad options before any write', async () => {
    const { hub, eu } = setup();
    await expect(hub.listings.bulkUpsert(listings(1), { stores: ['nope:DE'] })).rejects.toThrow(/Unknown account "nope"/);
    await expect(hub.listings.bulkUpsert(listings(1), { stores: ['eu:XX'] })).rejects.toThrow(/no store "XX"/);
    await expect(hub.listings.bulkUpsert(listings(1), { stores: ['eu'] })).rejects.toThrow(/has 2 stores/);
    await expect(hub.listings.bulkUpsert(listings(1), { stores: ['eu:DE', 'eu:DE'] })).rejects.toThrow(/listed twice/);
    await expect(hub.listings.bulkUpsert(listings(1), { concurrency: 0 })).rejects.toThrow(ValidationError);
    // Without pricing a store only takes prices already in its currency.
    const r = await hub.listings.bulkUpsert(listings(1), { stores: ['eu:DE'] });
    expect(r.items[0]!.error).toMatchObject({ code: 'VALIDATION', detail: 'pricing' });
    expect(eu.upsertCalls).toBe(0);
  });
});
