import type { SandboxContext } from '../../../src/sandbox/module.js';
import type { Router } from '../../../src/sandbox/router.js';
import { guarded, type GuardOptions } from './guard.js';
import { itemsMarkedShipped } from './notifications-orders.js';
import { fail, ok } from './responses.js';
import type { EbaySandboxState, WireOrderDoc } from './state.js';

const F = '/sell/fulfillment/v1';
// 30800 "Invalid filter value {fieldvalue} for filter {fieldname}" (getOrders 400 x-response-codes, specs/ebay/sell_fulfillment_v1_oas3.json).
const invalidFilter = () => fail(400, { errorId: 30800, domain: 'API_FULFILLMENT', message: 'Invalid filter value', parameters: [{ name: 'filter', value: 'filter' }] });

interface Filter {
  field?: 'creationDate' | 'lastModifiedDate';
  from?: number;
  to?: number;
  statuses?: string[];
}

/** `creationdate:[a..b]`, `lastmodifieddate:[a..]`, `orderfulfillmentstatus:{A|B}` (getOrders). */
export function parseFilter(text: string | null): Filter | undefined {
  const f: Filter = {};
  if (!text) return f;
  for (const part of text.split(/,(?=[a-z]+:)/)) {
    const m = /^(creationdate|lastmodifieddate):\[(.*?)\.\.([^\]]*)\]$/.exec(part);
    if (m) {
      const from = m[2] ? Date.parse(m[2]) : undefined;
      const to = m[3] ? Date.parse(m[3]) : undefined;
      if (Number.isNaN(from) || Number.isNaN(to) || from === undefined) return undefined;
      if (f.field !== 'creationDate') Object.assign(f, { field: m[1] === 'creationdate' ? 'creationDate' : 'lastModifiedDate', from, to });
      continue;
    }
    const s = /^orderfulfillmentstatus:\{([A-Z_|]+)\}$/.exec(part);
    if (s && (s[1] === 'NOT_STARTED|IN_PROGRESS' || s[1] === 'FULFILLED|IN_PROGRESS')) {
      f.statuses = s[1].split('|');
      continue;
    }
    return undefined;
  }
  return f;
}

