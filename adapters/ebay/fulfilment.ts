import { randomUUID } from 'node:crypto';
import type { FulfilmentService } from '../../src/adapter.js';
import { ConflictError, OutcomeUnknownError, ValidationError } from '../../src/errors/classes.js';
import { parseInput } from '../../src/errors/from-response.js';
import type { CallOptions } from '../../src/http/call-options.js';
import type { RawResult, VerifyOutcome } from '../../src/http/operation.js';
import { ShipRequestSchema, type Package, type Shipment, type ShipRequest } from '../../src/model/shipment.js';
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

  async function ship(req: ShipRequest, opts: CallOptions = {}): Promise<Shipment> {
    const input = parseInput(ShipRequestSchema, req, 'request');
    const key = opts.idempotencyKey ?? randomUUID();
    const shipKey = `ebay:${ctx.account}:ship:${key}`;
    const prior = await ctx.journal.get(shipKey);
    if (prior?.state === 'succeeded') return { ...(prior.result as Shipment), outcome: 'already_done' };
    const callOpts = { signal: opts.signal, deadline: opts.deadline, timeoutMs: opts.timeoutMs };

    const wireOrder = await readOrder(ctx, input.orderId, callOpts);
    const order = mapOrder(wireOrder, mapContext(ctx, false));
    const resuming = prior !== undefined && prior.state !== 'failed';
    if (!order.shippable && !input.force && !resuming) {
      const why = order.holds.length ? `holds: ${order.holds.join(', ')}` : `status ${order.marketplaceStatus}`;
      throw new ConflictError({ marketplace: 'ebay', operation: 'createShippingFulfillment', message: `Order ${input.orderId} is not shippable (${why}); pass force: true to ship anyway` });
    }
    const known = new Set(wireOrder.lineItems.map((l) => l.lineItemId));
    input.packages.forEach((p, i) => {
      if (!p.carrier) throw new ValidationError({ message: 'eBay needs a shippingCarrierCode for every package', path: `request.packages[${i}].carrier` });
      if (!p.trackingNumber) throw new ValidationError({ message: 'eBay needs a tracking number for every package', path: `request.packages[${i}].trackingNumber` });
      p.lines.forEach((l, j) => {
        if (!known.has(l.lineId)) throw new ValidationError({ message: `Order ${input.orderId} has no line item ${l.lineId}`, path: `request.packages[${i}].lines[${j}].lineId` });
      });
    });
    await ctx.journal.put({ key: shipKey, operation: 'ship', state: 'pending', at: ctx.clock.now() });

    const shippedDate = new Date(input.shippedAt ?? ctx.clock.now()).toISOString();
    const warnings: string[] = [];
    const packages: Package[] = [];
    let unknown = false;
    // One shipping fulfillment per package, each with its own key: a retry skips what went through.
    for (const [i, p] of input.packages.entries()) {
      const pkgKey = input.packages.length > 1 ? `${key}#${i + 1}` : key;
      const body = { lineItems: p.lines.map((l) => ({ lineItemId: l.lineId, quantity: l.quantity })), shippedDate, shippingCarrierCode: p.carrier!, trackingNumber: p.trackingNumber! };
      const verify = verifier(input.orderId, p.trackingNumber!, p.lines, opts.signal);
      let fulfillmentId: string | undefined;
      try {
        const res = await ctx.call({ ...ops.createShippingFulfillment, verify }, { params: { orderId: input.orderId }, body }, { ...callOpts, idempotencyKey: pkgKey });
        fulfillmentId = fulfillmentIdFrom(res);
      } catch (e) {
        if (!(e instanceof OutcomeUnknownError)) throw e;
        unknown = true;
        warnings.push(`Package ${i + 1}: eBay did not answer clearly and re-reading the order's fulfillments could not prove it was recorded; ship again with the same idempotency key to re-check`);
      }
      packages.push({
        lines: p.lines,
        carrier: { code: p.carrier!.toUpperCase(), marketplaceCode: p.carrier! },
        ...(p.service ? { service: p.service } : {}),
        trackingNumber: p.trackingNumber!,
        ...(fulfillmentId ? { packageId: fulfillmentId } : {}),
      });
    }
    const shipment: Shipment = {
      orderId: input.orderId,
      marketplace: 'ebay',
      packages,
      shippedAt: shippedDate,
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
