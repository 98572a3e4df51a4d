import type { CallOptions } from '../../../src/http/call-options.js';
import { parseRecords, type Quarantined } from '../../../src/http/parse.js';
import type { Return } from '../../../src/model/return.js';
import type { EbayContext } from '../context.js';
import { readOrder } from '../orders.js';
import { mapReturn } from './mapper.js';
import { returnOps } from './operations.js';
import { postOrderSite } from './post-order.js';
import { ReturnSummary } from './wire.js';

const BOUND = 10_000;

/** Per-adapter caches: order line ids never change; a return's detail only when its summary does. */
export class ReturnReader {
  private readonly lines = new Map<string, Map<string, { lineId: string; sku?: string }>>();
  private readonly details = new Map<string, { fp: string; ret: Return }>();

  constructor(private readonly ctx: EbayContext) {}

  site() {
    return { 'X-EBAY-C-MARKETPLACE-ID': postOrderSite(this.ctx.store().id) };
  }

  /** The summary alone (fieldgroups=SUMMARY): what a read-back needs. */
  async summary(returnId: string, opts: CallOptions = {}): Promise<ReturnSummary> {
    const res = await this.ctx.call(returnOps.getReturn, { params: { returnId }, query: { fieldgroups: 'SUMMARY' }, headers: this.site() }, opts);
    return ReturnSummary.parse(res.data.summary);
  }

  /** The whole return: SUMMARY and FULL (the summary is not in a FULL answer: ReturnSummaryType). */
  async get(returnId: string, opts: CallOptions = {}): Promise<Return> {
    const summary = await this.summary(returnId, opts);
    return this.complete(summary, opts);
  }

  /** Adds the FULL detail and the order's line id to a summary, reusing both while the summary is unchanged. */
  async complete(summary: ReturnSummary, opts: CallOptions = {}): Promise<Return> {
    const fp = JSON.stringify([summary.state, summary.status, summary.sellerTotalRefund, summary.sellerResponseDue]);
    const cached = this.details.get(summary.returnId);
    if (cached && cached.fp === fp) return cached.ret;
    const full = await this.ctx.call(returnOps.getReturn, { params: { returnId: summary.returnId }, query: { fieldgroups: 'FULL' }, headers: this.site() }, opts);
    const lineIds = summary.orderId ? await this.lineIds(summary.orderId, opts) : undefined;
    const ret = mapReturn(summary, full.data.detail, {
      account: this.ctx.account,
      store: this.ctx.store().id,
      lineOf: (itemId) => (itemId ? lineIds?.get(itemId) : undefined),
    });
    if (this.details.size >= BOUND) this.details.clear();
    this.details.set(summary.returnId, { fp, ret });
    return ret;
  }

  /**
   * legacyItemId → lineItemId (and unified SKU) of the order (Fulfillment LineItem; the Post-Order return names its
   * line by itemId + transactionId, and the Fulfillment order has no transaction id: an order with
   * two lines of one listing resolves to the first).
   */
  private async lineIds(orderId: string, opts: CallOptions): Promise<Map<string, { lineId: string; sku?: string }> | undefined> {
    const known = this.lines.get(orderId);
    if (known) return known;
    const order = await readOrder(this.ctx, orderId, opts).catch(() => undefined);
    if (!order) return undefined;
    const map = new Map<string, { lineId: string; sku?: string }>();
    for (const li of order.lineItems) {
      if (!li.legacyItemId || map.has(li.legacyItemId)) continue;
      // The unified SKU, as the order mapper gives it (one seller SKU per site: site-skus.ts).
      const site = this.ctx.storeById(li.listingMarketplaceId)?.id ?? li.listingMarketplaceId ?? this.ctx.store().id;
      map.set(li.legacyItemId, { lineId: li.lineItemId, ...(li.sku ? { sku: this.ctx.skus.unifiedSku(li.sku, site) } : {}) });
    }
    if (this.lines.size >= BOUND) this.lines.clear();
    this.lines.set(orderId, map);
    return map;
  }

  /** Parses a search page's members leniently and completes each. */
  async page(members: readonly unknown[], opts: CallOptions): Promise<{ items: Return[]; quarantined: Quarantined[] }> {
    const parsed = parseRecords(ReturnSummary, members, (r) => (r as { returnId?: string } | null)?.returnId);
    const items: Return[] = [];
    for (const s of parsed.items) items.push(await this.complete(s, opts));
    return { items, quarantined: parsed.quarantined };
  }
}
