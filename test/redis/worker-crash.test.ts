/**
 * Proof (issue 24.4c): a BullMQ worker process SIGKILLed in the middle of an order-sync window
 * and of a bulk listing; a second worker process takes the stalled jobs over. Every order is
 * delivered at least once, every (store, SKU) has exactly one result, no shipment is confirmed
 * twice. Real OS processes, one Redis, the Shopee sandbox in this process.
 */
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_PARTNER, seedOrder, shopeeSandbox, type ShopeeSandboxState } from '../../adapters/shopee/sandbox/index.js';
import { tokenKey } from '../../adapters/shopee/tokens.js';
import type { ListingInput } from '../../src/model/listing.js';
import { RedisTokenStore } from '../../src/redis/token-store.js';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { createWorkers, type XborderWorkers } from '../../src/workers/index.js';
import { bundleChild, startChild, type Child } from './support/processes.js';
import { hasRedisServer, missingRedisMessage, mustFailForMissingRedis, startRedisServer, type RedisServer } from './support/redis-server.js';

it.runIf(mustFailForMissingRedis)('redis-server is installed in CI', () => {
  throw new Error(missingRedisMessage);
});

const SHOPS = [14701711, 14701712];
const ORDERS_PER_SHOP = 30;
const SKUS = 40;

