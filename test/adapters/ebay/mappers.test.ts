import { describe, expect, it } from 'vitest';
import { inventoryItemOf, offerOf } from '../../../adapters/ebay/mappers/listing.js';
import { statusOf, unitPrice } from '../../../adapters/ebay/mappers/order.js';
import { ListingSchema } from '../../../src/model/listing.js';
import { fixture } from './helpers.js';

describe('order mappers', () => {
  it('divides line cost back to a unit price exactly, half-even when it does not divide', () => {
    expect(unitPrice({ amount: 3998, currency: 'GBP' }, 2)).toEqual({ amount: 1999, currency: 'GBP' });
    expect(unitPrice({ amount: 1000, currency: 'USD' }, 3)).toEqual({ amount: 333, currency: 'USD' });
    expect(unitPrice({ amount: 5, currency: 'USD' }, 2)).toEqual({ amount: 2, currency: 'USD' });
    expect(unitPrice({ amount: 7, currency: 'USD' }, 2)).toEqual({ amount: 4, currency: 'USD' });
    expect(unitPrice({ amount: 1250, currency: 'USD' }, 1)).toEqual({ amount: 1250, currency: 'USD' });
  });

  it('maps fulfilment, payment and cancel states', () => {
    const base = fixture('order-gb.json');
    const s = (patch: object) => statusOf({ ...base, ...patch });
    expect(s({})).toEqual({ status: 'unshipped', holds: [] });
    expect(s({ orderFulfillmentStatus: 'IN_PROGRESS' })).toEqual({ status: 'partially_shipped', holds: [] });
    expect(s({ orderFulfillmentStatus: 'FULFILLED' })).toEqual({ status: 'shipped', holds: [] });
    expect(s({ orderPaymentStatus: 'PENDING' })).toEqual({ status: 'pending', holds: ['unpaid'] });
    expect(s({ cancelStatus: { cancelState: 'CANCELED' } })).toEqual({ status: 'cancelled', holds: [] });
    expect(s({ cancelStatus: { cancelState: 'CANCEL_REQUESTED' } })).toEqual({ status: 'unshipped', holds: ['pending_buyer_cancellation'] });
    expect(s({ orderFulfillmentStatus: 'SOMETHING_NEW' })).toEqual({ status: 'unknown', holds: [] });
  });
});

describe('listing mappers (wire payloads)', () => {
  const listing = ListingSchema.parse({
    sku: 'TEE-M', title: 'Organic tee', bullets: ['100% cotton', 'Made in PT'], brand: 'Acme', condition: 'used_very_good', price: { amount: '15.00', currency: 'EUR' }, quantity: 3,
    identifiers: { gtin: '012345678905', mpn: 'AC-1' }, attributes: { Size: 'M' }, package: { dimensions: { length: 300, width: 200, height: 20, unit: 'mm' } },
    marketplace: { ebay: { categoryId: '15687', aspects: { Size: ['M'], Department: ['Men'] } } },
  });

  it('builds the inventory item', () => {
    expect(inventoryItemOf(listing)).toEqual({
      product: { title: 'Organic tee', description: '100% cotton\nMade in PT', aspects: { Size: ['M'], Brand: ['Acme'], MPN: ['AC-1'], Department: ['Men'] }, brand: 'Acme', mpn: 'AC-1', upc: ['012345678905'] },
      condition: 'USED_VERY_GOOD',
      availability: { shipToLocationAvailability: { quantity: 3 } },
      packageWeightAndSize: { dimensions: { length: 30, width: 20, height: 2, unit: 'CENTIMETER' } },
    });
  });

  it('builds the offer with the price as an exact decimal string', () => {
    const defaults = { fulfillmentPolicyId: 'F', paymentPolicyId: 'P', returnPolicyId: 'R', merchantLocationKey: 'L' };
    expect(offerOf(listing, 'TEE-M-DE', 'EBAY_DE', defaults, '15687')).toEqual({
      sku: 'TEE-M-DE', marketplaceId: 'EBAY_DE', format: 'FIXED_PRICE', availableQuantity: 3, categoryId: '15687', listingDescription: '100% cotton\nMade in PT', listingDuration: 'GTC',
      listingPolicies: { fulfillmentPolicyId: 'F', paymentPolicyId: 'P', returnPolicyId: 'R' }, merchantLocationKey: 'L', pricingSummary: { price: { value: '15.00', currency: 'EUR' } },
    });
  });
});
