import { z } from 'zod';
import { NotSupportedError } from '../../../src/errors/classes.js';
import { parseCallOptions, type CallOptions } from '../../../src/http/call-options.js';
import { returnListWindow, type ReturnListWindow } from '../../../src/returns/list-window.js';
import { op } from '../../../src/http/operation.js';
import type { Return } from '../../../src/model/return.js';
import type { Paginated } from '../../../src/paginate/paginated.js';
import { splitWindows, windowedPaginate, type TimeWindow } from '../../../src/paginate/time-windows.js';
import type { ReturnListQuery, ReturnsCapabilities, ReturnsService } from '../../../src/returns/types.js';
import type { AmazonContext } from '../context.js';
import { ops } from '../operations.js';
import { downloadReportText, waitForReport } from '../report-document.js';
import { CreateReportResponseSchema } from '../schemas/feeds.js';
import { MFN_RETURNS_REPORT, parseReturnsReport, REPORT_MAX_DAYS } from './report.js';

/**
 * Amazon returns are read-only by API here: the returns report (report.ts) lists them. SP-API has
 * no call to approve, reject or answer a return request: "We do not have a separate API for the
 * returns use case. You will have to use the Returns reports ... For refunds, we do not have any
 * API for processing the refund. The seller will have to perform this action on their seller
 * central account" (SP-API solutions architect, https://github.com/amzn/selling-partner-api-models/issues/3959),
 * and the models in specs/amazon/ have no returns resource besides reports. Those calls are
 * refused with NotSupportedError. Not done yet: FBA customer returns
 * (GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA) and the legacy POST_PAYMENT_ADJUSTMENT_DATA feed.
 */
export const AMAZON_RETURNS_CAPABILITIES: ReturnsCapabilities = {
  list: true, approve: false, reject: false, partialRefundOffer: false, refundByLines: false, refundByAmount: false,
  refundWithoutReturn: false, markReceived: false, cancellationRequests: { list: false, accept: false, reject: false },
  // One report per window is a snapshot: its rows cannot shift while read.
  stablePaging: true,
};

/** createReport with the data range (specs/amazon/reports_2021-06-30.json#/definitions/CreateReportSpecification dataStartTime/dataEndTime). */
const createRangedReport = op<{ body: { reportType: string; marketplaceIds: string[]; dataStartTime: string; dataEndTime: string } }, z.infer<typeof CreateReportResponseSchema>>({
  ...ops.createReport, id: 'createReport',
} as never);

type ListState = ReturnListWindow;
type StoreWindow = TimeWindow & { store: number };
const DAY = 86_400_000;

export function amazonReturnsService(ctx: AmazonContext): ReturnsService {
  function list(query: ReturnListQuery, opts: CallOptions = {}): Paginated<Return> {
    opts = parseCallOptions(opts);
    const { window: state, resumeFrom } = returnListWindow(query, ctx.clock.now());
    const windows: StoreWindow[] = ctx.stores.flatMap((_s, store) =>
      splitWindows(new Date(state.since), new Date(state.until), REPORT_MAX_DAYS * DAY, { from: 'query.updatedSince', to: 'query.until' }).map((w) => ({ ...w, store })));
    return windowedPaginate<Return, ListState, StoreWindow>({
      strategy: 'offset', query: state, windows, resumeFrom, first: 0, idOf: (r) => `${r.store}:${r.id}`,
      fetchPage: async (s, w) => {
        const store = ctx.stores[w.store]!;
        const created = await ctx.call(createRangedReport, {
          body: { reportType: MFN_RETURNS_REPORT, marketplaceIds: [store.marketplaceId], dataStartTime: w.from.toISOString(), dataEndTime: w.to.toISOString() },
        }, { signal: opts.signal, deadline: opts.deadline });
        const text = await downloadReportText(ctx, await waitForReport(ctx, created.data.reportId, opts), opts);
        // The report's range is the return request date: a return requested before the window shows its later changes only in its own window.
        const items = parseReturnsReport(text, { account: ctx.sellerId, store: store.id })
          .filter((r) => !s.statuses || s.statuses.includes(r.status));
        return { items };
      },
    });
  }

  const refuse = (what: string) => async (): Promise<never> => {
    throw new NotSupportedError({ message: `Amazon returns.${what} is not supported: SP-API offers no call to ${what} a return (returns are read from reports only)`, marketplace: 'amazon' });
  };
  return { list, get: refuse('get'), approve: refuse('approve'), reject: refuse('reject'), refund: refuse('refund') };
}
