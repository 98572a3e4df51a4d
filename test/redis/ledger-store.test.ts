import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListingMemory, RememberedListing } from '../../adapters/amazon/listing-memory.js';
import { ValidationError } from '../../src/errors/classes.js';
import { StockLedger } from '../../src/inventory/ledger.js';
import { RedisLedgerStore } from '../../src/redis/ledger-store.js';
import { RedisLimiterStore } from '../../src/redis/limiter-store.js';
import { redisStores } from '../../src/redis/index.js';
import { RedisRecordMap } from '../../src/redis/record-map.js';
import { hasRedisServer, missingRedisMessage, mustFailForMissingRedis, startRedisServer, type RedisServer } from './support/redis-server.js';

it.runIf(mustFailForMissingRedis)('redis-server is installed in CI', () => {
  throw new Error(missingRedisMessage);
});

/** A StockLedger order (the normalized Order's stock-relevant fields). */
const order = (id: string, quantity: number) => ({
  id, store: 'EU', status: 'unshipped', holds: [], fulfilledBy: 'merchant', updatedAt: { utc: '2026-01-01T00:00:00.000Z' },
  lines: [{ lineId: '1', sku: 'MUG', quantity, shippedQuantity: 0, cancelledQuantity: 0 }],
});

describe.runIf(hasRedisServer)('Redis stores: stock ledger, record map, 429 penalty', () => {
  let server: RedisServer;
  let c: Redis[];
  beforeAll(async () => {
    server = await startRedisServer();
    c = await Promise.all(Array.from({ length: 4 }, () => server.connect()));
  });
  afterAll(() => server?.stop());

  it('two ledgers on two connections: reservations from both land, each sees the other after refresh, a late opener loads everything', async () => {
    const [sa, sb] = await Promise.all([RedisLedgerStore.open(c[0]!, { name: 'w1' }), RedisLedgerStore.open(c[1]!, { name: 'w1' })]);
    const a = new StockLedger({ store: sa });
    const b = new StockLedger({ store: sb });
    a.setOnHand('MUG', 10);
    a.map('acct:EU', 'MUG', { sku: 'MUG' });
    await a.flush();
    await b.refresh();
    expect(b.onHand('MUG')).toBe(10);
    // Both import at once from the same version: the second commit is rebased, nothing is lost.
    a.applyOrder('acct', order('o1', 2));
    b.applyOrder('acct', order('o2', 3));
    // The same order imported twice (two processes saw it) reserves once.
    b.applyOrder('acct', order('o1', 2));
    await Promise.all([a.flush(), b.flush()]);
    await Promise.all([a.refresh(), b.refresh()]);
    expect([a.reserved('MUG'), b.reserved('MUG')]).toEqual([5, 5]);
    const late = new StockLedger({ store: await RedisLedgerStore.open(c[2]!, { name: 'w1' }) });
    expect(late.reserved('MUG')).toBe(5);
    expect(late.available('acct:EU', 'MUG')).toBe(5);
    expect(await c[0]!.keys('xborder:_:w1:ledger:*')).toEqual(expect.arrayContaining(['xborder:_:w1:ledger:log', 'xborder:_:w1:ledger:v']));
  });

  it('compaction folds the log into a snapshot; ledgers behind it and new openers rebuild the same state', async () => {
    const opts = { name: 'w2', compactEvery: 5 };
    const a = new StockLedger({ store: await RedisLedgerStore.open(c[0]!, opts) });
    const b = new StockLedger({ store: await RedisLedgerStore.open(c[1]!, opts) });
    a.setOnHand('MUG', 100);
    a.map('acct:EU', 'MUG', { sku: 'MUG' });
    await a.flush();
    for (let i = 0; i < 12; i++) {
      (i % 2 ? a : b).applyOrder('acct', order(`c${i}`, 1));
      await (i % 2 ? a : b).flush();
    }
    expect(await c[0]!.hget('xborder:_:w2:ledger:snap', 'v')).toBe('10');
    expect(await c[0]!.llen('xborder:_:w2:ledger:log')).toBe(3);
    await Promise.all([a.refresh(), b.refresh()]);
    const fresh = new StockLedger({ store: await RedisLedgerStore.open(c[2]!, opts) });
    expect([a.reserved('MUG'), b.reserved('MUG'), fresh.reserved('MUG')]).toEqual([12, 12, 12]);
    expect(fresh.snapshot().version).toBe(13);
  });

  it('a ledger name outside [A-Za-z0-9_.-] is a ValidationError naming the field', async () => {
    await expect(RedisLedgerStore.open(c[0]!, { name: 'a:b' })).rejects.toMatchObject({ path: 'name' });
    await expect(RedisLedgerStore.open(c[0]!, { name: 'a:b' })).rejects.toBeInstanceOf(ValidationError);
  });

  it('record map: merges fields across processes (the Amazon ListingMemory shape), namespaced, optional TTL', async () => {
    const m1: ListingMemory = new RedisRecordMap<RememberedListing>(c[0]!, 'amazon', 'A1');
    const m2 = new RedisRecordMap<RememberedListing>(c[1]!, 'amazon', 'A1', { ttlMs: 60_000 });
    await m1.set('ATVPDKIKX0DER', 'SKU:1', { exists: true, productType: 'MUG' });
    await m2.set('ATVPDKIKX0DER', 'SKU:1', { exists: true, channel: 'DEFAULT', productType: undefined });
    expect(await m2.get('ATVPDKIKX0DER', 'SKU:1')).toEqual({ exists: true, productType: 'MUG', channel: 'DEFAULT' });
    expect(await m1.get('ATVPDKIKX0DER', 'SKU:2')).toBeUndefined();
    expect(await new RedisRecordMap(c[2]!, 'amazon', 'A2').get('ATVPDKIKX0DER', 'SKU:1')).toBeUndefined();
    const key = 'xborder:amazon:A1:record:13:ATVPDKIKX0DER:SKU:1';
    expect(await c[0]!.hgetall(key)).toEqual({ exists: 'true', productType: '"MUG"', channel: '"DEFAULT"' });
    expect(await c[0]!.pttl(key)).toBeGreaterThan(50_000);
    expect(() => new RedisRecordMap(c[0]!, 'amazon', 'a:b')).toThrow(ValidationError);
    // The same map through redisStores(), as a user wires it: amazon({ listingMemory: stores.records('amazon', 'A1') }).
    const stores = await redisStores(c[3]!);
    expect(await stores.records<RememberedListing>('amazon', 'A1').get('ATVPDKIKX0DER', 'SKU:1')).toMatchObject({ productType: 'MUG' });
    expect(new StockLedger({ store: await stores.ledgerStore({ name: 'w1' }) }).reserved('MUG')).toBe(5);
  });

  it('a 429 penalty only ever lowers the shared bucket: tokens other processes took meanwhile are not given back', async () => {
    const plan = { perSecond: 1, burst: 5 };
    const key = 'amazon:P1:orders';
    const [s1, s2] = [new RedisLimiterStore(c[0]!, { clock: 'caller' }), new RedisLimiterStore(c[1]!, { clock: 'caller' })];
    // Process 1 read the bucket (5 tokens) to penalize it; meanwhile process 2 took all 5.
    for (let i = 0; i < 5; i++) expect(await s2.take(key, plan, 1000)).toBe(0);
    await s1.set(key, { tokens: 0.5, updatedAt: 1000, perSecond: 1, burst: 5 });
    expect((await s2.get(key))!.tokens).toBeLessThan(0.01);
    expect(await s2.take(key, plan, 1000)).toBe(1000);
  });
});
