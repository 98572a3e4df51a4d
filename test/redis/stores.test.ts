import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { NetworkError, ValidationError } from '../../src/errors/classes.js';
import { Hub } from '../../src/hub/index.js';
import type { SyncCheckpoint } from '../../src/hub/checkpoints.js';
import { RedisCheckpointStore, RedisIntentJournal, RedisLimiterStore, RedisTokenStore, namespacedKey, redisStores, resolveRedisUrl } from '../../src/redis/index.js';
import { FakeAdapter, store } from '../unit/hub/support/fake-adapter.js';
import { hasRedisServer, missingRedisMessage, mustFailForMissingRedis, type RedisServer, useTwoConnections } from './support/redis-server.js';

it.runIf(mustFailForMissingRedis)('redis-server is installed in CI', () => {
  throw new Error(missingRedisMessage);
});

describe('Redis URL and key names', () => {
  it('takes the URL given, else XBORDER_REDIS_URL; anything but redis:// or rediss:// is a ValidationError without the URL in it', () => {
    expect(resolveRedisUrl('redis://h:1/2', {})).toBe('redis://h:1/2');
    expect(resolveRedisUrl(undefined, { XBORDER_REDIS_URL: 'rediss://h:6380' })).toBe('rediss://h:6380');
    expect(() => resolveRedisUrl(undefined, {})).toThrow(ValidationError);
    const bad = (() => {
      try {
        resolveRedisUrl('http://user:s3cret@h', {});
      } catch (e) {
        return e as ValidationError;
      }
    })();
    expect(bad).toMatchObject({ path: 'redis.url' });
    expect(bad!.message).not.toContain('s3cret');
  });

  it('names keys xborder:<marketplace>:<account>:<kind>[:rest]', () => {
    expect(namespacedKey('xborder', 'bucket', 'amazon:A1:orders')).toBe('xborder:amazon:A1:bucket:orders');
    expect(namespacedKey('xborder', 'intent', 'ebay:S1:ship:idem-1')).toBe('xborder:ebay:S1:intent:ship:idem-1');
    expect(namespacedKey('t', 'checkpoint', 'eu')).toBe('t:_:eu:checkpoint');
  });

  it('ioredis and bullmq are only imported lazily (the core never loads the optional peers)', () => {
    for (const sub of ['../../src/redis/', '../../src/workers/']) {
      const dir = fileURLToPath(new URL(sub, import.meta.url));
      for (const f of readdirSync(dir)) {
        const text = readFileSync(dir + f, 'utf8');
        expect(text, f).not.toMatch(/^import (?!type )[^;]*from '(ioredis|bullmq)'/m);
      }
    }
    expect(readFileSync(fileURLToPath(new URL('../../src/index.ts', import.meta.url)), 'utf8')).not.toMatch(/redis/);
  });
});

describe('Redis unavailable', () => {
  it('every store fails with a retryable NetworkError naming the operation', async () => {
    // Never connects: commands fail at once instead of queueing.
    const c = new Redis('redis://127.0.0.1:1', { lazyConnect: true, enableOfflineQueue: false });
    const calls: Array<[string, () => Promise<unknown>]> = [
      ['checkpoint get', () => new RedisCheckpointStore(c).get('eu')],
      ['journal put', () => new RedisIntentJournal(c).put({ key: 'k', operation: 'ship', state: 'pending', at: 1 })],
      ['token compare-and-swap', () => new RedisTokenStore(c).compareAndSwap('k', undefined, { accessToken: 'a', expiresAt: 0, version: 1 })],
      ['limiter take', () => new RedisLimiterStore(c).take('k', { perSecond: 1, burst: 1 }, 0)],
    ];
    for (const [what, call] of calls) {
      const e = await call().catch((x: unknown) => x);
      expect(e, what).toBeInstanceOf(NetworkError);
      expect(e).toMatchObject({ retryable: true, message: expect.stringContaining(`Redis ${what} failed`) });
    }
    c.disconnect();
  });
});

