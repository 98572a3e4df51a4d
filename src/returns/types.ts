import type { CallOptions } from '../http/call-options.js';
import type { Money } from '../model/money.js';
import type { CancellationRequest, Refund, Return, ReturnActionResult, ReturnStatus } from '../model/return.js';
import type { Paginated, ResumeToken } from '../paginate/paginated.js';

/** What an adapter's returns service supports; callers branch on these, not on marketplace names. */
export interface ReturnsCapabilities {
  list: boolean;
  approve: boolean;
  reject: boolean;
  /** Offer the buyer a partial refund to keep the item (returns.offer). */
  partialRefundOffer: boolean;
  /** returns.refund({ lines }) / returns.refund({ amount }). */
  refundByLines: boolean;
  refundByAmount: boolean;
  /** returns.refundOrder: a refund with no return (e.g. eBay Fulfillment issueRefund). */
  refundWithoutReturn: boolean;
  /** returns.markReceived: the seller says the item came back. */
  markReceived: boolean;
  /** Buyer cancellation requests: list them and answer them (returns.cancellations). */
  cancellationRequests: { list: boolean; accept: boolean; reject: boolean };
  /**
   * The pages of one `returns.list` cannot shift while it is read (the marketplace pages an
   * immutable key, e.g. eBay's creation date over a frozen range), so the hub may read all pages
   * of a time slice as one snapshot. False: the hub narrows slices to one page, as for orders.
   */
  stablePaging: boolean;
}

export interface ReturnListQuery {
  updatedSince?: Date | string;
  /** Upper bound of the window; default now. */
  until?: Date | string;
  statuses?: ReturnStatus[];
  resumeFrom?: ResumeToken;
}

export interface ApproveReturnRequest {
  /** Return merchandise authorization number, where the marketplace takes one. */
  rma?: string;
  comment?: string;
}

export interface RejectReturnRequest {
  comment?: string;
}

export interface OfferRequest {
  /** What the seller offers back while the buyer keeps the item. */
  partialRefund: Money | { amount: string; currency: string };
  comment?: string;
}

/**
 * A refund by lines (each line's quantity and/or amount; the amount defaults to what was paid for
 * that quantity) or by one amount. Never more than was paid (checkRefund, before any call).
 */
export type RefundRequest =
  | { lines: Array<{ lineId: string; quantity?: number; amount?: Money | { amount: string; currency: string } }>; comment?: string; reason?: string }
  | { amount: Money | { amount: string; currency: string }; comment?: string; reason?: string };

export interface CancellationListQuery {
  updatedSince?: Date | string;
  until?: Date | string;
  resumeFrom?: ResumeToken;
}

/** Buyer cancellation requests: surfaced like returns, answered by the seller. */
export interface CancellationRequestsService {
  list(query: CancellationListQuery, opts?: CallOptions): Paginated<CancellationRequest>;
  get(id: string, opts?: CallOptions): Promise<CancellationRequest>;
  accept(id: string, opts?: CallOptions): Promise<CancellationRequest & { outcome: 'confirmed' | 'already_done' | 'unknown' }>;
  reject(id: string, req?: { reason?: string; comment?: string; shippedAt?: string; trackingNumber?: string; carrier?: string }, opts?: CallOptions): Promise<CancellationRequest & { outcome: 'confirmed' | 'already_done' | 'unknown' }>;
}

/**
 * Returns and refunds of one account. Writes take `opts.idempotencyKey` and are journaled: a retry
 * with the same key after a crash reads the return back and never acts twice (journaled-action.ts).
 */
export interface ReturnsService {
  list(query: ReturnListQuery, opts?: CallOptions): Paginated<Return>;
  get(returnId: string, opts?: CallOptions): Promise<Return>;
  approve(returnId: string, req?: ApproveReturnRequest, opts?: CallOptions): Promise<ReturnActionResult>;
  reject(returnId: string, req?: RejectReturnRequest, opts?: CallOptions): Promise<ReturnActionResult>;
  refund(returnId: string, req: RefundRequest, opts?: CallOptions): Promise<Refund>;
  offer?(returnId: string, req: OfferRequest, opts?: CallOptions): Promise<ReturnActionResult>;
  markReceived?(returnId: string, opts?: CallOptions): Promise<ReturnActionResult>;
  /** A refund with no return behind it. */
  refundOrder?(orderId: string, req: RefundRequest, opts?: CallOptions): Promise<Refund>;
  cancellations?: CancellationRequestsService;
}
