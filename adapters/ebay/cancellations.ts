import { ConflictError, ValidationError } from '../../src/errors/classes.js';
import { parseInput } from '../../src/errors/from-response.js';
import { parseCallOptions, type CallOptions } from '../../src/http/call-options.js';
import { parseRecords } from '../../src/http/parse.js';
import type { CancelRequest } from '../../src/adapter.js';
import type { CancellationRequest } from '../../src/model/return.js';
import type { Paginated } from '../../src/paginate/paginated.js';
import { nextOffset, paginate } from '../../src/paginate/strategies.js';
import { journaledAction } from '../../src/returns/journaled-action.js';
import { CancellationListQuerySchema, IdSchema, RejectCancellationSchema } from '../../src/returns/schemas.js';
import type { CancellationListQuery, CancellationRequestsService } from '../../src/returns/types.js';
import { mapCancellation } from './cancellations-map.js';
import type { EbayContext } from './context.js';
import { cancellationOps } from './returns/operations.js';
import { postOrderSite } from './returns/post-order.js';
import { CancelDetail } from './returns/wire.js';

/**
 * A buyer must ask within an hour of purchase and the seller has days, not weeks, to answer
 * (https://developer.ebay.com/api-docs/user-guides/static/post-order-user-guide/post-order-cancellations.html);
 * a window of changes reads the requests created in the 30 days before it.
 */
const HORIZON_DAYS = 30;
const PAGE = 25;
type Answer = CancellationRequest & { outcome: 'confirmed' | 'already_done' | 'unknown' };

const site = (ctx: EbayContext) => ({ 'X-EBAY-C-MARKETPLACE-ID': postOrderSite(ctx.store().id) });

async function read(ctx: EbayContext, cancelId: string, opts: CallOptions): Promise<CancellationRequest> {
  const res = await ctx.call(cancellationOps.getCancellation, { params: { cancelId }, query: { fieldgroups: 'SUMMARY' }, headers: site(ctx) }, opts);
  return mapCancellation(res.data.cancelDetail, { account: ctx.account, store: ctx.store().id });
}

export function cancellationRequests(ctx: EbayContext): CancellationRequestsService {
  function list(query: CancellationListQuery, opts: CallOptions = {}): Paginated<CancellationRequest> {
    opts = parseCallOptions(opts);
    const q = parseInput(CancellationListQuerySchema, query ?? {}, 'query');
    if (!q.resumeFrom && !q.updatedSince) throw new ValidationError({ message: 'cancellations.list needs updatedSince (or resumeFrom)', path: 'query.updatedSince' });
    const until = q.until ?? new Date(ctx.clock.now());
    const since = q.updatedSince ?? until;
    const wq = { from: new Date(since.getTime() - HORIZON_DAYS * 86_400_000).toISOString(), to: until.toISOString(), since: since.getTime(), until: until.getTime() };
    return paginate<CancellationRequest, typeof wq>({
      strategy: 'offset', query: wq, first: 0, resumeFrom: q.resumeFrom, idOf: (c) => c.id,
      fetchPage: async (w, cursor) => {
        const offset = Number(cursor ?? 0);
        const res = await ctx.call(cancellationOps.searchCancellations, { query: { creation_date_range_from: w.from, creation_date_range_to: w.to, limit: PAGE, offset }, headers: site(ctx) }, opts);
        const parsed = parseRecords(CancelDetail, res.data.cancellations, (r) => (r as { cancelId?: string } | null)?.cancelId);
        const items = parsed.items.map((c) => mapCancellation(c, { account: ctx.account, store: ctx.store().id })).filter((c) => {
          const at = Date.parse((c.updatedAt ?? c.createdAt).utc);
          return at >= w.since && at <= w.until;
        });
        const next = nextOffset(offset, PAGE, res.data.cancellations.length, res.data.paginationOutput?.totalEntries);
        return { items, quarantined: parsed.quarantined, ...(next !== undefined ? { next } : {}) };
      },
    });
  }

  /** approve / reject, journaled: a retry re-reads the request — no longer `requested` means the earlier answer went through. */
  async function answer(kind: 'accept' | 'reject', cancelId: string, opts: CallOptions, send: () => Promise<unknown>): Promise<Answer> {
    const current = await read(ctx, cancelId, opts);
    if (current.status !== 'requested' && current.requestedBy === 'buyer') {
      const wanted = kind === 'accept' ? 'accepted' : 'rejected';
      if (current.status === wanted) return { ...current, outcome: 'already_done' };
      throw new ConflictError({ marketplace: 'ebay', operation: kind === 'accept' ? 'approveCancellation' : 'rejectCancellation', message: `Cancellation ${cancelId} is ${current.status}, not awaiting an answer` });
    }
    return journaledAction<Answer>({
      marketplace: 'ebay', account: ctx.account, action: `cancellation.${kind}`, target: cancelId, journal: ctx.journal, clock: ctx.clock, idempotencyKey: opts.idempotencyKey,
      readBack: async () => {
        const now = await read(ctx, cancelId, opts);
        return now.status !== 'requested' ? { done: true, result: { ...now, outcome: 'already_done' } } : { done: false };
      },
      send: async () => {
        await send();
        return { ...(await read(ctx, cancelId, opts)), outcome: 'confirmed' };
      },
      unknown: () => ({ ...current, outcome: 'unknown' }),
      withOutcome: (r, outcome) => ({ ...r, outcome }),
    });
  }

  return {
    list,
    async get(cancelId, opts) {
      return read(ctx, parseInput(IdSchema, cancelId, 'cancelId'), parseCallOptions(opts ?? {}));
    },
    async accept(cancelId, opts) {
      const id = parseInput(IdSchema, cancelId, 'cancelId');
      const o = parseCallOptions(opts ?? {});
      return answer('accept', id, o, () => ctx.call(cancellationOps.approveCancellation, { params: { cancelId: id }, headers: site(ctx) }, o));
    },
    async reject(cancelId, req, opts) {
      const id = parseInput(IdSchema, cancelId, 'cancelId');
      const r = parseInput(RejectCancellationSchema, req, 'request');
      const o = parseCallOptions(opts ?? {});
      // RejectCancelRequest: the seller rejects because the order already shipped, with its date and tracking number.
      const body = { ...(r.shippedAt ? { shipmentDate: { value: new Date(r.shippedAt).toISOString() } } : {}), ...(r.trackingNumber ? { trackingNumber: r.trackingNumber } : {}) };
      return answer('reject', id, o, () => ctx.call(cancellationOps.rejectCancellation, { params: { cancelId: id }, headers: site(ctx), body }, o));
    },
  };
}

