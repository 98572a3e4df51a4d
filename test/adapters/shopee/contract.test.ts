import { runContract, type SeededOrder } from '../../contract/unified.js';
import { seedOrder } from '../../../adapters/shopee/sandbox/index.js';
import { imageUrl, shopSandbox } from './helpers.js';

/** The unified contract on the Shopee sandbox, in a VND shop (exponent 0: prices are integers). */
runContract('shopee', async () => {
  const s = await shopSandbox({ region: 'VN' });
  const listing = (sku: string, categoryId: number) => ({
    sku, title: `Contract ${sku}`, description: 'A contract test listing', price: { amount: '199000', currency: 'VND' }, quantity: 5,
    images: [imageUrl(s.url, sku)], package: { weight: { value: 0.3, unit: 'kg' as const } }, marketplace: { shopee: { categoryId } },
  });
  return {
    adapter: s.adapter,
    validListing: (sku) => listing(sku, 100001),
    // Category 100002 needs attribute 1001: Shopee answers error_less_required_attribute.
    listingWithIssues: (sku) => listing(sku, 100002),
    async seedOrders(n, opts = {}) {
      const out: SeededOrder[] = [];
      for (let i = 0; i < n; i++) {
        const o = seedOrder(s.world, { createdAt: Date.now() - 10 * 60_000, lines: [{ price: 199000, sku: `SEED-${i}` }], malformed: opts.malformedIndex === i });
        const line = (o.wire.item_list as Array<{ item_id: number; model_id: number; model_quantity_purchased: number }>)[0]!;
        out.push({ id: o.wire.order_sn, firstLineId: `${line.item_id}:${line.model_id}`, firstLineQuantity: line.model_quantity_purchased, firstLineUnitPrice: { amount: 199000, currency: 'VND' } });
      }
      return out;
    },
    shipmentsFor: (id) => s.world.shipmentsFor(id),
    shipPackage: () => ({}),
    since: () => new Date(Date.now() - 2 * 3600_000),
    close: () => s.close(),
  };
});
