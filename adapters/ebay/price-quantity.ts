import { errorFromResponse } from '../../src/errors/from-response.js';
import { isXborderError, type XborderError } from '../../src/errors/xborder-error.js';
import type { CallOptions } from '../../src/http/call-options.js';
import { DEFAULTS } from './config.js';
import type { EbayContext } from './context.js';
import { entriesOf } from './errors.js';
import { ops } from './operations.js';
import type { PriceQuantity } from './schemas/inventory.js';

/** One site's share of an update: the seller SKU's item quantity and/or its published offer. */
export interface SiteRequest {
  /** Caller-side key the outcome is reported under. */
  target: string;
  sku: string;
  quantity?: number;
  offer?: { offerId: string; availableQuantity?: number; price?: { value: string; currency: string } };
}

export interface SiteOutcome {
  target: string;
  error?: XborderError;
  warning?: string;
}

/** Entries for one seller SKU merge into one PriceQuantity (duplicate offer ids are an error on eBay). */
function group(requests: SiteRequest[]): Array<{ body: PriceQuantity; targets: string[] }> {
  const bySku = new Map<string, { body: PriceQuantity; targets: string[] }>();
  for (const r of requests) {
    const g = bySku.get(r.sku) ?? { body: { sku: r.sku }, targets: [] };
    if (r.quantity !== undefined) g.body.shipToLocationAvailability = { quantity: r.quantity };
    if (r.offer) g.body.offers = [...(g.body.offers ?? []).filter((o) => o.offerId !== r.offer!.offerId), r.offer];
    if (!g.targets.includes(r.target)) g.targets.push(r.target);
    bySku.set(r.sku, g);
  }
  return [...bySku.values()];
}

/**
 * bulkUpdatePriceQuantity, up to 25 requests per call (BulkPriceQuantity.requests). Per-item
 * statusCodes (207) stay per item: a failed SKU or offer fails only the targets it belongs to.
 */
export async function sendBulk(ctx: EbayContext, requests: SiteRequest[], opts: CallOptions): Promise<SiteOutcome[]> {
  const groups = group(requests);
  const out: SiteOutcome[] = [];
  for (let i = 0; i < groups.length; i += DEFAULTS.bulkBatchSize) {
    const chunk = groups.slice(i, i + DEFAULTS.bulkBatchSize);
    let res;
    try {
      res = await ctx.call(ops.bulkUpdatePriceQuantity, { body: { requests: chunk.map((g) => g.body) } }, opts);
    } catch (e) {
      if (!isXborderError(e)) throw e;
      for (const g of chunk) for (const target of g.targets) out.push({ target, error: e });
      continue;
    }
    for (const g of chunk) {
      const own = res.data.responses.filter((x) => x.sku === g.body.sku || g.body.offers?.some((o) => o.offerId === x.offerId));
      const failed = own.find((x) => x.statusCode >= 400);
      const warning = own.flatMap((x) => entriesOf(x.warnings)).map((w) => `${w.code}: ${w.message}`).join('; ');
      const error = failed
        ? errorFromResponse({ marketplace: 'ebay', operation: 'bulkUpdatePriceQuantity', status: failed.statusCode, errors: entriesOf(failed.errors) })
        : !own.length ? errorFromResponse({ marketplace: 'ebay', operation: 'bulkUpdatePriceQuantity', status: 500, message: `No result for SKU ${g.body.sku} in the bulk response` }) : undefined;
      for (const target of g.targets) out.push({ target, ...(error ? { error } : {}), ...(warning ? { warning } : {}) });
    }
  }
  return out;
}
