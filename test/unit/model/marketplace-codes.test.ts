// Marketplace codes as literal unions (issue 18.5): typos fail to compile (the @ts-expect-error
// lines are checked by `tsc --noEmit`, which includes test/), runtime strings are still validated,
// and each code list equals its adapter's table so the two cannot drift.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { amazon, type AmazonConfigInput } from '../../../adapters/amazon/index.js';
import { MARKETPLACES as AMAZON } from '../../../adapters/amazon/marketplaces.js';
import { ebay, type EbayConfigInput } from '../../../adapters/ebay/index.js';
import { findMarketplace as findEbay, MARKETPLACES as EBAY } from '../../../adapters/ebay/marketplaces.js';
import { REGION_CODES } from '../../../adapters/shopee/regions.js';
import type { ShopeeConfig } from '../../../adapters/shopee/index.js';
import { ValidationError } from '../../../src/errors/classes.js';
import {
  AMAZON_MARKETPLACE_COUNTRIES, AMAZON_MARKETPLACE_IDS, EBAY_MARKETPLACE_COUNTRIES, EBAY_MARKETPLACE_IDS, SHOPEE_REGION_CODES,
  type AmazonMarketplaceCode, type EbayMarketplaceCode, type ShopeeRegionCode,
} from '../../../src/model/index.js';

const credentials = { clientId: 'c', clientSecret: 's', refreshToken: 'r' };

describe('the code lists match the adapters', () => {
  it('amazon', () => {
    expect([...AMAZON_MARKETPLACE_COUNTRIES].filter((c) => c !== 'GB')).toEqual(AMAZON.map((m) => m.country));
    expect([...AMAZON_MARKETPLACE_IDS]).toEqual(AMAZON.map((m) => m.id));
  });
  it('ebay', () => {
    expect([...EBAY_MARKETPLACE_IDS]).toEqual(EBAY.map((m) => m.id));
    for (const c of EBAY_MARKETPLACE_COUNTRIES) expect(findEbay(c), c).toBeDefined();
  });
  it('shopee', () => {
    expect([...SHOPEE_REGION_CODES]).toEqual(REGION_CODES);
  });
});

describe('types', () => {
  it('a literal typo fails to compile; a runtime string compiles and is checked by the schema', () => {
    const ok = () => amazon({ marketplaces: ['DE', 'FR', 'A1PA6795UKMFR9'], sellerId: 'S', credentials });
    expect(ok).not.toThrow();
    // @ts-expect-error 'DEE' is not an Amazon marketplace code
    const typo = () => amazon({ marketplaces: ['DE', 'DEE'], sellerId: 'S', credentials });
    expect(typo).toThrow(ValidationError);
    const fromEnv: string[] = ['XX'];
    expect(() => amazon({ marketplaces: fromEnv, sellerId: 'S', credentials })).toThrow(/Unknown Amazon marketplace "XX"/);

    expect(() => ebay({ account: 'a', marketplaces: ['EBAY_GB', 'DE'], credentials })).not.toThrow();
    // @ts-expect-error 'EBAY_UK' is not an eBay site id (EBAY_GB is)
    expect(() => ebay({ account: 'a', marketplaces: ['EBAY_UK'], credentials })).toThrow(/Unknown eBay marketplace "EBAY_UK"/);
    const sites: string[] = ['EBAY_XX'];
    expect(() => ebay({ account: 'a', marketplaces: sites, credentials })).toThrow(ValidationError);
    expectTypeOf<EbayConfigInput['marketplaces']>().toEqualTypeOf<readonly string[]>();

    expectTypeOf<ShopeeConfig['region']>().toEqualTypeOf<ShopeeRegionCode>();
    expectTypeOf<'UK'>().toExtend<AmazonMarketplaceCode>();
    expectTypeOf<'EBAY_MOTORS_US'>().toExtend<EbayMarketplaceCode>();
    expectTypeOf<AmazonConfigInput<string>['marketplaces']>().toEqualTypeOf<readonly string[]>();
  });
});
