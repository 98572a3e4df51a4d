// Issue 18.4: a config that clearly meant a local/sandbox host for one of an adapter's hosts but
// left the other on the real default is refused by the factory, naming the field to set.
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { aliexpress } from '../../../adapters/aliexpress/index.js';
import { amazon } from '../../../adapters/amazon/index.js';
import { ebay } from '../../../adapters/ebay/index.js';
import { shopee } from '../../../adapters/shopee/index.js';
import { ValidationError } from '../../../src/errors/classes.js';

const LOCAL = 'http://127.0.0.1:4567';
const creds = { clientId: 'client-id-1', clientSecret: 'client-secret-1', refreshToken: 'refresh-token-1' };

function refusal(make: () => unknown): ValidationError {
  try {
    make();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  throw new Error('expected the factory to refuse the config');
}

describe('amazon factory', () => {
  const base = { marketplaces: ['DE'], sellerId: 'A2EXAMPLE', credentials: creds };
  it('refuses an endpoint without a tokenEndpoint (LWA would get the refresh token)', () => {
    const e = refusal(() => amazon({ ...base, endpoint: LOCAL }));
    expect(e.path).toBe('config.tokenEndpoint');
    expect(e.message).toMatch(/"endpoint" is 127\.0\.0\.1:4567 but "tokenEndpoint" is not set, so the LWA token call would go to the real api\.amazon\.com/);
  });
  it('refuses a tokenEndpoint without an endpoint (API calls would reach the real SP-API host)', () => {
    const e = refusal(() => amazon({ ...base, tokenEndpoint: `${LOCAL}/auth/o2/token` }));
    expect(e.path).toBe('config.endpoint');
    expect(e.message).toMatch(/"endpoint" is not set, so API calls would go to the real sellingpartnerapi-eu\.amazon\.com/);
  });
  it('accepts both, or neither, or a proxy that names the real LWA explicitly', () => {
    expect(() => amazon({ ...base, endpoint: LOCAL, tokenEndpoint: `${LOCAL}/auth/o2/token` })).not.toThrow();
    expect(() => amazon(base)).not.toThrow();
    expect(() => amazon({ ...base, endpoint: 'https://proxy.example.com', tokenEndpoint: 'https://api.amazon.com/auth/o2/token' })).not.toThrow();
  });
});

describe('ebay factory', () => {
  const base = { account: 'seller1', marketplaces: ['EBAY_US'], credentials: creds };
  it('refuses a tokenEndpoint without an endpoint', () => {
    const e = refusal(() => ebay({ ...base, tokenEndpoint: LOCAL }));
    expect(e.path).toBe('config.endpoint');
    expect(e.message).toMatch(/API calls would go to the real api\.ebay\.com/);
  });
  it('an endpoint alone is whole: the token call follows it', () => {
    expect(() => ebay({ ...base, endpoint: LOCAL })).not.toThrow();
  });
});

// Shopee and AliExpress have no separate token host: token calls go to `endpoint`, so a half
// sandbox cannot be configured. Pinned at the wire: the code exchange reaches the local host only.
describe('shopee and aliexpress: token calls follow the endpoint', () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());

  it('shopee', async () => {
    const scope = nock(LOCAL).post('/api/v2/auth/token/get').query(true).reply(200, { error: 'error_param', message: 'invalid code', request_id: 'r1' });
    const a = shopee({ region: 'SG', partnerId: 1000001, partnerKey: 'partner-key-1', shopId: 5001, tokens: { accessToken: 'a', refreshToken: 'r' }, onTokens: () => {}, endpoint: LOCAL });
    await expect(a.auth.exchangeCode('code-1', { shopId: 5001 })).rejects.toThrow();
    expect(scope.isDone()).toBe(true);
  });

  it('aliexpress', async () => {
    const scope = nock(LOCAL).post(/\/auth\/token\/create/).query(true).reply(200, { code: 'IncompleteSignature', message: 'bad', request_id: 'r1' });
    const a = aliexpress({ appKey: '500001', appSecret: 'app-secret-1', sellerId: '2001', tokens: { accessToken: 'a' }, endpoint: LOCAL });
    await expect(a.auth.exchangeCode('code-1')).rejects.toThrow();
    expect(scope.isDone()).toBe(true);
  });
});
