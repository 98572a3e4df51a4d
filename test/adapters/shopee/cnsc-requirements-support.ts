/** Shared by the CNSC (merchant) requirements tests: nock-side constants, fixtures and the adapter. */
import { readFileSync } from 'node:fs';
import { shopee } from '../../../adapters/shopee/index.js';
import { tokenKey } from '../../../adapters/shopee/tokens.js';
import { MemoryRequirementsCache } from '../../../src/requirements/index.js';
import { signedQuery, TestClock, TestTokenStore } from './helpers.js';

export const HOST = 'https://partner.shopeemobile.com';
export const PID = 2001887;
export const KEY = 'requirements-test-partner-key';
export const MERCHANT = 1000000;
export const SHOP = 14701711;
export const TOKEN = 'access-token-reqs-00000000000000';
export const NOW = Date.UTC(2026, 11, 5, 3, 0, 0);
const TS = NOW / 1000;

export const fx = (name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/shopee/requirements/${name}`, import.meta.url), 'utf8'));

/** A nock query matcher: signed for `who` at NOW, and exactly `expected` besides the signing fields. */
export const query = (path: string, who: { shopId: number } | { merchantId: number }, expected: Record<string, string> = {}) => (q: Record<string, any>) => {
  const { partner_id, timestamp, access_token, shop_id, merchant_id, sign, ...rest } = q;
  return signedQuery(q, { partnerId: PID, path, partnerKey: KEY, accessToken: TOKEN, timestamp: TS, ...who }) && JSON.stringify(rest) === JSON.stringify(expected);
};

/** A CNSC merchant with one SG shop, both tokens fresh, no retries, an in-memory requirements cache. */
export function cnscAdapter() {
  const tokens = new TestTokenStore({
    [tokenKey(PID, { kind: 'merchant', id: MERCHANT })]: { accessToken: TOKEN, refreshToken: 'refresh-token-merchant-000000000', expiresAt: NOW + 3600_000, version: 1 },
    [tokenKey(PID, { kind: 'shop', id: SHOP })]: { accessToken: TOKEN, refreshToken: 'refresh-token-shop-00000000000000', expiresAt: NOW + 3600_000, version: 1 },
  });
  return shopee({ region: 'SG', partnerId: PID, partnerKey: KEY, merchantId: MERCHANT, shopIds: [SHOP], merchantCurrency: 'CNY', tokens, clock: new TestClock(NOW), logisticIds: [18025, 18028], retry: { retries: 0 }, requirementsCache: new MemoryRequirementsCache() });
}
