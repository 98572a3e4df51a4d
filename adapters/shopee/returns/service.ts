import { NotSupportedError } from '../../../src/errors/classes.js';
import { parseInput } from '../../../src/errors/from-response.js';
import { parseCallOptions, type CallOptions } from '../../../src/http/call-options.js';
import { returnListWindow, type ReturnListWindow } from '../../../src/returns/list-window.js';
import type { Clock } from '../../../src/http/clock.js';
import { parseRecords } from '../../../src/http/parse.js';
import type { Return, ReturnActionResult } from '../../../src/model/return.js';
import type { Paginated } from '../../../src/paginate/paginated.js';
import { splitWindows, windowedPaginate, type TimeWindow } from '../../../src/paginate/time-windows.js';
import { journaledAction } from '../../../src/returns/journaled-action.js';
import { IdSchema } from '../../../src/returns/schemas.js';
import type { CancellationRequestsService, ReturnListQuery, ReturnsCapabilities, ReturnsService } from '../../../src/returns/types.js';
import type { IntentJournal } from '../../../src/state/intent-journal.js';
import { shopPipeline, type AdapterContext, type ShopStore } from '../context.js';
import { returnReader } from './read.js';
import type { ShopeeOrders } from '../orders.js';
import { shopeeCancellations } from './cancellations.js';
import { shopeeDisputes } from './disputes.js';
import { shopeeNegotiation } from './negotiation.js';
import { shopeeReverseTracking } from './tracking.js';
import { returnOps, ShopeeReturnWire } from './operations.js';

/**
 * get_return_list: "The maximum date range that may be specified with the update_time_from and
 * update_time_to fields is 15 days"; page_size "<= 100"; page_no pages
 * (specs/shopee/v2.returns.get_return_list.json request_params).
 */
const WINDOW_MS = 15 * 86_400_000;
const PAGE = 100;

/**
 * What Shopee lets a seller do by API (specs/shopee/v2.returns.*.json): read returns, `confirm`
 * ("Confirm refund": the seller agrees and Shopee refunds the buyer), counter-offer (offer /
 * accept_offer / get_available_solutions), dispute with evidence (dispute, cancel_dispute,
 * query_proof, upload_proof), reverse tracking. There is no plain decline (a seller disputes
 * instead, with a reason and proof: returns.dispute), no seller-initiated refund amount, no "item
 * received" call: those are refused with NotSupportedError.
 */
export const SHOPEE_RETURNS_CAPABILITIES: ReturnsCapabilities = {
  list: true, approve: true, reject: false,
  // The unified offer is a partial refund while the buyer keeps the item: Shopee's "Refund"
  // solution (get_available_solutions offer_refund), whose v2.returns.offer proposed_solution value
  // is not in the spec snapshot (only RETURN_REFUND is shown). returns.offerSolution sends a named
  // ReturnSolution (RETURN_REFUND, or one the caller names) instead.
  partialRefundOffer: false,
  refundByLines: false, refundByAmount: false, refundWithoutReturn: false, markReceived: false,
  // IN_CANCEL orders, answered with v2.order.handle_buyer_cancellation (cancellations.ts).
  cancellationRequests: { list: true, accept: true, reject: true },
  // Pages are ordered by Shopee, over update_time, which changes while a window is read.
  stablePaging: false,
};

type ListState = ReturnListWindow;
type ShopWindow = TimeWindow & { shopId: number; last: boolean };

export interface ShopeeReturnsDeps { journal: IntentJournal; clock: Clock; orders: ShopeeOrders }

/** The unified returns service plus Shopee's negotiation, dispute, proof and reverse-tracking calls. */
export type ShopeeReturnsService = ReturnsService & ReturnType<typeof shopeeNegotiation> & ReturnType<typeof shopeeDisputes> & {
  cancellations: CancellationRequestsService;
  reverseTracking: ReturnType<typeof shopeeReverseTracking>;
};

