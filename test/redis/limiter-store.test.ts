import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateLimitError } from '../../src/errors/classes.js';
import type { Clock } from '../../src/http/clock.js';
import { Limiter } from '../../src/http/limiter.js';
import { RedisLimiterStore } from '../../src/redis/limiter-store.js';
import { hasRedisServer, missingRedisMessage, mustFailForMissingRedis, startRedisServer, type RedisServer } from './support/redis-server.js';

it.runIf(mustFailForMissingRedis)('redis-server is installed in CI', () => {
  throw new Error(missingRedisMessage);
});

/** A clock that only moves when told (the limiter's deadline and the store's 'caller' clock). */
const fixedClock = (at: number): Clock => ({ now: () => at, sleep: () => new Promise((r) => setTimeout(r, 1)) });

async function serverMs(c: Redis): Promise<number> {
  const [s, us] = await c.time();
  return Number(s) * 1000 + Number(us) / 1000;
}

describe.runIf(hasRedisServer)('RedisLimiterStore', () => {
  let server: RedisServer;
  let clients: Redis[];
  beforeAll(async () => {
    server = await startRedisServer();
    clients = await Promise.all(Array.from({ length: 8 }, () => server.connect()));
  });
  afterAll(() => server?.stop());

  it('8 connections taking from one bucket at full speed: grants = burst + rate × elapsed (count-based, virtual clock)', async () => {
    const plan = { perSecond: 500, burst: 10 };
    const stores = clients.map((c) => new RedisLimiterStore(c, { clock: 'caller' }));
    // Every call advances a shared virtual clock by 0.25 ms: 4,000 calls span 1 s, 4× the quota.
    let tick = 0;
    const granted = await Promise.all(
      stores.map(async (s) => {
        let n = 0;
        for (let i = 0; i < 500; i++) if ((await s.take('amazon:A1:orders', plan, (tick++) * 0.25)) === 0) n++;
        return n;
      }),
    );
    const total = granted.reduce((x, y) => x + y, 0);
    const spanS = ((tick - 1) * 0.25) / 1000;
    const allowed = plan.burst + plan.perSecond * spanS;
    console.log(`[redis limiter, virtual clock] ${total} grants for ${allowed.toFixed(1)} allowed over ${spanS * 1000} ms by 8 connections (${(total / allowed).toFixed(4)}×); per connection: ${granted.join(', ')}`);
    expect(total).toBeLessThanOrEqual(allowed * 1.02);
    expect(total).toBeGreaterThanOrEqual(allowed * 0.98);
    expect(granted.every((n) => n > 0)).toBe(true);
  });

  it('8 limiters (one per connection) acquiring at full speed: the combined rate stays within burst + rate × elapsed (Redis clock)', async () => {
    const plan = { perSecond: 200, burst: 2 };
    const limiters = clients.map((c) => new Limiter(new RedisLimiterStore(c)));
    const start = await serverMs(clients[0]!);
    const stopAt = Date.now() + 800;
    const granted = await Promise.all(
      limiters.map(async (l) => {
        let n = 0;
        while (Date.now() < stopAt) {
          await l.acquire('ebay:S1:inventory', plan);
          n++;
        }
        return n;
      }),
    );
    const elapsedS = ((await serverMs(clients[0]!)) - start) / 1000;
    const total = granted.reduce((x, y) => x + y, 0);
    const allowed = plan.burst + plan.perSecond * elapsedS;
    console.log(`[redis limiter, server clock] ${total} grants in ${(elapsedS * 1000).toFixed(0)} ms = ${((total - plan.burst) / elapsedS).toFixed(1)}/s for a quota of ${plan.perSecond}/s; per limiter: ${granted.join(', ')}`);
    // Every grant happened between the two TIME readings, and the script never grants beyond the bucket.
    expect(total).toBeLessThanOrEqual(allowed * 1.02);
    expect(total).toBeGreaterThan(plan.burst);
  });

  it('limiters in different processes share one bucket: a second limiter finds it empty and respects its deadline', async () => {
    const T = 1_000_000;
    const plan = { perSecond: 1, burst: 1 };
    const a = new Limiter(new RedisLimiterStore(clients[0]!, { clock: 'caller' }), fixedClock(T));
    const b = new Limiter(new RedisLimiterStore(clients[1]!, { clock: 'caller' }), fixedClock(T));
    await expect(a.acquire('shopee:7:orders', plan)).resolves.toBe(0);
    await expect(b.acquire('shopee:7:orders', plan, { deadline: T + 100 })).rejects.toBeInstanceOf(RateLimitError);
  });

  it('a rate learned from response headers by one process applies to every process', async () => {
    const key = 'amazon:A2:feeds';
    const plan = { perSecond: 1, burst: 1 };
    const [s1, s2] = [new RedisLimiterStore(clients[0]!, { clock: 'caller' }), new RedisLimiterStore(clients[1]!, { clock: 'caller' })];
    expect(await s1.take(key, plan, 0)).toBe(0);
    expect(await s2.take(key, plan, 0)).toBe(1000);
    // Process 1 reads x-amzn-RateLimit-Limit: 10 and tells its limiter.
    new Limiter(s1).updateRate(key, 10);
    await new Promise((r) => setTimeout(r, 20));
    expect(await s2.take(key, plan, 0)).toBe(100);
    expect(await s2.get(key)).toMatchObject({ perSecond: 10, burst: 1 });
    new Limiter(s1).updateRate('amazon:A3:idle', 5);
    await new Promise((r) => setTimeout(r, 20));
    expect(await clients[0]!.pttl('xborder:amazon:A3:bucket:idle')).toBeGreaterThan(0);
  });

  it('namespaces buckets per marketplace/account and lets idle ones expire; penalize empties the shared bucket', async () => {
    const T = 5_000;
    const plan = { perSecond: 1, burst: 3 };
    const store = new RedisLimiterStore(clients[2]!, { clock: 'caller' });
    const limiter = new Limiter(store, fixedClock(T));
    await limiter.acquire('aliexpress:S9:orders', plan);
    const key = 'xborder:aliexpress:S9:bucket:orders';
    expect(await clients[0]!.exists(key)).toBe(1);
    const ttl = await clients[0]!.pttl(key);
    expect(ttl).toBeGreaterThan(3000);
    expect(ttl).toBeLessThanOrEqual(3_000 + 3_600_000);
    await limiter.penalize('aliexpress:S9:orders', plan, 5_000);
    expect(await new RedisLimiterStore(clients[3]!, { clock: 'caller' }).take('aliexpress:S9:orders', plan, T)).toBe(1000);
  });
});
