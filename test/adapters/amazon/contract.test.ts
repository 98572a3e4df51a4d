import { amazon, amazonSandbox, SANDBOX_CREDENTIALS, type AmazonSandboxState } from '../../../adapters/amazon/index.js';
import { currencyExponent } from '../../../src/model/currencies.js';
import { startSandbox } from '../../../src/sandbox/index.js';
import { runContract, type SeededOrder } from '../../contract/unified.js';

const TIME_SCALE = 100;

/** Exact "1980" JPY → 1980, "32.95" AUD → 3295 (the harness does not trust the adapter's parser). */
function minor(amount: string, currency: string): number {
  const [i, f = ''] = amount.split('.');
  return Number(i + f.padEnd(currencyExponent(currency), '0'));
}

runContract('amazon', async () => {
  const sandbox = await startSandbox({ marketplaces: { amazon: amazonSandbox() }, timeScale: TIME_SCALE });
  const url = sandbox.urls.amazon!;
  const state = sandbox.state.amazon as AmazonSandboxState;
  // FE region: Amazon.co.jp sells in JPY, a zero-exponent currency.
  const adapter = amazon({
    region: 'fe',
    marketplaces: ['JP', 'AU', 'SG'],
    sellerId: SANDBOX_CREDENTIALS.sellerId,
    credentials: SANDBOX_CREDENTIALS,
    endpoint: url,
    tokenEndpoint: `${url}/auth/o2/token`,
    timeScale: TIME_SCALE,
    ordersPageSize: 3,
    retry: { retries: 4, baseDelayMs: 5, maxDelayMs: 50 },
  });
  const listing = (sku: string, brand?: string) => ({
    sku, title: `Contract ${sku}`, ...(brand ? { brand } : {}), price: { amount: '1980', currency: 'JPY' }, quantity: 5,
    identifiers: { ean: '4006381333931' }, marketplace: { amazon: { productType: 'PRODUCT' } },
  });
  return {
    adapter,
    validListing: (sku) => listing(sku, 'Acme'),
    listingWithIssues: (sku) => listing(sku),
    async seedOrders(n, opts = {}): Promise<SeededOrder[]> {
      const docs = state.seedOrders(n, { marketplaces: opts.zeroExponent ? ['JP'] : ['JP', 'AU', 'SG'], malformedIndex: opts.malformedIndex, quantity: 2 });
      return docs.map((d) => {
        const line = d.orderItems[0]!;
        const price = line.product.price.unitPrice;
        return { id: d.orderId, firstLineId: line.orderItemId, firstLineQuantity: line.quantityOrdered, firstLineUnitPrice: { amount: minor(price.amount, price.currencyCode), currency: price.currencyCode } };
      });
    },
    shipmentsFor: (orderId) => state.shipmentsFor(orderId),
    shipPackage: (o, n) => ({ carrier: 'Yamato', trackingNumber: `YMT-${o.id}-${n}` }),
    since: () => new Date(Date.now() - 3 * 3600_000),
    close: () => sandbox.close(),
  };
});
