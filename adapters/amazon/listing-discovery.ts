import { MarketplaceError } from '../../src/errors/classes.js';
import type { CallOptions } from '../../src/http/call-options.js';
import type { AmazonContext, AmazonStore } from './context.js';
import { isAmazonChannel } from './mappers/fulfilment-channel.js';
import { ops } from './operations.js';
import { downloadReportText, waitForReport } from './report-document.js';

/**
 * Every SKU of the seller in a store, in one report instead of one searchListingsItems call per 20
 * SKUs: Reports API 2021-06-30 (reports_2021-06-30.json) createReport → getReport until DONE →
 * getReportDocument → download. GET_MERCHANT_LISTINGS_ALL_DATA is the merchant listings report
 * (its example in the model), a tab-delimited file whose header row names the columns; seller-sku
 * and fulfillment-channel (DEFAULT, or AMAZON_NA / AMAZON_EU... for FBA) are what we read.
 * It carries no product type: existing SKUs learnt here get one from a later read or listing.
 */
export const LISTINGS_REPORT = 'GET_MERCHANT_LISTINGS_ALL_DATA';

/** Parses the report's TSV: header → column index; one entry per seller-sku. */
export function parseListingsReport(text: string): Array<{ sku: string; channel?: string; asin?: string }> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.length > 0);
  const header = (lines.shift() ?? '').split('\t').map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  const [sku, channel, asin] = [col('seller-sku'), col('fulfillment-channel'), col('asin1')];
  if (sku < 0) throw new MarketplaceError({ marketplace: 'amazon', operation: 'getReportDocument', message: `${LISTINGS_REPORT} has no seller-sku column` });
  return lines.map((l) => {
    const cells = l.split('\t');
    return { sku: cells[sku]!.trim(), ...(channel >= 0 && cells[channel] ? { channel: cells[channel]!.trim() } : {}), ...(asin >= 0 && cells[asin] ? { asin: cells[asin]!.trim() } : {}) };
  }).filter((r) => r.sku);
}

/**
 * Learns every SKU of the store once per adapter (or again after `maxAgeMs`): existence and
 * fulfilment channel go into the listing memory; SKUs absent from the report are remembered as new.
 */
export async function discoverListings(ctx: AmazonContext, store: AmazonStore, skus: string[], opts: CallOptions): Promise<void> {
  const created = await ctx.call(ops.createReport, { body: { reportType: LISTINGS_REPORT, marketplaceIds: [store.marketplaceId] } }, { signal: opts.signal, deadline: opts.deadline });
  const report = await waitForReport(ctx, created.data.reportId, opts);
  const text = await downloadReportText(ctx, report, opts);
  const rows = text ? parseListingsReport(text) : [];
  const found = new Set<string>();
  for (const r of rows) {
    found.add(r.sku);
    const before = await ctx.memory.get(store.marketplaceId, r.sku);
    await ctx.memory.set(store.marketplaceId, r.sku, {
      ...before, exists: true, ...(r.channel ? { channel: r.channel, fulfilledBy: isAmazonChannel(r.channel) ? 'amazon' : 'merchant' } : {}),
    });
  }
  for (const sku of skus) if (!found.has(sku) && !(await ctx.memory.get(store.marketplaceId, sku))) await ctx.memory.set(store.marketplaceId, sku, { exists: false });
}
