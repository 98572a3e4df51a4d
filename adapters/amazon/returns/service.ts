import { z } from 'zod';
import { NotSupportedError } from '../../../src/errors/classes.js';
import { parseInput } from '../../../src/errors/from-response.js';
import { parseCallOptions, type CallOptions } from '../../../src/http/call-options.js';
import { returnListWindow, type ReturnListWindow } from '../../../src/returns/list-window.js';
import { op } from '../../../src/http/operation.js';
import type { Refund, Return } from '../../../src/model/return.js';
import type { Paginated } from '../../../src/paginate/paginated.js';
import { splitWindows, windowedPaginate, type TimeWindow } from '../../../src/paginate/time-windows.js';
import type { RefundRequest, ReturnListQuery, ReturnsCapabilities, ReturnsService } from '../../../src/returns/types.js';
import type { AmazonContext } from '../context.js';
import { ops } from '../operations.js';
import { downloadReportText, waitForReport } from '../report-document.js';
import { CreateReportResponseSchema } from '../schemas/feeds.js';
import { FBA_RETURNS_REPORT, parseFbaReturnsReport } from './fba-report.js';
import { amazonRefundStatus, refundAmazonOrder, type AmazonRefundStatus } from './refunds.js';
import { MFN_RETURNS_REPORT, parseReturnsReport, REPORT_MAX_DAYS } from './report.js';

/**
 * Amazon returns by API, and what Amazon does not let a seller do by API.
 * - Read: merchant-fulfilled returns from the returns report (report.ts) and FBA customer returns
 *   from the FBA returns report (fba-report.ts), merged by `returns.list` (or one `channel`).
 * - Refund: `returns.refundOrder(orderId, { lines })` for merchant-fulfilled orders through the
 *   POST_PAYMENT_ADJUSTMENT_DATA feed (refunds.ts); FBA orders are Amazon's to refund.
 * - Not possible by API: approving, rejecting or answering a return request, issuing a return
 *   label, marking a return received, reading one return by id. "We do not have a separate API for
 *   the returns use case. You will have to use the Returns reports" (SP-API solutions architect,
 *   https://github.com/amzn/selling-partner-api-models/issues/3959); the models in specs/amazon/
 *   have no returns resource besides reports, and SP-API's only returns API (External Fulfillment
 *   Returns v2024-09-11) just retrieves returns (listReturns, getReturn) for Amazon External
 *   Fulfillment (https://developer-docs.amazon.com/sp-api/docs/external-fulfillment-returns).
 *   Those calls throw NotSupportedError; capabilities.returns says so (approve, reject, markReceived,
 *   partialRefundOffer, cancellationRequests all false). `returns.refund(returnId)`
 *   is refused too: a report row's RMA id cannot be resolved to its order without the report, and
 *   Amazon refunds orders, not returns — use refundOrder with the Return's orderId.
 */
export const AMAZON_RETURNS_CAPABILITIES: ReturnsCapabilities = {
  list: true, approve: false, reject: false, partialRefundOffer: false, refundByLines: false, refundByAmount: false,
  // refundOrder by lines, merchant-fulfilled orders only.
  refundWithoutReturn: true,
  markReceived: false, cancellationRequests: { list: false, accept: false, reject: false },
  // One report per window is a snapshot: its rows cannot shift while read.
  stablePaging: true,
};

export type { AmazonRefundStatus };

/** Which returns report(s) returns.list reads: merchant-fulfilled, FBA, or both (default). */
export type AmazonReturnChannel = 'merchant' | 'fba';

/** returns.list query of the Amazon adapter: the unified query plus the channels to read. */
export interface AmazonReturnListQuery extends ReturnListQuery {
  /** Default both: ['merchant', 'fba']. */
  channels?: AmazonReturnChannel[];
}

/** The Amazon returns service: the unified one, with `channels` on list and refundOrder always present. */
export interface AmazonReturnsService extends ReturnsService {
  list(query: AmazonReturnListQuery, opts?: CallOptions): Paginated<Return>;
  refundOrder(orderId: string, req: RefundRequest, opts?: CallOptions): Promise<Refund>;
  /** Where a refundOrder refund stands now, from its adjustment feed's processing report (id = Refund.id). */
  refundStatus(refundId: string, opts?: CallOptions): Promise<AmazonRefundStatus>;
}

