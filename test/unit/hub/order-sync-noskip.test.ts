/**
 * Issue 12.1: no order is skipped when other orders change during a scan. Listings are frozen
 * windows read with offset cursors (as every marketplace's): an order that leaves the window while
 * a later page is read shifts the rest by one, and the order at the page boundary is never listed.
 */
import { describe, expect, it } from 'vitest';
import { Hub, memoryCheckpoints } from '../../../src/hub/index.js';
import type { Order } from '../../../src/model/order.js';
import { FakeAdapter, store } from './support/fake-adapter.js';

const MIN = 60_000;
const T0 = Date.parse('2026-03-01T12:00:00Z');

function shopLike(pageSize = 100) {
  const sg = new FakeAdapter({ marketplace: 'fakepee', account: 'SG1', stores: [store('SG', 'SGD')], pageSize });
  sg.now = T0;
  return { sg, hub: new Hub({ accounts: { sg } }) };
}

describe('order sync never skips an order that another change shifted', () => {
  it('130 orders, order #1 cancelled while page 2 is read: #101 is still delivered', async () => {
    const { sg, hub } = shopLike(100);
    for (let i = 1; i <= 130; i++) sg.putOrder(`O${String(i).padStart(3, '0')}`, T0 - 60 * MIN + i * 1000);
    let cancelled = false;
    sg.beforePage = (n) => {
      // The buyer cancels #1 right before the second page request of the first listing.
      if (n === 1 && !cancelled) {
        cancelled = true;
        sg.now += 1000;
        sg.putOrder('O001', sg.now);
      }
    };
    const got = new Set<string>();
    const r = await hub.orders.sync({ checkpoints: memoryCheckpoints(), handle: (o: Order) => void got.add(o.id), now: () => sg.now, since: new Date(T0 - 2 * 60 * MIN) });
    expect(r.ok).toBe(true);
    expect(got.has('O101')).toBe(true);
    expect(got.size).toBe(130);
  });

  it('orders changing before every page request: every order of the window reaches the handler', async () => {
    const { sg, hub } = shopLike(7);
    const n = 300;
    for (let i = 0; i < n; i++) sg.putOrder(`O${i}`, T0 - 60 * MIN + i * 7_000);
    let k = 0;
    // Before each page request one order (walking through the book) is updated now: it leaves the frozen window.
    sg.beforePage = () => {
      const id = `O${(k++ * 37) % n}`;
      sg.now += 50;
      sg.putOrder(id, sg.now);
    };
    const last = new Map<string, string>();
    const checkpoints = memoryCheckpoints();
    const opts = { checkpoints, handle: (o: Order) => void last.set(o.id, o.updatedAt.utc), now: () => sg.now, since: new Date(T0 - 2 * 60 * MIN) };
    await hub.orders.sync(opts);
    // Later windows pick up the versions written after the first window's bound.
    sg.beforePage = undefined;
    sg.now += 5 * MIN;
    await hub.orders.sync(opts);
    const lost = [...sg.orderBook.values()].filter((o) => last.get(o.id) !== o.updatedAt.utc).map((o) => o.id);
    expect(lost).toEqual([]);
  });
});
