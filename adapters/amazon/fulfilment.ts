import { createHash, randomUUID } from 'node:crypto';
import type { FulfilmentService } from '../../src/adapter.js';
import { ConflictError, OutcomeUnknownError, ValidationError } from '../../src/errors/classes.js';
import { parseInput } from '../../src/errors/from-response.js';
import type { CallOptions } from '../../src/http/call-options.js';
import type { VerifyOutcome } from '../../src/http/operation.js';
import { ShipRequestSchema, type Package, type Shipment, type ShipRequest } from '../../src/model/shipment.js';
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

export function fulfilmentService(ctx: AmazonContext): FulfilmentService {
  /** Re-reads the order: our package id visible → done; our lines moved without it → unknown. */
  function verifier(orderId: string, before: wire.Order, ref: string, lineIds: Set<string>, signal?: AbortSignal) {
    return async (): Promise<VerifyOutcome<unknown>> => {
      const now = await readWireOrder(ctx, orderId, ['FULFILLMENT', 'PACKAGES'], { signal, maxRetries: 1 });
      if (now.packages?.some((p) => p.packageReferenceId === ref)) return { state: 'done', data: undefined };
      if (touched(before, now, lineIds)) return { state: 'unknown', reason: 'the order changed but our package is not visible yet' };
      return { state: 'not_done' };
    };
  }

  async function ship(req: ShipRequest, opts: CallOptions = {}): Promise<Shipment> {
    const input = parseInput(ShipRequestSchema, req, 'request');
    const key = opts.idempotencyKey ?? randomUUID();
    const shipKey = `amazon:${ctx.sellerId}:ship:${key}`;
    const prior = await ctx.journal.get(shipKey);
    if (prior?.state === 'succeeded') return { ...(prior.result as Shipment), outcome: 'already_done' };
    const callOpts = { signal: opts.signal, deadline: opts.deadline, timeoutMs: opts.timeoutMs };

    const before = await readWireOrder(ctx, input.orderId, ['FULFILLMENT', 'PACKAGES'], callOpts);
    const order = mapOrder(before, mapContext(ctx, false));
    const resuming = prior !== undefined && prior.state !== 'failed';
    if (!order.shippable && !input.force && !resuming) {
      const why = order.holds.length ? `holds: ${order.holds.join(', ')}` : `status ${order.marketplaceStatus}, fulfilled by ${order.fulfilledBy}`;
      throw new ConflictError({ marketplace: 'amazon', operation: 'confirmShipment', message: `Order ${input.orderId} is not shippable (${why}); pass force: true to ship anyway` });
    }
    const known = new Set(before.orderItems.map((i) => i.orderItemId));
    input.packages.forEach((p, i) => {
      if (!p.carrier) throw new ValidationError({ message: 'Amazon needs a carrier for every package', path: `request.packages[${i}].carrier` });
      if (!p.trackingNumber) throw new ValidationError({ message: 'Amazon needs a tracking number for every package', path: `request.packages[${i}].trackingNumber` });
      p.lines.forEach((l, j) => {
        if (!known.has(l.lineId)) throw new ValidationError({ message: `Order ${input.orderId} has no line ${l.lineId}`, path: `request.packages[${i}].lines[${j}].lineId` });
      });
    });
    await ctx.journal.put({ key: shipKey, operation: 'ship', state: 'pending', at: ctx.clock.now() });

    const marketplaceId = before.salesChannel.marketplaceId ?? ctx.store().marketplaceId;
    const shipDate = input.shippedAt ? new Date(input.shippedAt).toISOString() : new Date(ctx.clock.now()).toISOString();
    const warnings: string[] = [];
    const packages: Package[] = [];
    let unknown = false;
    // One confirmShipment per package, each with its own key, so a retry skips what already went through.
    for (const [i, p] of input.packages.entries()) {
      const pkgKey = input.packages.length > 1 ? `${key}#${i + 1}` : key;
      const ref = packageReferenceIdFor(pkgKey);
      const carrier = amazonCarrier(p.carrier!);
      if (carrier.warning) warnings.push(carrier.warning);
      const body: wire.ConfirmShipmentRequest = {
        marketplaceId,
        packageDetail: {
          packageReferenceId: ref,
          carrierCode: carrier.carrierCode,
          ...(carrier.carrierName ? { carrierName: carrier.carrierName } : {}),
          ...(p.service ? { shippingMethod: p.service } : {}),
          trackingNumber: p.trackingNumber!,
          shipDate,
          orderItems: p.lines.map((l) => ({ orderItemId: l.lineId, quantity: l.quantity })),
        },
      };
      const verify = verifier(input.orderId, before, ref, new Set(p.lines.map((l) => l.lineId)), opts.signal);
      try {
        await ctx.call({ ...ops.confirmShipment, verify }, { params: { orderId: input.orderId }, body }, { ...callOpts, idempotencyKey: pkgKey });
      } catch (e) {
        if (!(e instanceof OutcomeUnknownError)) throw e;
        unknown = true;
        warnings.push(`Package ${i + 1}: Amazon did not answer clearly and re-reading the order could not tell whether it was confirmed; ship again with the same idempotency key to re-check`);
      }
      packages.push({
        lines: p.lines,
        carrier: { code: carrier.code, marketplaceCode: carrier.carrierCode, name: carrier.carrierName ?? p.carrier! },
        ...(p.service ? { service: p.service } : {}),
        trackingNumber: p.trackingNumber!,
        packageId: ref,
      });
    }
    const shipment: Shipment = {
      orderId: input.orderId,
      marketplace: 'amazon',
      packages,
      shippedAt: shipDate,
      ...(input.shipFrom ? { shipFrom: input.shipFrom } : {}),
      status: unknown ? 'pending' : 'shipped',
      outcome: unknown ? 'unknown' : 'confirmed',
      warnings,
    };
    await ctx.journal.put({ key: shipKey, operation: 'ship', state: unknown ? 'unknown' : 'succeeded', at: ctx.clock.now(), ...(unknown ? {} : { result: shipment }) });
    return shipment;
  }

  return { ship };
}
