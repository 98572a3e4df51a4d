/**
 * The small version of `npm run bench -- propagation` (issue 26.5): half a selling hour compressed
 * 180× on the four sandboxes over HTTP, buyers who buy only what a store shows, the hub's order
 * sync + inventory engine against the adapters. Counts, not timings: every sale is imported, no
 * push fails, and after settling every store shows exactly the stock left (0 when oversold).
 *
 * Not asserted here: oversold units ≤ the bound (units ordered within 120 s of a
 * stockout) and 0 pushes above the stock left. Both depend on how fast a sale reaches the ledger:
 * without notifications (26.2) after the feed's documented lag (Amazon only: lastUpdatedBefore "at
 * least two minutes before the time of the request", specs/amazon/orders_2026-01-01.json) plus a
 * poll, and every HTTP round trip costs real latency × 180 of marketplace time, which a loaded
 * host inflates. A push computed while a sale sits in that blind spot can still offer it again
 * (src/inventory/increase-gate.ts); the bench reports both figures, with the raises classified.
 */
import { describe, expect, it } from 'vitest';
import { sellingDay } from './propagation-day.js';

describe('stock propagation on the sandboxes (small selling day)', () => {
  it('every sale is imported and every store ends showing exactly the stock left', async () => {
    const r = await sellingDay({ hours: 0.5, scale: 180, orders: 40, skus: 12, stockMax: 3, restockEveryH: 0.25, settleMs: 6 * 3600_000, seed: 5 }); // settling ends as soon as every store is in step
    expect(r.placed).toBeGreaterThan(15);
    expect(r.refused).toBeGreaterThan(0); // stockouts happened: buyers were refused what no store showed
    expect(r.report.failures).toEqual([]);
    const delivered = r.report.orders!.accounts.reduce((n, a) => n + a.delivered, 0);
    expect(delivered).toBeGreaterThanOrEqual(r.placed); // at-least-once: every placed order reached the ledger
    expect(r.outOfStep).toEqual([]);
  }, 60_000);
});
