import { ValidationError } from '../../../src/errors/classes.js';
import { parseInput } from '../../../src/errors/from-response.js';
import { parseCallOptions, type CallOptions } from '../../../src/http/call-options.js';
import { toDecimal, type Money } from '../../../src/model/money.js';
import type { Return, ReturnActionResult } from '../../../src/model/return.js';
import type { Paginated } from '../../../src/paginate/paginated.js';
import { nextOffset, paginate } from '../../../src/paginate/strategies.js';
import { journaledAction } from '../../../src/returns/journaled-action.js';
import { checkRefund } from '../../../src/returns/refund-cap.js';
import { ApproveRequestSchema, IdSchema, OfferRequestSchema, RejectRequestSchema, ReturnListQuerySchema } from '../../../src/returns/schemas.js';
import type { ReturnListQuery, ReturnsCapabilities, ReturnsService } from '../../../src/returns/types.js';
import { cancellationRequests } from '../cancellations.js';
import type { EbayContext } from '../context.js';
import { mapOrder } from '../mappers/order.js';
import { mapContext, readOrder } from '../orders.js';
import { returnOps } from './operations.js';
import { ReturnReader } from './read.js';
import { refundOrder, refundReturn } from './refunds.js';
import type { ReturnSummary } from './wire.js';

/**
 * GET /return/search filters by creation date only (creation_date_range_from/to:
 * https://developer.ebay.com/devzone/post-order/post-order_v2_return_search__get.html), not by
 * last change. A return changes for weeks after it is opened, so a window of changes is read from
 * the returns created in the RETURN_HORIZON_DAYS before it, each one's last change coming from its
 * activity history. eBay return periods are 30 or 60 days after delivery (return policy
 * returnPeriod, specs/ebay/sell_account_v1_oas3.json#/components/schemas/TimeDuration), plus
 * shipping and escalation time: 120 days covers them.
 */
export const RETURN_HORIZON_DAYS = 120;
const PAGE = 25;
const DAY = 86_400_000;

interface WireQuery {
  from: string;
  to: string;
  since: number;
  until: number;
  statuses?: string[];
}

export const EBAY_RETURNS_CAPABILITIES: ReturnsCapabilities = {
  list: true, approve: true, reject: true, partialRefundOffer: true, refundByLines: true, refundByAmount: true,
  refundWithoutReturn: true, markReceived: true, cancellationRequests: { list: true, accept: true, reject: true },
  // Creation dates never change and a frozen range only grows past its end: its offset pages cannot shift.
  stablePaging: true,
};

const fingerprint = (s: ReturnSummary) => JSON.stringify([s.state, s.status, s.sellerTotalRefund?.actualRefundAmount]);
const amount = (m: Money) => ({ value: Number(toDecimal(m)), currency: m.currency });

