/**
 * Every SP-API marketplace (research A2, marketplace-ids), with the store facts the unified model
 * needs. Currency and language are each marketplace's defaults; `taxInclusive` is false only where
 * Amazon shows buyers prices before sales tax (US, CA).
 */
export type AmazonRegion = 'na' | 'eu' | 'fe';

export interface AmazonMarketplace {
  country: string;
  id: string;
  region: AmazonRegion;
  currency: string;
  /** language_tag for listing text attributes. */
  language: string;
  taxInclusive: boolean;
}

const rows: Array<[string, string, AmazonRegion, string, string, boolean]> = [
  ['US', 'ATVPDKIKX0DER', 'na', 'USD', 'en_US', false],
  ['CA', 'A2EUQ1WTGCTBG2', 'na', 'CAD', 'en_CA', false],
  ['MX', 'A1AM78C64UM0Y8', 'na', 'MXN', 'es_MX', true],
  ['BR', 'A2Q3Y263D00KWC', 'na', 'BRL', 'pt_BR', true],
  ['UK', 'A1F83G8C2ARO7P', 'eu', 'GBP', 'en_GB', true],
  ['DE', 'A1PA6795UKMFR9', 'eu', 'EUR', 'de_DE', true],
  ['FR', 'A13V1IB3VIYZZH', 'eu', 'EUR', 'fr_FR', true],
  ['IT', 'APJ6JRA9NG5V4', 'eu', 'EUR', 'it_IT', true],
  ['ES', 'A1RKKUPIHCS9HS', 'eu', 'EUR', 'es_ES', true],
  ['NL', 'A1805IZSGTT6HS', 'eu', 'EUR', 'nl_NL', true],
  ['PL', 'A1C3SOZRARQ6R3', 'eu', 'PLN', 'pl_PL', true],
  ['SE', 'A2NODRKZP88ZB9', 'eu', 'SEK', 'sv_SE', true],
  ['BE', 'AMEN7PMS3EDWL', 'eu', 'EUR', 'fr_BE', true],
  ['IE', 'A28R8C7NBKEWEA', 'eu', 'EUR', 'en_IE', true],
  ['TR', 'A33AVAJ2PDY3EV', 'eu', 'TRY', 'tr_TR', true],
  ['EG', 'ARBP9OOSHTCHU', 'eu', 'EGP', 'en_AE', true],
  ['ZA', 'AE08WJ6YKNBMC', 'eu', 'ZAR', 'en_ZA', true],
  ['SA', 'A17E79C6D8DWNP', 'eu', 'SAR', 'en_AE', true],
  ['AE', 'A2VIGQ35RCS4UG', 'eu', 'AED', 'en_AE', true],
  ['IN', 'A21TJRUUN4KGV', 'eu', 'INR', 'en_IN', true],
  ['JP', 'A1VC38T7YXB528', 'fe', 'JPY', 'ja_JP', true],
  ['AU', 'A39IBJ37TRP1C6', 'fe', 'AUD', 'en_AU', true],
  ['SG', 'A19VAU5U5O7RUS', 'fe', 'SGD', 'en_SG', true],
];

export const MARKETPLACES: readonly AmazonMarketplace[] = rows.map(([country, id, region, currency, language, taxInclusive]) => ({
  country, id, region, currency, language, taxInclusive,
}));

const byCountry = new Map(MARKETPLACES.map((m) => [m.country, m]));
const byId = new Map(MARKETPLACES.map((m) => [m.id, m]));
// ISO 3166 says GB; Amazon (and sellers) say UK.
byCountry.set('GB', byCountry.get('UK')!);

/** A country code ('DE', 'GB'/'UK') or a marketplace id ('A1PA6795UKMFR9'). */
export function findMarketplace(ref: string): AmazonMarketplace | undefined {
  return byCountry.get(ref.toUpperCase()) ?? byId.get(ref);
}

export function marketplaceById(id: string): AmazonMarketplace | undefined {
  return byId.get(id);
}

/** SP-API hosts per region (research A2). */
export const ENDPOINTS: Record<AmazonRegion, { production: string; sandbox: string }> = {
  na: { production: 'https://sellingpartnerapi-na.amazon.com', sandbox: 'https://sandbox.sellingpartnerapi-na.amazon.com' },
  eu: { production: 'https://sellingpartnerapi-eu.amazon.com', sandbox: 'https://sandbox.sellingpartnerapi-eu.amazon.com' },
  fe: { production: 'https://sellingpartnerapi-fe.amazon.com', sandbox: 'https://sandbox.sellingpartnerapi-fe.amazon.com' },
};

/** One LWA host for every region (research A1). */
export const LWA_TOKEN_URL = 'https://api.amazon.com/auth/o2/token';
