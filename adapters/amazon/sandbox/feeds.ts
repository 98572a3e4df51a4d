import { randomBytes, randomUUID } from 'node:crypto';
import type { SandboxContext } from '../../../src/sandbox/module.js';
import type { Router } from '../../../src/sandbox/router.js';
import { guarded, type GuardOptions } from './guard.js';
import { processFeed } from './feed-processing.js';
import { fail, invalidInput, ok } from './responses.js';
import type { AmazonSandboxState, SandboxFeed } from './state.js';

/** Feeds API 2021-06-30 routes plus the pre-signed document URLs the sandbox itself serves. */
export interface FeedsOptions extends GuardOptions {
  /** Amazon-time a feed takes to process (divided by the time scale). */
  feedProcessingMs: number;
  liveAfterMs: number;
  readLagMs: number;
}

const DOC_PATH = '/_sandbox/feed-documents/{documentId}';

export function installFeeds(router: Router, state: AmazonSandboxState, ctx: SandboxContext, opts: FeedsOptions): void {
  const docUrl = (id: string) => `${ctx.baseUrl()}/_sandbox/feed-documents/${id}?X-Amz-Signature=${randomBytes(16).toString('hex')}`;

  /** Feeds advance when they are looked at (no timers): queued → in progress → processed. */
  function advance(feed: SandboxFeed): SandboxFeed {
    const now = ctx.clock.now();
    if (feed.processingStatus === 'IN_QUEUE' && now >= feed.createdAt + (feed.doneAt - feed.createdAt) / 2) feed.processingStatus = 'IN_PROGRESS';
    if (feed.processingStatus === 'IN_PROGRESS' && now >= feed.doneAt) {
      const input = state.documents.get(feed.inputFeedDocumentId)?.content ?? Buffer.alloc(0);
      // Processing happened at doneAt, whenever somebody looks.
      const at = feed.doneAt;
      const result = processFeed(state, feed, input, at, { liveAt: at + opts.liveAfterMs / ctx.timeScale, lagMs: opts.readLagMs / ctx.timeScale });
      feed.processingStatus = result.status;
      if (result.report.length) {
        const id = `amzn1.tortuga.sandbox.${randomUUID()}`;
        state.documents.set(id, { contentType: result.contentType, content: result.report, ...(feed.feedType === 'JSON_LISTINGS_FEED' ? { compression: 'GZIP' as const } : {}) });
        feed.resultFeedDocumentId = id;
      }
    }
    return feed;
  }

  state.tick = () => {
    for (const f of state.feeds.values()) if (f.processingStatus === 'IN_QUEUE' || f.processingStatus === 'IN_PROGRESS') advance(advance(f));
  };

  router.add('POST', '/feeds/2021-06-30/documents', guarded(state, ctx, opts, 'createFeedDocument', (req) => {
    const body = req.json<{ contentType?: string }>();
    if (!body?.contentType) return invalidInput('Invalid input', 'contentType is required');
    const id = `amzn1.tortuga.sandbox.${randomUUID()}`;
    state.documents.set(id, { contentType: body.contentType });
    return ok({ feedDocumentId: id, url: docUrl(id) }, 201);
  }));

  // The pre-signed URL: no LWA token, and the content type must equal the one declared.
  router.add('PUT', DOC_PATH, (req) => {
    const doc = state.documents.get(req.params.documentId!);
    if (!doc || doc.content) return { status: 403, body: '<Error><Code>AccessDenied</Code></Error>', headers: { 'content-type': 'application/xml' } };
    if (req.headers['content-type'] !== doc.contentType) return { status: 403, body: '<Error><Code>SignatureDoesNotMatch</Code></Error>', headers: { 'content-type': 'application/xml' } };
    doc.content = req.rawBody;
    return { status: 200 };
  });
  router.add('GET', DOC_PATH, (req) => {
    const doc = state.documents.get(req.params.documentId!);
    if (!doc?.content) return { status: 404, body: '<Error><Code>NoSuchKey</Code></Error>', headers: { 'content-type': 'application/xml' } };
    return { status: 200, body: doc.content, headers: { 'content-type': doc.contentType } };
  });

  router.add('POST', '/feeds/2021-06-30/feeds', guarded(state, ctx, opts, 'createFeed', (req, sellerId) => {
    const body = req.json<{ feedType?: string; marketplaceIds?: string[]; inputFeedDocumentId?: string }>();
    if (!body?.feedType || !Array.isArray(body.marketplaceIds) || body.marketplaceIds.length < 1 || body.marketplaceIds.length > 25 || !body.inputFeedDocumentId) {
      return invalidInput('Invalid input', 'feedType, marketplaceIds (1-25) and inputFeedDocumentId are required');
    }
    if (!state.documents.get(body.inputFeedDocumentId)?.content) return invalidInput('Invalid input', 'The feed document was not uploaded');
    const now = ctx.clock.now();
    const feedId = String(50_000_000_000 + state.feeds.size + 1);
    state.feeds.set(feedId, {
      feedId, sellerId, feedType: body.feedType, marketplaceIds: body.marketplaceIds, inputFeedDocumentId: body.inputFeedDocumentId,
      createdAt: now, doneAt: now + opts.feedProcessingMs / ctx.timeScale, processingStatus: 'IN_QUEUE',
    });
    return ok({ feedId }, 202);
  }));

  // getFeeds (specs/amazon/feeds_2021-06-30.json#/paths/~1feeds~12021-06-30~1feeds/get): feedTypes required, newest first, filtered by marketplaceIds,
  // processingStatuses and createdSince/createdUntil; pageSize 1–100 (default 10).
  router.add('GET', '/feeds/2021-06-30/feeds', guarded(state, ctx, opts, 'getFeeds', (req, sellerId) => {
    const q = req.query;
    const types = (q.get('feedTypes') ?? '').split(',').filter(Boolean);
    if (!types.length) return invalidInput('Invalid input', 'feedTypes is required');
    const markets = (q.get('marketplaceIds') ?? '').split(',').filter(Boolean);
    const statuses = (q.get('processingStatuses') ?? '').split(',').filter(Boolean);
    const since = q.get('createdSince') ? Date.parse(q.get('createdSince')!) : 0;
    const until = q.get('createdUntil') ? Date.parse(q.get('createdUntil')!) : Infinity;
    const size = Number(q.get('pageSize') ?? 10);
    if (!Number.isInteger(size) || size < 1 || size > 100) return invalidInput('Invalid input', 'pageSize must be between 1 and 100');
    const feeds = [...state.feeds.values()]
      .filter((f) => f.sellerId === sellerId && types.includes(f.feedType) && f.createdAt >= since && f.createdAt <= until)
      .filter((f) => !markets.length || f.marketplaceIds.some((m) => markets.includes(m)))
      .map((f) => advance(f))
      .filter((f) => !statuses.length || statuses.includes(f.processingStatus))
      .sort((a, b) => b.createdAt - a.createdAt)
      .slice(0, size);
    return ok({ feeds: feeds.map((f) => ({ feedId: f.feedId, feedType: f.feedType, marketplaceIds: f.marketplaceIds, createdTime: new Date(f.createdAt).toISOString(), processingStatus: f.processingStatus, ...(f.resultFeedDocumentId ? { resultFeedDocumentId: f.resultFeedDocumentId } : {}) })) });
  }));

  router.add('GET', '/feeds/2021-06-30/feeds/{feedId}', guarded(state, ctx, opts, 'getFeed', (req, sellerId) => {
    const feed = state.feeds.get(req.params.feedId!);
    if (!feed || feed.sellerId !== sellerId) return fail(404, 'NotFound', 'The requested feed was not found');
    const f = advance(feed);
    return ok({
      feedId: f.feedId, feedType: f.feedType, marketplaceIds: f.marketplaceIds, createdTime: new Date(f.createdAt).toISOString(), processingStatus: f.processingStatus,
      ...(f.processingStatus !== 'IN_QUEUE' ? { processingStartTime: new Date(f.createdAt).toISOString() } : {}),
      ...(f.processingStatus === 'DONE' || f.processingStatus === 'FATAL' ? { processingEndTime: new Date(f.doneAt).toISOString() } : {}),
      ...(f.resultFeedDocumentId ? { resultFeedDocumentId: f.resultFeedDocumentId } : {}),
    });
  }));

  router.add('DELETE', '/feeds/2021-06-30/feeds/{feedId}', guarded(state, ctx, opts, 'cancelFeed', (req, sellerId) => {
    const feed = state.feeds.get(req.params.feedId!);
    if (!feed || feed.sellerId !== sellerId) return fail(404, 'NotFound', 'The requested feed was not found');
    if (advance(feed).processingStatus !== 'IN_QUEUE') return invalidInput('Invalid input', 'Only feeds in IN_QUEUE can be cancelled');
    feed.processingStatus = 'CANCELLED';
    return ok(undefined);
  }));

  router.add('GET', '/feeds/2021-06-30/documents/{feedDocumentId}', guarded(state, ctx, opts, 'getFeedDocument', (req) => {
    const doc = state.documents.get(req.params.feedDocumentId!);
    if (!doc?.content) return fail(404, 'NotFound', 'The requested feed document was not found');
    return ok({ feedDocumentId: req.params.feedDocumentId, url: docUrl(req.params.feedDocumentId!), ...(doc.compression ? { compressionAlgorithm: doc.compression } : {}) });
  }));
}