export function returnsService(ctx: EbayContext): ReturnsService {
  const reader = new ReturnReader(ctx);

  function list(query: ReturnListQuery, opts: CallOptions = {}): Paginated<Return> {
    opts = parseCallOptions(opts);
    const q = parseInput(ReturnListQuerySchema, query ?? {}, 'query');
    if (!q.resumeFrom && !q.updatedSince) throw new ValidationError({ message: 'returns.list needs updatedSince (or resumeFrom)', path: 'query.updatedSince' });
    const until = q.until ?? new Date(ctx.clock.now());
    const since = q.updatedSince ?? until;
    const wireQuery: WireQuery = {
      from: new Date(since.getTime() - RETURN_HORIZON_DAYS * DAY).toISOString(), to: until.toISOString(), since: since.getTime(), until: until.getTime(),
      ...(q.statuses?.length ? { statuses: q.statuses } : {}),
    };
    return paginate<Return, WireQuery>({
      strategy: 'offset', query: wireQuery, first: 0, resumeFrom: q.resumeFrom, idOf: (r) => r.id,
      fetchPage: async (wq, cursor) => {
        const offset = Number(cursor ?? 0);
        const res = await ctx.call(returnOps.searchReturns, { query: { creation_date_range_from: wq.from, creation_date_range_to: wq.to, limit: PAGE, offset }, headers: reader.site() }, opts);
        const page = await reader.page(res.data.members, opts);
        const items = page.items.filter((r) => {
          const at = Date.parse(r.updatedAt.utc);
          return at >= wq.since && at <= wq.until && (!wq.statuses || wq.statuses.includes(r.status));
        });
        const next = nextOffset(offset, PAGE, res.data.members.length, res.data.paginationOutput?.totalEntries);
        return { items, quarantined: page.quarantined, ...(next !== undefined ? { next } : {}) };
      },
    });
  }

  async function get(returnId: string, opts: CallOptions = {}): Promise<Return> {
    opts = parseCallOptions(opts);
    return reader.get(parseInput(IdSchema, returnId, 'returnId'), opts);
  }

  /**
   * A decide / mark_as_received write, journaled: the return's state before the write is kept
   * with the intent, and a retry after a crash or an unclear answer re-reads the return — a
   * changed state means the earlier attempt went through.
   */
  async function act(action: ReturnActionResult['action'], returnId: string, opts: CallOptions, send: () => Promise<unknown>): Promise<ReturnActionResult> {
    return journaledAction<ReturnActionResult, string>({
      marketplace: 'ebay', account: ctx.account, action: `return.${action}`, target: returnId, journal: ctx.journal, clock: ctx.clock, idempotencyKey: opts.idempotencyKey,
      before: async () => fingerprint(await reader.summary(returnId, opts)),
      readBack: async (before) => {
        const now = await reader.summary(returnId, opts);
        return before !== undefined && fingerprint(now) !== before ? { done: true, result: { returnId, action, outcome: 'already_done', warnings: [] } } : { done: false };
      },
      send: async () => {
        await send();
        return { returnId, action, outcome: 'confirmed', return: await reader.get(returnId, opts).catch(() => undefined), warnings: [] } as ReturnActionResult;
      },
      unknown: () => ({ returnId, action, outcome: 'unknown', warnings: ['eBay did not answer clearly and the return could not be read back; retry with the same idempotency key'] }),
      withOutcome: (r, outcome) => ({ ...r, outcome }),
    });
  }

  const comments = (c: string | undefined) => (c ? { comments: { content: c } } : {});
  const callOpts = (opts: CallOptions | undefined, key: string | undefined): CallOptions => ({ ...parseCallOptions(opts ?? {}), ...(key ? { idempotencyKey: key } : {}) });

  return {
    list,
    get,
    async approve(returnId, req, opts) {
      const id = parseInput(IdSchema, returnId, 'returnId');
      const r = parseInput(ApproveRequestSchema, req, 'request');
      const o = callOpts(opts, undefined);
      // DecisionEnum APPROVE, with the RMA number when the seller uses one (https://developer.ebay.com/devzone/post-order/types/DecisionEnum.html).
      return act('approve', id, o, () => ctx.call(returnOps.decideReturn, { params: { returnId: id }, headers: reader.site(), body: { decision: 'APPROVE', ...comments(r.comment), ...(r.rma ? { RMANumber: r.rma } : {}) } }, o));
    },
    async reject(returnId, req, opts) {
      const id = parseInput(IdSchema, returnId, 'returnId');
      const r = parseInput(RejectRequestSchema, req, 'request');
      const o = callOpts(opts, undefined);
      return act('reject', id, o, () => ctx.call(returnOps.decideReturn, { params: { returnId: id }, headers: reader.site(), body: { decision: 'DECLINE', ...comments(r.comment) } }, o));
    },
    async offer(returnId, req, opts) {
      const id = parseInput(IdSchema, returnId, 'returnId');
      const r = parseInput(OfferRequestSchema, req, 'request');
      const o = callOpts(opts, undefined);
      // An offer is a promise to refund: never more than was paid for the returned line (checked before any write).
      const ret = await reader.get(id, o);
      const order = mapOrder(await readOrder(ctx, ret.orderId, o), mapContext(ctx, false));
      checkRefund({ marketplace: 'ebay', order, request: { amount: r.partialRefund }, scope: ret.lines, alreadyRefunded: ret.refunded, amountPath: 'request.partialRefund' });
      return act('offer', id, o, () => ctx.call(returnOps.decideReturn, { params: { returnId: id }, headers: reader.site(), body: { decision: 'OFFER_PARTIAL_REFUND', ...comments(r.comment), partialRefundAmount: amount(r.partialRefund) } }, o));
    },
    async markReceived(returnId, opts) {
      const id = parseInput(IdSchema, returnId, 'returnId');
      const o = callOpts(opts, undefined);
      return act('receive', id, o, () => ctx.call(returnOps.markReturnReceived, { params: { returnId: id }, headers: reader.site(), body: {} }, o));
    },
    // async: bad options reject like every other call instead of throwing synchronously.
    refund: async (returnId, req, opts) => refundReturn(ctx, reader, returnId, req, callOpts(opts, undefined)),
    refundOrder: async (orderId, req, opts) => refundOrder(ctx, orderId, req, callOpts(opts, undefined)),
    cancellations: cancellationRequests(ctx),
  };
}
