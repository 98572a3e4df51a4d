import { readFileSync } from 'node:fs';
import nock from 'nock';
import { ebay, type EbayConfigInput } from '../../../adapters/ebay/index.js';

export const API = 'https://api.ebay.com';
export const TOKEN = 'v^1.1#i^1#test-access-token-AAAA';
export const CREDENTIALS = {
  clientId: 'AcmeCorp-xborder-PRD-1a2b3c4d5-6e7f8a9b',
  clientSecret: 'PRD-test-client-secret-value-123',
  refreshToken: 'v^1.1#i^1#test-refresh-token-value-r1',
};
export const SCOPE = 'https://api.ebay.com/oauth/api_scope/sell.inventory https://api.ebay.com/oauth/api_scope/sell.fulfillment';
export const BASIC = `Basic ${Buffer.from(`${CREDENTIALS.clientId}:${CREDENTIALS.clientSecret}`).toString('base64')}`;
export const LISTING_DEFAULTS = { fulfillmentPolicyId: 'F-1', paymentPolicyId: 'P-1', returnPolicyId: 'R-1', merchantLocationKey: 'wh-1', categoryId: '20625' };

export function fixture<T = any>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../fixtures/ebay/${name}`, import.meta.url), 'utf8')) as T;
}

/** The exact token request: form-encoded refresh_token grant with Basic client authentication. */
export const TOKEN_BODY = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: CREDENTIALS.refreshToken, scope: SCOPE }).toString();

export function mockToken(token = TOKEN, times = 1) {
  return nock(API, { reqheaders: { authorization: BASIC, 'content-type': /^application\/x-www-form-urlencoded/ } })
    .post('/identity/v1/oauth2/token', TOKEN_BODY)
    .times(times)
    .reply(200, { ...fixture('token.json'), access_token: token });
}

/** Sell API scope requiring the bearer token on every request. */
export function api(token = TOKEN) {
  return nock(API, { reqheaders: { authorization: `Bearer ${token}` } });
}

export function adapter(extra: Partial<EbayConfigInput> = {}) {
  return ebay({
    account: 'acme_seller',
    marketplaces: ['EBAY_GB', 'EBAY_US'],
    credentials: CREDENTIALS,
    listingDefaults: { EBAY_GB: LISTING_DEFAULTS },
    retry: { retries: 3, baseDelayMs: 1, maxDelayMs: 5 },
    consistency: { windowMs: 40, intervalMs: 10 },
    ...extra,
  });
}

export const REQUEST_ID = { 'X-EBAY-C-REQUEST-ID': 'req-ebay-1234' };
export const ORDERS = '/sell/fulfillment/v1/order';

/** getOrder / getOrders always ask for the tax breakdown (pricingSummary.total then includes eBay-collected tax). */
export const TAX = { fieldGroups: 'TAX_BREAKDOWN' };
