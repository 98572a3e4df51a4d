/**
 * Amazon adapter benchmark (issue 3):
 *  1. 10,000 SKUs through listings.bulkUpsert on the embedded sandbox: HTTP calls and wall time
 *     (target ≤ 10 calls) — for a first load (assumeNew) and with the default existence lookup.
 *  2. Normalization CPU of a 100-order searchOrders page vs JSON.parse of the same page (target ≤ 3x).
 * Run: npx tsx bench/amazon.bench.ts
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { amazon, amazonSandbox, SANDBOX_CREDENTIALS } from '../adapters/amazon/index.js';
import { mapOrder } from '../adapters/amazon/mappers/order.js';
import { OrderSchema } from '../adapters/amazon/schemas/orders.js';
import { parseRecords } from '../src/http/parse.js';
import { startSandbox } from '../src/sandbox/index.js';

const TIME_SCALE = 1000;

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
      spApiCalls: requests.filter((r) => !r.path.startsWith('/auth/') && !r.path.startsWith('/_sandbox/')).length,
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
  const first = await bulk(10_000, true);
  const lookup = await bulk(10_000, false);
  const n = normalization('searchOrders.example.json');
  const jp = normalization('searchOrders.sandbox-jp.json');
  return {
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
