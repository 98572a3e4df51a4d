import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { SandboxContext } from '../../../src/sandbox/module.js';
import type { Router } from '../../../src/sandbox/router.js';
import { guarded, type GuardOptions } from './guard.js';
import { asinFor } from './listing-rules.js';
import { fail, invalidInput, ok } from './responses.js';
import { fbaReturnsTsv } from './returns-fba.js';
import { mfnReturnsTsv } from './returns-mfn.js';
import type { AmazonSandboxState } from './state.js';

/**
 * Reports API 2021-06-30 (reports_2021-06-30.json): createReport → getReport (IN_QUEUE →
 * IN_PROGRESS → DONE, advanced when looked at) → getReportDocument → the document at its URL.
 * GET_MERCHANT_LISTINGS_ALL_DATA is rendered as the merchant listings report: tab-delimited, one
 * header row, one row per SKU live or not in the marketplace, fulfillment-channel DEFAULT or the
 * listing's AMAZON_* channel. GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA and
 * GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE are rendered by ./returns-fba.ts and ./returns-mfn.ts
 * over the requested data range. Other report types, and reports without rows,
 * are accepted and come back empty (CANCELLED: "an automatic cancellation if there is no data to return").
 */
export interface ReportsOptions extends GuardOptions {
  /** Amazon-time a report takes to generate (divided by the time scale). */
  reportProcessingMs: number;
}

interface SandboxReport {
  reportId: string;
  sellerId: string;
  reportType: string;
  marketplaceIds: string[];
  createdAt: number;
  doneAt: number;
  /** dataStartTime / dataEndTime (specs/amazon/reports_2021-06-30.json#/definitions/CreateReportSpecification), epoch ms. */
  from: number;
  to: number;
  processingStatus: 'IN_QUEUE' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED' | 'FATAL';
  reportDocumentId?: string;
}

const COLUMNS = ['item-name', 'listing-id', 'seller-sku', 'price', 'quantity', 'open-date', 'asin1', 'fulfillment-channel', 'status'];

function listingsTsv(state: AmazonSandboxState, sellerId: string, marketplaceId: string): string {
  const rows = [COLUMNS.join('\t')];
  for (const l of state.listings.values()) {
    if (state.listing(sellerId, l.sku) !== l || !l.markets.has(marketplaceId)) continue;
    const channel = String(l.attributes.fulfillment_availability?.find((f) => f.fulfillment_channel_code !== 'DEFAULT')?.fulfillment_channel_code ?? 'DEFAULT');
    const qty = channel === 'DEFAULT' ? String(l.attributes.fulfillment_availability?.[0]?.quantity ?? '') : '';
    const offer = (l.attributes.purchasable_offer ?? []).find((o) => o.marketplace_id === marketplaceId && (o.audience ?? 'ALL') === 'ALL') as { our_price?: Array<{ schedule: Array<{ value_with_tax: number }> }> } | undefined;
    const m = l.markets.get(marketplaceId)!;
    rows.push([String(l.attributes.item_name?.[0]?.value ?? ''), asinFor(l.sku), l.sku, String(offer?.our_price?.[0]?.schedule[0]?.value_with_tax ?? ''), qty, new Date(m.createdAt).toISOString(), asinFor(l.sku), channel, 'Active'].join('\t'));
  }
  return `${rows.join('\n')}\n`;
}

export function installReports(router: Router, state: AmazonSandboxState, ctx: SandboxContext, opts: ReportsOptions): void {
  const reports = new Map<string, SandboxReport>();
  const docUrl = (id: string) => `${ctx.baseUrl()}/_sandbox/feed-documents/${id}?X-Amz-Signature=${randomUUID().replace(/-/g, '')}`;

  function advance(r: SandboxReport): SandboxReport {
    const now = ctx.clock.now();
    if (r.processingStatus === 'IN_QUEUE' && now >= r.createdAt + (r.doneAt - r.createdAt) / 2) r.processingStatus = 'IN_PROGRESS';
    if (r.processingStatus === 'IN_PROGRESS' && now >= r.doneAt) {
      state.tick(); // feeds processed before the report was generated are in it
      const text = r.reportType === 'GET_MERCHANT_LISTINGS_ALL_DATA' ? listingsTsv(state, r.sellerId, r.marketplaceIds[0]!)
        : r.reportType === 'GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA' ? fbaReturnsTsv(state, r.sellerId, r.marketplaceIds[0]!, r.from, Math.min(r.to, r.doneAt))
        : r.reportType === 'GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE' ? mfnReturnsTsv(state, r.sellerId, r.marketplaceIds[0]!, r.from, Math.min(r.to, r.doneAt)) : undefined;
      if (text === undefined) r.processingStatus = 'CANCELLED';
      else {
        const id = `amzn1.spdoc.1.4.na.${randomUUID()}`;
        state.documents.set(id, { contentType: 'text/tab-separated-values', content: gzipSync(Buffer.from(text)), compression: 'GZIP' });
        r.reportDocumentId = id;
        r.processingStatus = 'DONE';
      }
    }
    return r;
  }

  router.add('POST', '/reports/2021-06-30/reports', guarded(state, ctx, opts, 'createReport', (req, sellerId) => {
    const body = req.json<{ reportType?: string; marketplaceIds?: string[]; dataStartTime?: string; dataEndTime?: string }>();
    if (!body?.reportType || !Array.isArray(body.marketplaceIds) || body.marketplaceIds.length < 1) return invalidInput('Invalid input', 'reportType and marketplaceIds are required');
    const now = ctx.clock.now();
    const reportId = String(60_000_000_000 + reports.size + 1);
    // The report's data range: ISO 8601 date-times (specs/amazon/reports_2021-06-30.json#/definitions/CreateReportSpecification).
    const from = body.dataStartTime ? Date.parse(body.dataStartTime) : 0;
    const to = body.dataEndTime ? Date.parse(body.dataEndTime) : Infinity;
    if (Number.isNaN(from) || Number.isNaN(to)) return invalidInput('Invalid input', 'dataStartTime and dataEndTime must be ISO 8601 date-times');
    reports.set(reportId, { reportId, sellerId, reportType: body.reportType, marketplaceIds: body.marketplaceIds, createdAt: now, doneAt: now + opts.reportProcessingMs / ctx.timeScale, from, to, processingStatus: 'IN_QUEUE' });
    return ok({ reportId }, 202);
  }));

  router.add('GET', '/reports/2021-06-30/reports/{reportId}', guarded(state, ctx, opts, 'getReport', (req, sellerId) => {
    const r = reports.get(req.params.reportId!);
    if (!r || r.sellerId !== sellerId) return fail(404, 'NotFound', 'The requested report was not found');
    advance(r);
    return ok({
      reportId: r.reportId, reportType: r.reportType, marketplaceIds: r.marketplaceIds, createdTime: new Date(r.createdAt).toISOString(), processingStatus: r.processingStatus,
      ...(r.reportDocumentId ? { reportDocumentId: r.reportDocumentId, processingEndTime: new Date(r.doneAt).toISOString() } : {}),
    });
  }));

  router.add('GET', '/reports/2021-06-30/documents/{reportDocumentId}', guarded(state, ctx, opts, 'getReportDocument', (req) => {
    const doc = state.documents.get(req.params.reportDocumentId!);
    if (!doc?.content) return fail(404, 'NotFound', 'The requested report document was not found');
    return ok({ reportDocumentId: req.params.reportDocumentId, url: docUrl(req.params.reportDocumentId!), ...(doc.compression ? { compressionAlgorithm: doc.compression } : {}) });
  }));
}