describe.runIf(hasRedisServer)('Redis checkpoint store and intent journal', () => {
  let server: RedisServer;
  let a: Redis;
  let b: Redis;
  useTwoConnections((s, x, y) => ([server, a, b] = [s, x, y]));

  it('redisStores(url) opens one connection for every store and closes it', async () => {
    const stores = await redisStores(server.url, { prefix: 'p1' });
    await stores.checkpoints.set('amazon:EU1', { v: 1, delivered: {}, savedAt: 'x' });
    expect(await a.exists('p1:amazon:EU1:checkpoint')).toBe(1);
    await stores.close();
    expect(stores.client.status).toBe('end');
  });

  it('checkpoints: a saved checkpoint reads back whole, is not shared by reference, and accounts do not overwrite each other', async () => {
    const s1 = new RedisCheckpointStore(a);
    const cp: SyncCheckpoint = { v: 1, until: '2026-03-01T11:58:00.000Z', next: '2026-03-01T11:48:00.000Z', delivered: { E1: '2026-03-01T11:46:00.000Z' }, savedAt: '2026-03-01T12:00:00.000Z' };
    expect(await s1.get('fakezon:EU1')).toBeUndefined();
    await Promise.all([s1.set('fakezon:EU1', cp), new RedisCheckpointStore(b).set('fakepee:SG1', { ...cp, until: 'other' })]);
    cp.delivered.E2 = 'mutated after the save';
    expect(await new RedisCheckpointStore(b).get('fakezon:EU1')).toEqual({ ...cp, delivered: { E1: '2026-03-01T11:46:00.000Z' } });
    expect((await s1.get('fakepee:SG1'))!.until).toBe('other');
  });

  it('checkpoints: order sync resumes from Redis in another process without redelivering (order-sync.test expectations)', async () => {
    const MIN = 60_000;
    const T0 = Date.parse('2026-03-01T12:00:00Z');
    const eu = new FakeAdapter({ marketplace: 'fakezon', account: 'EU1', stores: [store('DE', 'EUR')], pageSize: 10, orderFeedLagMs: 2 * MIN });
    eu.now = T0;
    for (let i = 0; i < 7; i++) eu.putOrder(`E${i}`, T0 - 15 * MIN + i * MIN);
    const got: string[] = [];
    const handle = async (o: { id: string }) => void got.push(o.id);
    const now = () => eu.now;
    const r1 = await new Hub({ accounts: { eu } }).orders.sync({ checkpoints: new RedisCheckpointStore(a), handle, now });
    expect(r1.ok).toBe(true);
    expect(got).toHaveLength(7);
    const saved = (await new RedisCheckpointStore(b).get('eu'))!;
    expect(saved.until).toBe(new Date(T0 - 2 * MIN).toISOString());
    expect(saved.next).toBe(new Date(T0 - 12 * MIN).toISOString());

    // "Another process": a new Hub and a new connection; orders in the overlap are not redelivered.
    eu.now = T0 + 5 * MIN;
    eu.putOrder('E6', T0 + 1 * MIN);
    eu.putOrder('E7', T0 + 2 * MIN);
    const r2 = await new Hub({ accounts: { eu } }).orders.sync({ checkpoints: new RedisCheckpointStore(b), handle, now });
    const eu2 = r2.accounts.find((x) => x.account === 'eu')!;
    expect(eu2.delivered).toBe(2);
    expect(eu2.duplicates).toBe(3);
  });

  it('journal: the last state per key wins and survives a restart (a new connection)', async () => {
    const j = new RedisIntentJournal(a);
    await j.put({ key: 'ebay:S1:ship:k', operation: 'ship', state: 'pending', at: 1 });
    await j.put({ key: 'ebay:S1:ship:k', operation: 'ship', state: 'succeeded', at: 2, result: { id: 7 } });
    expect(await new RedisIntentJournal(b).get('ebay:S1:ship:k')).toMatchObject({ state: 'succeeded', result: { id: 7 } });
    expect(await j.get('missing')).toBeUndefined();
    expect(await a.exists('xborder:ebay:S1:intent:ship:k')).toBe(1);
    expect(await a.pttl('xborder:ebay:S1:intent:ship:k')).toBe(-1);
  });

  it('journal: with ttlMs, intents expire', async () => {
    const j = new RedisIntentJournal(a, { ttlMs: 60_000 });
    await j.put({ key: 'shopee:1:ship:k', operation: 'ship', state: 'unknown', at: 1 });
    const ttl = await a.pttl('xborder:shopee:1:intent:ship:k');
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });
});
