import { z } from 'zod';
import { CarrierSchema } from './shipment.js';
import { MoneySchema } from './money.js';
import { InstantSchema } from './order.js';

/**
 * Returns, refunds and buyer cancellation requests (issue 23): per-line entities of their own,
 * not order statuses (DESIGN §4). Every adapter maps its marketplace's records into these.
 */
/** Unified return statuses, in lifecycle order. */
export const RETURN_STATUSES = ['requested', 'approved', 'rejected', 'in_transit', 'received', 'refunded', 'closed', 'disputed'] as const;
/** zod schema of {@link ReturnStatus}. */
export const ReturnStatusSchema = z.enum(RETURN_STATUSES);
/** Where a return stands: requested → approved | rejected → in_transit → received → refunded → closed; disputed when escalated. */
export type ReturnStatus = z.infer<typeof ReturnStatusSchema>;

/** Unified return reasons; the marketplace's own code travels beside it in `marketplaceCode`. */
export const RETURN_REASONS = [
  'not_as_described', 'defective', 'damaged', 'wrong_item', 'missing_parts', 'no_longer_needed',
  'ordered_by_mistake', 'size_fit', 'arrived_late', 'not_received', 'other',
] as const;
/** zod schema of {@link ReturnReasonCode}. */
export const ReturnReasonCodeSchema = z.enum(RETURN_REASONS);
/** A unified return reason code. */
export type ReturnReasonCode = z.infer<typeof ReturnReasonCodeSchema>;

/** Why the buyer returns: unified code, the marketplace's code and the buyer's comment. */
export const ReturnReasonSchema = z.object({
  code: ReturnReasonCodeSchema,
  /** The marketplace's reason code, verbatim (eBay `returnReason`, Shopee `reason`...). */
  marketplaceCode: z.string().optional(),
  /** The buyer's own words (may be free text: not logged by xborder). */
  comment: z.string().optional(),
});
/** See {@link ReturnReasonSchema}. */
export type ReturnReason = z.infer<typeof ReturnReasonSchema>;

/** What the seller must do by when, e.g. answer the request or refund after receipt. */
export const SellerDeadlineSchema = z.object({
  action: z.enum(['respond', 'refund', 'provide_label', 'ship_replacement', 'other']),
  /** The marketplace's name for the due activity, verbatim. */
  marketplaceAction: z.string().optional(),
  by: InstantSchema,
});
/** See {@link SellerDeadlineSchema}. */
export type SellerDeadline = z.infer<typeof SellerDeadlineSchema>;

/** The way back: who pays, carrier (unified code) and tracking. */
export const ReturnShippingSchema = z.object({
  /** Who pays for the way back. */
  paidBy: z.enum(['buyer', 'seller', 'marketplace', 'unknown']),
  /** Unified carrier code (src/model/carriers.ts) plus the marketplace's spelling. */
  carrier: CarrierSchema.optional(),
  trackingNumber: z.string().optional(),
  /** The marketplace's shipment status verbatim (e.g. eBay `shipmentStatus`). */
  marketplaceStatus: z.string().optional(),
});
/** See {@link ReturnShippingSchema}. */
export type ReturnShipping = z.infer<typeof ReturnShippingSchema>;

/** One order line being returned, with its refund amounts. */
export const ReturnLineSchema = z.object({
  lineId: z.string(),
  sku: z.string().optional(),
  /** Marketplace product ids (eBay itemId/transactionId, Shopee item_id/model_id...). */
  variantIds: z.record(z.string(), z.string()).default({}),
  quantity: z.number().int().positive(),
  /** Refund for this line: what the buyer asked for / what the seller refunded. */
  refundRequested: MoneySchema.optional(),
  refunded: MoneySchema.optional(),
});
/** See {@link ReturnLineSchema}. */
export type ReturnLine = z.infer<typeof ReturnLineSchema>;

/** Unified refund states (pending until the marketplace confirms the money moved). */
export const REFUND_STATES = ['pending', 'succeeded', 'failed', 'unknown'] as const;
/** The part of a refund paid for one order line. */
export const RefundLineSchema = z.object({ lineId: z.string(), quantity: z.number().int().positive().optional(), amount: MoneySchema });

