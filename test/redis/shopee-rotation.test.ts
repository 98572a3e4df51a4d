import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { shopee } from '../../adapters/shopee/index.js';
import { seedOrder } from '../../adapters/shopee/sandbox/index.js';
import { tokenKey } from '../../adapters/shopee/tokens.js';
import { RedisTokenStore } from '../../src/redis/token-store.js';
import { PARTNER, SHOP_ID, shopSandbox, type SandboxSetup } from '../adapters/shopee/helpers.js';
import { hasRedisServer, missingRedisMessage, mustFailForMissingRedis, startRedisServer, type RedisServer } from './support/redis-server.js';

const KEY = tokenKey(PARTNER.partnerId, { kind: 'shop', id: SHOP_ID });

it.runIf(mustFailForMissingRedis)('redis-server is installed in CI', () => {
  throw new Error(missingRedisMessage);
});

describe.runIf(hasRedisServer)('Shopee single-use refresh token shared through Redis', () => {
  let server: RedisServer;
  let s: SandboxSetup | undefined;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterEach(() => s?.close());
  afterAll(() => server?.stop());

  it('4 adapter instances on 4 connections (as 4 processes) refresh an expired pair once; the others re-read it', async () => {
    const seedConn: Redis = await server.connect();
    const store = new RedisTokenStore(seedConn);
    s = await shopSandbox({ store });
    const pair = s.world.grant(PARTNER.partnerId, { kind: 'shop', id: SHOP_ID }, { accessTtlMs: 1000 });
    await store.compareAndSwap(KEY, undefined, { ...pair, expiresAt: Date.now() - 1000, version: 1 });
    seedOrder(s.world, { createdAt: Date.now() - 60_000 });

    const conns = await Promise.all(Array.from({ length: 4 }, () => server.connect()));
    const adapters = conns.map((c) => shopee({ region: 'SG', partnerId: PARTNER.partnerId, partnerKey: PARTNER.partnerKey, shopId: SHOP_ID, tokens: new RedisTokenStore(c, { lockPollMs: 5 }), endpoint: s!.url, timeScale: 1000 }));
    const since = new Date(Date.now() - 3600_000);
    const results = await Promise.all([...Array(3)].flatMap(() => adapters.map((a) => a.orders.list({ updatedSince: since }).toArray({ max: 10 }))));
    expect(results.every((r) => r.length === 1)).toBe(true);
    // One refresh call reached the marketplace: no process burned the single-use token a second time.
    expect(s.world.counters.refresh).toBe(1);
    expect(await store.get(KEY)).toMatchObject({ version: 2 });
  });
});
