import type { SandboxContext } from '../../../src/sandbox/module.js';
import type { Router } from '../../../src/sandbox/router.js';
import { fail, ok } from './envelope.js';
import { bodyOf, route, type Caller } from './gate.js';
import type { SandboxOrder } from './state.js';
import type { ShopeeSandboxState } from './world.js';

type Shop = Extract<Caller, { kind: 'shop' }>;
type Line = { item_id: number; model_id: number; model_quantity_purchased: number; cancelled_qty?: number };

/** Fields get_order_detail returns without asking (S6). */
const DEFAULT_FIELDS = ['order_sn', 'region', 'currency', 'cod', 'order_status', 'message_to_seller', 'create_time', 'update_time', 'days_to_ship', 'ship_by_date', 'booking_sn'];
const FIFTEEN_DAYS_S = 15 * 86400;
const REASONS = ['OUT_OF_STOCK', 'CUSTOMER_REQUEST', 'UNDELIVERABLE_AREA', 'COD_NOT_SUPPORTED'];

/** The detail record with only the requested optional fields (recipient_address is PII: only when asked). */
export function detailOf(o: SandboxOrder, optional: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of DEFAULT_FIELDS) out[f] = o.wire[f];
  for (const f of optional) {
    if (f === 'package_list') out.package_list = o.packages.map(({ tracking: _t, document: _d, ...p }) => p);
    else if (f in o.wire) out[f] = o.wire[f];
  }
  if (o.malformed) out.create_time = 'not-a-timestamp';
  return out;
}