const Channels = z.object({ channels: z.array(z.enum(['merchant', 'fba'])).min(1).optional() });
const DAY = 86_400_000;
/**
 * Per channel: report type, parser, window size and lookback. The MFN report is ranged by return
 * request date but a return changes later (shipped back, delivered): each window of at most 30
 * days is read from a report starting 30 days earlier (at most the documented 60 days in all) and
 * keeps the rows whose last change falls in the window, so a return delivered up to 30 days after
 * its request is listed in the window of its delivery. The FBA report is ranged by the date Amazon
 * processed the unit, which is the row's only date: no lookback.
 */
const REPORTS = {
  merchant: { type: MFN_RETURNS_REPORT, parse: parseReturnsReport, windowMs: 30 * DAY, lookbackMs: REPORT_MAX_DAYS * DAY - 30 * DAY },
  fba: { type: FBA_RETURNS_REPORT, parse: parseFbaReturnsReport, windowMs: REPORT_MAX_DAYS * DAY, lookbackMs: 0 },
} as const;

/** createReport with the data range (specs/amazon/reports_2021-06-30.json#/definitions/CreateReportSpecification dataStartTime/dataEndTime). */
const createRangedReport = op<{ body: { reportType: string; marketplaceIds: string[]; dataStartTime: string; dataEndTime: string } }, z.infer<typeof CreateReportResponseSchema>>({
  ...ops.createReport, id: 'createReport',
} as never);

type ListState = ReturnListWindow & { channels?: AmazonReturnChannel[] };
type StoreWindow = TimeWindow & { store: number; channel: AmazonReturnChannel };

export function amazonReturnsService(ctx: AmazonContext): AmazonReturnsService {
  /**
   * One report per store, channel and window (REPORTS above; the FBA report documents no maximum
   * range, so it is read in windows of the MFN report's 60 days). Rows of a looked-back report are
   * kept when their last change (updatedAt) falls in the window.
   */
  function list(query: AmazonReturnListQuery, opts: CallOptions = {}): Paginated<Return> {
    opts = parseCallOptions(opts);
    const { window, resumeFrom } = returnListWindow(query, ctx.clock.now());
    const channels = resumeFrom ? (window as ListState).channels : parseInput(Channels, { channels: (query as AmazonReturnListQuery | null)?.channels }, 'query').channels;
    const state: ListState = { ...window, ...(channels ? { channels } : {}) };
    const windows: StoreWindow[] = (state.channels ?? ['merchant', 'fba']).flatMap((channel) => ctx.stores.flatMap((_s, store) =>
      splitWindows(new Date(state.since), new Date(state.until), REPORTS[channel].windowMs, { from: 'query.updatedSince', to: 'query.until' }).map((w) => ({ ...w, store, channel }))));
    return windowedPaginate<Return, ListState, StoreWindow>({
      strategy: 'offset', query: state, windows, resumeFrom, first: 0, idOf: (r) => `${r.store}:${r.id}`,
      fetchPage: async (s, w) => {
        const store = ctx.stores[w.store]!;
        const report = REPORTS[w.channel];
        const created = await ctx.call(createRangedReport, {
          body: { reportType: report.type, marketplaceIds: [store.marketplaceId], dataStartTime: new Date(w.from.getTime() - report.lookbackMs).toISOString(), dataEndTime: w.to.toISOString() },
        }, { signal: opts.signal, deadline: opts.deadline });
        const text = await downloadReportText(ctx, await waitForReport(ctx, created.data.reportId, opts), opts);
        // The FBA report's range is its rows' own (day-precision) date: only looked-back rows are filtered.
        const inWindow = (r: Return) => { const t = Date.parse(r.updatedAt.utc); return report.lookbackMs === 0 || (t >= w.from.getTime() && t <= w.to.getTime()); };
        const items = report.parse(text, { account: ctx.sellerId, store: store.id }).filter((r) => inWindow(r) && (!s.statuses || s.statuses.includes(r.status)));
        return { items };
      },
    });
  }

  const refuse = (what: string, why = 'SP-API offers no call to ' + what + ' a return (returns are read from reports only)') => async (): Promise<never> => {
    throw new NotSupportedError({ message: `Amazon returns.${what} is not supported: ${why}`, marketplace: 'amazon' });
  };
  return {
    list,
    get: refuse('get', 'SP-API has no call to read one return (returns are read from reports only)'),
    approve: refuse('approve'),
    reject: refuse('reject'),
    refund: refuse('refund', 'Amazon refunds orders, not returns (POST_PAYMENT_ADJUSTMENT_DATA): use returns.refundOrder(return.orderId, { lines })'),
    refundOrder: (orderId, req, opts) => refundAmazonOrder(ctx, orderId, req, opts),
    refundStatus: (refundId, opts) => amazonRefundStatus(ctx, refundId, opts),
  };
}
