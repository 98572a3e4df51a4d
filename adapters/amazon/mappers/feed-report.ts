import { MarketplaceError } from '../../../src/errors/classes.js';
import type { XborderError } from '../../../src/errors/xborder-error.js';
import type { BulkItemResult, ListingResult } from '../../../src/model/listing.js';
import type { Store } from '../../../src/model/store.js';
import type { ProcessingReport } from '../schemas/feeds.js';
import { mapIssue } from './listing-result.js';

/** A message we sent, to correlate the report (issues carry messageId and sku). */
export interface SentMessage {
  messageId: number;
  sku: string;
  action: NonNullable<ListingResult['action']>;
}

type ReportIssue = ProcessingReport['issues'][number];

function rejection(sku: string, feedId: string, issues: ReportIssue[]): XborderError {
  const first = issues[0]!;
  return new MarketplaceError({
    marketplace: 'amazon',
    operation: 'JSON_LISTINGS_FEED',
    message: `${sku} was rejected in feed ${feedId}: ${first.message}`,
    errors: issues.map((i) => ({ code: i.code ?? 'ERROR', message: i.message, ...(i.attributeName ? { details: i.attributeName, field: i.attributeName } : {}) })),
  });
}

/**
 * Processing report → exactly one result per message: failed when it has an ERROR issue (or the
 * whole feed was refused), accepted otherwise with its warnings. Feed-level issues (no messageId)
 * fail the messages only when nothing was accepted.
 */
export function reportToResults(report: ProcessingReport, sent: SentMessage[], store: Store): BulkItemResult[] {
  const byMessage = new Map<number, ReportIssue[]>();
  const bySku = new Map<string, ReportIssue[]>();
  const feedLevel: ReportIssue[] = [];
  for (const issue of report.issues) {
    if (issue.messageId !== undefined) byMessage.set(issue.messageId, [...(byMessage.get(issue.messageId) ?? []), issue]);
    else if (issue.sku !== undefined) bySku.set(issue.sku, [...(bySku.get(issue.sku) ?? []), issue]);
    else feedLevel.push(issue);
  }
  const feedRefused = feedLevel.some((i) => i.severity === 'ERROR') && report.summary.messagesAccepted === 0;
  const feedId = report.header.feedId;
  return sent.map((m) => {
    const own = [...(byMessage.get(m.messageId) ?? []), ...(bySku.get(m.sku) ?? [])];
    const errors = own.filter((i) => i.severity === 'ERROR');
    if (errors.length) return { sku: m.sku, ok: false, error: rejection(m.sku, feedId, errors) };
    if (feedRefused) return { sku: m.sku, ok: false, error: rejection(m.sku, feedId, feedLevel.filter((i) => i.severity === 'ERROR')) };
    const issues = own.map((i) =>
      mapIssue({ code: i.code ?? 'INFO', message: i.message, severity: i.severity, attributeNames: i.attributeName ? [i.attributeName] : [] }, m.sku),
    );
    return { sku: m.sku, ok: true, result: { sku: m.sku, store: store.id, status: 'accepted', issues, action: m.action } };
  });
}

/** Every message of a feed that ended without a usable report fails with the same cause. */
export function failAll(sent: SentMessage[], error: XborderError): BulkItemResult[] {
  return sent.map((m) => ({ sku: m.sku, ok: false, error }));
}
