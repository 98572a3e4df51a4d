import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/index.js';
import { seedOrder } from '../../../adapters/shopee/sandbox/index.js';
import { shopSandbox, type SandboxSetup } from './helpers.js';

let s: SandboxSetup;
afterEach(() => s.close());

const lineOf = (o: ReturnType<typeof seedOrder>) => {
  const l = (o.wire.item_list as Array<{ item_id: number; model_id: number }>)[0]!;
  return `${l.item_id}:${l.model_id}`;
};
const shipBody = () => s.world.shipOrderBodies;

describe('shipping edge cases the channel documents', () => {
  it('pickup on a channel that offers no time slot: arranged without pickup_time_id, Shopee picks the time', async () => {
    s = await shopSandbox();
    const o = seedOrder(s.world, { createdAt: Date.now() - 60_000, channel: 'pickup_no_slots' });
    const r = await s.adapter.fulfilment.ship({ orderId: o.wire.order_sn, packages: [{ lines: [{ lineId: lineOf(o), quantity: 1 }] }] });
    expect(r.outcome).toBe('confirmed');
    expect(shipBody()).toEqual([{ order_sn: o.wire.order_sn, pickup: { address_id: 5001 } }]);
  });

  it('pickup asking for the carrier\'s tracking_number: sent under that key, and it is the shipment\'s tracking', async () => {
    s = await shopSandbox();
    const o = seedOrder(s.world, { createdAt: Date.now() - 60_000, channel: 'pickup_tracking_number' });
    const req = { orderId: o.wire.order_sn, packages: [{ lines: [{ lineId: lineOf(o), quantity: 1 }] }] };
    await expect(s.adapter.fulfilment.ship(req)).rejects.toMatchObject({ constructor: ValidationError, path: 'packages[0].trackingNumber' });
    const r = await s.adapter.fulfilment.ship({ ...req, packages: [{ ...req.packages[0]!, trackingNumber: 'NJV0012345678' }] });
    expect(shipBody()).toEqual([{ order_sn: o.wire.order_sn, pickup: { address_id: 5001, pickup_time_id: expect.stringMatching(/^slot-/), tracking_number: 'NJV0012345678' } }]);
    expect(r).toMatchObject({ status: 'shipped', packages: [{ trackingNumber: 'NJV0012345678' }] });
  });

  it('dropoff taking a tracking number OR a sender name sends exactly one of them', async () => {
    s = await shopSandbox();
    const regular = seedOrder(s.world, { createdAt: Date.now() - 60_000, mode: 'dropoff', channel: 'dropoff_tracking_or_sender' });
    const job = seedOrder(s.world, { createdAt: Date.now() - 60_000, mode: 'dropoff', channel: 'dropoff_tracking_or_sender' });
    const a = await s.adapter.fulfilment.ship({ orderId: regular.wire.order_sn, packages: [{ lines: [{ lineId: lineOf(regular), quantity: 1 }], trackingNumber: 'TW123456789' }] });
    const b = await s.adapter.fulfilment.ship({ orderId: job.wire.order_sn, packages: [{ lines: [{ lineId: lineOf(job), quantity: 1 }] }], shopee: { senderRealName: 'Lee Mei' } });
    expect(shipBody()).toEqual([
      { order_sn: regular.wire.order_sn, dropoff: { tracking_number: 'TW123456789' } },
      { order_sn: job.wire.order_sn, dropoff: { sender_real_name: 'Lee Mei' } },
    ]);
    expect(a.packages[0]!.trackingNumber).toBe('TW123456789');
    expect(b.outcome).toBe('confirmed');
  });

  it('PROCESSED (arranged, not handed over) is unshipped and not shippable; SHIPPED is shipped', async () => {
    s = await shopSandbox();
    const o = seedOrder(s.world, { createdAt: Date.now() - 60_000 });
    await s.adapter.fulfilment.ship({ orderId: o.wire.order_sn, packages: [{ lines: [{ lineId: lineOf(o), quantity: 1 }] }] });
    const arranged = await s.adapter.orders.get(o.wire.order_sn);
    expect(arranged).toMatchObject({ marketplaceStatus: 'PROCESSED', status: 'unshipped', shippable: false });
    expect(arranged.lines[0]!.shippedQuantity).toBe(0);
    // The carrier picks the parcel up.
    o.packages[0]!.logistics_status = 'LOGISTICS_PICKUP_DONE';
    o.wire.order_status = 'SHIPPED';
    s.world.touch(o);
    expect(await s.adapter.orders.get(o.wire.order_sn)).toMatchObject({ status: 'shipped', lines: [{ shippedQuantity: 1 }] });
  });
});