describe.runIf(hasRedisServer)('BullMQ workers: a SIGKILLed worker mid-window and mid-bulk', () => {
  let server: RedisServer;
  let sb: RunningSandbox;
  let world: ShopeeSandboxState;
  let redis: Redis;
  let producer: XborderWorkers;
  let bundle: string;
  const children: Child[] = [];
  beforeAll(async () => {
    [server, bundle] = await Promise.all([startRedisServer(), bundleChild('sync-worker')]);
    redis = await server.connect();
    const module = shopeeSandbox({ shops: SHOPS.map((shopId) => ({ shopId, region: 'SG' as const })) });
    sb = await startSandbox({ marketplaces: { shopee: module }, timeScale: 1000 });
    world = module.state;
    const tokens = new RedisTokenStore(redis);
    for (const shopId of SHOPS) {
      const pair = world.grant(SANDBOX_PARTNER.partnerId, { kind: 'shop', id: shopId });
      await tokens.compareAndSwap(tokenKey(SANDBOX_PARTNER.partnerId, { kind: 'shop', id: shopId }), undefined, { ...pair, version: 1 });
    }
    producer = await createWorkers({ redis: server.url, process: false });
  });
  afterAll(async () => {
    for (const c of children) if (c.proc.exitCode === null) c.proc.kill('SIGKILL');
    await producer?.close();
    await sb?.close();
    await server?.stop();
  });

  const spawnWorker = (name: string) => {
    const c = startChild(bundle, {
      redisUrl: server.url, sandboxUrl: sb.urls.shopee, ...SANDBOX_PARTNER, shops: SHOPS, handleDelayMs: 250, lockMs: 3000, name, concurrency: 6,
    });
    children.push(c);
    return c;
  };

  it('every order delivered at least once, one result per (store, SKU), no shipment confirmed twice; B finishes what A began', async () => {
    const orderIds = new Set<string>();
    for (const shopId of SHOPS) {
      for (let i = 0; i < ORDERS_PER_SHOP; i++) orderIds.add(`shop${shopId}/${seedOrder(world, { shopId, createdAt: Date.now() - 3600_000 + i * 1000 }).wire.order_sn}`);
    }
    const toShip = SHOPS.map((shopId) => seedOrder(world, { shopId, createdAt: Date.now() - 7200_000, mode: 'non_integrated' }));
    for (const o of toShip) orderIds.add(`shop${o.shopId}/${o.wire.order_sn}`);
    const listings: ListingInput[] = Array.from({ length: SKUS }, (_, i) => ({
      sku: `CRASH-${i}`, title: `Crash mug ${i}`, price: { amount: '9.90', currency: 'SGD' }, quantity: 4, images: [`${sb.urls.shopee}/_sandbox/images/crash.png`],
      package: { weight: { value: 0.2, unit: 'kg' } }, marketplace: { shopee: { categoryId: 100001 } },
    }));

    const a = spawnWorker('A');
    await a.waitFor(/^ready A/);
    for (const shopId of SHOPS) await producer.syncOrdersNow(`shop${shopId}`);
    const batch = await producer.bulkUpsert(listings, { stores: SHOPS.map((s) => `shop${s}:${s}`), chunkSize: 10 });
    const shipJobs = await Promise.all(toShip.map((o) => producer.ship(`shop${o.shopId}`, {
      orderId: o.wire.order_sn, packages: [{ lines: [{ lineId: `${(o.wire.item_list as Array<{ item_id: number }>)[0]!.item_id}:0`, quantity: 1 }], trackingNumber: `SPX${o.wire.order_sn}` }],
    })));
    // The same shipment enqueued again (an ERP retry) is the same job.
    expect(await producer.ship(`shop${toShip[0]!.shopId}`, {
      orderId: toShip[0]!.wire.order_sn, packages: [{ lines: [{ lineId: `${(toShip[0]!.wire.item_list as Array<{ item_id: number }>)[0]!.item_id}:0`, quantity: 1 }], trackingNumber: `SPX${toShip[0]!.wire.order_sn}` }],
    })).toBe(shipJobs[0]);

    // Kill A once it is inside a window (some orders delivered) and the bulk batch has begun but not ended.
    const deadline = Date.now() + 90_000;
    for (;;) {
      const [delivered, bulk] = await Promise.all([redis.llen('proof:delivered'), producer.bulkReport(batch)]);
      // A window takes ≥ 7.5 s (30 orders, 250 ms each) while bulk chunks finish in parallel slots.
      if (delivered >= 3 && delivered < orderIds.size && bulk.done >= 1 && bulk.done < bulk.total) break;
      if (Date.now() > deadline) throw new Error(`A never got mid-way: delivered ${delivered}, bulk ${bulk.done}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    a.proc.kill('SIGKILL');
    await a.exited;
    const [deliveredByA, bulkByA] = [await redis.llen('proof:delivered'), (await producer.bulkReport(batch)).done];

    const b = spawnWorker('B');
    await b.waitFor(/^ready B/);
    const until = Date.now() + 150_000;
    while (!(await producer.drained())) {
      if (Date.now() > until) throw new Error('B did not drain the queue in 150 s');
      await new Promise((r) => setTimeout(r, 100));
    }
    b.proc.kill('SIGTERM');
    expect((await b.exited).lines).toContain('closed B');

    const delivered = await redis.lrange('proof:delivered', 0, -1);
    const missing = [...orderIds].filter((id) => !delivered.includes(id));
    const report = await producer.bulkReport(batch);
    const pairs = report.results.map((r) => `${r.store}/${r.sku}`);
    console.log(`[worker crash] A delivered ${deliveredByA} orders and ${bulkByA}/${report.total} bulk results before SIGKILL; after B: ${delivered.length} deliveries of ${orderIds.size} orders (${delivered.length - new Set(delivered).size} redelivered), ${report.done} bulk results, ${world.counters.shipOrder} ship_order calls for ${toShip.length} shipments`);
    expect(deliveredByA).toBeLessThan(orderIds.size);
    expect(missing).toEqual([]);
    expect(report.done).toBe(SHOPS.length * SKUS);
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(report.results.every((r) => r.ok)).toBe(true);
    for (const shopId of SHOPS) for (let i = 0; i < SKUS; i++) expect(world.itemsBySku(`CRASH-${i}`).filter((it) => it.shopId === shopId)).toHaveLength(1);
    expect(toShip.map((o) => o.shipments)).toEqual(toShip.map(() => 1));
    for (const id of shipJobs) expect(await producer.job(id)).toMatchObject({ state: 'completed' });
    for (const shopId of SHOPS) expect(await producer.orderSyncStatus(`shop${shopId}`)).toMatchObject({ ok: true, account: `shop${shopId}` });
    // The batch report expires (7 days after its last result); the sync status is one key per account.
    for (const k of ['meta', 'results']) expect(await redis.pttl(`xborder:_:workers:bulk:${batch}:${k}`)).toBeGreaterThan(6 * 86_400_000);
  }, 360_000);
});
