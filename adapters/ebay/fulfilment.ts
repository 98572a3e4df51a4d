import type { FulfilmentService } from '../../src/adapter.js';
import type { CallOptions } from '../../src/http/call-options.js';
import type { RawResult, VerifyOutcome } from '../../src/http/operation.js';
import { journaledShip } from '../../src/fulfilment/journaled-ship.js';
import type { Shipment, ShipRequest } from '../../src/model/shipment.js';
import type { EbayContext } from './context.js';
import { mapOrder } from './mappers/order.js';
import { ops } from './operations.js';
import { mapContext, readOrder } from './orders.js';
import type { ShippingFulfillment } from './schemas/fulfillment.js';

/** The id eBay gives a new fulfillment only in the Location header (research B3). */
export function fulfillmentIdFrom(res: RawResult<unknown>): string | undefined {
  const data = res.data as { fulfillmentId?: unknown } | undefined;
  if (typeof data?.fulfillmentId === 'string') return data.fulfillmentId;
  const location = res.headers.location;
  return location ? decodeURIComponent(location.replace(/\/+$/, '').split('/').pop() ?? '') || undefined : undefined;
}

/** Same tracking number and the same lines: this is the package we tried to record. */
export function matches(f: ShippingFulfillment, tracking: string, lines: Array<{ lineId: string }>): boolean {
  if (f.shipmentTrackingNumber !== tracking) return false;
  const ids = new Set(f.lineItems.map((l) => l.lineItemId));
  return lines.every((l) => ids.has(l.lineId));
}

export function fulfilmentService(ctx: EbayContext): FulfilmentService {
  /** createShippingFulfillment is not idempotent: before any replay, re-read the order's fulfillments. */
  function verifier(orderId: string, tracking: string, lines: Array<{ lineId: string }>, signal?: AbortSignal) {
    return async (): Promise<VerifyOutcome<unknown>> => {
      const res = await ctx.call(ops.getShippingFulfillments, { params: { orderId } }, { signal, maxRetries: 1 });
      const found = res.data.fulfillments.find((f) => matches(f, tracking, lines));
      return found ? { state: 'done', data: { fulfillmentId: found.fulfillmentId } } : { state: 'not_done' };
    };
  }

  const ship = (req: ShipRequest, opts?: CallOptions): Promise<Shipment> =>
    journaledShip({
      marketplace: 'ebay',
      account: ctx.account,
      operation: 'createShippingFulfillment',
      journal: ctx.journal,
      clock: ctx.clock,
      async readOrder(orderId, callOpts) {
        const wireOrder = await readOrder(ctx, orderId, callOpts);
        return { wire: wireOrder, order: mapOrder(wireOrder, mapContext(ctx, false)), lineIds: new Set(wireOrder.lineItems.map((l) => l.lineItemId)) };
      },
      describePackage: (p) => ({
        lines: p.lines,
        carrier: { code: p.carrier!.toUpperCase(), marketplaceCode: p.carrier! },
        ...(p.service ? { service: p.service } : {}),
        trackingNumber: p.trackingNumber!,
      }),
      // One shipping fulfillment per package; eBay names the new fulfillment only in its answer.
      async sendPackage(p, { key, input, shippedAt, opts: callOpts }) {
        const body = { lineItems: p.lines.map((l) => ({ lineItemId: l.lineId, quantity: l.quantity })), shippedDate: shippedAt, shippingCarrierCode: p.carrier!, trackingNumber: p.trackingNumber! };
        const verify = verifier(input.orderId, p.trackingNumber!, p.lines, callOpts.signal);
        const res = await ctx.call({ ...ops.createShippingFulfillment, verify }, { params: { orderId: input.orderId }, body }, { ...callOpts, idempotencyKey: key });
        const fulfillmentId = fulfillmentIdFrom(res);
        return fulfillmentId ? { packageId: fulfillmentId } : {};
      },
    }, req, opts);

  return { ship };
}
