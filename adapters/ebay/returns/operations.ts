import { op, type RequestParts } from '../../../src/http/operation.js';
import { RATE_PLANS } from '../rate-plans.js';
import { CancelDoc, CancelEligibility, CancelSearch, CreateCancelResponse, FulfillmentRefund, RefundStatusResponse, ReturnDoc, ReturnSearch } from './wire.js';

/**
 * Post-Order API v2 returns and cancellations (paths: specs/ebay/return_oas3.json,
 * specs/ebay/cancellation_oas3.json; server https://api.ebay.com/post-order/v2) plus the
 * Fulfillment API's issueRefund (specs/ebay/sell_fulfillment_v1_oas3.json#/paths/~1order~1{order_id}~1issue_refund).
 * Post-Order has no documented per-API daily figure in our research: its calls share the
 * Fulfillment bucket (the same order-management quota family) rather than an invented number.
 */
export const PO = '/post-order/v2';
/*
 * `signed: true` marks the calls eBay lists as needing a digital signature for EU/UK-domiciled sellers
 * (https://developer.ebay.com/develop/guides/digital-signatures-for-apis: Fulfillment issueRefund; Post-Order
 * issue return refund, process return request (decide), create and approve cancellation). Signed only when
 * config.digitalSignature is set (digital-signature.ts).
 */
const postOrder = { group: 'fulfillment', rate: RATE_PLANS.fulfillment } as const;

type Amount = { value: number; currency: string };
type Text = { content: string };
/** X-EBAY-C-MARKETPLACE-ID is required on every Post-Order call (https://developer.ebay.com/Devzone/post-order/concepts/makingacall.html). */
type Site = { headers: { 'X-EBAY-C-MARKETPLACE-ID': string } };
type P<Params = undefined, Q = undefined, B = undefined> = RequestParts & Site &
  (Params extends undefined ? object : { params: Params }) & (Q extends undefined ? object : { query: Q }) & (B extends undefined ? object : { body: B });

export interface ReturnSearchQuery {
  creation_date_range_from?: string;
  creation_date_range_to?: string;
  limit: number;
  offset: number;
  return_state?: string;
  order_id?: string;
}

export const returnOps = {
  /** GET /return/search (return_oas3.json#/paths/~1return~1search). */
  searchReturns: op<P<undefined, ReturnSearchQuery>, typeof ReturnSearch._output>({ id: 'searchReturns', method: 'GET', path: `${PO}/return/search`, ...postOrder, idempotent: true, response: ReturnSearch }),
  /** GET /return/{returnId} (return_oas3.json#/paths/~1return~1{returnId}); fieldgroups SUMMARY or FULL. */
  getReturn: op<P<{ returnId: string }, { fieldgroups: 'SUMMARY' | 'FULL' }>, typeof ReturnDoc._output>({ id: 'getReturn', method: 'GET', path: `${PO}/return/{returnId}`, ...postOrder, idempotent: true, response: ReturnDoc }),
  /**
   * POST /return/{returnId}/decide (processReturnRequest): DecideReturnRequest { decision, comments, partialRefundAmount, RMANumber }
   * (https://developer.ebay.com/Devzone/post-order/types/DecideReturnRequest.html). Not replayed blindly: journaled-action reads back.
   */
  decideReturn: op<P<{ returnId: string }, undefined, { decision: 'APPROVE' | 'DECLINE' | 'OFFER_PARTIAL_REFUND'; comments?: Text; partialRefundAmount?: Amount; RMANumber?: string }>, typeof RefundStatusResponse._output>({
    id: 'decideReturn', method: 'POST', path: `${PO}/return/{returnId}/decide`, ...postOrder, idempotent: false, signed: true, response: RefundStatusResponse,
  }),
  /**
   * POST /return/{returnId}/issue_refund: IssueRefundRequest { comments, refundDetail { itemizedRefundDetail[{ refundAmount, refundFeeType }], totalAmount } }
   * (https://developer.ebay.com/devzone/post-order/post-order_v2_return-returnid_issue_refund__post.html, RefundDetailType). Never replayed blindly.
   */
  issueReturnRefund: op<P<{ returnId: string }, undefined, { comments?: Text; refundDetail: { itemizedRefundDetail: Array<{ refundAmount: Amount; refundFeeType: string }>; totalAmount: Amount } }>, typeof RefundStatusResponse._output>({
    id: 'issueReturnRefund', method: 'POST', path: `${PO}/return/{returnId}/issue_refund`, ...postOrder, idempotent: false, signed: true, response: RefundStatusResponse,
  }),
  /** POST /return/{returnId}/mark_as_received: MarkAsReceivedRequest { comments? } (return_oas3.json#/paths/~1return~1{returnId}~1mark_as_received). */
  markReturnReceived: op<P<{ returnId: string }, undefined, { comments?: Text }>, unknown>({ id: 'markReturnReceived', method: 'POST', path: `${PO}/return/{returnId}/mark_as_received`, ...postOrder, idempotent: false }),
};

