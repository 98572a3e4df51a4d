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

/** returns.list: returns whose last change falls in [updatedSince, until]. */
export interface ReturnListQuery {
  updatedSince?: Date | string;
  /** Upper bound of the window; default now. */
  until?: Date | string;
  statuses?: ReturnStatus[];
  resumeFrom?: ResumeToken;
}

/** returns.approve input. */
export interface ApproveReturnRequest {
  /** Return merchandise authorization number, where the marketplace takes one. */
  rma?: string;
  comment?: string;
}

/** returns.reject input. */
export interface RejectReturnRequest {
  comment?: string;
}

/** returns.offer input: a partial refund instead of the return. */
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

/** cancellations.list: requests whose last change falls in [updatedSince, until]. */
export interface CancellationListQuery {
  updatedSince?: Date | string;
  until?: Date | string;
  resumeFrom?: ResumeToken;
}

/** Buyer cancellation requests: surfaced like returns, answered by the seller. */
export interface CancellationRequestsService {
  /** Requests whose last change falls in the window (resumable). */
  list(query: CancellationListQuery, opts?: CallOptions): Paginated<CancellationRequest>;
  /** One request as the marketplace has it now. */
  get(id: string, opts?: CallOptions): Promise<CancellationRequest>;
  /** Accepts a buyer's request: the order is cancelled and the buyer refunded (journaled). */
  accept(id: string, opts?: CallOptions): Promise<CancellationRequest & { outcome: 'confirmed' | 'already_done' | 'unknown' }>;
  /** Declines a buyer's request, e.g. because the order already shipped (journaled). */
  reject(id: string, req?: { reason?: string; comment?: string; shippedAt?: string; trackingNumber?: string; carrier?: string }, opts?: CallOptions): Promise<CancellationRequest & { outcome: 'confirmed' | 'already_done' | 'unknown' }>;
}

/**
 * Returns and refunds of one account. Writes take `opts.idempotencyKey` and are journaled: a retry
 * with the same key after a crash reads the return back and never acts twice (journaled-action.ts).
 */
export interface ReturnsService {
  /** Returns whose last change falls in the window, as a resumable async iterable. */
  list(query: ReturnListQuery, opts?: CallOptions): Paginated<Return>;
  /** One return as the marketplace has it now. */
  get(returnId: string, opts?: CallOptions): Promise<Return>;
  /** Accepts the return request (the buyer then ships the item back). */
  approve(returnId: string, req?: ApproveReturnRequest, opts?: CallOptions): Promise<ReturnActionResult>;
  /** Declines the return request. */
  reject(returnId: string, req?: RejectReturnRequest, opts?: CallOptions): Promise<ReturnActionResult>;
  /** Refunds by lines or by amount, never more than was paid (checked before any call). */
  refund(returnId: string, req: RefundRequest, opts?: CallOptions): Promise<Refund>;
  /** Offers a partial refund while the buyer keeps the item. */
  offer?(returnId: string, req: OfferRequest, opts?: CallOptions): Promise<ReturnActionResult>;
  /** The returned item arrived back with the seller. */
  markReceived?(returnId: string, opts?: CallOptions): Promise<ReturnActionResult>;
  /** A refund with no return behind it. */
  refundOrder?(orderId: string, req: RefundRequest, opts?: CallOptions): Promise<Refund>;
  cancellations?: CancellationRequestsService;
}
