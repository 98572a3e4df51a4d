import { describe, expect, it } from 'vitest';
import { amazonCarrier } from '../../../adapters/amazon/mappers/carriers.js';
import { changedAttributes, containedIn } from '../../../adapters/amazon/mappers/listing-diff.js';
import { wireMoney } from '../../../adapters/amazon/mappers/money.js';
import { reportToResults } from '../../../adapters/amazon/mappers/feed-report.js';
import { chunkByFamily, type PlannedMessage } from '../../../adapters/amazon/listings-feed.js';
import { fixture } from './helpers.js';

describe('wireMoney', () => {
  it('reads decimal strings exactly in the currency exponent', () => {
    expect(wireMoney({ amount: '49.99', currencyCode: 'USD' })).toEqual({ amount: 4999, currency: 'USD' });
    expect(wireMoney({ amount: '19940', currencyCode: 'JPY' })).toEqual({ amount: 19940, currency: 'JPY' });
    expect(wireMoney({ amount: '30.0', currencyCode: 'USD' })).toEqual({ amount: 3000, currency: 'USD' });
    expect(wireMoney({ amount: '1.250', currencyCode: 'KWD' })).toEqual({ amount: 1250, currency: 'KWD' });
    expect(wireMoney({ amount: '-0.02', currencyCode: 'EUR' })).toEqual({ amount: -2, currency: 'EUR' });
    // More decimals than the currency has: rounded once, half-even, by the core.
    expect(wireMoney({ amount: '0.125', currencyCode: 'EUR' })).toEqual({ amount: 12, currency: 'EUR' });
    expect(() => wireMoney({ amount: '1', currencyCode: 'XXZ' })).toThrow(/currency/);
  });
});

describe('carriers', () => {
  it('maps the unified vocabulary to Amazon’s codes spelled exactly as its list for the marketplace does', () => {
    const de = ['DHL', 'fedex', 'UPS', 'usps', 'royal mail', 'ROYAL_MAIL', 'DPD', 'yamato', 'Sagawa Express', 'YamatoTransport'].map((c) => amazonCarrier(c, 'DE').carrierCode);
    expect(de).toEqual(['DHL', 'FedEx', 'UPS', 'USPS', 'Royal Mail', 'Royal Mail', 'DPD', 'YamatoTransport', 'SagawaExpress', 'YamatoTransport']);
    expect(['Yun Express', 'yanwen', 'China Post', 'SF-Express', '4PX'].map((c) => amazonCarrier(c, 'AU').carrierCode)).toEqual(['Yun Express', 'YANWEN', 'China Post', 'SF Express', '4PX']);
    expect(['yanwen', 'Ninjavan', 'DHL eCommerce'].map((c) => amazonCarrier(c, 'SG').carrierCode)).toEqual(['Yanwen', 'Ninjavan', 'DHL eCommerce']);
    expect(amazonCarrier('ROYAL MAIL', 'UK')).toEqual({ code: 'ROYAL_MAIL', carrierCode: 'Royal Mail' });
  });

  it('anything Amazon does not list for the marketplace goes as Other + carrierName, with a warning', () => {
    expect(amazonCarrier('Local Van Co', 'DE')).toMatchObject({ code: 'LOCAL_VAN_CO', carrierCode: 'Other', carrierName: 'Local Van Co', warning: expect.stringMatching(/Other/) });
    // Yun Express is only in the AU list: elsewhere it is Other, never a made-up spelling.
    expect(amazonCarrier('YunExpress', 'DE')).toMatchObject({ code: 'YUNEXPRESS', carrierCode: 'Other', carrierName: 'YunExpress' });
    expect(amazonCarrier('Cainiao', 'DE')).toMatchObject({ code: 'CAINIAO', carrierCode: 'Other' });
  });
});

describe('attribute diff', () => {
  it('ignores extra keys and other marketplaces, sees real changes', () => {
    const want = [{ value: 'Tee', language_tag: 'de_DE', marketplace_id: 'DE' }];
    expect(containedIn(want, [{ value: 'Tee', language_tag: 'de_DE', marketplace_id: 'DE', extra: 1 }])).toBe(true);
    expect(containedIn([{ value_with_tax: 19.9 }], [{ value_with_tax: '19.90' }])).toBe(true);
    expect(changedAttributes({ item_name: want }, { item_name: [{ value: 'Tee', language_tag: 'fr_FR', marketplace_id: 'FR' }, ...want] }, 'DE')).toEqual([]);
    expect(changedAttributes({ item_name: want, brand: want }, { item_name: [{ value: 'Old', marketplace_id: 'DE' }] }, 'DE')).toEqual(['item_name', 'brand']);
  });
});

describe('feed processing report', () => {
  it('the official example report: per-message errors fail their SKU, the rest are accepted', () => {
    const report = fixture('processing-report.example.json');
    const sent = [
      { messageId: 4, sku: 'My-SKU-B', action: 'created' as const },
      { messageId: 5, sku: 'My-SKU-C', action: 'updated' as const },
      { messageId: 6, sku: 'My-SKU-D', action: 'updated' as const },
    ];
    const r = reportToResults(report, sent, { id: 'US', marketplace: 'amazon', marketplaceId: 'ATVPDKIKX0DER', country: 'US', currency: 'USD', language: 'en_US', taxInclusivePricing: false });
    expect(r.map((x) => [x.sku, x.ok])).toEqual([['My-SKU-B', false], ['My-SKU-C', false], ['My-SKU-D', true]]);
    expect(r[1]!.ok === false && r[1]!.error).toMatchObject({ marketplaceCode: '99022', errors: [{ code: '99022', field: 'purchasable_offer.our_price' }] });
  });
});

describe('feed chunking', () => {
  const m = (sku: string, family = sku): PlannedMessage => ({ sku, family, action: 'created', message: { operationType: 'DELETE' } });
  it('never splits a family unless it is larger than a feed', () => {
    const chunks = chunkByFamily([m('A'), m('P', 'P'), m('C1', 'P'), m('C2', 'P'), m('B')], 3);
    expect(chunks.map((c) => c.map((x) => x.sku))).toEqual([['A'], ['P', 'C1', 'C2'], ['B']]);
    expect(chunkByFamily(Array.from({ length: 7 }, (_, i) => m(`S${i}`)), 3).map((c) => c.length)).toEqual([3, 3, 1]);
  });
});
