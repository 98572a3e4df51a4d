/**
 * AliExpress quickstart: authorize a seller, list a product, sync orders, ship one, set stock.
 * Runs against the embedded sandbox by default (demo credentials, nothing leaves 127.0.0.1):
 *   npx tsx examples/aliexpress-quickstart.ts
 * Against the live IOP gateway (there is no AliExpress sandbox: use a test seller account), set
 * AE_APP_KEY, AE_APP_SECRET, AE_SELLER_ID, AE_FREIGHT_TEMPLATE_ID, AE_SERVICE_POLICY_ID, AE_CATEGORY_ID;
 * tokens are kept in ./.aliexpress-tokens.json (authorize once with the printed link, then pass AE_CODE).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FileTokenStore, toDecimal } from 'xborder';
import { aliexpress, tokenKey } from 'xborder/aliexpress';
import { startSandbox } from 'xborder/sandbox';
import { aliexpressSandbox, SANDBOX_CREDENTIALS } from 'xborder/sandbox/aliexpress';

const live = process.env.AE_APP_KEY !== undefined;
const module = aliexpressSandbox();
const sandbox = live ? undefined : await startSandbox({ marketplaces: { aliexpress: module }, timeScale: 100 });
const tokens = new FileTokenStore(live ? '.aliexpress-tokens.json' : path.join(await mkdtemp(path.join(tmpdir(), 'xborder-')), 'tokens.json'));
const creds = live
  ? { appKey: process.env.AE_APP_KEY!, appSecret: process.env.AE_APP_SECRET!, sellerId: process.env.AE_SELLER_ID! }
  : SANDBOX_CREDENTIALS;

const ae = aliexpress({
  ...creds,
  tokens,
  endpoint: sandbox?.urls.aliexpress,
  store: { country: 'CN', currency: 'USD', language: 'en' },
  listingDefaults: {
    categoryId: Number(process.env.AE_CATEGORY_ID ?? 200000001),
    freightTemplateId: Number(process.env.AE_FREIGHT_TEMPLATE_ID ?? 1000),
    servicePolicyId: Number(process.env.AE_SERVICE_POLICY_ID ?? 0),
  },
});

// 1. Authorization: the seller opens the link; the callback's `code` is exchanged once.
if (!(await tokens.get(tokenKey(creds.appKey, creds.sellerId)))) {
  console.log('Authorize:', ae.auth.authorizationUrl({ redirect: 'https://example.com/aliexpress/callback', state: 'demo' }));
  const code = live ? process.env.AE_CODE : module.state.issueCode(creds.sellerId);
  if (!code) process.exit(0);
  console.log('Token expires at', (await ae.auth.exchangeCode(code)).expiresAt.toISOString());
}

// 2. A listing (brand, images from the photobank, package data; category/freight/service from the config).
const listing = await ae.listings.upsert({
  sku: 'MUG-RED', title: 'Red ceramic mug 350 ml', description: 'Dishwasher safe.', brand: 'Acme',
  price: { amount: '12.99', currency: 'USD' }, quantity: 25, images: ['https://ae01.alicdn.com/kf/demo-mug.jpg'],
  package: { weight: { value: 0.4, unit: 'kg' }, dimensions: { length: 12, width: 10, height: 10, unit: 'cm' } },
});
console.log('listing', listing.action, listing.status, listing.marketplaceId ?? '', listing.issues);

// 3. Orders updated in the last day (US Pacific windows, FINISH queried explicitly).
if (!live) module.state.addOrder({ lines: [{ sku: 'MUG-RED', price: '12.99', count: 1 }] });
let first: Awaited<ReturnType<typeof ae.orders.get>> | undefined;
for await (const o of ae.orders.list({ updatedSince: new Date(Date.now() - 86_400_000) })) {
  console.log(o.id, o.status, o.lines.map((l) => `${l.quantity}× ${l.sku} @ ${l.unitPrice ? toDecimal(l.unitPrice) : '?'}`).join(', '));
  if (o.shippable && !first) first = o;
}

// 4. Ship it (idempotency key: a retry after a crash verifies before declaring again).
if (first) {
  const shipment = await ae.fulfilment.ship(
    { orderId: first.id, packages: [{ lines: first.lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity })), carrier: 'CAINIAO_STANDARD', trackingNumber: 'LP00000000001CN' }] },
    { idempotencyKey: `ship-${first.id}-1` },
  );
  console.log('shipped', shipment.orderId, shipment.outcome);
}

// 5. Stock and price through the batch APIs (one pool for every AliExpress site).
console.log(await ae.inventory.set([{ sku: 'MUG-RED', quantity: 40, price: { amount: 1350, currency: 'USD' } }]));
await sandbox?.close();