export function shopeeReturnsService(ctx: AdapterContext, deps: ShopeeReturnsDeps): ShopeeReturnsService {
  const storeOf = (shopId: number): ShopStore => ctx.shops.find((s) => s.shopId === shopId)!;
  const reader = returnReader(ctx);
  const map = reader.map;

  function list(query: ReturnListQuery, opts: CallOptions = {}): Paginated<Return> {
    opts = parseCallOptions(opts);
    const { window: state, resumeFrom } = returnListWindow(query, deps.clock.now());
    // Filtered on the unified status after mapping: in_transit / received come from the reverse leg, not from the ReturnStatus alone.
    const wanted = state.statuses ? new Set(state.statuses) : undefined;
    const windows: ShopWindow[] = ctx.shops.flatMap((shop) => {
      const ws = splitWindows(new Date(state.since), new Date(state.until), WINDOW_MS, { from: 'query.updatedSince', to: 'query.until' });
      return ws.map((w, i) => ({ ...w, shopId: shop.shopId, last: i === ws.length - 1 }));
    });
    return windowedPaginate<Return, ListState, ShopWindow>({
      strategy: 'offset', query: state, windows, resumeFrom, first: 1, idOf: (r) => r.id,
      fetchPage: async (_s, w, cursor) => {
        const pageNo = Number(cursor ?? 1);
        // Windows touch: all but the last end one second early so no return is read twice.
        const to = Math.floor(w.to.getTime() / 1000) - (w.last ? 0 : 1);
        const res = await ctx.client.call(shopPipeline(ctx, w.shopId), returnOps.get_return_list, {
          query: { page_no: pageNo, page_size: PAGE, update_time_from: Math.floor(w.from.getTime() / 1000), update_time_to: to },
        }, opts);
        const page = res.data.response;
        const parsed = parseRecords(ShopeeReturnWire, page.return, (r) => (r as { return_sn?: unknown } | null)?.return_sn as string | undefined);
        const items = parsed.items.map((r) => map(r, storeOf(w.shopId))).filter((r) => !wanted || wanted.has(r.status));
        return { items, quarantined: parsed.quarantined, ...(page.more ? { next: pageNo + 1 } : {}) };
      },
    });
  }

  const { read, shopOf } = reader;

  async function approve(returnId: string, _req: unknown, o?: CallOptions): Promise<ReturnActionResult> {
    const id = parseInput(IdSchema, returnId, 'returnId');
    const opts = parseCallOptions(o ?? {});
    const action = 'approve' as const;
    return journaledAction<ReturnActionResult, string>({
      marketplace: 'shopee', account: ctx.account, action: 'return.approve', target: id, journal: deps.journal, clock: deps.clock, idempotencyKey: opts.idempotencyKey,
      before: async () => (await read(id, opts)).marketplaceStatus,
      // confirm moves a request out of REQUESTED/PROCESSING: a changed status after a crash means it went through.
      readBack: async (before) => {
        const now = await read(id, opts);
        return before !== undefined && now.marketplaceStatus !== before ? { done: true, result: { returnId: id, action, outcome: 'already_done', return: now, warnings: [] } } : { done: false };
      },
      send: async () => {
        const r = await read(id, opts);
        await ctx.client.call(shopPipeline(ctx, shopOf(r)), returnOps.confirm, { body: { return_sn: id } }, opts);
        return { returnId: id, action, outcome: 'confirmed', return: await read(id, opts).catch(() => undefined), warnings: [] } as ReturnActionResult;
      },
      unknown: () => ({ returnId: id, action, outcome: 'unknown', warnings: ['Shopee did not answer clearly and the return could not be read back; retry with the same idempotency key'] }),
      withOutcome: (r, outcome) => ({ ...r, outcome }),
    });
  }

  const unsupported = (what: string, why: string) => async (): Promise<never> => {
    throw new NotSupportedError({ message: `Shopee returns: ${what} is not available by API (${why})`, marketplace: 'shopee' });
  };

  return {
    list,
    get: async (returnId, o) => read(parseInput(IdSchema, returnId, 'returnId'), parseCallOptions(o ?? {})),
    approve,
    reject: unsupported('reject', 'a seller disputes a request with a reason and evidence instead: returns.disputeReasons then returns.dispute (v2.returns.dispute); there is no plain decline'),
    refund: unsupported('refund', 'Shopee pays the refund itself once the seller confirms the request: use returns.approve (v2.returns.confirm)'),
    ...shopeeNegotiation({ ctx, reader, orders: deps.orders, journal: deps.journal }),
    ...shopeeDisputes({ ctx, reader, journal: deps.journal }),
    reverseTracking: shopeeReverseTracking(ctx, reader),
    cancellations: shopeeCancellations({ ctx, orders: deps.orders, journal: deps.journal }),
  };
}
