/**
 * `npm run demo` — the main job, offline, on the embedded sandbox:
 *   1. start the sandbox (Amazon, Shopee, eBay and AliExpress demo accounts, plus an ECB-shaped rate feed)
 *   2. list examples/catalog.csv on every store, prices converted from USD with today's (sandbox) ECB rates
 *   3. sync the seeded orders through the checkpointed order-sync engine
 *   4. quote shipping (sample rate cards) and DDP landed cost for each order
 *   5. ship each order with a tracking number, and print a summary
 * It imports only the package's public entries, so it runs unchanged in a project that depends on xborder.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  Hub, MemoryTokenStore, formatBulkReport, hubHooks, loadCatalog, memoryCheckpoints, textTable, toDecimal, zeroMoney,
  type BulkProgressEvent, type Catalog, type MarketplaceAdapter, type Money, type Order,
} from 'xborder';
import { aliexpress } from 'xborder/aliexpress';
import { amazon } from 'xborder/amazon';
import { convert, ecbRates, type RateTable } from 'xborder/currency';
import { ebay } from 'xborder/ebay';
import { estimateLandedCost } from 'xborder/landed-cost';
import { ecbSandbox, startDemoSandbox, startSandbox } from 'xborder/sandbox';
import { aliexpressSandbox, SANDBOX_CREDENTIALS as AE_SANDBOX } from 'xborder/sandbox/aliexpress';
import { quoteShipping, rateCard, type ShippingConnector } from 'xborder/shipping';
import { shopee } from 'xborder/shopee';

const started = performance.now();
const here = import.meta.dirname;
const fmt = (m: Money | undefined) => (m ? `${toDecimal(m)} ${m.currency}` : '—');

// 1. The sandbox: marketplaces at 50× their real quotas, and an ECB feed for the rates.
const hooks = hubHooks();
const demo = await startDemoSandbox({ marketplaces: ['amazon', 'shopee', 'ebay'], timeScale: 50, orders: 2 });
// AliExpress authorizes by code exchange, so its demo account is set up here rather than by the CLI profiles.
// The example catalog's AliExpress leaf categories (no required attributes in the demo).
const AE_DEMO_CATEGORIES = Object.fromEntries(
  [100004, 200000343, 200000369, 200000384, 200000394, 200000398, 200000399, 200000662, 200000708, 200003288, 200003292, 200003570, 200003655, 380230].map((c) => [c, []]),
);
const aeModule = aliexpressSandbox({ categories: AE_DEMO_CATEGORIES });
const ecbFeed = await startSandbox({ marketplaces: { ecb: ecbSandbox(), aliexpress: aeModule }, timeScale: 50 });
const aliexpressGlobal = aliexpress({
  ...AE_SANDBOX, tokens: new MemoryTokenStore(), endpoint: ecbFeed.urls.aliexpress, timeScale: 50, hooks,
  listingDefaults: { categoryId: 200000001, freightTemplateId: 1000, servicePolicyId: 0 },
  // Listing images are uploaded to the AliExpress photobank; offline, the sandbox serves a stand-in image per URL.
  fetchImage: async (url: string) => Buffer.from(await (await fetch(`${ecbFeed.urls.aliexpress}/_sandbox/images/${encodeURIComponent(url)}`)).arrayBuffer()),
});
await aliexpressGlobal.auth.exchangeCode(aeModule.state.issueCode(AE_SANDBOX.sellerId));
const accounts: Record<string, MarketplaceAdapter> = {
  amazonEU: amazon({ ...demo.options<Parameters<typeof amazon>[0]>('amazonEU'), hooks }),
  shopeeSG: shopee({ ...demo.options<Parameters<typeof shopee>[0]>('shopeeSG'), hooks }) as unknown as MarketplaceAdapter,
  ebayUS: ebay({ ...demo.options<Parameters<typeof ebay>[0]>('ebayUS'), hooks }),
  aliexpress: aliexpressGlobal,
};
const hub = new Hub({ accounts, hooks });
console.log(`xborder demo — embedded sandbox: ${Object.entries(demo.sandbox.urls).map(([m, u]) => `${m} ${u}`).join(', ')}`);
console.log(`stores: ${hub.stores.join(', ')}\n`);

try {
  // 2. Bulk listing with currency conversion (ECB reference rates through the sandbox feed).
  const rates: RateTable = await ecbRates({ endpoint: ecbFeed.urls.ecb }).getRates();
  const catalog = await loadCatalog(path.join(here, 'catalog.csv'), { currency: 'USD' });
  console.log(`catalog: ${catalog.listings.length} listings (${catalog.listings.reduce((n, l) => n + Math.max(1, l.variants.length), 0)} sellable SKUs), ECB rates of ${rates.asOf}`);
  const pricing = { base: 'USD', rates, margin: '0.25', ending: 'auto' as const };
  const onProgress = (e: BulkProgressEvent) => e.type === 'store-done' && console.log(`  ${e.store}: ${e.counts.done} listed, ${e.counts.failed} failed`);
  const [variationStores, plainStores] = partition(hub.stores, (ref) => hub.account(ref).marketplace !== 'ebay');
  const listed = await hub.listings.bulkUpsert(catalog, { stores: variationStores, pricing, onProgress });
  // The eBay adapter does not list variation families yet (inventory item groups): single items there.
  const singles = catalog.listings.filter((l) => l.variants.length === 0);
  const listedPlain = await hub.listings.bulkUpsert(singles, { stores: plainStores, pricing, onProgress });
  for (const report of [listed, listedPlain]) console.log(`\n${formatBulkReport(report).split('\n').slice(0, 3 + report.stores.length + 1).join('\n')}`);
  console.log('');

  // 3. Order sync: one feed per account, checkpointed after every window.
  const orders: Array<{ order: Order; account: string }> = [];
  // Buyers' orders arrive on every marketplace (the AliExpress sandbox takes them by hand).
  for (const sku of ['MUG-ENAMEL-350', 'BOTTLE-STEEL-750']) aeModule.state.addOrder({ lines: [{ sku, price: '14.99', count: 1 }] });
  const synced = await hub.orders.sync({
    checkpoints: memoryCheckpoints(),
    since: new Date(Date.now() - 7 * 86_400_000),
    includePii: true, // only the destination country is used; nothing of the buyer is printed
    handle: (order, ctx) => void orders.push({ order, account: ctx.account }),
  });
  console.log(`order sync: ${synced.delivered} orders from ${synced.accounts.length} accounts`);

  // 4 + 5. Shipping quote, landed cost, shipment per order.
  const cards = loadRateCards(path.join(here, 'rate-cards'));
  const rows: Array<Array<string | number>> = [];
  for (const { order, account } of orders) rows.push(await fulfil(order, account, catalog, cards, rates));
  console.log(`\n${textTable(['order', 'store', 'status', 'charged', 'cheapest shipping', 'DDP duty+tax', 'shipment'], rows)}`);
  console.log(`\ndone in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await demo.sandbox.close();
  await ecbFeed.close();
}

async function fulfil(order: Order, account: string, catalog: Catalog, cards: ShippingConnector[], rates: RateTable): Promise<Array<string | number>> {
  const store = hub.store(`${account}:${order.store}`).store;
  const destination = order.shippingAddress?.country ?? store.country;
  const currency = order.totals.charged?.currency ?? store.currency;
  const weightKg = order.lines.reduce((kg, l) => kg + l.quantity * (skuWeightKg(catalog, l.sku) ?? 0.3), 0);
  const quote = await quoteShipping(
    {
      from: { country: 'CN', postalCode: '518000', city: 'Shenzhen' },
      to: { country: destination },
      parcels: [{ weight: { value: Math.max(0.05, Number(weightKg.toFixed(3))), unit: 'kg' } }],
      cargoClass: 'general',
      shipDate: new Date().toISOString().slice(0, 10),
    },
    { carriers: cards, rates, currency, timeoutMs: 5000 },
  );
  const best = quote.quotes[0];
  const items = order.lines.filter((l) => l.unitPrice).map((l) => ({ sku: l.sku, hsCode: skuHsCode(catalog, l.sku) ?? '610910', value: l.unitPrice!, quantity: l.quantity }));
  let landed = '—';
  if (items.length > 0) {
    const est = await estimateLandedCost({
      origin: 'CN', destination, asOf: new Date().toISOString().slice(0, 10), items,
      shipping: best ? toCurrency(best.total, currency, rates) : zeroMoney(currency), incoterm: 'DDP',
      channel: { marketplace: hub.account(account).marketplace as 'amazon' | 'shopee' | 'ebay' | 'aliexpress' }, rates,
    }).catch((e: Error) => e);
    landed = est instanceof Error ? `n/a (${est.message.slice(0, 40)})` : `${fmt(est.payableBy.seller)}${est.complete ? '' : ' (partial)'} [${est.regime.name}]`;
  }
  let shipped = 'not shippable';
  if (order.shippable && order.fulfilledBy === 'merchant') {
    const carrier = best?.carrier ?? 'Yanwen';
    const s = await hub.fulfilment
      .ship(account, { orderId: order.id, packages: [{ lines: order.lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity - l.cancelledQuantity })).filter((l) => l.quantity > 0), carrier, trackingNumber: `YT${order.id.replace(/\D/g, '').slice(-10).padStart(10, '0')}` }] })
      .catch((e: Error) => e);
    shipped = s instanceof Error ? `failed: ${s.message.slice(0, 50)}` : `${s.status} via ${carrier} (${s.outcome})`;
  }
  return [order.id, `${account}:${order.store}${destination !== store.country ? ` → ${destination}` : ''}`, order.status, fmt(order.totals.charged), best ? `${fmt(best.total)} ${best.carrier}` : 'none', landed, shipped];
}

function partition<T>(items: readonly T[], keep: (t: T) => boolean): [T[], T[]] {
  return [items.filter(keep), items.filter((t) => !keep(t))];
}

function toCurrency(m: Money, to: string, rates: RateTable): Money {
  return m.currency === to ? m : convert(m, to, rates).money;
}

function loadRateCards(dir: string): ShippingConnector[] {
  return readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => rateCard(JSON.parse(readFileSync(path.join(dir, f), 'utf8'))));
}

function findSku(catalog: Catalog, sku: string | undefined) {
  for (const l of catalog.listings) {
    if (l.sku === sku) return { listing: l };
    if (l.variants.some((v) => v.sku === sku)) return { listing: l };
  }
  return undefined;
}

function skuWeightKg(catalog: Catalog, sku: string | undefined): number | undefined {
  const w = findSku(catalog, sku)?.listing.package.weight;
  if (!w) return undefined;
  return w.unit === 'kg' ? w.value : w.unit === 'g' ? w.value / 1000 : w.unit === 'lb' ? w.value * 0.45359237 : w.value * 0.028349523;
}

function skuHsCode(catalog: Catalog, sku: string | undefined): string | undefined {
  return findSku(catalog, sku)?.listing.customs.hsCode;
}
