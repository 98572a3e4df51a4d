import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/index.js';
import type { RequestEvent } from '../../../src/http/hooks.js';
import { seedOrder } from '../../../adapters/shopee/sandbox/index.js';
import { shopSandbox, TestClock, type SandboxSetup } from './helpers.js';

let s: SandboxSetup | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const T0 = Date.UTC(2026, 5, 1);

describe('Shopee buyer cancellation requests (IN_CANCEL orders) on the sandbox', () => {
  it('lists requests as a hold, accepts one (order cancelled) and rejects another (hold cleared), once per key', async () => {
    const clock = new TestClock(T0);
    const requests: RequestEvent[] = [];
    s = await shopSandbox({ clock, adapter: { hooks: { onRequest: (e) => void requests.push(e) } } });
    const handled = () => requests.filter((e) => new URL(e.url).pathname === '/api/v2/order/handle_buyer_cancellation').length;
    const o1 = seedOrder(s.world);
    const o2 = seedOrder(s.world);
    seedOrder(s.world); // no request: not listed
    clock.t += 60_000;
    s.world.requestBuyerCancellation(String(o1.wire.order_sn), 'Need to change delivery address');
    s.world.requestBuyerCancellation(String(o2.wire.order_sn), 'Modify existing order');
    clock.t += 60_000;

    const c = s.adapter.returns.cancellations;
    expect(s.adapter.capabilities.returns?.cancellationRequests).toEqual({ list: true, accept: true, reject: true });
    const listed = await c.list({ updatedSince: new Date(T0) }).toArray({ max: 10 });
    expect(listed.map((x) => [x.id, x.status, x.requestedBy, x.reason.marketplaceCode])).toEqual(expect.arrayContaining([
      [o1.wire.order_sn, 'requested', 'buyer', 'Need to change delivery address'],
      [o2.wire.order_sn, 'requested', 'buyer', 'Modify existing order'],
    ]));
    expect(listed).toHaveLength(2);
    expect((await s.adapter.orders.get(String(o1.wire.order_sn))).holds).toContain('pending_buyer_cancellation');

    const accepted = await c.accept(String(o1.wire.order_sn), { idempotencyKey: 'acc-1' });
    expect(accepted).toMatchObject({ id: o1.wire.order_sn, status: 'accepted', outcome: 'confirmed', marketplaceStatus: 'CANCELLED' });
    expect(await c.accept(String(o1.wire.order_sn), { idempotencyKey: 'acc-1' })).toMatchObject({ status: 'accepted', outcome: 'already_done' });
    expect((await s.adapter.orders.get(String(o1.wire.order_sn))).status).toBe('cancelled');

    await expect(c.reject(String(o2.wire.order_sn), { trackingNumber: 'X1' })).rejects.toBeInstanceOf(ValidationError);
    const rejected = await c.reject(String(o2.wire.order_sn), {}, { idempotencyKey: 'rej-1' });
    expect(rejected).toMatchObject({ status: 'rejected', outcome: 'confirmed' });
    const cleared = await s.adapter.orders.get(String(o2.wire.order_sn));
    expect(cleared.holds).not.toContain('pending_buyer_cancellation');
    expect(cleared.shippable).toBe(true);
    expect(await c.get(String(o2.wire.order_sn))).toMatchObject({ status: 'rejected' });
    expect(handled()).toBe(2);

    // An answered request cannot be answered the other way.
    await expect(c.reject(String(o1.wire.order_sn))).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(handled()).toBe(2);
  });

  it('an order without a buyer request is not a cancellation request', async () => {
    s = await shopSandbox({ clock: new TestClock(T0) });
    const o = seedOrder(s.world);
    await expect(s.adapter.returns.cancellations.get(String(o.wire.order_sn))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(() => s!.adapter.returns.cancellations.list({})).toThrow(ValidationError);
  });
});
