import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ConflictError } from '../../../src/errors/index.js';
import type { Shipment } from '../../../src/model/shipment.js';
import { seedOrder } from '../../../adapters/shopee/sandbox/index.js';
import type { PushEvent } from '../../../adapters/shopee/index.js';
import { shopSandbox, type SandboxSetup } from './helpers.js';

let s: SandboxSetup | undefined;
let server: http.Server | undefined;
afterEach(async () => {
  await s?.close();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  s = undefined;
  server = undefined;
});

const lineOf = (o: ReturnType<typeof seedOrder>, i = 0) => {
  const l = (o.wire.item_list as Array<{ item_id: number; model_id: number }>)[i]!;
  return `${l.item_id}:${l.model_id}`;
};

/** A local push endpoint: verifies each push on its raw bytes, answers 2xx with an empty body. */
async function pushEndpoint(setup: SandboxSetup, onEvent: (e: PushEvent) => Promise<void>) {
  const events: PushEvent[] = [];
  server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = `http://127.0.0.1:${(server!.address() as AddressInfo).port}${req.url}`;
    try {
      const event = setup.adapter.push.handle({ url, rawBody: Buffer.concat(chunks), authorization: req.headers.authorization });
      events.push(event);
      await onEvent(event);
      res.writeHead(204).end();
    } catch {
      res.writeHead(401).end();
    }
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
  setup.world.pushUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/shopee/push?app=xborder`;
  return events;
}

describe('fulfilment.ship', () => {
  it('integrated logistics: ship returns a pending Shipment at once; the tracking push completes it', async () => {
    s = await shopSandbox({ sandbox: { trackingDelayMs: 'manual' } });
    const order = seedOrder(s.world);
    const sn = order.wire.order_sn;
    let completed: Shipment | undefined;
    let pending: Shipment | undefined;
    const events = await pushEndpoint(s, async (e) => {
      if (e.kind === 'tracking_number' && e.orderId === sn && pending) completed = await s!.adapter.fulfilment.refresh(pending);
    });
    pending = await s.adapter.fulfilment.ship({ orderId: sn, packages: [{ lines: [{ lineId: lineOf(order), quantity: 1 }] }] });
    expect(pending).toMatchObject({ orderId: sn, status: 'pending', outcome: 'confirmed' });
    expect(pending.packages[0]).toMatchObject({ packageId: order.packages[0]!.package_number, carrier: { code: 'STANDARD_DELIVERY_SPX', marketplaceCode: '18025' } });
    expect(pending.packages[0]!.trackingNumber).toBeUndefined();
    expect(s.world.orders.get(sn)!.wire.order_status).toBe('PROCESSED');
    await s.world.issueTracking(sn, 'SPXSG0000012345');
    expect(completed).toMatchObject({ status: 'shipped', packages: [{ trackingNumber: 'SPXSG0000012345' }] });
    expect(events.map((e) => e.kind)).toContain('order_status');
    expect(s.world.shipmentsFor(sn)).toBe(1);
  });

  it('non-integrated channel: the seller\'s tracking number ships at once', async () => {
    s = await shopSandbox();
    const order = seedOrder(s.world, { mode: 'non_integrated' });
    const r = await s.adapter.fulfilment.ship({ orderId: order.wire.order_sn, packages: [{ lines: [{ lineId: lineOf(order), quantity: 1 }], trackingNumber: 'JNE1234567890' }] });
    expect(r).toMatchObject({ status: 'shipped', packages: [{ trackingNumber: 'JNE1234567890' }] });
    expect(order.packages[0]!.tracking).toBe('JNE1234567890');
  });

  it('dropoff channel: the first branch is chosen', async () => {
    s = await shopSandbox();
    const order = seedOrder(s.world, { mode: 'dropoff' });
    const r = await s.adapter.fulfilment.ship({ orderId: order.wire.order_sn, packages: [{ lines: [{ lineId: lineOf(order), quantity: 1 }] }] });
    expect(r.status).toBe('shipped');
    expect(order.packages[0]!.logistics_status).toBe('LOGISTICS_REQUEST_CREATED');
  });

  it('ships lines separately through split_order, one ship_order per package', async () => {
    s = await shopSandbox();
    const order = seedOrder(s.world, { lines: [{ price: 10, quantity: 2 }, { price: 5, quantity: 1 }] });
    const sn = order.wire.order_sn;
    const [l0, l1] = [lineOf(order, 0), lineOf(order, 1)];
    const first = await s.adapter.fulfilment.ship({ orderId: sn, packages: [{ lines: [{ lineId: l0, quantity: 1 }] }] });
    expect(order.packages).toHaveLength(2);
    expect(first.packages[0]!.packageId).toBe(order.packages[0]!.package_number);
    const rest = await s.adapter.fulfilment.ship({ orderId: sn, packages: [{ lines: [{ lineId: l0, quantity: 1 }, { lineId: l1, quantity: 1 }] }] });
    expect(rest.packages[0]!.packageId).toBe(order.packages[1]!.package_number);
    expect(s.world.shipmentsFor(sn)).toBe(2);
    expect(order.wire.order_status).toBe('PROCESSED');
  });

  it('a reset after ship_order: the replay re-reads the package status instead of shipping twice', async () => {
    s = await shopSandbox();
    const order = seedOrder(s.world);
    s.sb.faults.set({ resetAfterRate: 1, match: /ship_order/, maxFaults: 1 });
    const r = await s.adapter.fulfilment.ship({ orderId: order.wire.order_sn, packages: [{ lines: [{ lineId: lineOf(order), quantity: 1 }] }] });
    expect(r.status).toBe('shipped');
    expect(s.world.shipmentsFor(order.wire.order_sn)).toBe(1);
    // Shipping again is a no-op that reports the existing shipment.
    const again = await s.adapter.fulfilment.ship({ orderId: order.wire.order_sn, packages: [{ lines: [{ lineId: lineOf(order), quantity: 1 }] }] });
    expect(again).toMatchObject({ outcome: 'already_done', packages: [{ trackingNumber: r.packages[0]!.trackingNumber }] });
    expect(s.world.shipmentsFor(order.wire.order_sn)).toBe(1);
  });

  it('an order in IN_CANCEL is not shippable', async () => {
    s = await shopSandbox();
    const order = seedOrder(s.world);
    s.world.requestBuyerCancellation(order.wire.order_sn);
    const o = await s.adapter.orders.get(order.wire.order_sn);
    expect(o).toMatchObject({ status: 'unshipped', shippable: false, holds: ['pending_buyer_cancellation'] });
    const err = await s.adapter.fulfilment.ship({ orderId: order.wire.order_sn, packages: [{ lines: [{ lineId: lineOf(order), quantity: 1 }] }] }).catch((e) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.message).toMatch(/respondToCancellation/);
  });

  it('prints labels: create_shipping_document → result → download', async () => {
    s = await shopSandbox();
    const order = seedOrder(s.world);
    const shipped = await s.adapter.fulfilment.ship({ orderId: order.wire.order_sn, packages: [{ lines: [{ lineId: lineOf(order), quantity: 1 }] }] });
    const labelled = await s.adapter.fulfilment.labels(shipped);
    const pdf = Buffer.from(labelled.packages[0]!.label!.data!, 'base64').toString('utf8');
    expect(labelled.packages[0]!.label!.format).toBe('pdf');
    expect(pdf.startsWith('%PDF-1.4')).toBe(true);
    expect(pdf).toContain(shipped.packages[0]!.trackingNumber);
  });
});