export interface CancelSearchQuery {
  creation_date_range_from?: string;
  creation_date_range_to?: string;
  limit: number;
  offset: number;
  legacy_order_id?: string;
}

export const cancellationOps = {
  /** GET /cancellation/search (cancellation_oas3.json#/paths/~1cancellation~1search). */
  searchCancellations: op<P<undefined, CancelSearchQuery>, typeof CancelSearch._output>({ id: 'searchCancellations', method: 'GET', path: `${PO}/cancellation/search`, ...postOrder, idempotent: true, response: CancelSearch }),
  /** GET /cancellation/{cancelId} (cancellation_oas3.json#/paths/~1cancellation~1{cancelId}). */
  getCancellation: op<P<{ cancelId: string }, { fieldgroups: 'SUMMARY' | 'FULL' }>, typeof CancelDoc._output>({ id: 'getCancellation', method: 'GET', path: `${PO}/cancellation/{cancelId}`, ...postOrder, idempotent: true, response: CancelDoc }),
  /** POST /cancellation/{cancelId}/approve: no body (cancellation_oas3.json#/paths/~1cancellation~1{cancelId}~1approve). */
  approveCancellation: op<P<{ cancelId: string }>, unknown>({ id: 'approveCancellation', method: 'POST', path: `${PO}/cancellation/{cancelId}/approve`, ...postOrder, idempotent: false, signed: true }),
  /** POST /cancellation/{cancelId}/reject: RejectCancelRequest { shipmentDate?, trackingNumber? } (https://developer.ebay.com/Devzone/post-order/types/RejectCancelRequest.html). */
  rejectCancellation: op<P<{ cancelId: string }, undefined, { shipmentDate?: { value: string }; trackingNumber?: string }>, unknown>({
    id: 'rejectCancellation', method: 'POST', path: `${PO}/cancellation/{cancelId}/reject`, ...postOrder, idempotent: false,
  }),
  /** POST /cancellation: CreateCancelRequest { legacyOrderId, cancelReason, buyerPaid?, buyerPaidDate? } (https://developer.ebay.com/Devzone/post-order/types/CreateCancelRequest.html). */
  createCancellation: op<P<undefined, undefined, { legacyOrderId: string; cancelReason: string; buyerPaid?: boolean; buyerPaidDate?: { value: string } }>, typeof CreateCancelResponse._output>({
    id: 'createCancellation', method: 'POST', path: `${PO}/cancellation`, ...postOrder, idempotent: false, signed: true, response: CreateCancelResponse,
  }),
  /** POST /cancellation/check_eligibility: { legacyOrderId } (cancellation_oas3.json#/paths/~1cancellation~1check_eligibility). */
  checkCancellationEligibility: op<P<undefined, undefined, { legacyOrderId: string }>, typeof CancelEligibility._output>({
    id: 'checkCancellationEligibility', method: 'POST', path: `${PO}/cancellation/check_eligibility`, ...postOrder, idempotent: true, response: CancelEligibility,
  }),
};

/** Fulfillment issueRefund: IssueRefundRequest { reasonForRefund, comment, refundItems[{ refundAmount, lineItemId }] | orderLevelRefundAmount } → Refund. */
export const fulfillmentRefundOps = {
  issueRefund: op<RequestParts & { params: { order_id: string }; body: { reasonForRefund: string; comment?: string; refundItems?: Array<{ refundAmount: { value: string; currency: string }; lineItemId: string }>; orderLevelRefundAmount?: { value: string; currency: string } } }, typeof FulfillmentRefund._output>({
    id: 'issueRefund', method: 'POST', path: '/sell/fulfillment/v1/order/{order_id}/issue_refund', group: 'fulfillment', rate: RATE_PLANS.fulfillment, idempotent: false, signed: true, response: FulfillmentRefund,
  }),
};
