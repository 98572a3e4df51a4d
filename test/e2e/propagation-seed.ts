/**
 * The seller's catalog as it already stands on each store before the selling day: live listings
 * at quantity 0, shaped like each simulator stores what its listing routes accept. Stock then
 * flows only through the adapters.
 */
import type { AliExpressSandboxState } from '../../adapters/aliexpress/sandbox/index.js';
import type { AmazonSandboxState } from '../../adapters/amazon/sandbox/index.js';
import type { EbaySandboxState } from '../../adapters/ebay/sandbox/index.js';
import type { ShopeeSandboxState } from '../../adapters/shopee/sandbox/index.js';
import type { SandboxModule } from '../../src/sandbox/index.js';

const DE = 'A1PA6795UKMFR9';

export function seedCatalog(modules: Record<string, SandboxModule<unknown>>, skus: string[], at: number, shopId: string): void {
  const amazon = modules.amazon!.state as AmazonSandboxState;
  const seller = [...amazon.sellers.keys()][0]!;
  const ebay = modules.ebay!.state as EbaySandboxState;
  const shopee = modules.shopee!.state as ShopeeSandboxState;
  const ae = modules.aliexpress!.state as AliExpressSandboxState;
  skus.forEach((sku, i) => {
    amazon.listings.set(amazon.listingKey(seller, sku), {
      sku, productType: 'HOME', requirements: 'LISTING', warnings: [], markets: new Map([[DE, { createdAt: at, updatedAt: at, liveAt: at }]]),
      attributes: {
        item_name: [{ value: `Product ${sku}`, marketplace_id: DE }], brand: [{ value: 'Acme', marketplace_id: DE }], condition_type: [{ value: 'new_new', marketplace_id: DE }],
        purchasable_offer: [{ audience: 'ALL', currency: 'EUR', marketplace_id: DE, our_price: [{ schedule: [{ value_with_tax: 19.99 }] }] }],
        fulfillment_availability: [{ fulfillment_channel_code: 'DEFAULT', quantity: 0 }],
        externally_assigned_product_identifier: [{ type: 'ean', value: '4006381333931', marketplace_id: DE }],
      },
    });
    ebay.items.set(sku, { sku, locale: 'en_US', product: { title: `Product ${sku}` }, condition: 'NEW', availability: { shipToLocationAvailability: { quantity: 0 } } });
    const offerId = String(700000 + i);
    ebay.offers.set(offerId, {
      offerId, sku, marketplaceId: 'EBAY_US', format: 'FIXED_PRICE', availableQuantity: 0, categoryId: '20625', merchantLocationKey: 'WH1',
      pricingSummary: { price: { value: '19.99', currency: 'USD' } }, status: 'PUBLISHED', listing: { listingId: String(110500000000 + i), listingStatus: 'ACTIVE' },
    });
    const itemId = 880000 + i;
    shopee.items.set(itemId, {
      shopId: Number(shopId), item_id: itemId, item_name: `Product ${sku}`, description: '', item_sku: sku, category_id: 100636, price: 19.9, stock: 0, reserved: 0,
      item_status: 'NORMAL', image_id_list: [], attribute_list: [], weight: 0.3, create_time: Math.floor(at / 1000), update_time: Math.floor(at / 1000), searchableAt: at, tiers: [], models: [],
    });
    const productId = String(1005009000000000 + i);
    ae.products.set(productId, { id: productId, categoryId: 200000001, status: 'onSelling', skus: [{ sku_code: sku, price: '19.99', inventory: 0 }], request: { inventory_deduction_strategy: 'place_order_withhold' } });
  });
}
