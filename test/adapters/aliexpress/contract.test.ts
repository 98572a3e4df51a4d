import { runContract, type SeededOrder } from '../../contract/unified.js';
import { aeSandbox } from './helpers.js';

/** The unified contract on the AliExpress sandbox; zero-exponent orders are in JPY. */
runContract('aliexpress', async () => {
  const s = await aeSandbox();
  const listing = (sku: string, categoryId: number) => ({
    sku, title: `Contract ${sku}`, description: 'A contract test listing', price: { amount: '19.99', currency: 'USD' }, quantity: 5,
    images: ['https://ae01.alicdn.com/kf/sandbox.jpg'], package: { weight: { value: 0.3, unit: 'kg' as const }, dimensions: { length: 10, width: 10, height: 5, unit: 'cm' as const } },
    marketplace: { aliexpress: { categoryId } },
  });
  return {
    adapter: s.adapter,
    validListing: (sku) => listing(sku, 200000001),
    // 200000003 is not a leaf category of the sandbox: sku.attribute.query answers isv.category-not-leaf.
    listingWithIssues: (sku) => listing(sku, 200000003),
    async seedOrders(n, opts = {}) {
      const out: SeededOrder[] = [];
      for (let i = 0; i < n; i++) {
        const jpy = opts.zeroExponent === true;
        const o = s.world.addOrder({ createdAt: Date.now() - 10 * 60_000, currency: jpy ? 'JPY' : 'USD', lines: [{ sku: `SEED-${i}`, price: jpy ? '1500' : '12.50' }], malformed: opts.malformedIndex === i });
        const line = o.lines[0]!;
        out.push({ id: o.id, firstLineId: line.childId, firstLineQuantity: line.count, firstLineUnitPrice: jpy ? { amount: 1500, currency: 'JPY' } : { amount: 1250, currency: 'USD' } });
      }
      return out;
    },
    shipmentsFor: (id) => s.world.shipmentsFor(id),
    shipPackage: (o, n) => ({ carrier: 'CAINIAO_STANDARD', trackingNumber: `LP${o.id.slice(-8)}${n}CN` }),
    since: () => new Date(Date.now() - 2 * 3600_000),
    close: () => s.close(),
  };
});
