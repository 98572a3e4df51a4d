import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuthError, ValidationError } from '../../../src/errors/index.js';
import { FileTokenStore, MemoryTokenStore, type StoredToken, type TokenStore } from '../../../src/state/token-store.js';
import { shopee, type ShopeeConfig } from '../../../adapters/shopee/index.js';
import type { TokensEvent } from '../../../adapters/shopee/config.js';
import { seedOrder } from '../../../adapters/shopee/sandbox/index.js';
import { tokenKey } from '../../../adapters/shopee/tokens.js';
import { fixture, PARTNER, SHOP_ID, shopSandbox, signedQuery, TestClock, type SandboxSetup } from './helpers.js';

const HOST = 'https://partner.shopeemobile.com';
const T0 = 1_700_000_000_000;
const LIVE = { region: 'SG' as const, partnerId: 77, partnerKey: 'persist-key', shopId: 5 };
const PAIR = { accessToken: 'live-access-00000000000000000000', refreshToken: 'live-refresh-0000000000000000000' };
const NEW = fixture('refresh_access_token.json') as { access_token: string; refresh_token: string; expire_in: number };

const build = (extra: Partial<ShopeeConfig>) => () => shopee({ ...LIVE, tokens: PAIR, ...extra } as ShopeeConfig);

describe('tokens must survive a restart against a live host', () => {
  it('plain tokens or a MemoryTokenStore without onTokens are refused at construction, naming config.tokens', () => {
    for (const make of [build({}), build({ tokens: new MemoryTokenStore() })]) {
      const err = (() => { try { make(); } catch (e) { return e; } })() as ValidationError;
      expect(err).toBeInstanceOf(ValidationError);
      expect(err.path).toBe('config.tokens');
      expect(err.message).toMatch(/single-use/);
      expect(err.message).toMatch(/fileTokenStore|onTokens/);
    }
  });

  it('a persistent store, an onTokens callback, Shopee\'s test host or a loopback sandbox are accepted', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'xborder-shopee-'));
    try {
      expect(build({ tokens: new FileTokenStore(path.join(dir, 't.json')) })).not.toThrow();
      expect(build({ onTokens: () => {} })).not.toThrow();
      expect(build({ sandbox: true })).not.toThrow();
      expect(build({ endpoint: 'http://127.0.0.1:9/' })).not.toThrow();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('onTokens receives every rotation before the new token is used', () => {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect(/^(127\.0\.0\.1|localhost)/);
  });
  afterEach(() => nock.cleanAll());
  const SN = '2404098R48U37H';
  const detail = (accessToken: string, onCall: () => void) => nock(HOST).get('/api/v2/order/get_order_detail')
    .query((q) => signedQuery(q, { partnerId: LIVE.partnerId, path: '/api/v2/order/get_order_detail', partnerKey: LIVE.partnerKey, accessToken, shopId: LIVE.shopId }))
    .times(2)
    .reply(200, () => (onCall(), fixture('get_order_detail.vnd.json')));

  it('rotate → restart with what onTokens saved → keeps working without another refresh', async () => {
    const saved: TokensEvent[] = [];
    const order: string[] = [];
    nock(HOST).post('/api/v2/auth/access_token/get', { refresh_token: PAIR.refreshToken, partner_id: LIVE.partnerId, shop_id: LIVE.shopId }).query(true).reply(200, NEW);
    detail(NEW.access_token, () => order.push('detail'));
    const first = shopee({ ...LIVE, region: 'VN', tokens: { ...PAIR, expiresAt: T0 - 1 }, clock: new TestClock(T0), escrow: false, onTokens: (e) => void (saved.push(e), order.push('saved')) });
    await first.orders.get(SN);
    expect(saved).toEqual([{ key: tokenKey(LIVE.partnerId, { kind: 'shop', id: LIVE.shopId }), identity: { kind: 'shop', id: LIVE.shopId }, tokens: expect.objectContaining({ accessToken: NEW.access_token, refreshToken: NEW.refresh_token, version: 2 }) }]);
    expect(order).toEqual(['saved', 'detail']);
    // "Restart": a new adapter seeded from what the callback stored; nock has no second refresh.
    const t = saved[0]!.tokens;
    const second = shopee({ ...LIVE, region: 'VN', tokens: { accessToken: t.accessToken, refreshToken: t.refreshToken!, expiresAt: t.expiresAt }, clock: new TestClock(T0), escrow: false, onTokens: () => {} });
    expect((await second.orders.get(SN)).id).toBe(SN);
    expect(nock.pendingMocks()).toEqual([]);
  });
});

