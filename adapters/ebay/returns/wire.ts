import { z } from 'zod';

/**
 * Post-Order API v2 wire shapes we read. specs/ebay/return_oas3.json and cancellation_oas3.json
 * declare paths only, so field names come from eBay's Post-Order reference pages cited beside
 * each shape. Structure only and lenient (.loose()): unknown enum values stay verbatim.
 */

/** Post-Order dates are `{ value: ISO string }` (DateTime type, https://developer.ebay.com/Devzone/post-order/types/DateTime.html). */
export const PoDate = z.object({ value: z.string() }).loose();
/** Amount type: `{ value: number, currency }` (https://developer.ebay.com/Devzone/post-order/types/Amount.html). */
export const PoAmount = z.object({ value: z.union([z.number(), z.string()]), currency: z.string() }).loose();
const Text = z.object({ content: z.string().optional() }).loose();

/** ReturnSummaryType (https://developer.ebay.com/Devzone/post-order/types/ReturnSummaryType.html). */
export const ReturnSummary = z
  .object({
    returnId: z.string(),
    orderId: z.string().optional(),
    state: z.string().optional(),
    status: z.string().optional(),
    currentType: z.string().optional(),
    /** ReturnCreationInfoType (https://developer.ebay.com/devzone/post-order/types/ReturnCreationInfoType.html). */
    creationInfo: z
      .object({
        item: z.object({ itemId: z.string().optional(), transactionId: z.string().optional(), returnQuantity: z.number().int().optional() }).loose().optional(),
        type: z.string().optional(),
        reason: z.string().optional(),
        reasonType: z.string().optional(),
        comments: Text.optional(),
        creationDate: PoDate,
      })
      .loose(),
    /** TotalRefundAmountType: estimated (what the buyer asked) and actual (what was refunded). */
    sellerTotalRefund: z.object({ estimatedRefundAmount: PoAmount.optional(), actualRefundAmount: PoAmount.optional() }).loose().optional(),
    /** ReturnResponseDueType: the seller's next activity and its due date. */
    sellerResponseDue: z.object({ activityDue: z.string().optional(), respondByDate: PoDate.optional() }).loose().optional(),
  })
  .loose();
export type ReturnSummary = z.infer<typeof ReturnSummary>;

/** GET /return/search response: members + paginationOutput (https://developer.ebay.com/devzone/post-order/post-order_v2_return_search__get.html). */
export const ReturnSearch = z
  .object({
    members: z.array(z.unknown()).default([]),
    paginationOutput: z.object({ limit: z.number().optional(), offset: z.number().optional(), totalEntries: z.number().optional(), totalPages: z.number().optional() }).loose().optional(),
  })
  .loose();

/** ReturnDetailType parts we read: the buyer's return shipment and the activity history. */
export const ReturnDetail = z
  .object({
    returnShipmentInfo: z
      .object({ shipmentTracking: z.object({ carrierEnum: z.string().optional(), carrierName: z.string().optional(), trackingNumber: z.string().optional(), deliveryStatus: z.string().optional() }).loose().optional() })
      .loose()
      .optional(),
    /** responseHistory[].creationDate: when each activity happened (the last one is the return's last change). */
    responseHistory: z.array(z.object({ activity: z.string().optional(), creationDate: PoDate.optional(), fromState: z.string().optional(), toState: z.string().optional() }).loose()).default([]),
  })
  .loose();

/** GET /return/{returnId}?fieldgroups=SUMMARY|FULL: `{ summary }` or `{ detail }` (ReturnSummaryType: "not returned ... if fieldgroups is omitted or FULL") (https://developer.ebay.com/devzone/post-order/post-order_v2_return-returnid__get.html). */
export const ReturnDoc = z.object({ summary: ReturnSummary.optional(), detail: ReturnDetail.optional() }).loose();
export type ReturnDoc = z.infer<typeof ReturnDoc>;

/** issue_refund / decide responses: `{ refundStatus }` (https://developer.ebay.com/Devzone/post-order/types/DecideReturnResponse.html). */
export const RefundStatusResponse = z.object({ refundStatus: z.string().optional() }).loose();

/** CancelDetail as in GET /cancellation/search and GET /cancellation/{cancelId} (https://developer.ebay.com/Devzone/post-order/post-order_v2_cancellation_search__get.html). */
export const CancelDetail = z
  .object({
    cancelId: z.string(),
    legacyOrderId: z.string().optional(),
    marketplaceId: z.string().optional(),
    requestorType: z.string().optional(),
    cancelState: z.string().optional(),
    cancelStatus: z.string().optional(),
    cancelReason: z.string().optional(),
    cancelRequestDate: PoDate.optional(),
    cancelCloseDate: PoDate.optional(),
    sellerResponseDueDate: PoDate.optional(),
    requestRefundAmount: PoAmount.optional(),
  })
  .loose();
export type CancelDetail = z.infer<typeof CancelDetail>;

export const CancelSearch = z
  .object({
    cancellations: z.array(z.unknown()).default([]),
    paginationOutput: z.object({ limit: z.number().optional(), offset: z.number().optional(), totalEntries: z.number().optional(), totalPages: z.number().optional() }).loose().optional(),
  })
  .loose();

/** GET /cancellation/{cancelId}: `{ cancelDetail }` (https://developer.ebay.com/DevZone/post-order/post-order_v2_cancellation-cancelId__get.html). */
export const CancelDoc = z.object({ cancelDetail: CancelDetail }).loose();

/** POST /cancellation: `{ cancelId, orderEligibilityResult? }` (https://developer.ebay.com/DevZone/post-order/types/CreateCancelResponse.html). */
export const CreateCancelResponse = z.object({ cancelId: z.string().optional() }).loose();

/** POST /cancellation/check_eligibility (https://developer.ebay.com/Devzone/post-order/post-order_v2_cancellation_check_eligibility__post.html). */
export const CancelEligibility = z
  .object({ eligible: z.boolean().optional(), failureReason: z.array(z.string()).optional(), eligibleCancelReason: z.array(z.string()).optional(), legacyOrderId: z.string().optional() })
  .loose();

/** Fulfillment issueRefund response Refund { refundId, refundStatus } (specs/ebay/sell_fulfillment_v1_oas3.json#/components/schemas/Refund). */
export const FulfillmentRefund = z.object({ refundId: z.string().optional(), refundStatus: z.string().optional() }).loose();
