/**
 * Amazon quickstart. By default it runs against the embedded sandbox (no account needed):
 *   npx tsx examples/amazon-quickstart.ts
 * With credentials in the environment it talks to real Amazon, read-only unless AMAZON_WRITE=1:
 *   AMAZON_CLIENT_ID=… AMAZON_CLIENT_SECRET=… AMAZON_REFRESH_TOKEN=Atzr|… AMAZON_SELLER_ID=… \
 *   AMAZON_MARKETPLACES=DE,FR npx tsx examples/amazon-quickstart.ts
 */
import { amazon } from 'xborder/amazon';
import { startSandbox, type RunningSandbox } from 'xborder/sandbox';
import { amazonSandbox, SANDBOX_CREDENTIALS, type AmazonSandboxState } from 'xborder/sandbox/amazon';

const env = process.env;
const real = !!(env.AMAZON_CLIENT_ID && env.AMAZON_CLIENT_SECRET && env.AMAZON_REFRESH_TOKEN && env.AMAZON_SELLER_ID);

async function main() {
  let sandbox: RunningSandbox | undefined;
  let seller;
  if (real) {
    seller = amazon({
      marketplaces: (env.AMAZON_MARKETPLACES ?? 'DE').split(','),
      sellerId: env.AMAZON_SELLER_ID!,
      credentials: { clientId: env.AMAZON_CLIENT_ID!, clientSecret: env.AMAZON_CLIENT_SECRET!, refreshToken: env.AMAZON_REFRESH_TOKEN! },
      sandbox: env.AMAZON_SPAPI_SANDBOX === '1',
    });
  } else {
    // Time runs 100x faster in the sandbox: feeds finish and listings go live in well under a second.
    sandbox = await startSandbox({ marketplaces: { amazon: amazonSandbox() }, timeScale: 100 });
    const url = sandbox.urls.amazon!;
    (sandbox.state.amazon as AmazonSandboxState).seedOrders(5, { marketplaces: ['DE', 'FR'], buyerCancellationIndex: 2 });
    seller = amazon({
      marketplaces: ['DE', 'FR'], sellerId: SANDBOX_CREDENTIALS.sellerId, credentials: SANDBOX_CREDENTIALS,
      endpoint: url, tokenEndpoint: `${url}/auth/o2/token`, timeScale: 100,
    });
  }
  console.log(`Amazon ${seller.region.toUpperCase()} account ${seller.account}; stores: ${seller.stores.map((s) => `${s.id} (${s.currency})`).join(', ')}`);

  if (!real || env.AMAZON_WRITE === '1') {
    const result = await seller.listings.upsert({
      sku: 'XB-QUICKSTART-TEE', title: 'Organic cotton tee', brand: 'Acme', bullets: ['100% organic cotton'],
      price: { amount: '19.99', currency: 'EUR' }, quantity: 12, identifiers: { ean: '4006381333931' }, handlingTimeDays: 2,
      marketplace: { amazon: { productType: 'SHIRT' } },
    });
    console.log('listing:', result.status, result.action, result.issues.map((i) => `${i.severity} ${i.code} ${i.message}`));
    console.log('read back:', (await seller.listings.get('XB-QUICKSTART-TEE')).status);
  }

  const since = new Date(Date.now() - 24 * 3600_000);
  const orders = await seller.orders.list({ updatedSince: since }).toArray({ max: 20 });
  for (const o of orders) {
    const total = o.totals.charged ? `${o.totals.charged.amount} ${o.totals.charged.currency} (minor units)` : 'n/a';
    console.log(`order ${o.id} [${o.store}] ${o.status}${o.holds.length ? ` holds=${o.holds.join(',')}` : ''} charged=${total}`);
  }

  const ready = orders.find((o) => o.shippable);
  if (ready && (!real || env.AMAZON_WRITE === '1')) {
    const shipment = await seller.fulfilment.ship(
      { orderId: ready.id, packages: [{ lines: [{ lineId: ready.lines[0]!.lineId, quantity: 1 }], carrier: 'DHL', trackingNumber: 'JJD0000000001' }] },
      { idempotencyKey: `quickstart-${ready.id}-1` },
    );
    console.log(`shipped ${shipment.orderId}: ${shipment.outcome}, package ${shipment.packages[0]?.packageId}`);
  }
  await sandbox?.close();
}

main().catch((e) => {
  console.error(e?.toJSON?.() ?? e);
  process.exitCode = 1;
});
