/**
 * inventory.get against the embedded sandbox (issue 26.3): what set(q) wrote is read back, and a
 * buyer's order lowers it when the product's inventory deduction strategy says so
 * (specs/aliexpress/aliexpress_solution_product_post.json#inventory_deduction_strategy).
 */
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aliexpressBuyer } from '../../../adapters/aliexpress/sandbox/buyers.js';
import { aeSandbox, type SandboxSetup } from './helpers.js';

const listing = (sku: string) => ({
  sku, title: `Mug ${sku}`, description: 'A mug', brand: 'Acme', price: { amount: '12.99', currency: 'USD' }, quantity: 9,
  images: ['https://ae01.alicdn.com/kf/mug.jpg'], package: { weight: { value: 350, unit: 'g' as const }, dimensions: { length: 12, width: 9.2, height: 10, unit: 'cm' as const } },
});

let withhold: SandboxSetup;
let onPayment: SandboxSetup;
beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  withhold = await aeSandbox(); // the adapter posts place_order_withhold by default (config.ts listingDefaults)
  onPayment = await aeSandbox({ adapter: { listingDefaults: { categoryId: 200000001, freightTemplateId: 1000, servicePolicyId: 0, inventoryDeductionStrategy: 'payment_success_deduct' } } });
});
afterAll(async () => {
  await withhold?.close();
  await onPayment?.close();
});

describe('inventory.get on the sandbox', () => {
  it('place_order_withhold: set(q), buyer orders of n (paid or not) → get answers q − n', async () => {
    const { adapter, world } = withhold;
    await adapter.listings.upsert(listing('W-1'));
    expect(await adapter.inventory.set([{ sku: 'W-1', quantity: 5 }])).toEqual([{ sku: 'W-1', ok: true, appliedQuantity: 5 }]);
    expect(await adapter.inventory.get([{ sku: 'W-1' }])).toEqual([{ sku: 'W-1', quantity: 5 }]);
    const buyer = aliexpressBuyer(world);
    expect(buyer.order({ store: 'aliexpress', sku: 'W-1', quantity: 2 })).toMatchObject({ placed: true, shown: 5 });
    expect(await adapter.inventory.get([{ sku: 'W-1' }])).toEqual([{ sku: 'W-1', quantity: 3 }]);
    expect(buyer.order({ store: 'aliexpress', sku: 'W-1', quantity: 1, paid: false })).toMatchObject({ placed: true });
    expect(await adapter.inventory.get([{ sku: 'W-1' }, { sku: 'NOT-LISTED' }])).toEqual([{ sku: 'W-1', quantity: 2 }]);
  });

  it('payment_success_deduct: an unpaid order leaves the figure, a paid one lowers it', async () => {
    const { adapter, world } = onPayment;
    await adapter.listings.upsert(listing('P-1'));
    await adapter.inventory.set([{ sku: 'P-1', quantity: 4 }]);
    const buyer = aliexpressBuyer(world);
    buyer.order({ store: 'aliexpress', sku: 'P-1', quantity: 1, paid: false });
    expect(await adapter.inventory.get([{ sku: 'P-1' }])).toEqual([{ sku: 'P-1', quantity: 4 }]);
    buyer.order({ store: 'aliexpress', sku: 'P-1', quantity: 3 });
    expect(await adapter.inventory.get([{ sku: 'P-1' }])).toEqual([{ sku: 'P-1', quantity: 1 }]);
  });

  it('product.info.get answers the product’s reduce_strategy with its SKUs’ ipm_sku_stock', async () => {
    const { adapter } = onPayment;
    const created = await adapter.listings.upsert(listing('P-2'));
    const res = await adapter.raw.seller.productInfo({ body: { product_id: created.marketplaceId! } });
    expect(res.data.result).toMatchObject({ reduce_strategy: 'payment_success_deduct', aeop_ae_product_s_k_us: { global_aeop_ae_product_sku: [{ sku_code: 'P-2', ipm_sku_stock: 9 }] } });
  });
});
