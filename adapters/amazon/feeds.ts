import { gunzipSync } from 'node:zlib';
import { OutcomeUnknownError } from '../../src/errors/classes.js';
import { registerSecret } from '../../src/errors/redact.js';
import type { CallOptions } from '../../src/http/call-options.js';
import type { VerifyOutcome } from '../../src/http/operation.js';
import type { AmazonContext } from './context.js';
import { downloadFeedDocument, ops, uploadFeedDocument } from './operations.js';
import type { Feed } from './schemas/feeds.js';

/**
 * The Feeds API 2021-06-30 lifecycle (research A3): createFeedDocument → PUT the bytes to the
 * pre-signed URL → createFeed → poll getFeed → getFeedDocument → download (+ gunzip).
 */
export interface FeedSubmission {
  feedType: string;
  marketplaceIds: string[];
  contentType: string;
  content: Buffer;
}

export const TERMINAL = new Set(['DONE', 'FATAL', 'CANCELLED']);

/** Pre-signed URLs are credentials for a few minutes: keep their signatures out of every log. */
export function hideSignature(url: string): void {
  try {
    for (const value of new URL(url).searchParams.values()) registerSecret(value);
  } catch {
    // Not a URL: nothing to hide.
  }
}

/**
 * createFeed is not idempotent and a Feed does not name its input document (feeds_2021-06-30.json
 * Feed), so a write left in doubt (lost answer, crash before the journal was updated) is verified by
 * listing this seller's feeds of the same type and marketplaces created since the intent began
 * (getFeeds createdSince): exactly one → that is ours; none → it did not happen; more → unknown.
 */
/** This seller's feeds of one type and marketplaces created since a moment (getFeeds createdSince). */
export async function feedsSince(ctx: AmazonContext, feedType: string, marketplaceIds: string[], since: number): Promise<Feed[]> {
  const res = await ctx.call(ops.getFeeds, { query: { feedTypes: [feedType], marketplaceIds, createdSince: new Date(since).toISOString(), pageSize: 100 } }, { maxRetries: 1 });
  return res.data.feeds.filter((f) => Date.parse(f.createdTime) >= since);
}

function verifyCreateFeed(ctx: AmazonContext, feed: FeedSubmission, idempotencyKey: string | undefined) {
  const startedAt = ctx.clock.now();
  return async (): Promise<VerifyOutcome<{ feedId: string }>> => {
    const intent = idempotencyKey ? await ctx.journal.get(`amazon:${ctx.sellerId}:createFeed:${idempotencyKey}`) : undefined;
    const since = Math.min(intent?.at ?? startedAt, startedAt) - 1000;
    const mine = await feedsSince(ctx, feed.feedType, feed.marketplaceIds, since);
    if (mine.length === 1) return { state: 'done', data: { feedId: mine[0]!.feedId } };
    if (mine.length === 0) return { state: 'not_done' };
    return { state: 'unknown', reason: `${mine.length} ${feed.feedType} feeds were created since the intent began` };
  };
}

export async function submitFeed(ctx: AmazonContext, feed: FeedSubmission, opts: CallOptions = {}): Promise<string> {
  const base = { signal: opts.signal, deadline: opts.deadline };
  const doc = await ctx.call(ops.createFeedDocument, { body: { contentType: feed.contentType } }, base);
  hideSignature(doc.data.url);
  // The upload must carry exactly the content type declared above, and no LWA token.
  await ctx.call({ ...uploadFeedDocument, baseUrl: doc.data.url }, { body: feed.content, headers: { 'content-type': feed.contentType } }, base);
  const created = await ctx.call(
    { ...ops.createFeed, verify: verifyCreateFeed(ctx, feed, opts.idempotencyKey) },
    { body: { feedType: feed.feedType, marketplaceIds: feed.marketplaceIds, inputFeedDocumentId: doc.data.feedDocumentId } },
    { ...base, ...(opts.idempotencyKey ? { idempotencyKey: opts.idempotencyKey } : {}) },
  );
  return created.data.feedId;
}

/** Polls getFeed with growing pauses until DONE / FATAL / CANCELLED, or gives up (outcome unknown). */
export async function waitForFeed(ctx: AmazonContext, feedId: string, opts: CallOptions = {}): Promise<Feed> {
  const poll = ctx.feedPoll;
  const giveUpAt = Math.min(opts.deadline ?? Infinity, ctx.clock.now() + ctx.scaled(poll.timeoutMs));
  let delay: number = poll.initialMs;
  for (;;) {
    const wait = ctx.scaled(delay);
    if (ctx.clock.now() + wait > giveUpAt) {
      throw new OutcomeUnknownError({ marketplace: 'amazon', operation: 'getFeed', message: `Feed ${feedId} was still processing when the wait ended; read it later with raw.getFeed` });
    }
    await ctx.clock.sleep(wait, opts.signal);
    const feed = (await ctx.call(ops.getFeed, { params: { feedId } }, { signal: opts.signal })).data;
    if (TERMINAL.has(feed.processingStatus)) return feed;
    delay = Math.min(poll.maxMs, delay * poll.factor);
  }
}

/** The result document's bytes, gunzipped when Amazon says GZIP. */
export async function downloadFeedResult(ctx: AmazonContext, feedDocumentId: string, opts: CallOptions = {}): Promise<Buffer> {
  const doc = (await ctx.call(ops.getFeedDocument, { params: { feedDocumentId } }, { signal: opts.signal })).data;
  hideSignature(doc.url);
  const res = await ctx.call({ ...downloadFeedDocument, baseUrl: doc.url }, {}, { signal: opts.signal });
  const bytes = Buffer.from(res.data as ArrayBuffer);
  // Without enableContentEncodingUrlHeader the bytes arrive still gzipped; check the magic anyway.
  return doc.compressionAlgorithm === 'GZIP' && bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
}
