import type { FulfilmentService } from '../../src/adapter.js';
import { parseInput } from '../../src/errors/from-response.js';
import type { CallOptions } from '../../src/http/call-options.js';
import type { RawResult } from '../../src/http/operation.js';
import { journaledShip } from '../../src/fulfilment/journaled-ship.js';
import { ShipRequestSchema, type Shipment, type ShipRequest } from '../../src/model/shipment.js';
import { ebayCarrier, ebayTrackingNumber } from './carriers.js';
import type { EbayContext } from './context.js';
import { mapOrder } from './mappers/order.js';
import { mapContext, readOrder } from './orders.js';

export { matches } from './verify.js';

/** The id eBay gives a new fulfillment only in the Location header (research B3). */
export function fulfillmentIdFrom(res: RawResult<unknown>): string | undefined {
  const data = res.data as { fulfillmentId?: unknown } | undefined;
  if (typeof data?.fulfillmentId === 'string') return data.fulfillmentId;
  const location = res.headers.location;
  return location ? decodeURIComponent(location.replace(/\/+$/, '').split('/').pop() ?? '') || undefined : undefined;
}

/**
 * Carrier and tracking number checked and normalized before anything is read or written: the
 * carrier must be an eBay enumeration value or a unified carrier with one (carriers.ts), the
 * tracking number alphanumeric.
 */
function normalize(req: ShipRequest): { req: ShipRequest; codes: string[] } {
  const input = parseInput(ShipRequestSchema, req, 'request');
  const codes: string[] = [];
  const packages = input.packages.map((p, i) => {
    if (!p.carrier || !p.trackingNumber) return p; // journaledShip names the missing field
    const c = ebayCarrier(p.carrier, `request.packages[${i}].carrier`);
    codes[i] = c.code;
    return { ...p, carrier: c.ebay, trackingNumber: ebayTrackingNumber(p.trackingNumber, `request.packages[${i}].trackingNumber`) };
  });
  return { req: { ...req, packages }, codes };
}

export function fulfilmentService(ctx: EbayContext): FulfilmentService {
  async function ship(request: ShipRequest, opts?: CallOptions): Promise<Shipment> {
    const { req, codes } = normalize(request);
    return journaledShip({
      marketplace: 'ebay',
      account: ctx.account,
      operation: 'createShippingFulfillment',
      journal: ctx.journal,
      clock: ctx.clock,
      async readOrder(orderId, callOpts) {
        const wireOrder = await readOrder(ctx, orderId, callOpts);
        return { wire: wireOrder, order: mapOrder(wireOrder, mapContext(ctx, false)), lineIds: new Set(wireOrder.lineItems.map((l) => l.lineItemId)) };
      },
      describePackage: (p, { index }) => ({
        lines: p.lines,
        carrier: { code: codes[index]!, marketplaceCode: p.carrier! },
        ...(p.service ? { service: p.service } : {}),
        trackingNumber: p.trackingNumber!,
      }),
      // One shipping fulfillment per package, under its own key: a replay runs verify.ts first.
      async sendPackage(p, { key, input, shippedAt, opts: callOpts }) {
        const body = { lineItems: p.lines.map((l) => ({ lineItemId: l.lineId, quantity: l.quantity })), shippedDate: shippedAt, shippingCarrierCode: p.carrier!, trackingNumber: p.trackingNumber! };
        const res = await ctx.call(ctx.ops.createShippingFulfillment, { params: { orderId: input.orderId }, body }, { ...callOpts, idempotencyKey: key });
        const fulfillmentId = fulfillmentIdFrom(res);
        return fulfillmentId ? { packageId: fulfillmentId } : {};
      },
    }, req, opts);
  }

  return { ship };
}