export function installOrders(router: Router, state: EbaySandboxState, ctx: SandboxContext, opts: GuardOptions): void {
  router.add('GET', `${F}/order`, guarded(state, ctx, opts, 'fulfillment', (req) => {
    const q = req.query;
    const limit = Number(q.get('limit') ?? 50);
    const offset = Number(q.get('offset') ?? 0);
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) return fail(400, { errorId: 31100, domain: 'API_FULFILLMENT', message: 'Invalid limit' });
    // 31100 / 31000 "Invalid limit" / "Invalid offset" (getOrders 400 x-response-codes, specs/ebay/sell_fulfillment_v1_oas3.json#/paths/~1order/get).
    if (!Number.isInteger(offset) || offset < 0) return fail(400, { errorId: 31000, domain: 'API_FULFILLMENT', message: 'Invalid offset' });
    const filter = parseFilter(q.get('filter'));
    if (!filter) return invalidFilter();
    const ids = q.get('orderIds')?.split(',');
    const all = [...state.orders.values()]
      .filter((o) => !ids || ids.includes(o.orderId))
      .filter((o) => {
        if (ids) return true;
        const at = filter.field ? Date.parse(o[filter.field]) : undefined;
        if (at !== undefined && ((filter.from !== undefined && at < filter.from) || (filter.to !== undefined && at > filter.to))) return false;
        return !filter.statuses || filter.statuses.includes(o.orderFulfillmentStatus);
      })
      .sort((a, b) => a.creationDate.localeCompare(b.creationDate) || a.orderId.localeCompare(b.orderId));
    const page = all.slice(offset, offset + limit);
    const href = (o: number) => `${ctx.baseUrl()}${F}/order?limit=${limit}&offset=${o}`;
    return ok({
      href: href(offset), total: all.length, limit, offset,
      ...(offset + limit < all.length ? { next: href(offset + limit) } : {}),
      ...(offset > 0 ? { prev: href(Math.max(0, offset - limit)) } : {}),
      orders: page.map((o) => state.render(o, q.get('fieldGroups') === 'TAX_BREAKDOWN')),
    });
  }));

  router.add('GET', `${F}/order/{orderId}`, guarded(state, ctx, opts, 'fulfillment', (req) => {
    const o = state.orders.get(req.params.orderId!);
    return o ? ok(state.render(o, req.query.get('fieldGroups') === 'TAX_BREAKDOWN')) : fail(404, { errorId: 32100, domain: 'API_FULFILLMENT', message: 'Invalid Order Id', parameters: [{ name: 'orderId', value: req.params.orderId! }] });
  }));

  router.add('GET', `${F}/order/{orderId}/shipping_fulfillment`, guarded(state, ctx, opts, 'fulfillment', (req) => {
    if (!state.orders.has(req.params.orderId!)) return fail(404, { errorId: 32100, domain: 'API_FULFILLMENT', message: 'Invalid Order Id' });
    const list = state.fulfillments.get(req.params.orderId!) ?? [];
    return ok({ fulfillments: list, total: list.length });
  }));

  router.add('GET', `${F}/order/{orderId}/shipping_fulfillment/{fulfillmentId}`, guarded(state, ctx, opts, 'fulfillment', (req) => {
    const f = state.fulfillments.get(req.params.orderId!)?.find((x) => x.fulfillmentId === req.params.fulfillmentId);
    // 32100 / 32110 "Invalid shipping fulfillment ID" (getShippingFulfillment 400 x-response-codes, specs/ebay/sell_fulfillment_v1_oas3.json).
    return f ? ok(f) : fail(404, { errorId: 32110, domain: 'API_FULFILLMENT', message: 'Invalid shipping fulfillment ID' });
  }));

  router.add('POST', `${F}/order/{orderId}/shipping_fulfillment`, guarded(state, ctx, opts, 'fulfillment', (req) => {
    const order = state.orders.get(req.params.orderId!);
    if (!order) return fail(404, { errorId: 32100, domain: 'API_FULFILLMENT', message: 'Invalid Order Id' });
    const body = req.json<{ lineItems?: Array<{ lineItemId?: string; quantity?: number }>; shippingCarrierCode?: string; trackingNumber?: string; shippedDate?: string }>() ?? {};
    const lines = body.lineItems ?? [];
    if (!lines.length) return fail(400, { errorId: 32200, domain: 'API_FULFILLMENT', message: 'Invalid line item id' });
    const seen = new Set<string>();
    for (const l of lines) {
      if (!order.lineItems.some((li) => li.lineItemId === l.lineItemId)) return fail(400, { errorId: 32200, domain: 'API_FULFILLMENT', message: 'Invalid line item id', parameters: [{ name: 'lineItemId', value: String(l.lineItemId) }] });
      if (seen.has(l.lineItemId!)) return fail(400, { errorId: 32210, domain: 'API_FULFILLMENT', message: 'Duplicate line item in the request' });
      seen.add(l.lineItemId!);
    }
    // createShippingFulfillment 400 x-response-codes (specs/ebay/sell_fulfillment_v1_oas3.json): 32100 order, 32200 / 32210 line items,
    // 32300 "Invalid shipment tracking number or carrier" (32400 there is "Requested user is suspended").
    if (!body.shippingCarrierCode || !body.trackingNumber) return fail(400, { errorId: 32300, domain: 'API_FULFILLMENT', message: 'Invalid shipment tracking number or carrier' });
    // "Only alphanumeric characters are supported for shipment tracking numbers" (ShippingFulfillmentDetails.trackingNumber).
    if (!/^[A-Za-z0-9]+$/.test(body.trackingNumber)) return fail(400, { errorId: 32300, domain: 'API_FULFILLMENT', message: 'Invalid shipment tracking number or carrier', parameters: [{ name: 'trackingNumber', value: body.trackingNumber }] });
    // With a tracking number, the new fulfillment's ID "is the tracking number" (same field's note).
    const id = body.trackingNumber;
    const list = state.fulfillments.get(order.orderId) ?? [];
    list.push({ fulfillmentId: id, lineItems: lines.map((l) => ({ lineItemId: l.lineItemId!, quantity: l.quantity ?? 1 })), shipmentTrackingNumber: body.trackingNumber, shippingCarrierCode: body.shippingCarrierCode, shippedDate: body.shippedDate ?? new Date(ctx.clock.now()).toISOString() });
    state.fulfillments.set(order.orderId, list);
    applyShipment(order, list, ctx.clock.now());
    itemsMarkedShipped(state, order.orderId); // eBay notifies subscribers of the shipment
    return ok(undefined, 201, { Location: `${ctx.baseUrl()}${F}/order/${order.orderId}/shipping_fulfillment/${id}` });
  }));
}

function applyShipment(order: WireOrderDoc, list: Array<{ lineItems: Array<{ lineItemId: string; quantity: number }> }>, now: number): void {
  for (const li of order.lineItems) {
    const shipped = list.flatMap((f) => f.lineItems).filter((l) => l.lineItemId === li.lineItemId).reduce((n, l) => n + l.quantity, 0);
    li.lineItemFulfillmentStatus = shipped >= li.quantity ? 'FULFILLED' : shipped > 0 ? 'IN_PROGRESS' : 'NOT_STARTED';
  }
  const states = order.lineItems.map((l) => l.lineItemFulfillmentStatus);
  order.orderFulfillmentStatus = states.every((s) => s === 'FULFILLED') ? 'FULFILLED' : states.some((s) => s !== 'NOT_STARTED') ? 'IN_PROGRESS' : 'NOT_STARTED';
  order.lastModifiedDate = new Date(now).toISOString();
}