/** Money paid back to the buyer, with or without a return. */
export const RefundSchema = z.object({
  /** Marketplace refund id when it gives one (eBay refundId). */
  id: z.string().optional(),
  marketplace: z.string(),
  orderId: z.string(),
  returnId: z.string().optional(),
  lines: z.array(RefundLineSchema).default([]),
  amount: MoneySchema,
  state: z.enum(REFUND_STATES),
  /** The marketplace's refund status verbatim. */
  marketplaceState: z.string().optional(),
  /** `already_done`: a retry found the refund made by an earlier attempt; `unknown`: could not be proven. */
  outcome: z.enum(['confirmed', 'already_done', 'unknown']).default('confirmed'),
  at: z.string().optional(),
});
/** See {@link RefundSchema}. */
export type Refund = z.infer<typeof RefundSchema>;

/** A return of one or more order lines (one line on eBay), as every adapter maps it. */
export const ReturnSchema = z.object({
  id: z.string(),
  marketplace: z.string(),
  account: z.string().optional(),
  store: z.string(),
  orderId: z.string(),
  status: ReturnStatusSchema,
  marketplaceStatus: z.string(),
  /** The marketplace's own state word(s) beside the status (eBay `state`), verbatim. */
  marketplaceState: z.string().optional(),
  reason: ReturnReasonSchema,
  lines: z.array(ReturnLineSchema).min(1),
  deadlines: z.array(SellerDeadlineSchema).default([]),
  shipping: ReturnShippingSchema.optional(),
  /** Totals over the lines: what the buyer asked for and what was refunded so far. */
  refundRequested: MoneySchema.optional(),
  refunded: MoneySchema.optional(),
  refunds: z.array(RefundSchema).default([]),
  /**
   * Where the returned units went. `marketplace`: into the marketplace's own warehouse (Amazon
   * FBA), stock the seller's ledger never restocks (restock.ts skips it); absent = the seller's.
   * `condition` is the marketplace's grading on receipt, a restock policy hint.
   */
  stock: z
    .object({
      heldBy: z.enum(['seller', 'marketplace']),
      condition: z.enum(['sellable', 'damaged']).optional(),
      /** The grading verbatim (Amazon detailed-disposition). */
      marketplaceCondition: z.string().optional(),
    })
    .optional(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
  /** The marketplace's record as read (for audits and what the unified model leaves out). */
  raw: z.unknown(),
});
/** See {@link ReturnSchema}. */
export type Return = z.infer<typeof ReturnSchema>;

/** Unified cancellation request statuses. */
export const CANCELLATION_REQUEST_STATUSES = ['requested', 'accepted', 'rejected', 'closed'] as const;

/**
 * A cancellation asked for by the buyer (or made by the seller): `requested` while the seller
 * must answer, then `accepted` or `rejected`. A `requested` buyer request is also the
 * `pending_buyer_cancellation` hold on its order.
 */
export const CancellationRequestSchema = z.object({
  id: z.string(),
  marketplace: z.string(),
  account: z.string().optional(),
  store: z.string().optional(),
  orderId: z.string(),
  requestedBy: z.enum(['buyer', 'seller', 'marketplace']),
  status: z.enum(CANCELLATION_REQUEST_STATUSES),
  marketplaceStatus: z.string(),
  reason: z.object({ marketplaceCode: z.string().optional(), comment: z.string().optional() }).default({}),
  /** Lines it covers; empty = the whole order. */
  lines: z.array(z.object({ lineId: z.string(), quantity: z.number().int().positive().optional() })).default([]),
  /** When the seller must answer by. */
  respondBy: InstantSchema.optional(),
  refund: MoneySchema.optional(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema.optional(),
  raw: z.unknown(),
});
/** See {@link CancellationRequestSchema}. */
export type CancellationRequest = z.infer<typeof CancellationRequestSchema>;

/** What an approve / reject / offer / receive action on a return came to. */
export const ReturnActionResultSchema = z.object({
  returnId: z.string(),
  action: z.enum(['approve', 'reject', 'offer', 'receive']),
  outcome: z.enum(['confirmed', 'already_done', 'unknown']),
  /** The return as read after the action, when the adapter read it. */
  return: ReturnSchema.optional(),
  warnings: z.array(z.string()).default([]),
});
/** See {@link ReturnActionResultSchema}. */
export type ReturnActionResult = z.infer<typeof ReturnActionResultSchema>;
