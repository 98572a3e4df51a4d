import { describe, expect, it } from 'vitest';
import { Hub, memoryCheckpoints } from '../../src/hub/index.js';
import type { EventHandler, MarketplaceEvent, NotificationSource } from '../../src/notifications/index.js';
import { abortableSleep } from '../../src/http/clock.js';
import { FakeAdapter, makeOrder } from '../unit/hub/support/fake-adapter.js';

/** A source the test drives: `send` delivers one event and resolves/rejects like the watch's handler. */
function manualSource(): NotificationSource & { send(e: Partial<MarketplaceEvent>): Promise<void> } {
  let handle: EventHandler | undefined;
  return {
    marketplace: 'fake',
    run: (h, o) => new Promise<void>((resolve) => {
      handle = h;
      o?.signal?.addEventListener('abort', () => resolve(), { once: true });
    }),
    send: (e) => handle!({ marketplace: 'fake', account: 'SELLER1', kind: 'order_changed', eventId: String(Math.random()), occurredAt: '', topic: 't', raw: {}, ...e }),
  };
}

const T0 = Date.parse('2026-03-01T12:00:00Z');

async function setup() {
  const fake = new FakeAdapter({ orderFeedLagMs: 0 });
  fake.orderBook.set('A', makeOrder('A', T0 - 60_000, 'US'));
  const src = manualSource();
  const seen: Array<{ id: string; via: string; holds: string[] }> = [];
  const ac = new AbortController();
  // Sleeps last a day unless woken or aborted: only a push can make the poll run again.
  const clock = { now: () => fake.now, sleep: (_ms: number, s?: AbortSignal) => abortableSleep(86_400_000, s) };
  const done = new Hub({ accounts: { f: fake } }).orders.watch({
    sources: [src], signal: ac.signal, clock,
    poll: { checkpoints: memoryCheckpoints(), since: new Date(T0 - 3600_000), intervalMs: 60_000 },
    handle: (o, ctx) => void seen.push({ id: o.id, via: ctx.via, holds: [...o.holds] }),
  });
  while (fake.listCalls === 0 || seen.length === 0) await new Promise((r) => setTimeout(r, 5));
  return { fake, src, seen, stop: async () => (ac.abort(), done) };
}

describe('order watch (unit)', () => {
  it('reads the order of a push; the same version from push and poll reaches the handler once', async () => {
    const s = await setup();
    await s.src.send({ orderId: 'A' });
    const r = await s.stop();
    expect(s.seen).toEqual([{ id: 'A', via: 'poll', holds: [] }]);
    expect(r).toMatchObject({ events: 1, reads: 1, duplicates: 1, delivered: { poll: 1, push: 0 } });
  });

  it('a cancellation request becomes a hold at once even when the read does not show it yet', async () => {
    const s = await setup();
    s.fake.orderBook.set('A', makeOrder('A', T0 - 30_000, 'US'));
    await s.src.send({ orderId: 'A', kind: 'order_cancel_requested' });
    await s.stop();
    expect(s.seen[1]).toEqual({ id: 'A', via: 'push', holds: ['pending_buyer_cancellation'] });
  });

  it('ignores other kinds and other accounts; a push without an order id wakes the poll', async () => {
    const s = await setup();
    await s.src.send({ kind: 'listing_status_changed', sku: 'X' });
    await s.src.send({ account: 'SOMEONE_ELSE', orderId: 'A' });
    const lists = s.fake.listCalls;
    s.fake.orderBook.set('B', makeOrder('B', T0 - 10_000, 'US'));
    await s.src.send({});
    while (!s.seen.some((x) => x.id === 'B')) await new Promise((r) => setTimeout(r, 5));
    const r = await s.stop();
    expect(s.fake.listCalls).toBeGreaterThan(lists);
    expect(r).toMatchObject({ events: 3, ignored: 2, reads: 0 });
  });

  it('a failed read rejects the push (the source redelivers it)', async () => {
    const s = await setup();
    await expect(s.src.send({ orderId: 'NOPE' })).rejects.toThrow();
    await s.stop();
  });
});
