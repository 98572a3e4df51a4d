import type { EbaySandboxState } from './state.js';
import { DAY, move, postOrder, type SandboxCancel, type SandboxReturn } from './returns-state.js';

/**
 * What buyers (and eBay) do in the simulator: open a return, ship it back, request a
 * cancellation. Tests and demos drive these; the seller side is the HTTP API.
 */
/** What a buyer opens a return for. */
export interface OpenReturnInput {
  orderId: string;
  lineItemId: string;
  quantity?: number;
  /** ReturnReasonEnum value, e.g. ARRIVED_DAMAGED (https://developer.ebay.com/Devzone/post-order/types/ReturnReasonEnum.html). */
  reason?: string;
}

/** Item-not-as-described reasons are "SNAD" returns; the rest are remorse (ReturnReasonTypeEnum). */
const SNAD = new Set(['ARRIVED_DAMAGED', 'DEFECTIVE_ITEM', 'NOT_AS_DESCRIBED', 'MISSING_PARTS', 'WRONG_ITEM']);

/**
 * The buyer opens a return on one order line: RETURN_REQUESTED (Post-Order return shapes:
 * specs/ebay/return_oas3.json), the seller to respond within three days
 * (https://sellglobal.ebay.in/seller-center/handling-item-returns/).
 */
export function openReturn(state: EbaySandboxState, input: OpenReturnInput): SandboxReturn {
  const order = state.orders.get(input.orderId);
  const line = order?.lineItems.find((l) => l.lineItemId === input.lineItemId);
  if (!order || !line) throw new Error(`No order line ${input.orderId}/${input.lineItemId} in the eBay sandbox`);
  const now = state.ctx!.clock.now();
  const po = postOrder(state);
  const quantity = input.quantity ?? 1;
  const unit = Math.round((Number(line.lineItemCost.value) * 100) / line.quantity) / 100;
  const reason = input.reason ?? 'ARRIVED_DAMAGED';
  const r: SandboxReturn = {
    returnId: po.nextId(), orderId: order.orderId, lineItemId: line.lineItemId, itemId: line.legacyItemId, transactionId: `${line.lineItemId}0`,
    quantity, reason, reasonType: SNAD.has(reason) ? 'SNAD' : 'REMORSE', state: 'INITIAL', status: 'RETURN_REQUESTED', created: now,
    itemPrice: { value: unit * quantity, currency: line.lineItemCost.currency }, estimated: { value: unit * quantity, currency: line.lineItemCost.currency },
    // "Seller has 3 business days to respond" (https://sellglobal.ebay.in/seller-center/handling-item-returns/); modelled as 3 calendar days.
    due: { activity: 'SELLER_APPROVE_REQUEST', by: now + 3 * DAY },
    history: [{ activity: 'BUYER_CREATE_RETURN', fromState: 'INITIAL', toState: 'INITIAL', at: now }],
  };
  po.returns.set(r.returnId, r);
  return r;
}

/** The buyer ships the item back with tracking (POST /return/{id}/mark_as_shipped on the buyer's side). */
export function shipReturn(state: EbaySandboxState, returnId: string, tracking: { carrierEnum: string; trackingNumber: string }): SandboxReturn {
  const r = postOrder(state).returns.get(returnId);
  if (!r || r.status !== 'READY_FOR_SHIPPING') throw new Error(`Return ${returnId} is not ready for shipping`);
  move(r, state.ctx!.clock.now(), 'BUYER_MARK_AS_SHIPPED', 'ITEM_SHIPPED', 'ITEM_SHIPPED');
  r.tracking = { ...tracking, deliveryStatus: 'IN_TRANSIT' };
  delete r.due;
  return r;
}

/**
 * A buyer asks to cancel: the Post-Order request waits for the seller (cancelState APPROVAL_PENDING,
 * cancelStatus CANCEL_REQUESTED) and the Fulfillment order shows cancelStatus.cancelState
 * IN_PROGRESS, so it carries the pending-cancellation hold (order-cancellations-buyer guide,
 * https://developer.ebay.com/api-docs/user-guides/static/trading-user-guide/order-cancellations-buyer.html).
 */
export function requestCancellation(state: EbaySandboxState, orderId: string, reason = 'BUYER_ASKED_CANCEL'): SandboxCancel {
  const order = state.orders.get(orderId);
  if (!order) throw new Error(`No order ${orderId} in the eBay sandbox`);
  const now = state.ctx!.clock.now();
  const po = postOrder(state);
  const c: SandboxCancel = {
    cancelId: po.nextId(), legacyOrderId: orderId, marketplaceId: order.lineItems[0]?.purchaseMarketplaceId ?? 'EBAY_US', requestorType: 'BUYER',
    cancelState: 'APPROVAL_PENDING', cancelStatus: 'CANCEL_REQUESTED', cancelReason: reason, requested: now,
    // sellerResponseDueDate (CancelDetail): the guide names no window; three days is the simulator's choice.
    responseDue: now + 3 * DAY,
    refund: { value: Number(order.pricingSummary.total.value), currency: order.pricingSummary.total.currency },
  };
  po.cancels.set(c.cancelId, c);
  order.cancelStatus = { ...order.cancelStatus, cancelState: 'IN_PROGRESS' };
  order.lastModifiedDate = new Date(now).toISOString();
  return c;
}
