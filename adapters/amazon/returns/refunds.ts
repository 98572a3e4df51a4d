import { NotSupportedError, OutcomeUnknownError } from '../../../src/errors/classes.js';
import { parseInput } from '../../../src/errors/from-response.js';
import { parseCallOptions, type CallOptions } from '../../../src/http/call-options.js';
import type { Money } from '../../../src/model/money.js';
import type { Refund } from '../../../src/model/return.js';
import { hasOpenIntent, journaledAction } from '../../../src/returns/journaled-action.js';
import { checkRefund } from '../../../src/returns/refund-cap.js';
import { IdSchema, RefundRequestSchema } from '../../../src/returns/schemas.js';
import type { RefundRequest } from '../../../src/returns/types.js';
import type { AmazonContext } from '../context.js';
import { downloadFeedResult, feedsSince, submitFeed, TERMINAL, waitForFeed } from '../feeds.js';
import { ORDER_FEED_CONTENT_TYPE, parseProcessingReport } from '../mappers/cancel-feed.js';
import { ops } from '../operations.js';
import { ordersService } from '../orders.js';
import type { Feed } from '../schemas/feeds.js';
import { ADJUSTMENT_FEED_TYPE, adjustedLines, adjustmentDocument, DEFAULT_ADJUSTMENT_REASON } from './adjustment-feed.js';

type Pending = Omit<Refund, 'state' | 'outcome'>;

/** Where one adjustment feed (one refund) stands: its id is the Refund's id. */
export interface AmazonRefundStatus {
  id: string;
  state: 'pending' | 'succeeded' | 'failed';
  /** Feed processingStatus, or Amazon's result code and text for a failed message. */
  marketplaceState: string;
}

/**
 * Where the adjustment feed ended, from its XML ProcessingReport (ProcessingReport.xsd, parsed by
 * mappers/cancel-feed.ts): an Error result for the message = failed; a processed feed without one
 * = succeeded; FATAL / CANCELLED = failed; IN_QUEUE / IN_PROGRESS = pending.
 */
async function statusOf(ctx: AmazonContext, feed: Feed, opts: CallOptions): Promise<AmazonRefundStatus> {
  const id = feed.feedId;
  if (!TERMINAL.has(feed.processingStatus)) return { id, state: 'pending', marketplaceState: feed.processingStatus };
  if (feed.processingStatus !== 'DONE' || !feed.resultFeedDocumentId) return { id, state: 'failed', marketplaceState: feed.processingStatus };
  const report = parseProcessingReport((await downloadFeedResult(ctx, feed.resultFeedDocumentId, opts)).toString('utf8'));
  const error = report?.results.find((r) => r.messageId === 1 && r.resultCode === 'Error');
  if (!report || error) return { id, state: 'failed', marketplaceState: error ? `${error.code}: ${error.description}` : 'no ProcessingReport' };
  return { id, state: 'succeeded', marketplaceState: report.statusCode };
}

/** One look at a refund's adjustment feed (getFeed, then its processing report once processed). */
export async function amazonRefundStatus(ctx: AmazonContext, refundId: string, opts: CallOptions = {}): Promise<AmazonRefundStatus> {
  opts = parseCallOptions(opts);
  const id = parseInput(IdSchema, refundId, 'refundId');
  return statusOf(ctx, (await ctx.call(ops.getFeed, { params: { feedId: id } }, { signal: opts.signal })).data, opts);
}

/** After the submit: with a deadline, waits for the processing report until then; else pending at once. */
async function settle(ctx: AmazonContext, base: Pending & { id: string }, opts: CallOptions): Promise<Refund> {
  if (opts.deadline === undefined) return { ...base, state: 'pending', outcome: 'confirmed' };
  try {
    const status = await statusOf(ctx, await waitForFeed(ctx, base.id, opts), opts);
    return { ...base, state: status.state, marketplaceState: status.marketplaceState, outcome: 'confirmed' };
  } catch (e) {
    if (e instanceof OutcomeUnknownError) return { ...base, state: 'pending', outcome: 'confirmed' }; // the wait ended: still processing
    throw e;
  }
}

/** Journal key of the running total this adapter refunded on an order (the Orders API shows none). */
const tallyKey = (ctx: AmazonContext, orderId: string) => `amazon:${ctx.sellerId}:order.refunded:${orderId}`;

async function refundedSoFar(ctx: AmazonContext, orderId: string): Promise<Money | undefined> {
  return (await ctx.journal.get(tallyKey(ctx, orderId)))?.result as Money | undefined;
}

/** Adds a submitted (pending or succeeded) refund to the order's total; a failed one is not counted. */
async function addRefunded(ctx: AmazonContext, orderId: string, amount: Money): Promise<void> {
  const prior = await refundedSoFar(ctx, orderId);
  const total = prior && prior.currency === amount.currency ? prior.amount + amount.amount : amount.amount;
  await ctx.journal.put({ key: tallyKey(ctx, orderId), operation: 'order.refunded', state: 'succeeded', at: ctx.clock.now(), result: { amount: total, currency: amount.currency } });
}

