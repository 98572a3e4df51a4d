/**
 * Shopee quickstart: authorize a shop, list a product, sync orders, ship one, set stock.
 * Runs against the embedded sandbox by default (no credentials, nothing leaves 127.0.0.1):
 *   npx tsx examples/shopee-quickstart.ts
 * Against Shopee's own test environment, set SHOPEE_PARTNER_ID, SHOPEE_PARTNER_KEY, SHOPEE_SHOP_ID
 * and SHOPEE_SANDBOX=1 (tokens are kept in ./.shopee-tokens.json; authorize once with the printed link).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FileTokenStore, toDecimal } from 'xborder';
import { shopee } from 'xborder/shopee';
import { startSandbox } from 'xborder/sandbox';
import { SANDBOX_PARTNER, SANDBOX_SHOP, seedOrder, shopeeSandbox } from 'xborder/sandbox/shopee';

const live = process.env.SHOPEE_PARTNER_ID !== undefined;
const module = shopeeSandbox();
const sandbox = live ? undefined : await startSandbox({ marketplaces: { shopee: module }, timeScale: 100 });
// Shopee refresh tokens are single-use: every rotation must outlive the process, so against a live host
// the adapter refuses in-memory tokens. Use a file store (as here), your own TokenStore (database), or
// plain tokens plus `onTokens: ({ key, tokens }) => save(key, tokens)` to persist each rotated pair.
const tokens = new FileTokenStore(live ? '.shopee-tokens.json' : path.join(await mkdtemp(path.join(tmpdir(), 'xborder-')), 'tokens.json'));

const sg = shopee({
  region: 'SG',
  partnerId: live ? Number(process.env.SHOPEE_PARTNER_ID) : SANDBOX_PARTNER.partnerId,
  partnerKey: live ? process.env.SHOPEE_PARTNER_KEY! : SANDBOX_PARTNER.partnerKey,
  shopId: live ? Number(process.env.SHOPEE_SHOP_ID) : SANDBOX_SHOP.shopId,
  tokens,
  sandbox: process.env.SHOPEE_SANDBOX === '1',
  endpoint: sandbox?.urls.shopee,
  logisticIds: [18025],
  timeScale: live ? undefined : 100,
});

try {
  // 1. Authorization: the seller opens the link, Shopee redirects back with code + shop_id.
  const link = sg.auth.authorizationUrl({ redirect: 'https://seller-tools.example/shopee/callback' });
  console.log('authorize at:', link.replace(/sign=[^&]+/, 'sign=…'));
  if (!live) {
    const redirect = (await fetch(link, { redirect: 'manual' })).headers.get('location')!;
    const { code, shopId } = sg.auth.parseRedirect(redirect);
    const grant = await sg.auth.exchangeCode(code, { shopId: shopId! });
    console.log('tokens stored for shops', grant.shopIds, 'until', grant.expiresAt.toISOString());
  }

  // 2. A listing: images are uploaded once (cached by URL + content hash), price in SGD cents.
  const base = sandbox?.urls.shopee ?? 'https://example.com';
  const listed = await sg.listings.upsert({
    sku: 'MUG-350', title: 'Stoneware mug 350 ml', description: 'Dishwasher safe', price: { amount: '12.90', currency: 'SGD' }, quantity: 25,
    images: [`${base}/_sandbox/images/mug.png`], package: { weight: { value: 420, unit: 'g' }, dimensions: { length: 12, width: 9, height: 10, unit: 'cm' } },
    handlingTimeDays: 2, marketplace: { shopee: { categoryId: 100001 } },
  });
  console.log('listing:', listed.status, listed.action, 'item', listed.marketplaceId, listed.issues);

  // 3. Orders of the last day (15-day windows, cursor pages, details in batches of 50).
  if (!live) seedOrder(module.state, { lines: [{ price: 12.9, quantity: 2, sku: 'MUG-350' }] });
  const orders = await sg.orders.list({ updatedSince: new Date(Date.now() - 86_400_000) }).toArray({ max: 100 });
  for (const o of orders) console.log('order', o.id, o.status, o.totals.charged && `${toDecimal(o.totals.charged)} ${o.totals.charged.currency}`);

  // 4. Ship the first shippable order; Shopee-issued tracking may come later (status `pending`).
  const todo = orders.find((o) => o.shippable);
  if (todo) {
    let shipment = await sg.fulfilment.ship({ orderId: todo.id, packages: [{ lines: todo.lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity })) }] });
    if (shipment.status === 'pending') shipment = await sg.fulfilment.refresh(shipment);
    console.log('shipment', shipment.status, shipment.packages.map((p) => p.trackingNumber));
  }

  // 5. Stock: never below what Shopee holds reserved.
  console.log('stock', await sg.inventory.set([{ sku: 'MUG-350', quantity: 40 }]));

  // 6. Pushes Shopee could not deliver (kept 3 days): drain and confirm.
  const drained = await sg.push.drainLost((events) => void console.log('lost push', events.map((e) => e.kind).join(', ')));
  console.log('drained', drained);
} finally {
  await sandbox?.close();
}
