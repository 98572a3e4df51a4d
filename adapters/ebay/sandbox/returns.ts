import type { SandboxContext } from '../../../src/sandbox/module.js';
import type { Router } from '../../../src/sandbox/router.js';
import type { GuardOptions } from './guard.js';
import { ok } from './responses.js';
import { DAY, detailOf, move, poFail, poGuarded, postOrder, summaryOf, type PoAmount, type SandboxReturn } from './returns-state.js';
import type { EbaySandboxState } from './state.js';

const PO = '/post-order/v2';
const cents = (a: PoAmount) => Math.round(a.value * 100);

/**
 * Post-Order returns, seller side (paths: specs/ebay/return_oas3.json): search, get (SUMMARY |
 * FULL), decide (APPROVE / DECLINE / OFFER_PARTIAL_REFUND), mark_as_received, issue_refund.
 */
export function installReturns(router: Router, state: EbaySandboxState, ctx: SandboxContext, opts: GuardOptions): void {
  const po = postOrder(state);
  const find = (id: string | undefined) => (id ? po.returns.get(id) : undefined);
  const notFound = (id: string) => poFail(404, 1900, `Return ${id} was not found`, { name: 'returnId', value: id });
  const wrongState = (r: SandboxReturn, what: string) => poFail(400, 1617, `${what} is not allowed while the return is ${r.status}`, { name: 'returnId', value: r.returnId });

  // GET /return/search: creation_date_range_from/to, limit, offset (https://developer.ebay.com/devzone/post-order/post-order_v2_return_search__get.html).
  router.add('GET', `${PO}/return/search`, poGuarded(state, ctx, opts, (req) => {
    const q = req.query;
    const from = q.get('creation_date_range_from') ? Date.parse(q.get('creation_date_range_from')!) : -Infinity;
    const to = q.get('creation_date_range_to') ? Date.parse(q.get('creation_date_range_to')!) : Infinity;
    const limit = Number(q.get('limit') ?? 25);
    const offset = Number(q.get('offset') ?? 0);
    if (Number.isNaN(from) || Number.isNaN(to)) return poFail(400, 1610, 'Invalid creation date range', { name: 'creation_date_range_from', value: String(q.get('creation_date_range_from')) });
    const all = [...po.returns.values()].filter((r) => r.created >= from && r.created <= to).filter((r) => !q.get('order_id') || r.orderId === q.get('order_id'))
      .sort((a, b) => a.created - b.created || a.returnId.localeCompare(b.returnId));
    return ok({ members: all.slice(offset, offset + limit).map(summaryOf), paginationOutput: { limit, offset, totalEntries: all.length, totalPages: Math.ceil(all.length / limit) } });
  }));

  // GET /return/{id}: `summary` for fieldgroups=SUMMARY, `detail` for FULL or none (ReturnSummaryType: not returned "if fieldgroups is omitted, or ... FULL").
  router.add('GET', `${PO}/return/{returnId}`, poGuarded(state, ctx, opts, (req) => {
    const r = find(req.params.returnId);
    if (!r) return notFound(req.params.returnId!);
    return ok(req.query.get('fieldgroups') === 'SUMMARY' ? { summary: summaryOf(r) } : { detail: detailOf(r) });
  }));

  // POST /return/{id}/decide: DecideReturnRequest.decision (https://developer.ebay.com/devzone/post-order/types/DecisionEnum.html).
  router.add('POST', `${PO}/return/{returnId}/decide`, poGuarded(state, ctx, opts, (req) => {
    const r = find(req.params.returnId);
    if (!r) return notFound(req.params.returnId!);
    const body = (req.json() ?? {}) as { decision?: string; partialRefundAmount?: PoAmount };
    const now = ctx.clock.now();
    const open = r.status === 'RETURN_REQUESTED';
    switch (body.decision) {
      case 'APPROVE':
        if (!open) return wrongState(r, 'APPROVE');
        move(r, now, 'SELLER_APPROVE_REQUEST', 'ITEM_READY_TO_SHIP', 'READY_FOR_SHIPPING');
        delete r.due;
        return ok({});
      case 'DECLINE':
        if (!open) return wrongState(r, 'DECLINE');
        move(r, now, 'SELLER_DECLINE_REQUEST', r.state, 'RETURN_REJECTED');
        delete r.due;
        return ok({});
      case 'OFFER_PARTIAL_REFUND': {
        if (!open) return wrongState(r, 'OFFER_PARTIAL_REFUND');
        const a = body.partialRefundAmount;
        // A partial refund is less than the item's price (DecisionEnum OFFER_PARTIAL_REFUND: "offer a partial refund").
        if (!a || a.currency !== r.itemPrice.currency || !(a.value > 0) || cents(a) >= cents(r.itemPrice)) return poFail(400, 1620, 'partialRefundAmount must be positive, in the order currency and below the item price', { name: 'partialRefundAmount', value: String(a?.value) });
        r.offer = a;
        move(r, now, 'SELLER_OFFER_PARTIAL_REFUND', r.state, r.status);
        delete r.due;
        return ok({});
      }
      default:
        return poFail(400, 1616, 'Invalid decision', { name: 'decision', value: String(body.decision) });
    }
  }));

  // POST /return/{id}/mark_as_received: the item is back; "the seller has two days to inspect the returned item and issue a refund"
  // (eBay help, handling return requests: https://www.ebay.com/help/selling/managing-returns-refunds/handling-return-requests?id=4115).
  router.add('POST', `${PO}/return/{returnId}/mark_as_received`, poGuarded(state, ctx, opts, (req) => {
    const r = find(req.params.returnId);
    if (!r) return notFound(req.params.returnId!);
    if (r.status !== 'ITEM_SHIPPED' && r.status !== 'READY_FOR_SHIPPING') return wrongState(r, 'mark_as_received');
    const now = ctx.clock.now();
    move(r, now, 'SELLER_MARK_AS_RECEIVED', 'ITEM_DELIVERED', 'ITEM_DELIVERED');
    if (r.tracking) r.tracking.deliveryStatus = 'DELIVERED';
    r.due = { activity: 'SELLER_ISSUE_REFUND', by: now + 2 * DAY };
    return ok({});
  }));

  // POST /return/{id}/issue_refund: itemized amounts must add up to refundDetail.totalAmount (RefundDetailType), and a refund
  // never exceeds what the buyer paid (estimated refund + original shipping share is eBay's ceiling; here the order total).
  router.add('POST', `${PO}/return/{returnId}/issue_refund`, poGuarded(state, ctx, opts, (req) => {
    const r = find(req.params.returnId);
    if (!r) return notFound(req.params.returnId!);
    if (r.status === 'CLOSED' || r.status === 'RETURN_REJECTED') return wrongState(r, 'issue_refund');
    const body = (req.json() ?? {}) as { refundDetail?: { itemizedRefundDetail?: Array<{ refundAmount: PoAmount; refundFeeType: string }>; totalAmount?: PoAmount } };
    const d = body.refundDetail;
    const items = d?.itemizedRefundDetail ?? [];
    if (!d?.totalAmount || !items.length) return poFail(400, 1630, 'refundDetail with itemizedRefundDetail and totalAmount is required', { name: 'refundDetail', value: '' });
    const sum = items.reduce((n, i) => n + cents(i.refundAmount), 0);
    if (sum !== cents(d.totalAmount) || items.some((i) => i.refundAmount.currency !== d.totalAmount!.currency)) return poFail(400, 1631, 'The itemized refund amounts do not add up to totalAmount', { name: 'totalAmount', value: String(d.totalAmount.value) });
    const order = state.orders.get(r.orderId);
    const paid = order ? Math.round(Number(order.pricingSummary.total.value) * 100) : Infinity;
    const before = r.actual ? cents(r.actual) : 0;
    if (before + sum > paid) return poFail(400, 1632, 'The refund is more than the buyer paid', { name: 'totalAmount', value: String(d.totalAmount.value) });
    const now = ctx.clock.now();
    r.actual = { value: (before + sum) / 100, currency: d.totalAmount.currency };
    delete r.due;
    const full = before + sum >= cents(r.itemPrice);
    move(r, now, 'SELLER_ISSUE_REFUND', full ? 'CLOSED' : 'LESS_THAN_A_FULL_REFUND_ISSUED', full ? 'CLOSED' : 'LESS_THAN_A_FULL_REFUND_ISSUED');
    return ok({ refundStatus: 'SUCCESS' });
  }));
}
