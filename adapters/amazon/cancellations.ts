import { MarketplaceError, NotFoundError } from '../../src/errors/classes.js';
import type { CallOptions } from '../../src/http/call-options.js';
import type { AmazonContext } from './context.js';
import { downloadFeedResult, submitFeed, TERMINAL } from './feeds.js';
import { cancellationDocument, ORDER_FEED_CONTENT_TYPE, parseProcessingReport, type CancelMessage, type XmlProcessingReport } from './mappers/cancel-feed.js';
import { ops } from './operations.js';

/**
 * Seller cancellations go out as POST_ORDER_ACKNOWLEDGEMENT_DATA feeds. createFeed allows one call
 * per ~two minutes after a burst of 15 (feeds_2021-06-30.json usage plan), shared with the listings
 * feeds, so every cancellation queued within one interval goes into a single feed. The feed's
 * processing report (ProcessingReport.xsd) is read back on demand: accepted / rejected per order.
 */
export interface CancellationStatus {
  orderId: string;
  /** pending: the feed is not processed yet; accepted / rejected: from the processing report. */
  state: 'pending' | 'accepted' | 'rejected';
  feedId: string;
  /** Amazon's own result code and text when it reported one for this order. */
  code?: string;
  message?: string;
}

interface Queued {
  message: Omit<CancelMessage, 'messageId'>;
  marketplaceId: string;
  resolve(feedId: string): void;
  reject(e: unknown): void;
}

export class Cancellations {
  private queue: Queued[] = [];
  private flushing?: Promise<void>;
  /** orderId → the feed and message that carried its cancellation. */
  private readonly sent = new Map<string, { feedId: string; messageId: number }>();
  private readonly reports = new Map<string, XmlProcessingReport>();

  constructor(private readonly ctx: AmazonContext) {}

  /** Queues one whole-order cancellation; resolves with the feed id once the coalesced feed is created. */
  submit(message: Omit<CancelMessage, 'messageId'>, marketplaceId: string, opts: CallOptions = {}): Promise<string> {
    const done = new Promise<string>((resolve, reject) => this.queue.push({ message, marketplaceId, resolve, reject }));
    this.flushing ??= this.flushAfterInterval(opts);
    return done;
  }

  private async flushAfterInterval(opts: CallOptions): Promise<void> {
    await this.ctx.clock.sleep(this.ctx.scaled(this.ctx.config.parsed.cancelBatchMs), opts.signal).catch(() => undefined);
    const batch = this.queue;
    this.queue = [];
    this.flushing = undefined;
    const messages: CancelMessage[] = batch.map((q, i) => ({ ...q.message, messageId: i + 1 }));
    try {
      const content = Buffer.from(cancellationDocument({ sellerId: this.ctx.sellerId, messages }), 'utf8');
      const marketplaceIds = [...new Set(batch.map((q) => q.marketplaceId))];
      const feedId = await submitFeed(this.ctx, { feedType: 'POST_ORDER_ACKNOWLEDGEMENT_DATA', marketplaceIds, contentType: ORDER_FEED_CONTENT_TYPE, content }, { deadline: opts.deadline });
      messages.forEach((m) => this.sent.set(m.orderId, { feedId, messageId: m.messageId }));
      batch.forEach((q) => q.resolve(feedId));
    } catch (e) {
      batch.forEach((q) => q.reject(e));
    }
  }

  /** Where an order's cancellation stands: the feed's processing report, read once per feed. */
  async status(orderId: string, reference: string | undefined, opts: CallOptions = {}): Promise<CancellationStatus> {
    const known = this.sent.get(orderId);
    const feedId = reference ?? known?.feedId;
    if (!feedId) throw new NotFoundError({ marketplace: 'amazon', operation: 'cancellation', message: `No cancellation of order ${orderId} was submitted by this adapter; pass the reference cancel() returned` });
    const report = await this.report(feedId, opts);
    if (!report) return { orderId, state: 'pending', feedId };
    // Results name the message (and usually the order in AdditionalInfo); no Error result = accepted.
    const mine = report.results.filter((r) => (known && known.feedId === feedId && r.messageId === known.messageId) || r.orderId === orderId);
    const error = mine.find((r) => r.resultCode === 'Error');
    if (error) return { orderId, state: 'rejected', feedId, code: error.code, message: error.description };
    if (report.statusCode === 'Rejected') return { orderId, state: 'rejected', feedId, message: 'Amazon rejected the whole feed' };
    return { orderId, state: 'accepted', feedId, ...(mine[0] ? { code: mine[0].code, message: mine[0].description } : {}) };
  }

  private async report(feedId: string, opts: CallOptions): Promise<XmlProcessingReport | undefined> {
    const cached = this.reports.get(feedId);
    if (cached) return cached;
    const feed = (await this.ctx.call(ops.getFeed, { params: { feedId } }, { signal: opts.signal })).data;
    if (!TERMINAL.has(feed.processingStatus)) return undefined;
    if (!feed.resultFeedDocumentId) {
      throw new MarketplaceError({ marketplace: 'amazon', operation: 'getFeed', message: `Order feed ${feedId} ended ${feed.processingStatus} without a processing report` });
    }
    const parsed = parseProcessingReport((await downloadFeedResult(this.ctx, feed.resultFeedDocumentId, opts)).toString('utf8'));
    if (!parsed) throw new MarketplaceError({ marketplace: 'amazon', operation: 'getFeedDocument', message: `The processing report of order feed ${feedId} is not an XML ProcessingReport` });
    this.reports.set(feedId, parsed);
    return parsed;
  }
}
