import { MarketplaceError, ResponseShapeError } from '../../src/errors/classes.js';
import { errorFromTransport } from '../../src/errors/from-response.js';
import { isXborderError } from '../../src/errors/xborder-error.js';
import type { CallOptions } from '../../src/http/call-options.js';
import type { BulkItemResult, ListingIssue } from '../../src/model/listing.js';
import { isAmazonChannel } from './mappers/fulfilment-channel.js';
import type { AmazonContext, AmazonStore } from './context.js';
import { downloadFeedResult, submitFeed, waitForFeed } from './feeds.js';
import { failAll, reportToResults, type SentMessage } from './mappers/feed-report.js';
import { ProcessingReportSchema, type ListingsFeedDocument, type ListingsFeedMessage } from './schemas/feeds.js';

/** JSON_LISTINGS_FEED documents are JSON (the exact content-type string is unconfirmed, research E). */
export const JSON_FEED_CONTENT_TYPE = 'application/json; charset=UTF-8';

export interface PlannedMessage {
  sku: string;
  /** Root SKU of its variation family: a family is never split across feeds. */
  family: string;
  action: SentMessage['action'];
  message: Omit<ListingsFeedMessage, 'messageId' | 'sku'>;
  /** The fulfilment channel this message leaves the SKU on, remembered when it is accepted. */
  channel?: string;
  /** Mapping warnings, added to the SKU's result. */
  warnings?: ListingIssue[];
}

/** Splits messages into feeds of at most `max`, keeping each family in one feed. */
export function chunkByFamily(planned: PlannedMessage[], max: number): PlannedMessage[][] {
  const families = new Map<string, PlannedMessage[]>();
  for (const p of planned) families.set(p.family, [...(families.get(p.family) ?? []), p]);
  const chunks: PlannedMessage[][] = [];
  let current: PlannedMessage[] = [];
  for (const members of families.values()) {
    if (current.length && current.length + members.length > max) {
      chunks.push(current);
      current = [];
    }
    // A family larger than a whole feed (never in practice) is cut in order, parent first.
    for (let i = 0; i < members.length; i += max) {
      const piece = members.slice(i, i + max);
      if (current.length + piece.length > max) {
        chunks.push(current);
        current = [];
      }
      current.push(...piece);
    }
  }
  if (current.length) chunks.push(current);
  return chunks;
}

function asError(e: unknown) {
  return isXborderError(e) ? e : errorFromTransport(e, { marketplace: 'amazon', operation: 'JSON_LISTINGS_FEED' });
}

/** One feed: submit, wait, read the processing report → one result per message. */
async function runOne(ctx: AmazonContext, chunk: PlannedMessage[], store: AmazonStore, opts: CallOptions): Promise<BulkItemResult[]> {
  const messages: ListingsFeedMessage[] = chunk.map((p, i) => ({ messageId: i + 1, sku: p.sku, ...p.message }));
  const sent: SentMessage[] = chunk.map((p, i) => ({ messageId: i + 1, sku: p.sku, action: p.action }));
  const doc: ListingsFeedDocument = { header: { sellerId: ctx.sellerId, version: '2.0' }, messages };
  let feedId: string;
  try {
    feedId = await submitFeed(ctx, { feedType: 'JSON_LISTINGS_FEED', marketplaceIds: [store.marketplaceId], contentType: JSON_FEED_CONTENT_TYPE, content: Buffer.from(JSON.stringify(doc), 'utf8') }, opts);
  } catch (e) {
    return failAll(sent, asError(e));
  }
  try {
    const feed = await waitForFeed(ctx, feedId, opts);
    if (!feed.resultFeedDocumentId) {
      return failAll(sent, new MarketplaceError({ marketplace: 'amazon', operation: 'getFeed', message: `Feed ${feedId} ended ${feed.processingStatus} without a processing report` }));
    }
    const bytes = await downloadFeedResult(ctx, feed.resultFeedDocumentId, opts);
    const parsed = ProcessingReportSchema.safeParse(JSON.parse(bytes.toString('utf8')));
    if (!parsed.success) {
      return failAll(sent, new ResponseShapeError({ marketplace: 'amazon', operation: 'getFeedDocument', message: `Processing report of feed ${feedId} does not match its schema`, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) }));
    }
    return reportToResults(parsed.data, sent, store);
  } catch (e) {
    return failAll(sent, asError(e));
  }
}

/** Runs planned messages through as many feeds as needed (≤ max messages each), in order. */
export async function runListingsFeeds(
  ctx: AmazonContext,
  planned: PlannedMessage[],
  store: AmazonStore,
  opts: CallOptions & { onResult?(r: BulkItemResult): void },
): Promise<BulkItemResult[]> {
  const out: BulkItemResult[] = [];
  const bySku = new Map(planned.map((p) => [p.sku, p]));
  const chunks = chunkByFamily(planned, ctx.config.parsed.maxMessagesPerFeed);
  for (const [i, chunk] of chunks.entries()) {
    // One caller key must not make every feed of the batch replay the first feed's journal entry.
    const key = opts.idempotencyKey ? { idempotencyKey: `${opts.idempotencyKey}:${store.id}:${i + 1}` } : {};
    for (const result of await runOne(ctx, chunk, store, { signal: opts.signal, deadline: opts.deadline, ...key })) {
      const p = bySku.get(result.sku);
      // What the feed itself taught us: an adapter that just listed a SKU never looks it up again.
      if (result.ok && p?.message.productType) {
        await ctx.memory.set(store.marketplaceId, result.sku, { productType: p.message.productType, exists: true, ...(p.channel ? { channel: p.channel, fulfilledBy: isAmazonChannel(p.channel) ? 'amazon' : 'merchant' } : {}) });
      }
      const r = result.ok && p?.warnings?.length ? { ...result, result: { ...result.result, issues: [...result.result.issues, ...p.warnings] } } : result;
      out.push(r);
      opts.onResult?.(r);
    }
  }
  return out;
}
