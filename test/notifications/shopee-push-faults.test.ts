import { afterEach, describe, expect, it } from 'vitest';
import { drainLostPushes, shopeeWebhookVerifier } from '../../adapters/shopee/public.js';
import { routePushes, seedOrder } from '../../adapters/shopee/sandbox/index.js';
import { createWebhookReceiver, type MarketplaceEvent } from '../../src/notifications/index.js';
import { serve } from './helpers.js';
import { shopeeWorld, until } from './shopee-world.js';

let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

describe('Shopee sandbox push delivery with faults', () => {
  it('drops (to the lost backlog), duplicates and delays signed pushes; receiver + drain see every change once', async () => {
    const w = await shopeeWorld(50);
    cleanups.push(w.close);
    const seen: MarketplaceEvent[] = [];
    const receiver = createWebhookReceiver({ shopee: shopeeWebhookVerifier(w.adapter.push), onEvent: async (e) => void seen.push(e), clock: w.clock });
    const srv = await serve(receiver);
    cleanups.push(srv.close);
    const stats = routePushes(w.world, `${srv.url}/push`, { seed: 7, drop: 0.2, duplicate: 0.2, delay: 0.2, reorder: 0.1 });
    const orders = Array.from({ length: 40 }, () => seedOrder(w.world));
    for (const o of orders) w.world.requestBuyerCancellation(o.wire.order_sn);
    await until(() => stats.received === 40 && stats.forwarded + stats.dropped + stats.failed === 40);
    expect(stats.dropped).toBeGreaterThan(0);
    expect(stats.duplicated).toBeGreaterThan(0);
    expect(stats.delayed + stats.reordered).toBeGreaterThan(0);
    // Duplicates are refused as replays by the receiver: handled once.
    expect(receiver.stats().rejected.replayed).toBe(stats.duplicated);
    const drained: MarketplaceEvent[] = [];
    await drainLostPushes(w.adapter.push, async (e) => void drained.push(e));
    expect(drained).toHaveLength(stats.dropped + stats.failed);
    const ids = [...seen, ...drained].map((e) => e.orderId).sort();
    expect(ids).toEqual(orders.map((o) => o.wire.order_sn).sort());
  });
});
