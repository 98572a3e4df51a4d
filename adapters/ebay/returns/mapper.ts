import { adHocCarrierCode, unifiedCarrier } from '../../../src/model/carriers.js';
import { fromWire, type Money } from '../../../src/model/money.js';
import type { Instant } from '../../../src/model/order.js';
import type { Return, ReturnReasonCode, ReturnStatus, SellerDeadline } from '../../../src/model/return.js';
import type { ReturnDoc, ReturnSummary } from './wire.js';

/**
 * ReturnStatusEnum → unified status (https://developer.ebay.com/Devzone/post-order/types/ReturnStatusEnum.html).
 * Values outside this table fall back to the ReturnStateEnum table below, then to `requested`.
 */
const BY_STATUS: Readonly<Record<string, ReturnStatus>> = {
  RETURN_REQUESTED: 'requested',
  PARTIAL_REFUND_REQUESTED: 'requested',
  PARTIAL_REFUND_DECLINED: 'requested', // the buyer turned the offer down: the seller must answer again
  PARTIAL_REFUND_FAILED: 'requested',
  RETURN_REJECTED: 'rejected',
  READY_FOR_SHIPPING: 'approved',
  ITEM_SHIPPED: 'in_transit',
  ITEM_DELIVERED: 'received',
  PARTIAL_REFUND_INITIATED: 'refunded',
  LESS_THAN_A_FULL_REFUND_ISSUED: 'refunded',
  ESCALATED: 'disputed',
  CLOSED: 'closed',
};

/** ReturnStateEnum → unified status (https://developer.ebay.com/devzone/post-order/types/ReturnStateEnum.html). */
const BY_STATE: Readonly<Record<string, ReturnStatus>> = {
  INITIAL: 'requested',
  ITEM_READY_TO_SHIP: 'approved',
  ITEM_SHIPPED: 'in_transit',
  ITEM_DELIVERED: 'received',
  ITEM_KEPT: 'approved',
  AUTO_REFUND_INITIATED: 'refunded',
  PARTIAL_REFUND_INITIATED: 'refunded',
  PARTIAL_REFUND_AS_PAYOUT_INITIATED: 'refunded',
  PARTIAL_REFUND_NON_PAYPAL_INITIATED: 'refunded',
  LESS_THAN_A_FULL_REFUND_ISSUED: 'refunded',
  PARTIAL_REFUND_DECLINED: 'requested',
  PARTIAL_REFUND_FAILED: 'requested',
  CLOSED: 'closed',
};

export function statusOf(s: Pick<ReturnSummary, 'status' | 'state'>): ReturnStatus {
  return (s.status && BY_STATUS[s.status]) || (s.state && BY_STATE[s.state]) || 'requested';
}

/** ReturnReasonEnum → unified reason (https://developer.ebay.com/Devzone/post-order/types/ReturnReasonEnum.html); others: `other`, verbatim code kept. */
const REASONS: Readonly<Record<string, ReturnReasonCode>> = {
  NOT_AS_DESCRIBED: 'not_as_described',
  DIFFERENT_FROM_LISTING: 'not_as_described',
  DEFECTIVE_ITEM: 'defective',
  ARRIVED_DAMAGED: 'damaged',
  WRONG_ITEM: 'wrong_item',
  BUYER_RECEIVED_WRONG_ITEM: 'wrong_item',
  MISSING_PARTS: 'missing_parts',
  NO_LONGER_NEED_ITEM: 'no_longer_needed',
  ORDERED_ACCIDENTALLY: 'ordered_by_mistake',
  ORDERED_WRONG_ITEM: 'ordered_by_mistake',
  WRONG_SIZE: 'size_fit',
  ARRIVED_LATE: 'arrived_late',
};

/** The seller's due activity (ReturnResponseDueType.activityDue), classified by what it asks for. */
function deadlineAction(activity: string | undefined): SellerDeadline['action'] {
  if (!activity) return 'other';
  if (/REFUND/.test(activity)) return 'refund';
  if (/LABEL/.test(activity)) return 'provide_label';
  if (/REPLACEMENT/.test(activity)) return 'ship_replacement';
  if (/APPROVE|DECLINE|DECIDE|RESPOND|RMA/.test(activity)) return 'respond';
  return 'other';
}

