import { gunzipSync } from 'node:zlib';
import { MarketplaceError, OutcomeUnknownError } from '../../src/errors/classes.js';
import type { CallOptions } from '../../src/http/call-options.js';
import type { AmazonContext } from './context.js';
import { hideSignature, TERMINAL } from './feeds.js';
import { downloadFeedDocument, ops } from './operations.js';
import type { Report } from './schemas/feeds.js';

/**
 * Reports API 2021-06-30 (reports_2021-06-30.json): getReport until a terminal processingStatus,
 * then getReportDocument → download. Shared by SKU discovery and the returns report.
 */
export async function waitForReport(ctx: AmazonContext, reportId: string, opts: CallOptions): Promise<Report> {
  const poll = ctx.feedPoll;
  const giveUpAt = Math.min(opts.deadline ?? Infinity, ctx.clock.now() + ctx.scaled(poll.timeoutMs));
  let delay: number = poll.initialMs;
  for (;;) {
    const wait = ctx.scaled(delay);
    if (ctx.clock.now() + wait > giveUpAt) throw new OutcomeUnknownError({ marketplace: 'amazon', operation: 'getReport', message: `Report ${reportId} was still processing when the wait ended` });
    await ctx.clock.sleep(wait, opts.signal);
    const report = (await ctx.call(ops.getReport, { params: { reportId } }, { signal: opts.signal })).data;
    if (TERMINAL.has(report.processingStatus)) return report;
    delay = Math.min(poll.maxMs, delay * poll.factor);
  }
}

/** The report's text ('' when CANCELLED: "an automatic cancellation if there is no data to return", Report.processingStatus). */
export async function downloadReportText(ctx: AmazonContext, report: Report, opts: CallOptions): Promise<string> {
  if (report.processingStatus === 'CANCELLED') return '';
  if (report.processingStatus !== 'DONE' || !report.reportDocumentId) {
    throw new MarketplaceError({ marketplace: 'amazon', operation: 'getReport', message: `Report ${report.reportId} ended ${report.processingStatus} without a document` });
  }
  const doc = (await ctx.call(ops.getReportDocument, { params: { reportDocumentId: report.reportDocumentId } }, { signal: opts.signal })).data;
  hideSignature(doc.url);
  const res = await ctx.call({ ...downloadFeedDocument, id: 'downloadReportDocument', baseUrl: doc.url }, {}, { signal: opts.signal });
  const bytes = Buffer.from(res.data as ArrayBuffer);
  return (doc.compressionAlgorithm === 'GZIP' && bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
}
