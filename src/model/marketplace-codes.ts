/**
 * Marketplace codes as literal unions, so a typo such as `marketplaces: ['DEE']` or `'EBAY_UK'`
 * fails to compile, the way `CurrencyArg` does for currencies. Values typed `string` (read from a
 * file or the environment) still compile and are checked at run time by the factories' schemas.
 * test/unit/model/marketplace-codes.test.ts keeps each list equal to its adapter's table.
 */

/** Amazon country codes as sellers write them (UK as Amazon spells it, GB as ISO does); research A2. */
export const AMAZON_MARKETPLACE_COUNTRIES = [
  'US', 'CA', 'MX', 'BR', 'UK', 'GB', 'DE', 'FR', 'IT', 'ES', 'NL', 'PL', 'SE', 'BE', 'IE', 'TR', 'EG', 'ZA', 'SA', 'AE', 'IN', 'JP', 'AU', 'SG',
] as const;

/** SP-API marketplace ids (research A2, marketplace-ids), in the order of the country codes above (no GB). */
export const AMAZON_MARKETPLACE_IDS = [
  'ATVPDKIKX0DER', 'A2EUQ1WTGCTBG2', 'A1AM78C64UM0Y8', 'A2Q3Y263D00KWC', 'A1F83G8C2ARO7P', 'A1PA6795UKMFR9', 'A13V1IB3VIYZZH',
  'APJ6JRA9NG5V4', 'A1RKKUPIHCS9HS', 'A1805IZSGTT6HS', 'A1C3SOZRARQ6R3', 'A2NODRKZP88ZB9', 'AMEN7PMS3EDWL', 'A28R8C7NBKEWEA',
  'A33AVAJ2PDY3EV', 'ARBP9OOSHTCHU', 'AE08WJ6YKNBMC', 'A17E79C6D8DWNP', 'A2VIGQ35RCS4UG', 'A21TJRUUN4KGV', 'A1VC38T7YXB528',
  'A39IBJ37TRP1C6', 'A19VAU5U5O7RUS',
] as const;

/** An Amazon marketplace: a country code (`'DE'`, `'UK'`/`'GB'`) or an SP-API marketplace id (`'A1PA6795UKMFR9'`). */
export type AmazonMarketplaceCode = (typeof AMAZON_MARKETPLACE_COUNTRIES)[number] | (typeof AMAZON_MARKETPLACE_IDS)[number];

/** eBay site ids the Sell APIs serve (research B2, MarketplaceIdEnum; EBAY_IN no longer functions). */
export const EBAY_MARKETPLACE_IDS = [
  'EBAY_US', 'EBAY_MOTORS_US', 'EBAY_CA', 'EBAY_GB', 'EBAY_AU', 'EBAY_AT', 'EBAY_BE', 'EBAY_CH', 'EBAY_DE', 'EBAY_ES', 'EBAY_FR',
  'EBAY_IE', 'EBAY_IT', 'EBAY_NL', 'EBAY_PL', 'EBAY_HK', 'EBAY_MY', 'EBAY_PH', 'EBAY_SG',
] as const;

/** The country codes that name an eBay site on their own (`'UK'` is read as EBAY_GB). */
export const EBAY_MARKETPLACE_COUNTRIES = ['US', 'CA', 'GB', 'UK', 'AU', 'AT', 'BE', 'CH', 'DE', 'ES', 'FR', 'IE', 'IT', 'NL', 'PL', 'HK', 'MY', 'PH', 'SG'] as const;

/** An eBay site id (`'EBAY_DE'`). */
export type EbayMarketplaceId = (typeof EBAY_MARKETPLACE_IDS)[number];

/** An eBay site: its id (`'EBAY_DE'`) or its country code (`'DE'`). */
export type EbayMarketplaceCode = EbayMarketplaceId | (typeof EBAY_MARKETPLACE_COUNTRIES)[number];

/** Shopee markets (research A3/A4): the `region` of a shop. */
export const SHOPEE_REGION_CODES = ['SG', 'MY', 'TH', 'VN', 'PH', 'TW', 'ID', 'BR', 'MX', 'CO', 'CL'] as const;

/** A Shopee region (`'SG'`, `'MY'`...). */
export type ShopeeRegionCode = (typeof SHOPEE_REGION_CODES)[number];

/**
 * The type of a code argument: a literal must be one of `Known`; a value typed `string` is
 * accepted by the compiler and checked at run time instead (same rule as `CurrencyArg`).
 */
export type CodeArg<C extends string, Known extends string> = string extends C ? C : C extends Known ? C : Known;
