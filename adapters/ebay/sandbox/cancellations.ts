import type { SandboxContext } from '../../../src/sandbox/module.js';
import type { Router } from '../../../src/sandbox/router.js';
import type { GuardOptions } from './guard.js';
import { ok } from './responses.js';
import { poDate, poFail, poGuarded, postOrder, type SandboxCancel } from './returns-state.js';
import type { EbaySandboxState } from './state.js';

const PO = '/post-order/v2';

/** CancelDetail as search and get return it (https://developer.ebay.com/Devzone/post-order/post-order_v2_cancellation_search__get.html). */
function detailOf(c: SandboxCancel) {
  return {
    cancelId: c.cancelId, legacyOrderId: c.legacyOrderId, marketplaceId: c.marketplaceId, requestorType: c.requestorType,
    cancelState: c.cancelState, cancelStatus: c.cancelStatus, cancelReason: c.cancelReason, cancelRequestDate: poDate(c.requested),
    ...(c.closed ? { cancelCloseDate: poDate(c.closed) } : {}), ...(c.responseDue ? { sellerResponseDueDate: poDate(c.responseDue) } : {}),
    requestRefundAmount: c.refund,
  };
}

/** Seller cancel reasons (CancelReasonEnum: https://developer.ebay.com/Devzone/post-order/types/CancelReasonEnum.html). */
const SELLER_REASONS = new Set(['OUT_OF_STOCK_OR_CANNOT_FULFILL', 'BUYER_ASKED_CANCEL', 'ADDRESS_ISSUES']);

/**
 * Post-Order cancellations, seller side (paths: specs/ebay/cancellation_oas3.json). An approved
 * request (or a seller cancellation) cancels the whole order — "the cancellation operations in
 * the Post-Order API act upon an entire order"
 * (https://developer.ebay.com/api-docs/user-guides/static/post-order-user-guide/post-order-cancellations.html) —
 * which the Fulfillment order shows as cancelStatus.cancelState CANCELED.
 */
