import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/index.js';
import { aeSandbox, type SandboxSetup } from './helpers.js';

let s: SandboxSetup;
beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  s = await aeSandbox();
});
afterAll(() => s.close());

const listing = (sku: string) => ({
  sku, title: `Lamp ${sku}`, price: { amount: '20.00', currency: 'USD' }, quantity: 5, brand: 'Acme',
  images: ['https://ae01.alicdn.com/kf/lamp.jpg'], package: { weight: { value: 1, unit: 'kg' as const }, dimensions: { length: 10, width: 10, height: 10, unit: 'cm' as const } },
});

/** A listed SKU whose current discount (sale) price is `discount`. */
async function discounted(sku: string, discount: string) {
  const r = await s.adapter.listings.upsert(listing(sku));
  const k = s.world.products.get(r.marketplaceId!)!.skus.find((x) => x.sku_code === sku)!;
  k.discount_price = discount;
  return k;
}

describe('price changes keep discounts', () => {
  it('a new price is sent with the current discount_price, which AliExpress would otherwise erase', async () => {
    const k = await discounted('P-1', '15.00');
    const [r] = await s.adapter.inventory.set([{ sku: 'P-1', price: { amount: 2200, currency: 'USD' } }]);
    expect(r).toEqual({ sku: 'P-1', ok: true });
    expect(k).toMatchObject({ price: '22.00', discount_price: '15.00' });
  });

  it('the caller may change the discount, or remove it with null', async () => {
    const k = await discounted('P-2', '15.00');
    await s.adapter.inventory.set([{ sku: 'P-2', price: { amount: 2100, currency: 'USD' }, discountPrice: { amount: 1799, currency: 'USD' } }]);
    expect(k).toMatchObject({ price: '21.00', discount_price: '17.99' });
    await s.adapter.inventory.set([{ sku: 'P-2', price: { amount: 2100, currency: 'USD' }, discountPrice: null }]);
    expect(k.discount_price).toBeUndefined();
  });

  it('a kept discount that would not be below the new price fails that SKU only; nothing is erased', async () => {
    const k = await discounted('P-3', '15.00');
    await discounted('P-4', '5.00');
    const r = await s.adapter.inventory.set([{ sku: 'P-3', price: { amount: 1400, currency: 'USD' } }, { sku: 'P-4', price: { amount: 900, currency: 'USD' } }]);
    expect(r[0]).toMatchObject({ sku: 'P-3', ok: false });
    expect(r[0]!.error).toBeInstanceOf(ValidationError);
    expect(r[0]!.error).toMatchObject({ path: 'updates.0.discountPrice' });
    expect(k).toMatchObject({ price: '20.00', discount_price: '15.00' });
    expect(r[1]).toEqual({ sku: 'P-4', ok: true });
  });

  it('the sandbox models the documented erase: a price update without discount_price clears it', async () => {
    const k = await discounted('P-5', '15.00');
    const productId = [...s.world.products.values()].find((p) => p.skus.includes(k))!.id;
    await s.adapter.raw.seller.priceUpdate({ body: { mutiple_product_update_list: `[{"product_id":${productId},"multiple_sku_update_list":[{"sku_code":"P-5","price":"19.00"}]}]` } });
    expect(k).toMatchObject({ price: '19.00' });
    expect(k.discount_price).toBeUndefined();
  });
});
