import { describe, expect, it } from 'vitest';
import { inventoryItemOf, offerOf } from '../../../adapters/ebay/mappers/listing.js';
import { mapOrder, statusOf, unitPrice } from '../../../adapters/ebay/mappers/order.js';
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

describe('order money (issue 14 point 4)', () => {
  const ctx = { account: 'a', includePii: false, storeOf: (id: string | undefined) => id, taxInclusive: () => true, unifiedSku: (s: string, site: string | undefined) => (site === 'EBAY_GB' && s.endsWith('-GB') ? s.slice(0, -3) : s) };
  const amt = (value: string, currency: string, from?: [string, string]) => ({ value, currency, ...(from ? { convertedFromValue: from[0], convertedFromCurrency: from[1] } : {}) });

  it('buyer amounts from convertedFrom*, positive discounts incl. delivery, seller tax beside eBay-remitted tax', () => {
    const o = mapOrder({
      ...fixture<Record<string, unknown>>('order-gb.json'),
      orderPaymentStatus: 'PAID',
      pricingSummary: {
        priceSubtotal: amt('40.00', 'USD', ['32.00', 'GBP']), deliveryCost: amt('5.00', 'USD', ['4.00', 'GBP']),
        priceDiscount: amt('-5.00', 'USD', ['-4.00', 'GBP']), deliveryDiscount: amt('-5.00', 'USD', ['-4.00', 'GBP']), total: amt('43.75', 'USD', ['35.00', 'GBP']),
      },
      lineItems: [{
        lineItemId: 'L1', sku: 'MUG-GB', listingMarketplaceId: 'EBAY_GB', quantity: 2, lineItemCost: amt('40.00', 'USD', ['32.00', 'GBP']),
        appliedPromotions: [{ discountAmount: amt('5.00', 'USD', ['4.00', 'GBP']), promotionId: 'P1' }],
        deliveryCost: { shippingCost: amt('5.00', 'USD', ['4.00', 'GBP']), discountAmount: amt('-5.00', 'USD', ['-4.00', 'GBP']) },
        ebayCollectAndRemitTaxes: [{ taxType: 'VAT', amount: amt('5.00', 'USD', ['4.00', 'GBP']), collectionMethod: 'NET', ebayReference: { name: 'IOSS', value: 'IM123' } }],
        taxes: [{ taxType: 'VAT', amount: amt('5.00', 'USD', ['4.00', 'GBP']) }, { taxType: 'WEEE_FEE', amount: amt('1.25', 'USD', ['1.00', 'GBP']) }],
      }],
    } as never, ctx);
    expect(o.totals).toEqual({ charged: { amount: 3500, currency: 'GBP' }, items: { amount: 3200, currency: 'GBP' }, shipping: { amount: 400, currency: 'GBP' }, discounts: { amount: 800, currency: 'GBP' } });
    expect(o.currencies).toEqual({ buyer: 'GBP', listing: 'USD', payout: 'USD', rate: '1.25' });
    expect(o.lines[0]).toMatchObject({ sku: 'MUG', variantIds: { sellerSku: 'MUG-GB' }, unitPrice: { amount: 1600, currency: 'GBP' }, discounts: [{ kind: 'promotion', amount: { amount: 400, currency: 'GBP' } }, { kind: 'shipping', amount: { amount: 400, currency: 'GBP' } }] });
    expect(o.taxes).toEqual([
      { kind: 'VAT', amount: { amount: 400, currency: 'GBP' }, collectedBy: 'marketplace', scheme: 'IOSS', registrationNumber: 'IM123', lineId: 'L1' },
      { kind: 'WEEE_FEE', amount: { amount: 100, currency: 'GBP' }, collectedBy: 'seller', lineId: 'L1' },
    ]);
  });

  it('a fully refunded order is not shippable', () => {
    expect(mapOrder({ ...fixture('order-gb.json'), orderPaymentStatus: 'FULLY_REFUNDED' }, ctx).shippable).toBe(false);
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
