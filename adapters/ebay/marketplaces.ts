/**
 * eBay sites the Sell APIs serve (research B2, MarketplaceIdEnum). One store per site; currency,
 * Content-Language and tax-inclusive display per site. EBAY_IN no longer functions and is left out.
 */
export interface EbayMarketplace {
  id: string;
  country: string;
  currency: string;
  /** Content-Language for Inventory create/replace calls on this site. */
  language: string;
  taxInclusive: boolean;
}

const m = (id: string, country: string, currency: string, language: string, taxInclusive: boolean): EbayMarketplace => ({ id, country, currency, language, taxInclusive });

export const MARKETPLACES: readonly EbayMarketplace[] = [
  m('EBAY_US', 'US', 'USD', 'en-US', false),
  m('EBAY_MOTORS_US', 'US', 'USD', 'en-US', false),
  m('EBAY_CA', 'CA', 'CAD', 'en-CA', false),
  m('EBAY_GB', 'GB', 'GBP', 'en-GB', true),
  m('EBAY_AU', 'AU', 'AUD', 'en-AU', true),
  m('EBAY_AT', 'AT', 'EUR', 'de-AT', true),
  m('EBAY_BE', 'BE', 'EUR', 'nl-BE', true),
  m('EBAY_CH', 'CH', 'CHF', 'de-CH', true),
  m('EBAY_DE', 'DE', 'EUR', 'de-DE', true),
  m('EBAY_ES', 'ES', 'EUR', 'es-ES', true),
  m('EBAY_FR', 'FR', 'EUR', 'fr-FR', true),
  m('EBAY_IE', 'IE', 'EUR', 'en-IE', true),
  m('EBAY_IT', 'IT', 'EUR', 'it-IT', true),
  m('EBAY_NL', 'NL', 'EUR', 'nl-NL', true),
  m('EBAY_PL', 'PL', 'PLN', 'pl-PL', true),
  m('EBAY_HK', 'HK', 'HKD', 'zh-HK', false),
  m('EBAY_MY', 'MY', 'MYR', 'en-US', false),
  m('EBAY_PH', 'PH', 'PHP', 'en-PH', false),
  m('EBAY_SG', 'SG', 'SGD', 'en-US', false),
];

/** By marketplace id ('EBAY_DE') or country code ('DE'; 'UK' → EBAY_GB). */
export function findMarketplace(ref: string): EbayMarketplace | undefined {
  if (typeof ref !== 'string') return undefined; // a non-string store is unknown: callers raise the ValidationError
  const r = ref.toUpperCase();
  return MARKETPLACES.find((x) => x.id === r) ?? MARKETPLACES.find((x) => x.id !== 'EBAY_MOTORS_US' && x.country === (r === 'UK' ? 'GB' : r));
}

/** The Inventory API spells US Motors EBAY_MOTORS (its own MarketplaceEnum, research B2). */
export function inventoryMarketplaceId(id: string): string {
  return id === 'EBAY_MOTORS_US' ? 'EBAY_MOTORS' : id;
}

export const HOSTS = { production: 'https://api.ebay.com', sandbox: 'https://api.sandbox.ebay.com' } as const;
export const TOKEN_PATH = '/identity/v1/oauth2/token';

/** User-token scopes the adapter needs (securitySchemes of the Inventory and Fulfillment contracts). */
export const DEFAULT_SCOPES = [
  'https://api.ebay.com/oauth/api_scope/sell.inventory',
  'https://api.ebay.com/oauth/api_scope/sell.fulfillment',
] as const;
