// The two adapter worker pools (Shopee bulkUpsert, Amazon's pooled family/inventory runner): every
// item ends with exactly one result, in input order, never more than the bound in flight, and an
// aborted batch starts nothing new. Driven with controllable promises, no clocks.
import { describe, expect, it } from 'vitest';
import { pooled } from '../../../adapters/amazon/listing-upsert.js';
import { bulkUpsert } from '../../../adapters/shopee/bulk.js';
import type { ListingInput, ListingResult } from '../../../src/model/listing.js';

function gate() {
  let open!: () => void;
  const p = new Promise<void>((r) => (open = r));
  return { p, open };
}
const tick = () => new Promise((r) => setImmediate(r));

describe('amazon pooled', () => {
  it('keeps at most `limit` in flight and returns results in input order', async () => {
    const gates = Array.from({ length: 10 }, gate);
    let inFlight = 0;
    let peak = 0;
    const run = pooled([...gates.keys()], 3, async (i) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await gates[i]!.p;
      inFlight--;
      return i * 10;
    });
    await tick();
    expect(inFlight).toBe(3);
    for (const g of [...gates].reverse()) g.open();
    expect(await run).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(peak).toBe(3);
  });

  it('an empty list resolves at once', async () => {
    expect(await pooled([], 4, async () => 1)).toEqual([]);
  });
});

const result = (sku: string): ListingResult => ({ sku, status: 'accepted', issues: [] }) as unknown as ListingResult;

describe('shopee bulkUpsert pool', () => {
  it('one result per SKU in order, 4 in flight at most, failures do not stop the rest', async () => {
    let inFlight = 0;
    let peak = 0;
    const listings = Array.from({ length: 9 }, (_, i) => ({ sku: `S-${i}` }) as ListingInput);
    const seen: string[] = [];
    const out = await bulkUpsert(async (l, o) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      seen.push(o.idempotencyKey ?? '');
      await tick();
      inFlight--;
      if (l.sku === 'S-3') throw new Error('boom');
      return result(l.sku);
    }, listings, { idempotencyKey: 'batch' });
    expect(out.map((r) => [r.sku, r.ok])).toEqual(listings.map((l) => [l.sku, l.sku !== 'S-3']));
    expect(peak).toBe(4);
    expect(seen.sort()).toEqual(listings.map((l) => `batch:${l.sku}`).sort());
  });

  it('after an abort, nothing new starts and the rest are reported not attempted', async () => {
    const ctl = new AbortController();
    const started: string[] = [];
    const listings = Array.from({ length: 10 }, (_, i) => ({ sku: `A-${i}` }) as ListingInput);
    let progress = 0;
    let startedAtAbort = -1;
    const out = await bulkUpsert(async (l) => {
      started.push(l.sku);
      await tick();
      if (l.sku === 'A-1') {
        ctl.abort();
        startedAtAbort = started.length;
      }
      return result(l.sku);
    }, listings, { signal: ctl.signal, onProgress: () => progress++ });
    expect(started.length).toBe(startedAtAbort);
    expect(started.length).toBeLessThan(10);
    expect(out.map((r) => r.sku)).toEqual(listings.map((l) => l.sku));
    out.forEach((r, i) => expect(r.ok).toBe(i < started.length));
    for (const r of out.slice(started.length)) expect(r.ok ? '' : r.error.message).toBe('not attempted: the batch was aborted');
    expect(progress).toBe(started.length);
  });
});
