import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { FulfilmentService } from '../../src/adapter.js';
import { parseInput } from '../../src/errors/from-response.js';
import type { CallOptions } from '../../src/http/call-options.js';
import type { VerifyOutcome } from '../../src/http/operation.js';
import { journaledShip } from '../../src/fulfilment/journaled-ship.js';
import type { Shipment, ShipRequest } from '../../src/model/shipment.js';
import type { AmazonContext } from './context.js';
import { amazonCarrier } from './mappers/carriers.js';
import { mapOrder } from './mappers/order.js';
import { ops } from './operations.js';
import { mapContext, readWireOrder } from './orders-read.js';
import type * as wire from './schemas/orders.js';

/**
 * packageReferenceId must be a positive number, unique within the order (ordersV0.json). Deriving it
 * from the caller's idempotency key makes a replayed confirmation recognisable when the order is re-read.
 */
export function packageReferenceIdFor(key: string): string {
  const digest = createHash('sha256').update(key).digest();
  return (digest.readUIntBE(0, 6) + 1).toString();
}

/** Did anything happen to these lines since `before`? Then a missing package id proves nothing. */
function touched(before: wire.Order, after: wire.Order, lineIds: Set<string>): boolean {
  if ((after.packages?.length ?? 0) !== (before.packages?.length ?? 0)) return true;
  if (after.fulfillment?.fulfillmentStatus !== before.fulfillment?.fulfillmentStatus) return true;
  const shipped = (o: wire.Order, id: string) => o.orderItems.find((i) => i.orderItemId === id)?.fulfillment?.quantityFulfilled ?? 0;
  return [...lineIds].some((id) => shipped(after, id) !== shipped(before, id));
}

/**
 * Transparency serial numbers per order item (ordersV0.json ConfirmShipmentOrderItem.transparencyCodes):
 * an Amazon-only field next to the unified ship request, validated here so a bad value names its path.
 */
const TransparencySchema = z.object({
  packages: z.array(z.object({ lines: z.array(z.object({ transparencyCodes: z.array(z.string().min(1)).min(1).optional() }).loose()) }).loose()),
}).loose();

export type AmazonShipRequest = Omit<ShipRequest, 'packages'> & {
  packages: Array<ShipRequest['packages'][number] & { lines: Array<ShipRequest['packages'][number]['lines'][number] & { transparencyCodes?: string[] }> }>;
};

export type AmazonFulfilmentService = FulfilmentService & { ship(req: AmazonShipRequest, opts?: CallOptions): Promise<Shipment> };

/** Amazon's spelling for the order's marketplace (its carrier list differs per marketplace). */
function storeIdOf(ctx: AmazonContext, w: wire.Order): string {
  return ctx.storeByMarketplaceId(w.salesChannel.marketplaceId)?.id ?? ctx.store().id;
}

export function fulfilmentService(ctx: AmazonContext): AmazonFulfilmentService {
  /** Re-reads the order: our package id visible → done; our lines moved without it → unknown. */
  function verifier(orderId: string, before: wire.Order, ref: string, lineIds: Set<string>, signal?: AbortSignal) {
    return async (): Promise<VerifyOutcome<unknown>> => {
      const now = await readWireOrder(ctx, orderId, ['FULFILLMENT', 'PACKAGES'], { signal, maxRetries: 1 });
      if (now.packages?.some((p) => p.packageReferenceId === ref)) return { state: 'done', data: undefined };
      if (touched(before, now, lineIds)) return { state: 'unknown', reason: 'the order changed but our package is not visible yet' };
      return { state: 'not_done' };
    };
  }

  const ship = async (req: AmazonShipRequest, opts?: CallOptions): Promise<Shipment> => {
    const extra = req && typeof req === 'object' && Array.isArray((req as { packages?: unknown }).packages) ? parseInput(TransparencySchema, req, 'request') : undefined;
    const codesOf = (pkg: number, line: number) => extra?.packages[pkg]?.lines[line]?.transparencyCodes;
    return journaledShip<wire.Order>({
      marketplace: 'amazon',
      account: ctx.sellerId,
      operation: 'confirmShipment',
      journal: ctx.journal,
      clock: ctx.clock,
      async readOrder(orderId, callOpts) {
        const before = await readWireOrder(ctx, orderId, ['FULFILLMENT', 'PACKAGES'], callOpts);
        return { wire: before, order: mapOrder(before, mapContext(ctx, false)), lineIds: new Set(before.orderItems.map((i) => i.orderItemId)) };
      },
      describePackage(p, { key, warnings, wire: w }) {
        const carrier = amazonCarrier(p.carrier!, storeIdOf(ctx, w));
        if (carrier.warning) warnings.push(carrier.warning);
        return {
          lines: p.lines,
          carrier: { code: carrier.code, marketplaceCode: carrier.carrierCode, name: carrier.carrierName ?? p.carrier! },
          ...(p.service ? { service: p.service } : {}),
          trackingNumber: p.trackingNumber!,
          packageId: packageReferenceIdFor(key),
        };
      },
      // One confirmShipment per package; its packageReferenceId comes from the package's key.
      async sendPackage(p, { key, index, input, wire: before, shippedAt, opts: callOpts }) {
        const ref = packageReferenceIdFor(key);
        const carrier = amazonCarrier(p.carrier!, storeIdOf(ctx, before));
        const body: wire.ConfirmShipmentRequest = {
          marketplaceId: before.salesChannel.marketplaceId ?? ctx.store().marketplaceId,
          packageDetail: {
            packageReferenceId: ref,
            carrierCode: carrier.carrierCode,
            ...(carrier.carrierName ? { carrierName: carrier.carrierName } : {}),
            ...(p.service ? { shippingMethod: p.service } : {}),
            trackingNumber: p.trackingNumber!,
            shipDate: shippedAt,
            orderItems: p.lines.map((l, j) => {
              const transparencyCodes = codesOf(index, j);
              return { orderItemId: l.lineId, quantity: l.quantity, ...(transparencyCodes ? { transparencyCodes } : {}) };
            }),
          },
        };
        const verify = verifier(input.orderId, before, ref, new Set(p.lines.map((l) => l.lineId)), callOpts.signal);
        await ctx.call({ ...ops.confirmShipment, verify }, { params: { orderId: input.orderId }, body }, { ...callOpts, idempotencyKey: key });
      },
    }, req as ShipRequest, opts);
  };

  return { ship };
}
