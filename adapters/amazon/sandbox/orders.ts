import { createHash } from 'node:crypto';
import type { SandboxContext } from '../../../src/sandbox/module.js';
import type { Router, SandboxRequest } from '../../../src/sandbox/router.js';
import { carrierCodesFor } from '../data/carrier-codes.js';
import { findMarketplace } from '../marketplaces.js';
import { guarded, type GuardOptions } from './guard.js';
import { project, type OrderDoc } from './order-doc.js';
import { fail, invalidInput, ok, requestIdHeader } from './responses.js';
import type { AmazonSandboxState, SandboxOrder } from './state.js';

/**
 * Orders API 2026-01-01 searchOrders/getOrder and v0 confirmShipment. Writes change the order at
 * once but reads see them only after `readLagMs` (state lags right after a write, as on Amazon).
 */
export interface OrdersOptions extends GuardOptions {
  readLagMs: number;
}

const LAG_BOUND_MS = 2 * 60_000;
const TOKEN_TTL_MS = 24 * 3600_000;
const list = (q: URLSearchParams, name: string) => (q.get(name) ?? '').split(',').filter(Boolean);

/** The query a pagination token belongs to: everything but the token, page size and includedData. */
function queryHash(q: URLSearchParams): string {
  const keys = [...new Set(q.keys())].filter((k) => !['paginationToken', 'maxResultsPerPage', 'includedData'].includes(k)).sort();
  return createHash('sha256').update(keys.map((k) => `${k}=${q.getAll(k).join(',')}`).join('&')).digest('hex').slice(0, 16);
}