export const instant = (raw: string): Instant => ({ utc: new Date(raw).toISOString(), raw });

export function amountOf(a: { value: number | string; currency: string } | undefined): Money | undefined {
  return a ? fromWire(a.value, a.currency) : undefined;
}

export interface ReturnMapContext {
  account: string;
  store: string;
  /** The order's line (id and unified SKU) for an eBay item/transaction, when the order was read. */
  lineOf?(itemId: string | undefined, transactionId: string | undefined): { lineId: string; sku?: string } | undefined;
}

/**
 * One Post-Order return (summary + optional FULL detail) → unified Return. An eBay return is
 * one order line item (creationInfo.item: itemId + transactionId + returnQuantity).
 */
export function mapReturn(summary: ReturnSummary, detail: ReturnDoc['detail'], ctx: ReturnMapContext): Return {
  const info = summary.creationInfo;
  const item = info.item ?? {};
  const line = ctx.lineOf?.(item.itemId, item.transactionId);
  const lineId = line?.lineId ?? [item.itemId, item.transactionId].filter(Boolean).join('-');
  const requested = amountOf(summary.sellerTotalRefund?.estimatedRefundAmount);
  const refunded = amountOf(summary.sellerTotalRefund?.actualRefundAmount);
  const created = instant(info.creationDate.value);
  const history = (detail?.responseHistory ?? []).map((h) => h.creationDate?.value).filter((v): v is string => !!v);
  const last = history.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a), info.creationDate.value);
  const tracking = detail?.returnShipmentInfo?.shipmentTracking;
  const due = summary.sellerResponseDue;
  const reason = info.reason;
  return {
    id: summary.returnId,
    marketplace: 'ebay',
    account: ctx.account,
    store: ctx.store,
    orderId: summary.orderId ?? '',
    status: statusOf(summary),
    marketplaceStatus: summary.status ?? summary.state ?? 'UNKNOWN',
    ...(summary.state ? { marketplaceState: summary.state } : {}),
    reason: { code: (reason && REASONS[reason]) || 'other', ...(reason ? { marketplaceCode: reason } : {}), ...(info.comments?.content ? { comment: info.comments.content } : {}) },
    lines: [{
      lineId,
      ...(line?.sku ? { sku: line.sku } : {}),
      variantIds: { ...(item.itemId ? { itemId: item.itemId } : {}), ...(item.transactionId ? { transactionId: item.transactionId } : {}) },
      quantity: Math.max(1, item.returnQuantity ?? 1),
      ...(requested ? { refundRequested: requested } : {}),
      ...(refunded && refunded.amount > 0 ? { refunded } : {}),
    }],
    deadlines: due?.respondByDate ? [{ action: deadlineAction(due.activityDue), ...(due.activityDue ? { marketplaceAction: due.activityDue } : {}), by: instant(due.respondByDate.value) }] : [],
    // Who pays the way back: eBay's money back guarantee makes the seller pay for "SNAD"
    // (significantly not as described) returns; for remorse returns it depends on the listing's
    // return policy, which the return record does not carry (ReturnReasonTypeEnum,
    // https://developer.ebay.com/Devzone/post-order/types/ReturnReasonTypeEnum.html).
    shipping: {
      paidBy: info.reasonType === 'SNAD' ? 'seller' : 'unknown',
      ...(tracking?.carrierEnum || tracking?.carrierName ? { carrier: carrierOf(tracking.carrierEnum ?? tracking.carrierName!) } : {}),
      ...(tracking?.trackingNumber ? { trackingNumber: tracking.trackingNumber } : {}),
      ...(tracking?.deliveryStatus ? { marketplaceStatus: tracking.deliveryStatus } : {}),
    },
    ...(requested ? { refundRequested: requested } : {}),
    ...(refunded && refunded.amount > 0 ? { refunded } : {}),
    refunds: [],
    createdAt: created,
    updatedAt: instant(last),
    raw: detail ? { summary, detail } : { summary },
  };
}

function carrierOf(ebay: string) {
  return { code: unifiedCarrier(ebay) ?? adHocCarrierCode(ebay), marketplaceCode: ebay };
}