describe('a restart on the same persistent store (sandbox with single-use refresh tokens)', () => {
  const KEY = tokenKey(PARTNER.partnerId, { kind: 'shop', id: SHOP_ID });
  let dir: string;
  let s: SandboxSetup | undefined;
  afterEach(async () => {
    await s?.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function expiredPair(store: TokenStore) {
    s = await shopSandbox({ store });
    const pair = s.world.grant(PARTNER.partnerId, { kind: 'shop', id: SHOP_ID }, { accessTtlMs: 1000 });
    const stored: StoredToken = { ...pair, expiresAt: Date.now() - 1000, version: 1 };
    await store.compareAndSwap(KEY, undefined, stored);
    seedOrder(s.world, { createdAt: Date.now() - 60_000 });
    return stored;
  }
  const adapterOn = (tokens: TokenStore | { accessToken: string; refreshToken: string; expiresAt: number }) =>
    shopee({ region: 'SG', partnerId: PARTNER.partnerId, partnerKey: PARTNER.partnerKey, shopId: SHOP_ID, tokens, endpoint: s!.url, timeScale: 1000 });
  const since = () => new Date(Date.now() - 3600_000);

  it('rotates once, then a new adapter on the same file keeps working without re-authorization', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'xborder-shopee-'));
    const file = path.join(dir, 'tokens.json');
    const original = await expiredPair(new FileTokenStore(file));
    expect(await adapterOn(new FileTokenStore(file)).orders.list({ updatedSince: since() }).toArray({ max: 10 })).toHaveLength(1);
    expect(s!.world.counters.refresh).toBe(1);
    // Restart: a fresh process reads the rotated pair from the file.
    expect(await adapterOn(new FileTokenStore(file)).orders.list({ updatedSince: since() }).toArray({ max: 10 })).toHaveLength(1);
    expect(s!.world.counters.refresh).toBe(1);
    // What in-memory rotation used to do: the spent refresh token is refused, the seller must re-authorize.
    const err = await adapterOn({ accessToken: original.accessToken, refreshToken: original.refreshToken!, expiresAt: original.expiresAt }).orders.list({ updatedSince: since() }).toArray({ max: 10 }).catch((e) => e);
    expect(err).toMatchObject({ code: 'REAUTHORIZE' });
  });

  it('a kill right after the new pair is saved: the restarted adapter uses it, no second refresh', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'xborder-shopee-'));
    const file = path.join(dir, 'tokens.json');
    await expiredPair(new FileTokenStore(file));
    const disk = new FileTokenStore(file);
    // The process dies once the store has written (fsynced) the pair: nothing after it runs.
    const dying: TokenStore = { get: (k) => disk.get(k), compareAndSwap: async (k, v, n) => { await disk.compareAndSwap(k, v, n); throw new Error('SIGKILL'); } };
    await expect(adapterOn(dying).orders.list({ updatedSince: since() }).toArray({ max: 10 })).rejects.toThrow();
    expect(await adapterOn(new FileTokenStore(file)).orders.list({ updatedSince: since() }).toArray({ max: 10 })).toHaveLength(1);
    expect(s!.world.counters.refresh).toBe(1);
  });

  it('a kill between Shopee\'s answer and the save: the restart says the seller must re-authorize, and how', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'xborder-shopee-'));
    const file = path.join(dir, 'tokens.json');
    await expiredPair(new FileTokenStore(file));
    const disk = new FileTokenStore(file);
    const dying: TokenStore = { get: (k) => disk.get(k), compareAndSwap: async () => { throw new Error('SIGKILL'); } };
    await expect(adapterOn(dying).orders.list({ updatedSince: since() }).toArray({ max: 10 })).rejects.toThrow();
    const err = await adapterOn(new FileTokenStore(file)).orders.list({ updatedSince: since() }).toArray({ max: 10 }).catch((e) => e);
    expect(err).toBeInstanceOf(AuthError);
    expect(err.code).toBe('REAUTHORIZE');
    expect(err.message).toMatch(/auth\.authorizationUrl/);
    expect(err.message).toMatch(/auth\.exchangeCode/);
    expect(s!.world.counters.refresh).toBe(2);
  });
});
