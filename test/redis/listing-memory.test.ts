/**
 * The Amazon adapter's listing memory in Redis (RedisRecordMap): what one process learnt about a
 * SKU (product type, existence, channel) saves every other process the discovery calls.
 */
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amazon, amazonSandbox, SANDBOX_CREDENTIALS, type RememberedListing } from '../../adapters/amazon/index.js';
import { RedisRecordMap } from '../../src/redis/record-map.js';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { hasRedisServer, missingRedisMessage, mustFailForMissingRedis, startRedisServer, type RedisServer } from './support/redis-server.js';

it.runIf(mustFailForMissingRedis)('redis-server is installed in CI', () => {
  throw new Error(missingRedisMessage);
});

describe.runIf(hasRedisServer)('Amazon listing memory shared through Redis', () => {
  let server: RedisServer;
  let sb: RunningSandbox;
  let conns: Redis[];
  beforeAll(async () => {
    server = await startRedisServer();
    conns = await Promise.all([server.connect(), server.connect()]);
    sb = await startSandbox({ marketplaces: { amazon: amazonSandbox() }, timeScale: 100 });
  });
  afterAll(async () => {
    await sb?.close();
    await server?.stop();
  });

  const make = (listingMemory?: RedisRecordMap<RememberedListing>) => amazon({
    marketplaces: ['DE'], sellerId: SANDBOX_CREDENTIALS.sellerId, credentials: SANDBOX_CREDENTIALS, endpoint: sb.urls.amazon, tokenEndpoint: `${sb.urls.amazon}/auth/o2/token`,
    timeScale: 100, retry: { retries: 4, baseDelayMs: 5, maxDelayMs: 50 }, ...(listingMemory ? { listingMemory } : {}),
  });
  const calls = () => sb.requests.amazon!.filter((r) => !r.path.startsWith('/auth')).length;

  it('a second process updating stock needs fewer calls than one that has to rediscover the SKU', async () => {
    const first = make(new RedisRecordMap(conns[0]!, 'amazon', SANDBOX_CREDENTIALS.sellerId));
    await first.listings.upsert({ sku: 'LM-1', title: 'Tee LM-1', brand: 'Acme', price: { amount: '19.99', currency: 'EUR' }, quantity: 4, identifiers: { ean: '4006381333931' }, marketplace: { amazon: { productType: 'SHIRT' } } });
    await first.inventory.set([{ sku: 'LM-1', quantity: 5 }]);
    expect(await new RedisRecordMap<RememberedListing>(conns[1]!, 'amazon', SANDBOX_CREDENTIALS.sellerId).get('A1PA6795UKMFR9', 'LM-1')).toMatchObject({ exists: true, productType: 'SHIRT' });

    let before = calls();
    const shared = await make(new RedisRecordMap(conns[1]!, 'amazon', SANDBOX_CREDENTIALS.sellerId)).inventory.set([{ sku: 'LM-1', quantity: 6 }]);
    const withShared = calls() - before;
    before = calls();
    const fresh = await make().inventory.set([{ sku: 'LM-1', quantity: 7 }]);
    const withoutMemory = calls() - before;
    console.log(`[listing memory] inventory.set from a second process: ${withShared} call(s) with the Redis memory, ${withoutMemory} without`);
    expect([shared[0]!.ok, fresh[0]!.ok]).toEqual([true, true]);
    expect(withShared).toBeLessThan(withoutMemory);
  });
});
