import { NotFoundError } from '../../src/errors/classes.js';
import type { VerifyOutcome } from '../../src/http/operation.js';
import type { EbayContext } from './context.js';
import { ops } from './operations.js';
import type { ShippingFulfillment } from './schemas/fulfillment.js';

/**
 * Verify steps of eBay's non-idempotent writes. A write left pending by a crash or a lost answer
 * is resolved on the next call with the same idempotency key by reading what eBay holds (the
 * pipeline journals the intent and runs these before any replay).
 */

/** Same tracking number and the same lines: this is the package we tried to record. */
export function matches(f: ShippingFulfillment, tracking: string, lines: ReadonlyArray<{ lineItemId: string }>): boolean {
  if (f.shipmentTrackingNumber !== tracking) return false;
  const ids = new Set(f.lineItems.map((l) => l.lineItemId));
  return lines.every((l) => ids.has(l.lineItemId));
}

const readOpts = (signal?: AbortSignal) => ({ signal, maxRetries: 1 });

export function verifiedOps(ctx: EbayContext) {
  /** createOffer: only one offer may exist per sku/marketplaceId/format (EbayOfferDetailsWithKeys.sku). */
  const createOffer: typeof ops.createOffer = {
    ...ops.createOffer,
    verify: async (req, { signal }) => {
      const { sku, marketplaceId, format } = req.body;
      try {
        const res = await ctx.call(ops.getOffers, { query: { sku, marketplace_id: marketplaceId } }, readOpts(signal));
        const found = res.data.offers.find((o) => (o.marketplaceId ?? marketplaceId) === marketplaceId && ((o as { format?: string }).format ?? format) === format);
        return found ? { state: 'done', data: { offerId: found.offerId } } : { state: 'not_done' };
      } catch (e) {
        if (e instanceof NotFoundError) return { state: 'not_done' };
        throw e;
      }
    },
  };

  /** publishOffer: done once the offer is PUBLISHED (EbayOfferDetailsWithAll.status, .listing). */
  const publishOffer: typeof ops.publishOffer = {
    ...ops.publishOffer,
    verify: async (req, { signal }) => {
      const res = await ctx.call(ops.getOffer, { params: { offerId: req.params.offerId } }, readOpts(signal));
      const o = res.data;
      return o.status === 'PUBLISHED' ? { state: 'done', data: { ...(o.listing?.listingId ? { listingId: o.listing.listingId } : {}) } } : { state: 'not_done' };
    },
  };

  /** createShippingFulfillment: the order's fulfillments list the package once recorded. */
  const createShippingFulfillment: typeof ops.createShippingFulfillment = {
    ...ops.createShippingFulfillment,
    verify: async (req, { signal }): Promise<VerifyOutcome<unknown>> => {
      const res = await ctx.call(ops.getShippingFulfillments, { params: { orderId: req.params.orderId } }, readOpts(signal));
      const found = res.data.fulfillments.find((f) => matches(f, req.body.trackingNumber, req.body.lineItems));
      return found ? { state: 'done', data: { fulfillmentId: found.fulfillmentId } } : { state: 'not_done' };
    },
  };

  /** publishOfferByInventoryItemGroup: done once every member offer on the site is PUBLISHED. */
  const publishOfferByInventoryItemGroup: typeof ops.publishOfferByInventoryItemGroup = {
    ...ops.publishOfferByInventoryItemGroup,
    verify: async (req, { signal }) => {
      const group = await ctx.call(ops.getInventoryItemGroup, { params: { inventoryItemGroupKey: req.body.inventoryItemGroupKey } }, readOpts(signal));
      let listingId: string | undefined;
      for (const sku of group.data.variantSKUs ?? []) {
        const res = await ctx.call(ops.getOffers, { query: { sku, marketplace_id: req.body.marketplaceId } }, readOpts(signal)).catch((e) => {
          if (e instanceof NotFoundError) return undefined;
          throw e;
        });
        const o = res?.data.offers[0];
        if (o?.status !== 'PUBLISHED') return { state: 'not_done' };
        listingId ??= o.listing?.listingId;
      }
      return { state: 'done', data: { ...(listingId ? { listingId } : {}) } };
    },
  };

  /** bulkCreateOffer: done when every requested SKU has its offer; not done when none has; else unknown. */
  const bulkCreateOffer: typeof ops.bulkCreateOffer = {
    ...ops.bulkCreateOffer,
    verify: async (req, { signal }) => {
      const responses = [];
      for (const r of req.body.requests) {
        const found = await createOffer.verify!({ headers: req.headers, body: r }, { signal, attempt: 1 });
        if (found.state === 'done') responses.push({ sku: r.sku, marketplaceId: r.marketplaceId, format: r.format, offerId: found.data.offerId, statusCode: 200 });
      }
      if (responses.length === req.body.requests.length) return { state: 'done', data: { responses } };
      return responses.length ? { state: 'unknown', reason: 'some offers of the batch exist, others do not' } : { state: 'not_done' };
    },
  };

  /** bulkPublishOffer: done when every offer is PUBLISHED; not done when none is; else unknown. */
  const bulkPublishOffer: typeof ops.bulkPublishOffer = {
    ...ops.bulkPublishOffer,
    verify: async (req, { signal }) => {
      const responses = [];
      for (const r of req.body.requests) {
        const found = await publishOffer.verify!({ params: { offerId: r.offerId } }, { signal, attempt: 1 });
        if (found.state === 'done') responses.push({ offerId: r.offerId, ...found.data, statusCode: 200 });
      }
      if (responses.length === req.body.requests.length) return { state: 'done', data: { responses } };
      return responses.length ? { state: 'unknown', reason: 'some offers of the batch are published, others are not' } : { state: 'not_done' };
    },
  };

  return { ...ops, createOffer, publishOffer, publishOfferByInventoryItemGroup, bulkCreateOffer, bulkPublishOffer, createShippingFulfillment };
}

export type VerifiedOps = ReturnType<typeof verifiedOps>;
