import type { SandboxContext } from '../../../src/sandbox/module.js';
import type { Handler, SandboxRequest, SandboxResponse } from '../../../src/sandbox/router.js';
import { RATE_PLANS } from '../rate-plans.js';
import type { GuardOptions } from './guard.js';
import { requestIdHeader, tooManyRequests } from './responses.js';
import type { EbaySandboxState } from './state.js';

/**
 * Post-Order returns and cancellations kept beside the eBay simulator's state. Shapes follow the
 * Post-Order reference (ReturnSummaryType, CancelDetail); every rule cites its page where it is
 * applied (returns.ts, cancellations.ts).
 */
/** Post-Order Amount: a number value and its currency. */
export interface PoAmount { value: number; currency: string }
/** One return as the simulator keeps it (rendered as ReturnSummaryType / detail). */
export interface SandboxReturn {
  returnId: string;
  orderId: string;
  lineItemId: string;
  itemId: string;
  transactionId: string;
  quantity: number;
  reason: string;
  reasonType: 'SNAD' | 'REMORSE';
  state: string;
  status: string;
  created: number;
  itemPrice: PoAmount;
  estimated: PoAmount;
  actual?: PoAmount;
  due?: { activity: string; by: number };
  offer?: PoAmount;
  tracking?: { carrierEnum: string; trackingNumber: string; deliveryStatus: string };
  history: Array<{ activity: string; fromState: string; toState: string; at: number }>;
}
/** One cancellation as the simulator keeps it (rendered as CancelDetail). */
export interface SandboxCancel {
  cancelId: string;
  legacyOrderId: string;
  marketplaceId: string;
  requestorType: 'BUYER' | 'SELLER';
  cancelState: string;
  cancelStatus: string;
  cancelReason: string;
  requested: number;
  closed?: number;
  responseDue?: number;
  refund: PoAmount;
}

/** The simulator's Post-Order records. */
export class PostOrderState {
  readonly returns = new Map<string, SandboxReturn>();
  readonly cancels = new Map<string, SandboxCancel>();
  private seq = 5_000_100_000;
  nextId(): string {
    return String(this.seq++);
  }
}

const stores = new WeakMap<EbaySandboxState, PostOrderState>();
/** The Post-Order records of one eBay simulator (created on first use). */
export function postOrder(state: EbaySandboxState): PostOrderState {
  let s = stores.get(state);
  if (!s) stores.set(state, (s = new PostOrderState()));
  return s;
}

export const DAY = 86_400_000;
export const iso = (ms: number) => new Date(ms).toISOString();
export const poDate = (ms: number) => ({ value: iso(ms) });

/**
 * Post-Order's error envelope (https://developer.ebay.com/Devzone/post-order/ErrorResponse.html).
 * Post-Order documents the envelope but no errorId list per call (specs/ebay/cancellation_oas3.json
 * and return_oas3.json carry none): the ids the cancellation/return routes pass are sandbox
 * placeholders, so the adapter must branch on the HTTP status, never on them.
 */
export function poFail(status: number, errorId: number, message: string, parameter?: { name: string; value: string }): SandboxResponse {
  return {
    status,
    body: { errorMessage: { error: [{ errorId, domain: 'returnErrorDomain', severity: 'ERROR', category: status >= 500 ? 'SYSTEM' : 'REQUEST', message, ...(parameter ? { parameter: [parameter] } : {}) }] } },
    headers: requestIdHeader(),
  };
}

/**
 * Post-Order authentication: the user's OAuth token as `Authorization: IAF <token>` and a
 * required X-EBAY-C-MARKETPLACE-ID (https://developer.ebay.com/Devzone/post-order/concepts/makingacall.html).
 * A Bearer header is refused like any other invalid token.
 */
export function poGuarded(state: EbaySandboxState, ctx: SandboxContext, opts: GuardOptions, handler: (req: SandboxRequest, userId: string) => SandboxResponse | Promise<SandboxResponse>): Handler {
  return async (req) => {
    const header = String(req.headers.authorization ?? '');
    const token = header.startsWith('IAF ') ? header.slice(4) : undefined;
    const known = token ? state.tokens.get(token) : undefined;
    if (!known || known.userId === '' || known.expiresAt <= ctx.clock.now() || ctx.faults.tokenExpired()) {
      if (known) known.expiresAt = 0;
      return poFail(401, 1001, 'Invalid access token');
    }
    if (!req.headers['x-ebay-c-marketplace-id']) return poFail(400, 1002, 'Missing X-EBAY-C-MARKETPLACE-ID header', { name: 'X-EBAY-C-MARKETPLACE-ID', value: '' });
    if (opts.rateLimits) {
      const took = ctx.limits.take(`${known.userId}:fulfillment`, RATE_PLANS.fulfillment);
      if (!took.ok) return tooManyRequests(took.retryAfterMs);
    }
    return handler(req, known.userId);
  };
}

export function move(r: SandboxReturn, now: number, activity: string, state: string, status: string): void {
  r.history.push({ activity, fromState: r.state, toState: state, at: now });
  r.state = state;
  r.status = status;
}

/** ReturnSummaryType as GET /return/search and GET /return/{id}?fieldgroups=SUMMARY return it. */
export function summaryOf(r: SandboxReturn) {
  return {
    returnId: r.returnId,
    orderId: r.orderId,
    currentType: 'MONEY_BACK',
    state: r.state,
    status: r.status,
    creationInfo: {
      item: { itemId: r.itemId, transactionId: r.transactionId, returnQuantity: r.quantity },
      type: 'MONEY_BACK',
      reason: r.reason,
      reasonType: r.reasonType,
      creationDate: poDate(r.created),
    },
    sellerTotalRefund: { estimatedRefundAmount: r.estimated, ...(r.actual ? { actualRefundAmount: r.actual } : {}) },
    ...(r.due ? { sellerResponseDue: { activityDue: r.due.activity, respondByDate: poDate(r.due.by) } } : {}),
  };
}

/** The FULL detail: the buyer's return shipment and the activity history. */
export function detailOf(r: SandboxReturn) {
  return {
    ...(r.tracking ? { returnShipmentInfo: { shipmentTracking: r.tracking } } : {}),
    responseHistory: r.history.map((h) => ({ activity: h.activity, fromState: h.fromState, toState: h.toState, creationDate: poDate(h.at) })),
  };
}