export function installCancellations(router: Router, state: EbaySandboxState, ctx: SandboxContext, opts: GuardOptions): void {
  const po = postOrder(state);
  const notFound = (id: string) => poFail(404, 1700, `Cancellation ${id} was not found`, { name: 'cancelId', value: id });
  const touch = (orderId: string, cancelState: string) => {
    const o = state.orders.get(orderId);
    if (!o) return;
    o.cancelStatus = { ...o.cancelStatus, cancelState };
    o.lastModifiedDate = new Date(ctx.clock.now()).toISOString();
  };

  router.add('GET', `${PO}/cancellation/search`, poGuarded(state, ctx, opts, (req) => {
    const q = req.query;
    const from = q.get('creation_date_range_from') ? Date.parse(q.get('creation_date_range_from')!) : -Infinity;
    const to = q.get('creation_date_range_to') ? Date.parse(q.get('creation_date_range_to')!) : Infinity;
    const limit = Number(q.get('limit') ?? 25);
    const offset = Number(q.get('offset') ?? 0);
    const all = [...po.cancels.values()]
      .filter((c) => (q.get('legacy_order_id') ? c.legacyOrderId === q.get('legacy_order_id') : c.requested >= from && c.requested <= to))
      .sort((a, b) => a.requested - b.requested || a.cancelId.localeCompare(b.cancelId));
    return ok({ cancellations: all.slice(offset, offset + limit).map(detailOf), paginationOutput: { limit, offset, totalEntries: all.length, totalPages: Math.ceil(all.length / limit) } });
  }));

  // check_eligibility before get: both match /cancellation/{x} patterns otherwise.
  router.add('POST', `${PO}/cancellation/check_eligibility`, poGuarded(state, ctx, opts, (req) => {
    const id = (req.json() as { legacyOrderId?: string } | undefined)?.legacyOrderId ?? '';
    const o = state.orders.get(id);
    if (!o) return poFail(400, 1701, 'Invalid legacyOrderId', { name: 'legacyOrderId', value: id });
    // A shipped or already cancelled order cannot be cancelled.
    const failureReason = [...(o.orderFulfillmentStatus !== 'NOT_STARTED' ? ['ORDER_ALREADY_SHIPPED'] : []), ...(o.cancelStatus.cancelState === 'CANCELED' ? ['ORDER_ALREADY_CANCELLED'] : [])];
    return ok({ legacyOrderId: id, eligible: failureReason.length === 0, ...(failureReason.length ? { failureReason } : { eligibleCancelReason: [...SELLER_REASONS] }) });
  }));

  router.add('GET', `${PO}/cancellation/{cancelId}`, poGuarded(state, ctx, opts, (req) => {
    const c = po.cancels.get(req.params.cancelId!);
    return c ? ok({ cancelDetail: detailOf(c) }) : notFound(req.params.cancelId!);
  }));

  router.add('POST', `${PO}/cancellation/{cancelId}/approve`, poGuarded(state, ctx, opts, (req) => {
    const c = po.cancels.get(req.params.cancelId!);
    if (!c) return notFound(req.params.cancelId!);
    if (c.cancelState !== 'APPROVAL_PENDING') return poFail(400, 1702, `Cancellation ${c.cancelId} is not awaiting approval`, { name: 'cancelId', value: c.cancelId });
    // Approved: the buyer is refunded (CancelStateEnum REFUND_PENDING) and the order is cancelled.
    Object.assign(c, { cancelState: 'REFUND_PENDING', cancelStatus: 'CANCEL_APPROVED', closed: ctx.clock.now() });
    delete c.responseDue;
    touch(c.legacyOrderId, 'CANCELED');
    return ok({});
  }));

  router.add('POST', `${PO}/cancellation/{cancelId}/reject`, poGuarded(state, ctx, opts, (req) => {
    const c = po.cancels.get(req.params.cancelId!);
    if (!c) return notFound(req.params.cancelId!);
    if (c.cancelState !== 'APPROVAL_PENDING') return poFail(400, 1702, `Cancellation ${c.cancelId} is not awaiting approval`, { name: 'cancelId', value: c.cancelId });
    Object.assign(c, { cancelState: 'CLOSED', cancelStatus: 'CANCEL_REJECTED', closed: ctx.clock.now() });
    delete c.responseDue;
    touch(c.legacyOrderId, 'NONE_REQUESTED');
    return ok({});
  }));

  router.add('POST', `${PO}/cancellation`, poGuarded(state, ctx, opts, (req) => {
    const body = (req.json() ?? {}) as { legacyOrderId?: string; cancelReason?: string };
    const o = body.legacyOrderId ? state.orders.get(body.legacyOrderId) : undefined;
    if (!o) return poFail(400, 1701, 'Invalid legacyOrderId', { name: 'legacyOrderId', value: String(body.legacyOrderId) });
    if (!body.cancelReason || !SELLER_REASONS.has(body.cancelReason)) return poFail(400, 1703, 'Invalid cancelReason', { name: 'cancelReason', value: String(body.cancelReason) });
    if (o.orderFulfillmentStatus !== 'NOT_STARTED' || o.cancelStatus.cancelState === 'CANCELED') return poFail(400, 1704, 'The order is not eligible for cancellation', { name: 'legacyOrderId', value: o.orderId });
    const now = ctx.clock.now();
    const c: SandboxCancel = {
      cancelId: po.nextId(), legacyOrderId: o.orderId, marketplaceId: o.lineItems[0]?.purchaseMarketplaceId ?? 'EBAY_US', requestorType: 'SELLER',
      cancelState: 'REFUND_PENDING', cancelStatus: 'CANCEL_CLOSED_WITH_REFUND', cancelReason: body.cancelReason, requested: now, closed: now,
      refund: { value: Number(o.pricingSummary.total.value), currency: o.pricingSummary.total.currency },
    };
    po.cancels.set(c.cancelId, c);
    touch(o.orderId, 'CANCELED');
    return ok({ cancelId: c.cancelId });
  }));
}
