import { afterEach, describe, expect, it } from 'vitest';
import { lostPushSource, shopeeWebhookVerifier } from '../../adapters/shopee/public.js';
import { seedOrder } from '../../adapters/shopee/sandbox/index.js';
import { Hub, memoryCheckpoints } from '../../src/hub/index.js';
import type { Order } from '../../src/model/order.js';
import { createWebhookReceiver, eventInbox } from '../../src/notifications/index.js';
import type { WatchContext } from '../../src/index.js';
import { serve } from './helpers.js';
import { shopeeWorld, until } from './shopee-world.js';

// 1 real ms = 100 marketplace ms: a 15-minute poll interval is 9 s of real time.
const SCALE = 100;
let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

async function setup(opts: { push: boolean; intervalMs: number; drainEveryMs?: number }) {
  const w = await shopeeWorld(SCALE);
  cleanups.push(w.close);
  const hub = new Hub({ accounts: { sg: w.adapter } });
  const inbox = eventInbox('shopee');
  const receiver = createWebhookReceiver({ shopee: shopeeWebhookVerifier(w.adapter.push), onEvent: inbox.onEvent, clock: w.clock });
  const srv = await serve(receiver);
  cleanups.push(srv.close);
  if (opts.push) w.world.pushUrl = `${srv.url}/push`;
  // Seeded before the watch starts: its first poll window (bound frozen at start) lists it.
  const order = seedOrder(w.world);
  // A window never ends inside the current second (whole-second timestamps): let that second pass.
  await w.clock.sleep(1000);
  const seen: Array<{ order: Order; ctx: WatchContext; at: number }> = [];
  const ac = new AbortController();
  const sources = [inbox, ...(opts.drainEveryMs ? [lostPushSource(w.adapter.push, { clock: w.clock, everyMs: opts.drainEveryMs })] : [])];
  const done = hub.orders.watch({
    sources, signal: ac.signal, clock: w.clock,
    poll: { checkpoints: memoryCheckpoints(), since: new Date(w.clock.now() - 3600_000), intervalMs: opts.intervalMs, lagMs: 0 },
    handle: (order, ctx) => void seen.push({ order, ctx, at: w.clock.now() }),
  });
  cleanups.push(async () => {
    ac.abort();
    await done;
  });
  return { ...w, hub, receiver, seen, ac, done, o: order };
}

describe('hub.orders.watch on the Shopee sandbox', () => {
  it('a push triggers a targeted read at once; a buyer cancellation reaches the handler as a hold; poll and push dedupe', async () => {
    const s = await setup({ push: true, intervalMs: 60 * 60_000 });
    const o = s.o;
    // The first poll runs at start and delivers the order seeded before.
    await until(() => s.seen.some((x) => x.order.id === o.wire.order_sn));
    expect(s.seen[0]!.ctx.via).toBe('poll');
    const asked = s.clock.now();
    s.world.requestBuyerCancellation(o.wire.order_sn);
    await until(() => s.seen.length === 2);
    const pushed = s.seen[1]!;
    expect(pushed.ctx).toMatchObject({ account: 'sg', via: 'push', event: { kind: 'order_cancel_requested', orderId: o.wire.order_sn } });
    expect(pushed.order.holds).toContain('pending_buyer_cancellation');
    expect(pushed.order.shippable).toBe(false);
    // Well within a minute of marketplace time, long before the hour-long poll interval.
    expect(pushed.at - asked).toBeLessThan(60_000);
    expect(s.receiver.stats()).toMatchObject({ handled: 1, failed: 0 });
    s.ac.abort();
    const r = await s.done;
    expect(r).toMatchObject({ events: 1, reads: 1, delivered: { push: 1, poll: 1 } });
  });

  it('a dropped push is recovered by the lost-push drain', async () => {
    const s = await setup({ push: false, intervalMs: 60 * 60_000, drainEveryMs: 30_000 });
    const o = s.o;
    await until(() => s.seen.length === 1);
    s.world.requestBuyerCancellation(o.wire.order_sn); // no push URL: lost, kept in the backlog
    await until(() => s.seen.length === 2);
    expect(s.seen[1]!.ctx).toMatchObject({ via: 'push', event: { kind: 'order_cancel_requested' } });
    await until(() => s.world.lostPushes.every((m) => m.confirmed));
  });

  it('a dropped push is recovered by the poll (no drain): the change reaches the handler within one interval', async () => {
    const interval = 2 * 60_000;
    const s = await setup({ push: false, intervalMs: interval });
    const o = s.o;
    await until(() => s.seen.length === 1);
    const changed = s.clock.now();
    s.world.requestBuyerCancellation(o.wire.order_sn);
    await until(() => s.seen.length === 2);
    expect(s.seen[1]!.ctx.via).toBe('poll');
    expect(s.seen[1]!.order.holds).toContain('pending_buyer_cancellation');
    expect(s.seen[1]!.at - changed).toBeLessThanOrEqual(interval + 30_000);
  });
});
