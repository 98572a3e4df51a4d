import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shopee } from '../../adapters/shopee/index.js';
import { SANDBOX_PARTNER, seedOrder, shopeeSandbox, type ShopeeSandboxState } from '../../adapters/shopee/sandbox/index.js';
import { tokenKey } from '../../adapters/shopee/tokens.js';
import { ValidationError } from '../../src/errors/classes.js';
import { Limiter } from '../../src/http/limiter.js';
import { RedisIntentJournal } from '../../src/redis/intent-journal.js';
import { RedisLimiterStore } from '../../src/redis/limiter-store.js';
import { RedisTokenStore } from '../../src/redis/token-store.js';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { acquireAccountLock } from '../../src/workers/account-lock.js';
import { createWorkers, type XborderWorkers } from '../../src/redis/index.js';
import { hasRedisServer, missingRedisMessage, mustFailForMissingRedis, startRedisServer, type RedisServer } from './support/redis-server.js';

it.runIf(mustFailForMissingRedis)('redis-server is installed in CI', () => {
  throw new Error(missingRedisMessage);
});

const SHOP = 14701711;

async function until(check: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.runIf(hasRedisServer)('createWorkers (one process)', () => {
  let server: RedisServer;
  let sb: RunningSandbox;
  let world: ShopeeSandboxState;
  let redis: Redis;
  let workers: XborderWorkers;
  let reader: XborderWorkers;
  const delivered: string[] = [];
  beforeAll(async () => {
    server = await startRedisServer();
    redis = await server.connect();
    const module = shopeeSandbox({ shops: [{ shopId: SHOP, region: 'SG' }] });
    sb = await startSandbox({ marketplaces: { shopee: module }, timeScale: 1000 });
    world = module.state;
    const tokens = new RedisTokenStore(redis);
    const pair = world.grant(SANDBOX_PARTNER.partnerId, { kind: 'shop', id: SHOP });
    await tokens.compareAndSwap(tokenKey(SANDBOX_PARTNER.partnerId, { kind: 'shop', id: SHOP }), undefined, { ...pair, version: 1 });
    const adapter = shopee({
      region: 'SG', ...SANDBOX_PARTNER, shopId: SHOP, endpoint: sb.urls.shopee, timeScale: 1000, tokens, journal: new RedisIntentJournal(redis),
      limiter: new Limiter(new RedisLimiterStore(redis)), retry: { baseDelayMs: 1, maxDelayMs: 5 },
    });
    workers = await createWorkers({ redis: server.url, accounts: { sg: adapter }, concurrency: 2, lockMs: 2000, orders: { since: new Date(Date.now() - 7200_000), handle: (o) => void delivered.push(o.id) } });
    // Another process's view: enqueues and reads, runs nothing.
    reader = await createWorkers({ redis, process: false });
  });
  afterAll(async () => {
    await workers?.close();
    await reader?.close();
    await sb?.close();
    await server?.stop();
  });

  it('a repeatable per-account sync: schedulers in Redis, windows run, the report is readable from another process', async () => {
    const sn = seedOrder(world, { createdAt: Date.now() - 3600_000 }).wire.order_sn;
    expect(await reader.scheduleOrderSync({ everyMs: 1000, accounts: ['sg'] })).toEqual(['sg']);
    // Re-scheduling replaces the scheduler (one per account, never two).
    await reader.scheduleOrderSync({ everyMs: 1000, accounts: ['sg'] });
    expect(await redis.zrange('xborder:xborder:repeat', 0, -1)).toEqual(['orders|sg']);
    await until(async () => delivered.includes(sn));
    await until(async () => (await reader.orderSyncStatus('sg'))?.ok === true);
    expect(await reader.orderSyncStatus('sg')).toMatchObject({ account: 'sg', marketplace: 'shopee', ok: true });
  });

  it('an inventory push job: its results are readable from any process by job id', async () => {
    const id = await reader.pushInventory('sg', [{ sku: 'NOPE-1', quantity: 3 }], { id: 'p1' });
    expect(await reader.pushInventory('sg', [{ sku: 'NOPE-1', quantity: 3 }], { id: 'p1' })).toBe(id);
    await until(async () => (await reader.job(id))?.state === 'completed');
    expect(await reader.job(id)).toMatchObject({ name: 'inventory', state: 'completed', result: [{ sku: 'NOPE-1', ok: false, error: 'NOT_FOUND' }] });
    expect(await reader.job('no-such-job')).toBeUndefined();
  });

  it('bad input is a ValidationError naming the field, before anything is enqueued', async () => {
    await expect(reader.syncOrdersNow('a:b')).rejects.toMatchObject({ path: 'account' });
    await expect(reader.scheduleOrderSync({ everyMs: 10 })).rejects.toMatchObject({ path: 'everyMs' });
    await expect(reader.bulkUpsert([], { stores: ['nostore'] })).rejects.toMatchObject({ path: 'stores[0]' });
    await expect(reader.bulkReport('missing')).rejects.toBeInstanceOf(ValidationError);
    await expect(createWorkers({ redis: server.url })).rejects.toMatchObject({ path: 'accounts' });
    await expect(createWorkers({ redis: server.url, accounts: {}, concurrency: 0 })).rejects.toMatchObject({ path: 'concurrency' });
  });

  it("the per-account lock: another job skips, the same job (a stalled re-run) takes it over, only the owner releases", async () => {
    const key = 'xborder:_:workers:sync-lock:test';
    const first = await acquireAccountLock(redis, key, 'job-1', 5000);
    expect(first).toBeDefined();
    expect(await acquireAccountLock(redis, key, 'job-2', 5000)).toBeUndefined();
    const rerun = await acquireAccountLock(redis, key, 'job-1', 5000);
    expect(rerun).toBeDefined();
    await rerun!.release();
    expect(await redis.exists(key)).toBe(0);
    const other = await acquireAccountLock(redis, key, 'job-2', 5000);
    await first!.release();
    expect(await redis.get(key)).toBe('job-2');
    await other!.release();
  });
});
