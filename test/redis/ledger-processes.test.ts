/**
 * Proof (issue 24.4d): one stock ledger shared through Redis by 4 OS processes importing orders
 * for the same SKUs at once (each its own orders, plus orders all four see). Stock equals the
 * demand exactly, so a lost reservation would leave units free at the end and a doubled one would
 * drive the free count below zero: neither happens, and no push ever computes a negative quantity.
 */
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StockLedger } from '../../src/inventory/ledger.js';
import { RedisLedgerStore } from '../../src/redis/ledger-store.js';
import { bundleChild, startChild } from './support/processes.js';
import { hasRedisServer, missingRedisMessage, mustFailForMissingRedis, startRedisServer, type RedisServer } from './support/redis-server.js';

it.runIf(mustFailForMissingRedis)('redis-server is installed in CI', () => {
  throw new Error(missingRedisMessage);
});

const SKUS = ['MUG', 'TEE', 'CAP'];
const PROCS = 4;
const OWN = 60;
const SHARED = 30;

describe.runIf(hasRedisServer)('StockLedger shared by 4 OS processes through Redis', () => {
  let server: RedisServer;
  let redis: Redis;
  let bundle: string;
  beforeAll(async () => {
    [server, bundle] = await Promise.all([startRedisServer(), bundleChild('ledger-worker')]);
    redis = await server.connect();
  });
  afterAll(() => server?.stop());

  it('no reservation lost or doubled; free never below zero; every push ≥ 0', async () => {
    // Demand per SKU: own orders of 1 or 2 units (alternating) in every process, plus shared orders of 1.
    const demand: Record<string, number> = Object.fromEntries(SKUS.map((s) => [s, 0]));
    for (let i = 0; i < OWN; i++) demand[SKUS[i % SKUS.length]!]! += PROCS * (1 + (i % 2));
    for (let i = 0; i < SHARED; i++) demand[SKUS[i % SKUS.length]!]! += 1;
    const seed = new StockLedger({ store: await RedisLedgerStore.open(redis, { name: 'proof', compactEvery: 50 }) });
    for (const sku of SKUS) {
      seed.setOnHand(sku, demand[sku]!);
      seed.map('acct:EU', sku, { sku });
    }
    await seed.flush();

    const children = Array.from({ length: PROCS }, (_, p) => startChild(bundle, { redisUrl: server.url, id: `p${p}`, orders: OWN, shared: SHARED, skus: SKUS }));
    await Promise.all(children.map((c) => c.waitFor(/^ready$/)));
    const started = Date.now();
    await redis.set('proof:startAt', String(started + 100));
    const results = (await Promise.all(children.map((c) => c.exited))).map((d) => JSON.parse(d.lines.at(-1)!) as { pushes: number; minPush: number; minFree: number });

    const final = new StockLedger({ store: await RedisLedgerStore.open(redis, { name: 'proof' }) });
    const commits = Number(await redis.get('xborder:_:proof:ledger:v'));
    console.log(`[shared ledger, 4 processes] ${commits} commits in ${Date.now() - started} ms; reserved ${SKUS.map((s) => `${s} ${final.reserved(s)}/${demand[s]}`).join(', ')}; lowest push ${Math.min(...results.map((r) => r.minPush))}, lowest free ${Math.min(...results.map((r) => r.minFree))} over ${results.reduce((n, r) => n + r.pushes, 0)} pushes`);
    for (const sku of SKUS) {
      expect(final.reserved(sku)).toBe(demand[sku]);
      expect(final.free(sku)).toBe(0);
      expect(final.available('acct:EU', sku)).toBe(0);
    }
    expect(Math.min(...results.map((r) => r.minFree))).toBeGreaterThanOrEqual(0);
    expect(Math.min(...results.map((r) => r.minPush))).toBeGreaterThanOrEqual(0);
    // Every process committed each import: 1 seed commit + PROCS × (OWN + SHARED), log folded as it went.
    expect(commits).toBe(1 + PROCS * (OWN + SHARED));
    expect(await redis.llen('xborder:_:proof:ledger:log')).toBeLessThan(50);
  }, 240_000);
});
