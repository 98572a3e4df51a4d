/**
 * Amazon adapter benchmark (issues 3 and 13), SP-API calls counted at the wire (the sandbox's
 * request log, LWA and document up/downloads excluded; never the adapter's own counters):
 *  1. 10,000 unseen SKUs listed through listings.bulkUpsert (one merchant listings report to learn
 *     what exists, then one JSON_LISTINGS_FEED), then 10,000 price/quantity updates through
 *     inventory.set on the same adapter (what the feed taught it, no look-ups) — targets ≤ 10 each.
 *  2. 1,000 orders listed through orders.list (target ≤ 10).
 *  3. Normalization CPU of a 100-order searchOrders page vs JSON.parse of the same page (target ≤ 3x).
 * Run: npm run bench -- amazon
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { amazon } from '../adapters/amazon/adapter.js';
import { amazonSandbox, SANDBOX_CREDENTIALS, type AmazonSandboxState } from '../adapters/amazon/sandbox/index.js';
import { mapOrder } from '../adapters/amazon/mappers/order.js';
import { OrderSchema } from '../adapters/amazon/schemas/orders.js';
import { parseRecords } from '../src/http/parse.js';
import { startSandbox } from '../src/sandbox/index.js';

const TIME_SCALE = 1000;

const spApi = (requests: Array<{ path: string }>) => requests.filter((r) => !r.path.startsWith('/auth/') && !r.path.startsWith('/_sandbox/')).length;

/** Issue 13: unseen SKUs listed, then price/quantity updates, then orders listed — calls at the wire. */
async function lifecycle(skus: number, orders: number) {
  const sandbox = await startSandbox({ marketplaces: { amazon: amazonSandbox() }, timeScale: TIME_SCALE });
  try {
    const url = sandbox.urls.amazon!;
    const a = amazon({
      marketplaces: ['DE'], sellerId: SANDBOX_CREDENTIALS.sellerId, credentials: SANDBOX_CREDENTIALS,
      endpoint: url, tokenEndpoint: `${url}/auth/o2/token`, timeScale: TIME_SCALE,
    });
    const requests = sandbox.requests.amazon!;
    const listings = Array.from({ length: skus }, (_, i) => ({
      sku: `UNSEEN-${i}`, title: `Bench product ${i}`, brand: 'Acme', price: { amount: '9.99', currency: 'EUR' }, quantity: 10,
      identifiers: { ean: '4006381333931' }, marketplace: { amazon: { productType: 'PRODUCT' } },
    }));
    let t = performance.now();
    const listed = await a.listings.bulkUpsert(listings);
    const listMs = performance.now() - t;
    const listCalls = spApi(requests);
    t = performance.now();
    const updated = await a.inventory.set(listings.map((l, i) => ({ sku: l.sku, quantity: 5 + (i % 7), price: { amount: 899 + (i % 50), currency: 'EUR' } })));
    const updateMs = performance.now() - t;
    const updateCalls = spApi(requests) - listCalls;
    const state = sandbox.state.amazon as AmazonSandboxState;
    state.seedOrders(orders, { marketplaces: ['DE'] });
    t = performance.now();
    const got = await a.orders.list({ updatedSince: new Date(Date.now() - 3 * 86_400_000) }).toArray({ max: orders * 2 });
    const orderMs = performance.now() - t;
    const orderCalls = spApi(requests) - listCalls - updateCalls;
    return {
      listCalls, listMs, listed: listed.filter((r) => r.ok).length,
      updateCalls, updateMs, updated: updated.filter((r) => r.ok).length,
      orderCalls, orderMs, orders: got.length,
    };
  } finally {
    await sandbox.close();
  }
}

async function bulk(skus: number, assumeNew: boolean) {
  const sandbox = await startSandbox({ marketplaces: { amazon: amazonSandbox() }, timeScale: TIME_SCALE });
  try {
    const url = sandbox.urls.amazon!;
    const a = amazon({
      marketplaces: ['DE'], sellerId: SANDBOX_CREDENTIALS.sellerId, credentials: SANDBOX_CREDENTIALS,
      endpoint: url, tokenEndpoint: `${url}/auth/o2/token`, timeScale: TIME_SCALE,
    });
    const listings = Array.from({ length: skus }, (_, i) => ({
      sku: `BENCH-${i}`, title: `Bench product ${i}`, brand: 'Acme', price: { amount: '9.99', currency: 'EUR' }, quantity: 10,
      identifiers: { ean: '4006381333931' }, marketplace: { amazon: { productType: 'PRODUCT' } },
    }));
    const started = performance.now();
    const results = await a.listings.bulkUpsert(listings, { assumeNew });
    const ms = performance.now() - started;
    const requests = sandbox.requests.amazon!;
    return {
      ms,
      calls: requests.length,
      spApiCalls: spApi(requests),
      ok: results.filter((r) => r.ok).length,
      results: results.length,
    };
  } finally {
    await sandbox.close();
  }
}