export function installOrder(router: Router, world: ShopeeSandboxState, ctx: SandboxContext): void {
  const own = (caller: Shop, sn: unknown) => {
    const o = world.orders.get(String(sn));
    return o && o.shopId === caller.id ? o : undefined;
  };
  // error_not_found "Wrong parameters, detail: {msg}." (cancel_order / handle_buyer_cancellation / split_order error_list).
  const notFound = () => fail('error_not_found', 'Wrong parameters, detail: order not found.');

  // Refusals: specs/shopee/v2.order.get_order_list.json error_list.
  route<Shop>(router, world, ctx, 'GET', '/api/v2/order/get_order_list', (req, caller) => {
    const q = req.query;
    const field = q.get('time_range_field');
    const from = Number(q.get('time_from'));
    const to = Number(q.get('time_to'));
    const size = Number(q.get('page_size'));
    if (field !== 'create_time' && field !== 'update_time') return fail('error_param', 'Wrong parameters, detail: time_range_field must be create_time or update_time.');
    if (!Number.isInteger(from) || !Number.isInteger(to) || !(size >= 1 && size <= 100)) return fail('error_param', 'Wrong parameters, detail: time_from, time_to and page_size (1..100) are required.');
    // The 15-day rule: Shopee refuses longer ranges outright.
    if (to < from || to - from > FIFTEEN_DAYS_S) return fail('order.order_list_invalid_time', 'Start time must be earlier than end time and diff in 15days.');
    const status = q.get('order_status');
    const all = [...world.orders.values()]
      .filter((o) => o.shopId === caller.id && o.wire[field] >= from && o.wire[field] <= to && (!status || o.wire.order_status === status))
      .sort((a, b) => a.wire.create_time - b.wire.create_time || a.wire.order_sn.localeCompare(b.wire.order_sn));
    const offset = Number(q.get('cursor') || 0);
    const page = all.slice(offset, offset + size);
    const more = offset + size < all.length;
    const withStatus = (q.get('response_optional_fields') ?? '').split(',').includes('order_status');
    return ok({ more, next_cursor: more ? String(offset + size) : '', order_list: page.map((o) => ({ order_sn: o.wire.order_sn, ...(withStatus ? { order_status: o.wire.order_status } : {}) })) });
  });

  // Refusals: specs/shopee/v2.order.get_order_detail.json error_list.
  route<Shop>(router, world, ctx, 'GET', '/api/v2/order/get_order_detail', (req, caller) => {
    const sns = (req.query.get('order_sn_list') ?? '').split(',').filter(Boolean);
    if (!sns.length || sns.length > 50) return fail('error_param', 'Wrong parameters, detail: order_sn_list limit [1,50].');
    const optional = (req.query.get('response_optional_fields') ?? '').split(',').filter(Boolean);
    const list = sns.map((sn) => own(caller, sn)).filter((o): o is SandboxOrder => !!o);
    return ok({ order_list: list.map((o) => detailOf(o, optional)) });
  });

  // Refusals: specs/shopee/v2.order.cancel_order.json error_list.
  route<Shop>(router, world, ctx, 'POST', '/api/v2/order/cancel_order', (req, caller) => {
    const { body: b, res } = bodyOf<{ order_sn?: string; cancel_reason?: string; item_list?: unknown[]; partial_cancel_item_list?: Array<{ item_id: number; model_id: number; model_quantity: number }> }>(req);
    if (res) return res;
    const o = own(caller, b.order_sn);
    if (!o) return notFound();
    if (!REASONS.includes(b.cancel_reason ?? '')) return fail('error_param', 'Wrong parameters, detail: cancel_reason is invalid.');
    if (b.cancel_reason === 'OUT_OF_STOCK' && !b.item_list?.length) return fail('error_param', 'Wrong parameters, detail: item_list is required when cancel_reason is OUT_OF_STOCK.');
    if (!['UNPAID', 'READY_TO_SHIP', 'RETRY_SHIP'].includes(o.wire.order_status)) return fail('order.error_limit', 'Can not cancel this order');
    const lines = o.wire.item_list as Line[];
    if (b.partial_cancel_item_list?.length) {
      for (const p of b.partial_cancel_item_list) {
        const line = lines.find((l) => l.item_id === p.item_id && l.model_id === p.model_id);
        if (!line || p.model_quantity > line.model_quantity_purchased - (line.cancelled_qty ?? 0)) return fail('error_param', 'Wrong parameters, detail: partial_cancel_item_list does not match the order.');
      }
      for (const p of b.partial_cancel_item_list) {
        const line = lines.find((l) => l.item_id === p.item_id && l.model_id === p.model_id)!;
        line.cancelled_qty = (line.cancelled_qty ?? 0) + p.model_quantity;
      }
      if (lines.every((l) => (l.cancelled_qty ?? 0) >= l.model_quantity_purchased)) o.wire.order_status = 'CANCELLED';
    } else {
      o.wire.order_status = 'CANCELLED';
      for (const l of lines) l.cancelled_qty = l.model_quantity_purchased;
    }
    o.wire.cancel_by = 'seller';
    o.wire.cancel_reason = b.cancel_reason;
    world.touch(o);
    return ok({ update_time: o.wire.update_time });
  });

  // Refusals: specs/shopee/v2.order.handle_buyer_cancellation.json error_list.
  route<Shop>(router, world, ctx, 'POST', '/api/v2/order/handle_buyer_cancellation', (req, caller) => {
    const { body: b, res } = bodyOf<{ order_sn?: string; operation?: string }>(req);
    if (res) return res;
    const o = own(caller, b.order_sn);
    if (!o) return notFound();
    if (b.operation !== 'ACCEPT' && b.operation !== 'REJECT') return fail('error_param', 'Wrong parameters, detail: operation must be ACCEPT or REJECT.');
    if (o.wire.order_status !== 'IN_CANCEL') return fail('order.order_status_invalid', 'Invalid order_status.The order status should be IN_CANCEL.');
    o.wire.order_status = b.operation === 'ACCEPT' ? 'CANCELLED' : 'READY_TO_SHIP';
    if (b.operation === 'ACCEPT') o.wire.cancel_by = 'buyer';
    world.touch(o);
    return ok({ update_time: o.wire.update_time });
  });

  // Refusals: specs/shopee/v2.order.split_order.json error_list.
  route<Shop>(router, world, ctx, 'POST', '/api/v2/order/split_order', (req, caller) => {
    const { body: b, res } = bodyOf<{ order_sn?: string; package_list?: Array<{ item_list?: Array<{ item_id: number; model_id: number; model_quantity?: number }> }> }>(req);
    if (res) return res;
    const o = own(caller, b.order_sn);
    if (!o) return notFound();
    if (o.packages.length > 1) return fail('order.order_has_been_split', 'This order has already been split.');
    if (o.wire.order_status !== 'READY_TO_SHIP') return fail('order.order_cannot_split', 'You don’t have the permission to split order.');
    const lines = o.wire.item_list as Line[];
    const wanted = b.package_list ?? [];
    const sums = new Map<string, number>();
    for (const p of wanted) for (const i of p.item_list ?? []) sums.set(`${i.item_id}:${i.model_id}`, (sums.get(`${i.item_id}:${i.model_id}`) ?? 0) + (i.model_quantity ?? 1));
    if (wanted.length < 2 || lines.some((l) => sums.get(`${l.item_id}:${l.model_id}`) !== l.model_quantity_purchased)) {
      return fail('error_param', 'Wrong parameters, detail: the quantity sum of each item over the packages must equal the order quantity.');
    }
    const base = o.packages[0]!;
    o.packages = wanted.map((p) => ({
      ...base, document: undefined, tracking: undefined, package_number: `OFG${world.nextId()}${o.wire.order_sn.slice(-4)}`,
      item_list: (p.item_list ?? []).map((i) => ({ item_id: i.item_id, model_id: i.model_id, model_quantity: i.model_quantity ?? 1, order_item_id: i.item_id, promotion_group_id: 0 })),
    }));
    o.wire.split_up = true;
    world.touch(o);
    return ok({ order_sn: o.wire.order_sn, package_list: o.packages.map((p) => ({ package_number: p.package_number, item_list: p.item_list })) });
  });
}
