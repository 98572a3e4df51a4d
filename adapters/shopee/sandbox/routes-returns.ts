import type { SandboxContext } from '../../../src/sandbox/module.js';
import type { Router } from '../../../src/sandbox/router.js';
import { fail, ok } from './envelope.js';
import { bodyOf, route, type Caller } from './gate.js';
import type { SandboxOrder } from './state.js';
import type { ShopeeSandboxState } from './world.js';

type Shop = Extract<Caller, { kind: 'shop' }>;

/** A return/refund request as get_return_detail answers it (specs/shopee/v2.returns.get_return_detail.json). */
export interface SandboxReturn {
  /** The shop the order belongs to. */
  shopId: number;
  /** The record exactly as the routes answer it. */
  wire: Record<string, unknown> & { return_sn: string; order_sn: string; status: string; update_time: number };
  /** Who made the negotiation's latest offer (accept_offer: "Cannot accept your own offer"). */
  lastOfferBy?: 'buyer' | 'seller';
  /** What upload_proof stored (query_proof answers it). */
  proof?: { image: Array<{ url: string; thumbnail: string }>; video: never[]; description: string };
  /** Reverse logistics events (get_reverse_tracking_info tracking_info). */
  tracking?: Array<{ update_time: number; tracking_description: string }>;
  /** get_available_solutions min_refund_amount (seeded). */
  minRefund?: number;
}

const returnsOf = new WeakMap<ShopeeSandboxState, Map<string, SandboxReturn>>();
/** The sandbox's return/refund requests by return_sn (kept beside the world, which predates returns). */
export function sandboxReturns(world: ShopeeSandboxState): Map<string, SandboxReturn> {
  let m = returnsOf.get(world);
  if (!m) returnsOf.set(world, (m = new Map()));
  for (const r of m.values()) lapse(world, r);
  return m;
}

/**
 * The seller "must respond within 2 days ... If the seller fails to respond in time, your request
 * will be automatically approved and the refund will be processed accordingly"
 * (https://help.shopee.sg/portal/article/76650). A request still REQUESTED / PROCESSING after its
 * due_date ("The last time seller deal with this return": get_return_detail) is approved at that
 * moment, as confirm would (ACCEPTED, or REFUND_PAID when nothing goes back) — unless the seller
 * answered with an offer, which leaves the buyer to respond. Applied whenever returns are read.
 */
function lapse(world: ShopeeSandboxState, r: SandboxReturn): void {
  const due = r.wire.due_date as number | undefined;
  if (due === undefined || (r.wire.status !== 'REQUESTED' && r.wire.status !== 'PROCESSING') || r.lastOfferBy === 'seller') return;
  if (world.nowSeconds() <= due) return;
  r.wire.status = r.wire.needs_logistics === false ? 'REFUND_PAID' : 'ACCEPTED';
  r.wire.update_time = due;
}

/** What seedReturn opens: which lines, why, in which status. */
export interface SeedReturnSpec {
  /** Lines of the order to return (index into item_list) and quantities; default: the first line, all of it. */
  lines?: Array<{ index: number; quantity?: number }>;
  /** Shopee ReturnReason code, default PHYSICAL_DMG. */
  reason?: string;
  /** Shopee ReturnStatus, default REQUESTED. */
  status?: string;
  /** false: refund only, nothing goes back (needs_logistics). */
  needsLogistics?: boolean;
  /**
   * Timings in seconds after the request: due_date (seller answers; default 2 days: "must respond
   * within 2 days", help.shopee.sg/portal/article/76650), the opening proposal's offer_due_date
   * (default: the due_date) and seller_evidence_deadline (sandbox default 5 days; the specs name
   * the deadline, not its length).
   */
  dueInS?: number;
  offerDueInS?: number;
  evidenceDueInS?: number;
  /** negotiation.counter_limit ("the remaining counter limit"), default 2. */
  counterLimit?: number;
  /** get_available_solutions offer_return_refund.min_refund_amount, if any. */
  minRefund?: number;
}

/** The buyer opens a return/refund request on a seeded order (the buyer's side has no Open Platform call). */
export function seedReturn(world: ShopeeSandboxState, order: SandboxOrder, spec: SeedReturnSpec = {}): SandboxReturn {
  const shop = world.shops.get(order.shopId)!;
  const items = order.wire.item_list as Array<{ item_id: number; model_id: number; item_sku: string; model_sku: string; model_quantity_purchased: number; model_discounted_price: number }>;
  const picked = (spec.lines ?? [{ index: 0 }]).map((l) => ({ it: items[l.index]!, qty: l.quantity ?? items[l.index]!.model_quantity_purchased }));
  const scale = 10 ** shop.priceDecimals;
  const refund = picked.reduce((s, p) => s + Math.round(p.it.model_discounted_price * scale) * p.qty, 0) / scale;
  const now = world.nowSeconds();
  const sn = `${now}${String(world.nextId()).padStart(3, '0')}`;
  const r: SandboxReturn = {
    shopId: order.shopId,
    ...(spec.minRefund !== undefined ? { minRefund: spec.minRefund } : {}),
    wire: {
      return_sn: sn, order_sn: String(order.wire.order_sn), status: spec.status ?? 'REQUESTED', reason: spec.reason ?? 'PHYSICAL_DMG', text_reason: 'arrived broken',
      refund_amount: refund, currency: shop.currency, create_time: now, update_time: now, due_date: now + (spec.dueInS ?? 2 * 86400), tracking_number: '',
      needs_logistics: spec.needsLogistics ?? true, return_solution: spec.needsLogistics === false ? 1 : 0,
      // The buyer's request is the negotiation's opening proposal (get_return_detail negotiation; sample PENDING_RESPOND / RETURN_REFUND).
      negotiation: {
        negotiation_status: 'PENDING_RESPOND', latest_solution: spec.needsLogistics === false ? undefined : 'RETURN_REFUND', latest_offer_amount: refund,
        counter_limit: spec.counterLimit ?? 2, offer_due_date: now + (spec.offerDueInS ?? spec.dueInS ?? 2 * 86400),
      },
      seller_proof: { seller_evidence_deadline: now + (spec.evidenceDueInS ?? 5 * 86400) },
      return_refund_request_type: 0, validation_type: 'seller_validation',
      item: picked.map((p) => ({ item_id: p.it.item_id, model_id: p.it.model_id, amount: p.qty, item_price: p.it.model_discounted_price, item_sku: p.it.item_sku, variation_sku: p.it.model_sku })),
    },
  };
  sandboxReturns(world).set(sn, r);
  return r;
}

