import { ebay, ebaySandbox, SANDBOX_CREDENTIALS, type EbaySandboxState } from '../../../adapters/ebay/index.js';
import { currencyExponent } from '../../../src/model/currencies.js';
import { startSandbox } from '../../../src/sandbox/index.js';
import { runContract, type SeededOrder } from '../../contract/unified.js';

const TIME_SCALE = 100;

/** Exact "25.74" USD → 2574 (the harness does not trust the adapter's parser). */
function minor(amount: string, currency: string): number {
  const [i, f = ''] = amount.split('.');
  return Number(i + f.padEnd(currencyExponent(currency), '0'));
}

runContract('ebay', async () => {
  const sandbox = await startSandbox({ marketplaces: { ebay: ebaySandbox() }, timeScale: TIME_SCALE });
  const url = sandbox.urls.ebay!;
  const state = sandbox.state.ebay as EbaySandboxState;
  const { account, clientId, clientSecret, refreshToken, listingDefaults } = SANDBOX_CREDENTIALS;
  const adapter = ebay({
    account,
    marketplaces: ['EBAY_US', 'EBAY_GB', 'EBAY_DE'],
    credentials: { clientId, clientSecret, refreshToken },
    listingDefaults: { EBAY_US: listingDefaults },
    endpoint: url,
    timeScale: TIME_SCALE,
    ordersPageSize: 3,
    retry: { retries: 4, baseDelayMs: 5, maxDelayMs: 50 },
  });
  const listing = (sku: string, brand?: string) => ({
    sku, title: `Contract ${sku}`, ...(brand ? { brand } : {}), price: { amount: '19.99', currency: 'USD' }, quantity: 5, identifiers: { upc: '012345678905' },
  });
  return {
    adapter,
    validListing: (sku) => listing(sku, 'Acme'),
    listingWithIssues: (sku) => listing(sku),
    async seedOrders(n, opts = {}): Promise<SeededOrder[]> {
      // No eBay site sells in a zero-exponent currency: every site keeps two decimals.
      const docs = state.seedOrders(n, { marketplaces: opts.zeroExponent ? ['EBAY_US'] : ['EBAY_US', 'EBAY_GB', 'EBAY_DE'], malformedIndex: opts.malformedIndex, quantity: 2 });
      return docs.map((d) => {
        const line = d.lineItems[0]!;
        const cost = line.lineItemCost;
        return { id: d.orderId, firstLineId: line.lineItemId, firstLineQuantity: line.quantity, firstLineUnitPrice: { amount: minor(cost.value, cost.currency) / line.quantity, currency: cost.currency } };
      });
    },
    shipmentsFor: (orderId) => state.shipmentsFor(orderId),
    shipPackage: (o, n) => ({ carrier: 'USPS', trackingNumber: `9400${o.id.replace(/\D/g, '')}${n}` }),
    since: () => new Date(Date.now() - 3 * 3600_000),
    close: () => sandbox.close(),
  };
});
