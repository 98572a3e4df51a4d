import { afterEach, expect, it } from 'vitest';
import { amazon, amazonSandbox, SANDBOX_CREDENTIALS } from '../../../adapters/amazon/index.js';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/index.js';

/** Issue 13.5: calls counted at the wire (the sandbox's request log), never by the adapter's own counters. */
let sandbox: RunningSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

it('10,000 unseen SKUs are listed, then repriced and restocked, in ≤ 10 SP-API calls each', async () => {
  sandbox = await startSandbox({ marketplaces: { amazon: amazonSandbox() }, timeScale: 1000 });
  const url = sandbox.urls.amazon!;
  const a = amazon({ marketplaces: ['DE'], sellerId: SANDBOX_CREDENTIALS.sellerId, credentials: SANDBOX_CREDENTIALS, endpoint: url, tokenEndpoint: `${url}/auth/o2/token`, timeScale: 1000 });
  const sp = () => sandbox!.requests.amazon!.filter((r) => !r.path.startsWith('/auth/') && !r.path.startsWith('/_sandbox/')).map((r) => `${r.method} ${r.path.replace(/\/[^/]*\d[^/]*$/, '/{id}')}`);
  const listings = Array.from({ length: 10_000 }, (_, i) => ({
    sku: `UNSEEN-${i}`, title: `Product ${i}`, brand: 'Acme', price: { amount: '9.99', currency: 'EUR' }, quantity: 10, identifiers: { ean: '4006381333931' }, marketplace: { amazon: { productType: 'PRODUCT' } },
  }));
  const listed = await a.listings.bulkUpsert(listings);
  expect(listed.filter((r) => r.ok)).toHaveLength(10_000);
  const listCalls = sp();
  expect(listCalls.length).toBeLessThanOrEqual(10);
  // One report (not 500 searchListingsItems calls), then one feed.
  expect(listCalls.filter((c) => c.startsWith('GET /listings/'))).toEqual([]);
  expect(listCalls.filter((c) => c === 'POST /reports/2021-06-30/reports')).toHaveLength(1);
  expect(listCalls.filter((c) => c === 'POST /feeds/2021-06-30/feeds')).toHaveLength(1);

  const updated = await a.inventory.set(listings.map((l, i) => ({ sku: l.sku, quantity: i % 9, price: { amount: 899, currency: 'EUR' } })));
  expect(updated.filter((r) => r.ok)).toHaveLength(10_000);
  const updateCalls = sp().slice(listCalls.length);
  expect(updateCalls.length).toBeLessThanOrEqual(10);
  // What the listing feed taught the adapter is remembered: no report, no look-up.
  expect(updateCalls.filter((c) => c.startsWith('GET /listings/') || c.startsWith('POST /reports/'))).toEqual([]);
}, 120_000);
