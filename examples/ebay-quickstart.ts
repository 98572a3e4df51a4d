/**
 * eBay quickstart. By default it runs against the embedded sandbox (no account needed):
 *   npx tsx examples/ebay-quickstart.ts
 * With credentials in the environment it talks to real eBay, read-only unless EBAY_WRITE=1:
 *   EBAY_CLIENT_ID=… EBAY_CLIENT_SECRET=… EBAY_REFRESH_TOKEN=v^1.1#… EBAY_ACCOUNT=my_user \
 *   EBAY_MARKETPLACES=EBAY_US,EBAY_GB [EBAY_SANDBOX=1] npx tsx examples/ebay-quickstart.ts
 * Writes on real eBay also need EBAY_POLICIES=fulfillmentId,paymentId,returnId,locationKey,categoryId
 * for the first marketplace (business policies + inventory location).
 */
import { ebay } from 'xborder/ebay';
import { startSandbox, type RunningSandbox } from 'xborder/sandbox';
import { ebaySandbox, SANDBOX_CREDENTIALS, type EbaySandboxState } from 'xborder/sandbox/ebay';

const env = process.env;
const real = !!(env.EBAY_CLIENT_ID && env.EBAY_CLIENT_SECRET && env.EBAY_REFRESH_TOKEN && env.EBAY_ACCOUNT);

async function main() {
  let sandbox: RunningSandbox | undefined;
  let seller;
  if (real) {
    const marketplaces = (env.EBAY_MARKETPLACES ?? 'EBAY_US').split(',');
    const [fulfillmentPolicyId, paymentPolicyId, returnPolicyId, merchantLocationKey, categoryId] = (env.EBAY_POLICIES ?? '').split(',');
    seller = ebay({
      account: env.EBAY_ACCOUNT!,
      marketplaces,
      credentials: { clientId: env.EBAY_CLIENT_ID!, clientSecret: env.EBAY_CLIENT_SECRET!, refreshToken: env.EBAY_REFRESH_TOKEN! },
      sandbox: env.EBAY_SANDBOX === '1',
      ...(merchantLocationKey ? { listingDefaults: { [marketplaces[0]!]: { fulfillmentPolicyId: fulfillmentPolicyId!, paymentPolicyId: paymentPolicyId!, returnPolicyId: returnPolicyId!, merchantLocationKey, ...(categoryId ? { categoryId } : {}) } } } : {}),
    });
  } else {
    sandbox = await startSandbox({ marketplaces: { ebay: ebaySandbox() }, timeScale: 100 });
    (sandbox.state.ebay as EbaySandboxState).seedOrders(4, { marketplaces: ['EBAY_US', 'EBAY_GB'] });
    const { account, clientId, clientSecret, refreshToken, listingDefaults } = SANDBOX_CREDENTIALS;
    seller = ebay({
      account, marketplaces: ['EBAY_US', 'EBAY_GB'], credentials: { clientId, clientSecret, refreshToken },
      listingDefaults: { EBAY_US: listingDefaults }, endpoint: sandbox.urls.ebay!, timeScale: 100,
    });
  }
  console.log(`eBay account ${seller.account}; stores: ${seller.stores.map((s) => `${s.id} (${s.currency})`).join(', ')}`);

  if (!real || env.EBAY_WRITE === '1') {
    const store = seller.stores[0]!;
    const result = await seller.listings.upsert({
      sku: 'XB-QUICKSTART-MUG', title: 'Stoneware mug, 350 ml', brand: 'Acme', description: 'Dishwasher safe',
      price: { amount: '12.99', currency: store.currency }, quantity: 10, identifiers: { upc: '012345678905' },
    });
    console.log('listing:', result.status, result.action, result.marketplaceId ?? '', result.issues.map((i) => `${i.severity} ${i.code} ${i.message}`));
    console.log('read back:', (await seller.listings.get('XB-QUICKSTART-MUG')).status);
    const [stock] = await seller.inventory.set([{ sku: 'XB-QUICKSTART-MUG', quantity: 7 }]);
    console.log('stock:', stock?.ok ? `set to ${stock.appliedQuantity}` : stock?.error?.message);
  }

  const since = new Date(Date.now() - 24 * 3600_000);
  const orders = await seller.orders.list({ updatedSince: since }).toArray({ max: 20 });
  for (const o of orders) {
    const total = o.totals.charged ? `${o.totals.charged.amount} ${o.totals.charged.currency} (minor units)` : 'n/a';
    console.log(`order ${o.id} [${o.store}] ${o.status}${o.holds.length ? ` holds=${o.holds.join(',')}` : ''} charged=${total}`);
  }

  const ready = orders.find((o) => o.shippable);
  if (ready && (!real || env.EBAY_WRITE === '1')) {
    const shipment = await seller.fulfilment.ship(
      { orderId: ready.id, packages: [{ lines: [{ lineId: ready.lines[0]!.lineId, quantity: ready.lines[0]!.quantity }], carrier: 'USPS', trackingNumber: '9400111899223456789012' }] },
      { idempotencyKey: `quickstart-${ready.id}-1` },
    );
    console.log(`shipped ${shipment.orderId}: ${shipment.outcome}, fulfillment ${shipment.packages[0]?.packageId}`);
  }
  await sandbox?.close();
}

main().catch((e) => {
  console.error(e?.toJSON?.() ?? e);
  process.exitCode = 1;
});
