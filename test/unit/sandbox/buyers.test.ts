/**
 * Sandbox buyers (issue 26.5): an order is placed only when the live listing shows enough, and it
 * lowers the listing's quantity as each marketplace documents (rules cited in adapters/<m>/sandbox/buyers.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aliexpressSandbox } from '../../../adapters/aliexpress/sandbox/index.js';
import { amazonSandbox } from '../../../adapters/amazon/sandbox/index.js';
import { ebaySandbox } from '../../../adapters/ebay/sandbox/index.js';
import { SANDBOX_SHOP, shopeeSandbox } from '../../../adapters/shopee/sandbox/index.js';
import { marketplaceClock, startSandbox, type RunningSandbox } from '../../../src/sandbox/index.js';

const clock = marketplaceClock({ scale: 1, start: Date.UTC(2026, 5, 1, 12) });
const amazon = amazonSandbox();
const ebay = ebaySandbox();
const shopee = shopeeSandbox();
const ae = aliexpressSandbox();
let sb: RunningSandbox;

beforeAll(async () => {
  sb = await startSandbox({ marketplaces: { amazon, ebay, shopee, aliexpress: ae }, clock });
  const at = clock.now() - 60_000;
  const seller = [...amazon.state.sellers.keys()][0]!;
  amazon.state.listings.set(amazon.state.listingKey(seller, 'MUG'), {
    sku: 'MUG', productType: 'HOME', requirements: 'LISTING', warnings: [],
    markets: new Map([['A1PA6795UKMFR9', { createdAt: at, updatedAt: at, liveAt: at }], ['A13V1IB3VIYZZH', { createdAt: at, updatedAt: at, liveAt: clock.now() + 3600_000 }]]),
    attributes: { fulfillment_availability: [{ fulfillment_channel_code: 'DEFAULT', quantity: 3 }] },
  });
  ebay.state.items.set('MUG', { sku: 'MUG', locale: 'en_US', product: {}, availability: { shipToLocationAvailability: { quantity: 5 } } });
  ebay.state.offers.set('9001', { offerId: '9001', sku: 'MUG', marketplaceId: 'EBAY_US', format: 'FIXED_PRICE', availableQuantity: 3, status: 'PUBLISHED', listing: { listingId: '1100', listingStatus: 'ACTIVE' } });
  shopee.state.items.set(555, {
    shopId: SANDBOX_SHOP.shopId, item_id: 555, item_name: 'Mug', description: '', item_sku: 'MUG', category_id: 100013, price: 9.9, stock: 3, reserved: 0,
    item_status: 'NORMAL', image_id_list: [], attribute_list: [], weight: 0.3, create_time: 0, update_time: 0, searchableAt: 0, tiers: [], models: [],
  });
  ae.state.products.set('1005', { id: '1005', categoryId: 200000001, status: 'onSelling', skus: [{ sku_code: 'MUG', price: '9.90', inventory: 3 }], request: { inventory_deduction_strategy: 'payment_success_deduct' } });
});

afterAll(async () => {
  await sb?.close();
});

describe('sandbox buyers', () => {
  it('Amazon: only a live listing is buyable; an order lowers the MFN quantity and is dated now', () => {
    const buyer = amazon.buyer!;
    expect(buyer.shown('FR', 'MUG')).toBe(0); // accepted, not live yet
    expect(buyer.shown('DE', 'MUG')).toBe(3);
    const r = buyer.order({ store: 'DE', sku: 'MUG', quantity: 2 });
    expect(r).toMatchObject({ placed: true, shown: 3 });
    expect(buyer.shown('DE', 'MUG')).toBe(1);
    const doc = amazon.state.orders.get((r as { orderId: string }).orderId)!.visible;
    expect(doc.orderItems?.[0]).toMatchObject({ quantityOrdered: 2, product: { sellerSku: 'MUG' } });
    expect(Date.parse(doc.lastUpdatedTime)).toBeGreaterThanOrEqual(clock.now() - 1000);
    expect(buyer.order({ store: 'DE', sku: 'MUG', quantity: 2 })).toEqual({ placed: false, shown: 1 });
    expect(amazon.state.orders.size).toBe(1);
  });

  it('eBay: the listing shows min(offer, item); a sale lowers both', () => {
    const buyer = ebay.buyer!;
    expect(buyer.shown('EBAY_GB', 'MUG')).toBe(0);
    expect(buyer.shown('EBAY_US', 'MUG')).toBe(3);
    const r = buyer.order({ store: 'EBAY_US', sku: 'MUG', quantity: 3 });
    expect(r.placed).toBe(true);
    expect(ebay.state.offers.get('9001')!.availableQuantity).toBe(0);
    expect(ebay.state.items.get('MUG')!.availability!.shipToLocationAvailability!.quantity).toBe(2);
    expect(ebay.state.orders.get((r as { orderId: string }).orderId)!.lineItems[0]).toMatchObject({ sku: 'MUG', quantity: 3, listingMarketplaceId: 'EBAY_US' });
    expect(buyer.order({ store: 'EBAY_US', sku: 'MUG' })).toEqual({ placed: false, shown: 0 });
  });

  it('Shopee: a paid order takes seller stock, an unpaid one reserves it; buyers see stock − reserved', () => {
    const buyer = shopee.buyer!;
    const shop = String(SANDBOX_SHOP.shopId);
    expect(buyer.order({ store: shop, sku: 'MUG', quantity: 1 })).toMatchObject({ placed: true, shown: 3 });
    expect(shopee.state.items.get(555)).toMatchObject({ stock: 2, reserved: 0 });
    const unpaid = buyer.order({ store: shop, sku: 'MUG', quantity: 1, paid: false });
    expect(shopee.state.items.get(555)).toMatchObject({ stock: 2, reserved: 1 });
    expect(buyer.shown(shop, 'MUG')).toBe(1);
    expect(shopee.state.orders.get((unpaid as { orderId: string }).orderId)!.wire).toMatchObject({ order_status: 'UNPAID', item_list: [{ item_sku: 'MUG', model_quantity_purchased: 1 }] });
    expect(buyer.order({ store: shop, sku: 'MUG', quantity: 2 })).toEqual({ placed: false, shown: 1 });
  });

  it('AliExpress: payment_success_deduct takes the units when paid, not when only placed', () => {
    const buyer = ae.buyer!;
    const placed = buyer.order({ store: 'aliexpress', sku: 'MUG', quantity: 1, paid: false });
    expect(ae.state.orders.get((placed as { orderId: string }).orderId)!.status).toBe('PLACE_ORDER_SUCCESS');
    expect(buyer.shown('aliexpress', 'MUG')).toBe(3);
    expect(buyer.order({ store: 'aliexpress', sku: 'MUG', quantity: 2 })).toMatchObject({ placed: true, shown: 3 });
    expect(buyer.shown('aliexpress', 'MUG')).toBe(1);
    expect(() => buyer.order({ store: 'aliexpress', sku: 'MUG', quantity: 0 })).toThrow(expect.objectContaining({ code: 'VALIDATION', path: 'quantity' }));
  });
});