export function installOrders(router: Router, state: AmazonSandboxState, ctx: SandboxContext, opts: OrdersOptions): void {
  const view = (o: SandboxOrder) => state.flush(o, ctx.clock.now());
  const tick = () => state.tick();
  const render = (o: SandboxOrder, req: SandboxRequest) => project(view(o), new Set(list(req.query, 'includedData')), o.malformed);

  router.add('GET', '/orders/2026-01-01/orders', guarded(state, ctx, opts, 'searchOrders', (req, sellerId) => {
    tick();
    const q = req.query;
    const now = ctx.clock.now();
    const created = q.has('createdAfter');
    if (created === q.has('lastUpdatedAfter')) return invalidInput('Exactly one of createdAfter and lastUpdatedAfter must be provided.');
    if ((created && (q.has('lastUpdatedBefore'))) || (!created && q.has('createdBefore'))) return invalidInput('createdAfter/createdBefore cannot be combined with lastUpdatedAfter/lastUpdatedBefore.');
    const after = Date.parse(q.get(created ? 'createdAfter' : 'lastUpdatedAfter')!);
    const beforeText = q.get(created ? 'createdBefore' : 'lastUpdatedBefore');
    const before = beforeText ? Date.parse(beforeText) : now - LAG_BOUND_MS;
    if (Number.isNaN(after) || Number.isNaN(before)) return invalidInput('Dates must be in ISO 8601 format.');
    if (before > now - LAG_BOUND_MS) return invalidInput('The before date must be at least two minutes before the time of the request.');
    if (before < after) return invalidInput('The before date must be equal to or after the after date.');
    const size = Number(q.get('maxResultsPerPage') ?? 100);
    if (!Number.isInteger(size) || size < 1 || size > 100) return invalidInput('maxResultsPerPage must be between 1 and 100.');
    let offset = 0;
    const token = q.get('paginationToken');
    if (token) {
      let parsed: { o?: number; h?: string; t?: number };
      try {
        parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
      } catch {
        return invalidInput('The pagination token is invalid.');
      }
      if (now - (parsed.t ?? 0) > TOKEN_TTL_MS) return invalidInput('The pagination token has expired.');
      if (parsed.h !== queryHash(q)) return invalidInput('The pagination token is invalid for this request: the other parameters must not change.');
      offset = parsed.o ?? 0;
    }
    const markets = new Set(list(q, 'marketplaceIds'));
    const statuses = new Set(list(q, 'fulfillmentStatuses'));
    const by = new Set(list(q, 'fulfilledBy'));
    const field = created ? 'createdTime' : 'lastUpdatedTime';
    const matching = [...state.orders.values()]
      .filter((o) => o.sellerId === sellerId)
      .map((o) => [o, view(o)] as const)
      .filter(([, d]) => {
        const t = Date.parse(d[field]);
        return t >= after && t <= before && (!markets.size || markets.has(d.salesChannel.marketplaceId))
          && (!statuses.size || statuses.has(d.fulfillment?.fulfillmentStatus ?? '')) && (!by.size || by.has(d.fulfillment?.fulfilledBy ?? ''));
      })
      .sort(([, a], [, b]) => a.createdTime.localeCompare(b.createdTime) || a.orderId.localeCompare(b.orderId));
    const page = matching.slice(offset, offset + size);
    const next = offset + size < matching.length ? Buffer.from(JSON.stringify({ o: offset + size, h: queryHash(q), t: now })).toString('base64url') : undefined;
    return ok({ orders: page.map(([o]) => render(o, req)), ...(next ? { pagination: { nextToken: next } } : {}), [created ? 'createdBefore' : 'lastUpdatedBefore']: new Date(before).toISOString() });
  }));

  router.add('GET', '/orders/2026-01-01/orders/{orderId}', guarded(state, ctx, opts, 'getOrder', (req, sellerId) => {
    tick();
    const o = state.orders.get(req.params.orderId!);
    if (!o || o.sellerId !== sellerId) return fail(404, 'NotFound', `Order ${req.params.orderId} was not found.`);
    return ok({ order: render(o, req) });
  }));

  router.add('POST', '/orders/v0/orders/{orderId}/shipmentConfirmation', guarded(state, ctx, opts, 'confirmShipment', (req, sellerId) => {
    const o = state.orders.get(req.params.orderId!);
    if (!o || o.sellerId !== sellerId) return fail(404, 'NotFound', `Order ${req.params.orderId} was not found.`);
    const body = req.json<{ marketplaceId?: string; packageDetail?: Record<string, unknown> }>();
    const d = body?.packageDetail as
      | { packageReferenceId?: string; carrierCode?: string; carrierName?: string; shippingMethod?: string; trackingNumber?: string; shipDate?: string; orderItems?: Array<{ orderItemId?: string; quantity?: number }> }
      | undefined;
    if (!body?.marketplaceId || !d) return invalidInput('Invalid Input', 'marketplaceId and packageDetail are required');
    if (!d.packageReferenceId || !/^[1-9]\d*$/.test(d.packageReferenceId)) return invalidInput('Invalid Input', 'packageReferenceId must be a positive number');
    if (!d.carrierCode || !d.trackingNumber || !d.shipDate || Number.isNaN(Date.parse(d.shipDate)) || !Array.isArray(d.orderItems) || !d.orderItems.length) {
      return invalidInput('Invalid Input', 'carrierCode, trackingNumber, shipDate (ISO 8601) and orderItems are required');
    }
    if (d.carrierCode === 'Other' && !d.carrierName) return invalidInput('Invalid Input', 'carrierName is required when carrierCode is Other');
    const actual = o.actual;
    // carrierCode must be one of Amazon's listed values for the marketplace, spelled exactly (SP-API
    // changelog "CarrierCode value required in shipment confirmations..."; lists in data/carrier-codes.ts).
    const country = findMarketplace(actual.salesChannel.marketplaceId)?.country ?? '';
    if (!carrierCodesFor(country).includes(d.carrierCode)) return invalidInput('Invalid Input', `carrierCode '${d.carrierCode}' is not an accepted value; use Other with a carrierName`);
    if (body.marketplaceId !== actual.salesChannel.marketplaceId) return invalidInput('Invalid Input', 'marketplaceId does not match the order');
    if (actual.fulfillment?.fulfilledBy !== 'MERCHANT') return invalidInput('Invalid Input', 'Only merchant-fulfilled orders can be confirmed');
    if (!['UNSHIPPED', 'PARTIALLY_SHIPPED'].includes(actual.fulfillment.fulfillmentStatus)) return invalidInput('Invalid Input', `The order is ${actual.fulfillment.fulfillmentStatus}`);
    if (actual.packages?.some((p) => p.packageReferenceId === d.packageReferenceId)) return invalidInput('Invalid Input', 'packageReferenceId was already used for this order');
    for (const it of d.orderItems) {
      const line = actual.orderItems.find((l) => l.orderItemId === it.orderItemId);
      const open = line ? line.quantityOrdered - (line.fulfillment?.quantityFulfilled ?? 0) : 0;
      if (!line || !Number.isInteger(it.quantity) || it.quantity! < 1 || it.quantity! > open) return invalidInput('Invalid Input', `orderItem ${it.orderItemId} quantity is not available`);
    }
    const now = ctx.clock.now();
    const ship = (doc: OrderDoc) => {
      for (const it of d.orderItems!) {
        const line = doc.orderItems.find((l) => l.orderItemId === it.orderItemId)!;
        const done = (line.fulfillment?.quantityFulfilled ?? 0) + it.quantity!;
        line.fulfillment = { ...line.fulfillment, quantityFulfilled: done, quantityUnfulfilled: line.quantityOrdered - done };
      }
      doc.packages = [...(doc.packages ?? []), {
        packageReferenceId: d.packageReferenceId!, createdTime: new Date(now).toISOString(), packageStatus: { status: 'SHIPPED' }, carrier: d.carrierName ?? d.carrierCode!,
        shipTime: d.shipDate!, ...(d.shippingMethod ? { shippingService: d.shippingMethod } : {}), trackingNumber: d.trackingNumber!,
        packageItems: d.orderItems!.map((i) => ({ orderItemId: i.orderItemId!, quantity: i.quantity! })),
      }];
      const all = doc.orderItems.every((l) => (l.fulfillment?.quantityFulfilled ?? 0) >= l.quantityOrdered);
      if (doc.fulfillment) doc.fulfillment.fulfillmentStatus = all ? 'SHIPPED' : 'PARTIALLY_SHIPPED';
      doc.lastUpdatedTime = new Date(now).toISOString();
    };
    ship(actual);
    o.pending.push({ at: now + opts.readLagMs / ctx.timeScale, apply: ship });
    o.confirmations++;
    return { status: 204, headers: requestIdHeader() };
  }));
}