/** A 100-order page built from an official searchOrders example (distinct ids). */
function page(file: string): string {
  const example = JSON.parse(readFileSync(new URL(`../test/fixtures/amazon/${file}`, import.meta.url), 'utf8'));
  const base = example.orders[0];
  const orders = Array.from({ length: 100 }, (_, i) => ({ ...structuredClone(base), orderId: `123-4567890-${String(1_000_000 + i)}` }));
  return JSON.stringify({ orders, pagination: { nextToken: 'next' } });
}

function normalization(file: string) {
  const text = page(file);
  const ctx = { account: 'A2EXAMPLE', includePii: false, storeOf: () => ({ id: 'US', taxInclusive: false }) };
  const normalize = (records: unknown[]) => parseRecords(OrderSchema, records).items.map((w) => mapOrder(w, ctx));
  const time = (fn: () => unknown, rounds: number) => {
    const t = performance.now();
    for (let i = 0; i < rounds; i++) fn();
    return (performance.now() - t) / rounds;
  };
  const parsed = JSON.parse(text) as { orders: unknown[] };
  for (let i = 0; i < 50; i++) {
    JSON.parse(text);
    normalize(parsed.orders);
  }
  const rounds = 200;
  const parseMs = time(() => JSON.parse(text), rounds);
  const normalizeMs = time(() => normalize(parsed.orders), rounds);
  return { pageBytes: text.length, parseMs, normalizeMs, perOrderUs: (normalizeMs * 1000) / 100, ratio: normalizeMs / parseMs };
}

export async function run(): Promise<Record<string, number>> {
  const life = await lifecycle(10_000, 1_000);
  console.log(`SP-API calls: 10,000 unseen SKUs listed ${life.listCalls} (≤ 10), 10,000 price/quantity updates ${life.updateCalls} (≤ 10), 1,000 orders listed ${life.orderCalls} (≤ 10)`);
  const first = await bulk(10_000, true);
  const lookup = await bulk(10_000, false);
  const n = normalization('searchOrders.example.json');
  const jp = normalization('searchOrders.sandbox-jp.json');
  return {
    'unseen10k.listed.spApiCalls': life.listCalls,
    'unseen10k.listed.accepted': life.listed,
    'unseen10k.listed.ms': Math.round(life.listMs),
    'unseen10k.updates.spApiCalls': life.updateCalls,
    'unseen10k.updates.ok': life.updated,
    'unseen10k.updates.ms': Math.round(life.updateMs),
    'orders1k.listed.spApiCalls': life.orderCalls,
    'orders1k.listed.count': life.orders,
    'orders1k.listed.ms': Math.round(life.orderMs),
    'bulkUpsert.10k.assumeNew.httpCalls': first.calls,
    'bulkUpsert.10k.assumeNew.spApiCalls': first.spApiCalls,
    'bulkUpsert.10k.assumeNew.ms': Math.round(first.ms),
    'bulkUpsert.10k.assumeNew.accepted': first.ok,
    'bulkUpsert.10k.lookup.httpCalls': lookup.calls,
    'bulkUpsert.10k.lookup.ms': Math.round(lookup.ms),
    'bulkUpsert.10k.lookup.accepted': lookup.ok,
    'searchOrders.page100.jsonParseMs': Number(n.parseMs.toFixed(3)),
    'searchOrders.page100.normalizeMs': Number(n.normalizeMs.toFixed(3)),
    'searchOrders.normalizePerOrderUs': Number(n.perOrderUs.toFixed(1)),
    'searchOrders.normalizeVsJsonParse': Number(n.ratio.toFixed(2)),
    'searchOrders.jpPage100.jsonParseMs': Number(jp.parseMs.toFixed(3)),
    'searchOrders.jpPage100.normalizeMs': Number(jp.normalizeMs.toFixed(3)),
    'searchOrders.jpNormalizePerOrderUs': Number(jp.perOrderUs.toFixed(1)),
    'searchOrders.jpNormalizeVsJsonParse': Number(jp.ratio.toFixed(2)),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run().then((r) => console.table(r), (e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