/** CancelReasonEnum values a seller may give (https://developer.ebay.com/Devzone/post-order/types/CancelReasonEnum.html). */
const SELLER_REASONS: Partial<Record<CancelRequest['reason'], string>> = {
  out_of_stock: 'OUT_OF_STOCK_OR_CANNOT_FULFILL',
  buyer_request: 'BUYER_ASKED_CANCEL',
  address_problem: 'ADDRESS_ISSUES',
};

/**
 * Seller cancellation through Post-Order (issue 20.2): whole orders only ("the cancellation
 * operations in the Post-Order API act upon an entire order": post-order-cancellations guide),
 * after POST /cancellation/check_eligibility says the order is eligible, then POST /cancellation.
 * Journaled: a retry searches the order's cancellations before creating another.
 */
export async function sellerCancel(ctx: EbayContext, orderId: string, req: CancelRequest, opts: CallOptions = {}) {
  opts = parseCallOptions(opts);
  const id = parseInput(IdSchema, orderId, 'orderId');
  if (!req || typeof req !== 'object') throw new ValidationError({ message: 'cancel needs { reason }', path: 'request' });
  if (req.lines?.length) throw new ValidationError({ message: 'eBay Post-Order cancellations act on the whole order, not on lines', path: 'request.lines' });
  const reason = SELLER_REASONS[req.reason];
  if (!reason) throw new ValidationError({ message: `eBay has no seller cancellation reason for "${String(req.reason)}" (out_of_stock, buyer_request, address_problem)`, path: 'request.reason' });
  const eligible = await ctx.call(cancellationOps.checkCancellationEligibility, { headers: site(ctx), body: { legacyOrderId: id } }, opts);
  if (eligible.data.eligible === false) {
    throw new ConflictError({ marketplace: 'ebay', operation: 'checkCancellationEligibility', message: `Order ${id} cannot be cancelled on eBay (${(eligible.data.failureReason ?? []).join(', ') || 'not eligible'})` });
  }
  const existing = async () => {
    const res = await ctx.call(cancellationOps.searchCancellations, { query: { legacy_order_id: id, limit: PAGE, offset: 0 }, headers: site(ctx) }, opts);
    return parseRecords(CancelDetail, res.data.cancellations).items.find((c) => c.requestorType === 'SELLER');
  };
  type Result = { orderId: string; outcome: 'accepted' | 'submitted' | 'unknown'; reference?: string };
  return journaledAction<Result>({
    marketplace: 'ebay', account: ctx.account, action: 'order.cancel', target: id, journal: ctx.journal, clock: ctx.clock, idempotencyKey: opts.idempotencyKey,
    readBack: async () => {
      const c = await existing();
      return c ? { done: true, result: { orderId: id, outcome: 'submitted', reference: c.cancelId } } : { done: false };
    },
    send: async () => {
      const res = await ctx.call(cancellationOps.createCancellation, { headers: site(ctx), body: { legacyOrderId: id, cancelReason: reason } }, opts);
      return { orderId: id, outcome: 'submitted', ...(res.data.cancelId ? { reference: res.data.cancelId } : {}) };
    },
    unknown: () => ({ orderId: id, outcome: 'unknown' }),
    withOutcome: (r, outcome) => (outcome === 'unknown' ? { ...r, outcome: 'unknown' } : r),
  });
}