/**
 * A refund of a merchant-fulfilled order through the POST_PAYMENT_ADJUSTMENT_DATA feed
 * (adjustment-feed.ts). Refund by lines only: the feed adjusts order items (AdjustedItem needs its
 * AmazonOrderItemCode). The cap (what was paid per line and for the order) is checked on the order
 * as getOrder returns it before any write. The Orders API shows no earlier refunds: what this
 * adapter refunded on the order (journaled per order) is deducted, refunds made elsewhere (Seller
 * Central) are not. FBA orders are refused: Amazon processes their
 * returns and refunds (Seller Central help G200453320: "With FBA, Amazon provides fulfilment and
 * customer service for your orders, including processing customer returns").
 * The Refund is `pending` once the feed is created (its id is the feed id: read the outcome with
 * returns.refundStatus); with `opts.deadline` the call waits for the processing report until then.
 * Journaled: the write's start time is recorded first; a retry after a crash looks for an
 * adjustment feed created since then (getFeeds) and never submits a second one while that is unclear.
 */
export async function refundAmazonOrder(ctx: AmazonContext, orderId: string, req: RefundRequest, opts: CallOptions = {}): Promise<Refund> {
  opts = parseCallOptions(opts);
  const id = parseInput(IdSchema, orderId, 'orderId');
  const request = parseInput(RefundRequestSchema, req, 'request');
  if (!request.lines) {
    throw new NotSupportedError({ marketplace: 'amazon', operation: 'refundOrder', message: 'Amazon refunds adjust order items (POST_PAYMENT_ADJUSTMENT_DATA AdjustedItem): refund by lines, not by one amount' });
  }
  const order = await ordersService(ctx).get(id, { signal: opts.signal, deadline: opts.deadline });
  if (order.fulfilledBy === 'marketplace') {
    throw new NotSupportedError({ marketplace: 'amazon', operation: 'refundOrder', message: `Order ${id} is fulfilled by Amazon: Amazon processes FBA returns and refunds, the seller cannot refund it by feed` });
  }
  const parts = { marketplace: 'amazon', account: ctx.sellerId, action: 'order.refund', target: id };
  // What this adapter already refunded on the order is deducted; a resumed intent is read back, not re-judged against the cap its first attempt used.
  const tally = await refundedSoFar(ctx, id);
  const resuming = await hasOpenIntent(ctx.journal, parts, opts.idempotencyKey);
  const resolved = checkRefund({ marketplace: 'amazon', order, request, ...(tally && !resuming ? { alreadyRefunded: tally } : {}) });
  const marketplaceId = ctx.store(order.store).marketplaceId;
  const base = (feedId: string): Pending & { id: string } => ({ id: feedId, marketplace: 'amazon', orderId: id, lines: resolved.lines, amount: resolved.amount, at: new Date(ctx.clock.now()).toISOString() });
  return journaledAction<Refund, number>({
    ...parts, journal: ctx.journal, clock: ctx.clock, idempotencyKey: opts.idempotencyKey,
    before: async () => ctx.clock.now(),
    readBack: async (since) => {
      const mine = await feedsSince(ctx, ADJUSTMENT_FEED_TYPE, [marketplaceId], (since ?? ctx.clock.now()) - 1000);
      if (mine.length === 0) return { done: false };
      if (mine.length > 1) throw new OutcomeUnknownError({ marketplace: 'amazon', operation: 'refundOrder', message: `${mine.length} adjustment feeds were created since the refund of order ${id} began; check them before refunding again` });
      return { done: true, result: { ...base(mine[0]!.feedId), state: 'pending', marketplaceState: mine[0]!.processingStatus, outcome: 'already_done' } };
    },
    send: async (key) => {
      const content = Buffer.from(adjustmentDocument({ sellerId: ctx.sellerId, orderId: id, reason: request.reason ?? DEFAULT_ADJUSTMENT_REASON, lines: adjustedLines(order, resolved) }), 'utf8');
      const feedId = await submitFeed(ctx, { feedType: ADJUSTMENT_FEED_TYPE, marketplaceIds: [marketplaceId], contentType: ORDER_FEED_CONTENT_TYPE, content }, { signal: opts.signal, deadline: opts.deadline, idempotencyKey: key });
      const refund = await settle(ctx, base(feedId), opts);
      if (refund.state !== 'failed') await addRefunded(ctx, id, resolved.amount);
      return refund;
    },
    unknown: () => ({ marketplace: 'amazon', orderId: id, lines: resolved.lines, amount: resolved.amount, state: 'unknown', outcome: 'unknown' }),
    withOutcome: (r, outcome) => ({ ...r, outcome }),
  });
}
