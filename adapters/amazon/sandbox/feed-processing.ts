import { gzipSync } from 'node:zlib';
import type { Attributes, PatchOperation } from '../schemas/listings.js';
import { applyPatches, definitionIssues, requiredIssues } from './listing-rules.js';
import { saveListing } from './listings.js';
import { processOrderAcknowledgement } from './order-feed.js';
import { processPaymentAdjustment } from './returns-adjustments.js';
import type { AmazonSandboxState, SandboxFeed } from './state.js';

/**
 * What Amazon does with a feed once it is processed: JSON_LISTINGS_FEED messages are applied like
 * the Listings Items API would (listings-feed-schema-v2), producing a gzipped JSON processing report
 * (listings-feed-processing-report-schema-v2); order-acknowledgement feeds cancel order items.
 */
interface Message {
  messageId?: number;
  sku?: string;
  operationType?: string;
  productType?: string;
  requirements?: string;
  attributes?: Attributes;
  patches?: PatchOperation[];
}

type ReportIssue = { messageId?: number; sku?: string; code: string; severity: string; message: string; attributeName?: string };

export interface ProcessResult {
  status: 'DONE' | 'FATAL';
  report: Buffer;
  contentType: string;
}

function listingsFeed(state: AmazonSandboxState, feed: SandboxFeed, content: Buffer, now: number, liveAt: number): ProcessResult {
  let doc: { header?: { sellerId?: string; version?: string }; messages?: Message[] };
  try {
    doc = JSON.parse(content.toString('utf8'));
  } catch {
    return { status: 'FATAL', report: Buffer.alloc(0), contentType: 'application/json' };
  }
  const issues: ReportIssue[] = [];
  const messages = Array.isArray(doc.messages) ? doc.messages : [];
  if (doc.header?.sellerId !== feed.sellerId || doc.header?.version !== '2.0' || messages.length === 0 || messages.length > 25_000) {
    issues.push({ code: '100001', severity: 'ERROR', message: 'The feed header or messages are not valid for this seller and version 2.0.' });
  }
  let accepted = 0;
  const marketplaceId = feed.marketplaceIds[0]!;
  for (const m of issues.length ? [] : messages) {
    const own: ReportIssue[] = [];
    const sku = m.sku ?? '';
    const existing = state.listing(feed.sellerId, sku);
    let attributes: Attributes | undefined;
    if (m.operationType === 'DELETE') {
      state.listings.delete(state.listingKey(feed.sellerId, sku));
    } else if (!m.productType) {
      own.push({ code: '100002', severity: 'ERROR', message: 'productType is required for this operationType.' });
    } else if (m.operationType === 'UPDATE') attributes = m.attributes ?? {};
    else if (!existing) own.push({ code: '100003', severity: 'ERROR', message: `SKU '${sku}' does not exist; use UPDATE to create it.` });
    else if (m.operationType === 'PATCH') attributes = applyPatches(existing.attributes, m.patches ?? []);
    else if (m.operationType === 'PARTIAL_UPDATE') attributes = { ...existing.attributes, ...(m.attributes ?? {}) };
    else own.push({ code: '100004', severity: 'ERROR', message: `Unknown operationType '${m.operationType}'.` });
    if (attributes) {
      const requirements = m.operationType === 'UPDATE' ? (m.requirements ?? 'LISTING') : (existing?.requirements ?? 'LISTING');
      // Product type definitions (specs/amazon/definitionsProductTypes_2020-09-01.json): the feed
      // message is validated against the type's schema, additionalProperties included.
      for (const i of [...requiredIssues(attributes, requirements), ...definitionIssues(attributes, state.productTypes[m.productType!], requirements)]) own.push({ code: i.code, severity: i.severity, message: i.message, attributeName: i.attributeNames[0] });
      if (!own.some((i) => i.severity === 'ERROR')) saveListing(state, feed.sellerId, sku, m.productType!, requirements, attributes, marketplaceId, now, liveAt);
    }
    own.forEach((i) => issues.push({ messageId: m.messageId, sku, ...i }));
    if (!own.some((i) => i.severity === 'ERROR')) accepted++;
  }
  const errors = issues.filter((i) => i.severity === 'ERROR').length;
  const report = {
    header: { sellerId: feed.sellerId, version: '2.0', feedId: feed.feedId },
    issues,
    summary: { errors, warnings: issues.length - errors, messagesProcessed: messages.length, messagesAccepted: accepted, messagesInvalid: messages.length - accepted },
  };
  return { status: 'DONE', report: gzipSync(Buffer.from(JSON.stringify(report))), contentType: 'application/json' };
}

export function processFeed(state: AmazonSandboxState, feed: SandboxFeed, content: Buffer, now: number, timing: { liveAt: number; lagMs: number }): ProcessResult {
  if (feed.feedType === 'JSON_LISTINGS_FEED') return listingsFeed(state, feed, content, now, timing.liveAt);
  // Order acknowledgement (POST_ORDER_ACKNOWLEDGEMENT_DATA, specs/amazon/feeds_2021-06-30.json feedType): rules in ./order-feed.ts.
  if (feed.feedType === 'POST_ORDER_ACKNOWLEDGEMENT_DATA') return { status: 'DONE', report: processOrderAcknowledgement(state, feed, content, now, timing.lagMs), contentType: 'text/xml' };
  // Order adjustments (POST_PAYMENT_ADJUSTMENT_DATA, https://developer-docs.amazon.com/sp-api/docs/feed-type-values): rules in ./returns-adjustments.ts.
  if (feed.feedType === 'POST_PAYMENT_ADJUSTMENT_DATA') return { status: 'DONE', report: processPaymentAdjustment(state, feed, content, now), contentType: 'text/xml' };
  // Legacy listing XML / flat-file feeds stopped working in 2025 (research §0.4).
  return { status: 'FATAL', report: Buffer.alloc(0), contentType: 'text/plain' };
}