/** What the buyer / Shopee do next on a return (ship it back, Shopee pays the refund...): tests drive it. */
export function advanceReturn(world: ShopeeSandboxState, sn: string, patch: Record<string, unknown>): void {
  const r = sandboxReturns(world).get(sn)!;
  Object.assign(r.wire, patch, { update_time: world.nowSeconds() });
}

// get_return_list: "The maximum date range ... update_time_from and update_time_to ... is 15 days";
// page_size "<= 100" (specs/shopee/v2.returns.get_return_list.json request_params).
const FIFTEEN_DAYS_S = 15 * 86400;

/** The v2.returns routes of the simulator (list, detail, confirm). */
export function installReturns(router: Router, world: ShopeeSandboxState, ctx: SandboxContext): void {
  const own = (caller: Shop, sn: unknown) => {
    const r = sandboxReturns(world).get(String(sn ?? ''));
    return r && r.shopId === caller.id ? r : undefined;
  };
  const notFound = () => fail('error_param', 'The information you queried is not found.');

  // Refusals: specs/shopee/v2.returns.get_return_list.json error_list.
  route<Shop>(router, world, ctx, 'GET', '/api/v2/returns/get_return_list', (req, caller) => {
    const q = req.query;
    const pageNo = Number(q.get('page_no'));
    const size = Number(q.get('page_size'));
    // page_no and page_size are required (request_params required: True).
    if (!q.has('page_no') || !q.has('page_size') || !Number.isInteger(pageNo) || !Number.isInteger(size) || size < 1 || size > 100) {
      return fail('error_param', 'Wrong parameters, detail: page_no and page_size (1..100) are required.');
    }
    const from = q.has('update_time_from') ? Number(q.get('update_time_from')) : undefined;
    const to = q.has('update_time_to') ? Number(q.get('update_time_to')) : undefined;
    if ((from === undefined) !== (to === undefined) || (from !== undefined && (to! < from || to! - from > FIFTEEN_DAYS_S))) {
      return fail('error_param', 'Wrong parameters, detail: update_time range must be within 15 days.');
    }
    const status = q.get('status');
    const all = [...sandboxReturns(world).values()]
      .filter((r) => r.shopId === caller.id && (from === undefined || (r.wire.update_time >= from && r.wire.update_time <= to!)) && (!status || r.wire.status === status))
      .sort((a, b) => a.wire.update_time - b.wire.update_time || a.wire.return_sn.localeCompare(b.wire.return_sn));
    // page_no: "Default is 0"; the sample sends 1. Pages are counted from the one the caller starts at: both start the list.
    const start = Math.max(0, pageNo - 1) * size;
    const page = all.slice(start, start + size);
    return ok({ more: start + size < all.length, return: page.map((r) => r.wire) });
  });

  // Refusals: specs/shopee/v2.returns.get_return_detail.json error_list.
  route<Shop>(router, world, ctx, 'GET', '/api/v2/returns/get_return_detail', (req, caller) => {
    const r = own(caller, req.query.get('return_sn'));
    return r ? ok(r.wire) : notFound();
  });

  // confirm ("Confirm refund"): the seller agrees to the request. A seller acts on a request while it
  // is REQUESTED / PROCESSING (v2.returns.dispute.json define); a refund-only request (needs_logistics
  // false) is then paid, a return-and-refund request waits for the item (ACCEPTED).
  // Refusals: specs/shopee/v2.returns.confirm.json error_list.
  route<Shop>(router, world, ctx, 'POST', '/api/v2/returns/confirm', (req, caller) => {
    const { body: b, res } = bodyOf<{ return_sn?: string }>(req);
    if (res) return res;
    const r = own(caller, b.return_sn);
    if (!r) return notFound();
    if (r.wire.status !== 'REQUESTED' && r.wire.status !== 'PROCESSING') return fail('error_param', `Wrong parameters, detail: return status ${r.wire.status} cannot be confirmed.`);
    advanceReturn(world, r.wire.return_sn, { status: r.wire.needs_logistics === false ? 'REFUND_PAID' : 'ACCEPTED' });
    return ok({ return_sn: r.wire.return_sn });
  });
}
