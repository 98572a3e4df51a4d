import { z } from 'zod';
import type { EventKind } from '../../../src/notifications/event.js';
import type { Envelope } from './envelope.js';

/**
 * Payload schemas of the types we interpret, with each schema file's `required` lists. Enum
 * fields stay plain strings: an unknown value Amazon adds later must not drop the event.
 */
// specs/amazon/OrderChangeNotification.json#/properties/Payload/properties/OrderChangeNotification
const OrderChange = z.object({
  OrderChangeNotification: z.object({
    NotificationLevel: z.string(),
    SellerId: z.string().min(1),
    AmazonOrderId: z.string().min(1),
    OrderChangeType: z.string(),
    OrderChangeTrigger: z.object({ TimeOfOrderChange: z.string().nullable(), ChangeReason: z.string() }),
    Summary: z.object({
      MarketplaceId: z.string(),
      OrderStatus: z.string(),
      OrderItems: z.array(z.object({ OrderItemId: z.string(), SellerSKU: z.string(), IsBuyerRequestedCancel: z.boolean().optional() }).loose()),
    }).loose(),
  }).loose(),
});
// specs/amazon/ListingsItemStatusChangeNotification.json#/properties/Payload (required SellerId, Sku, Status)
const ListingStatus = z.object({ SellerId: z.string().min(1), Sku: z.string().min(1), Status: z.array(z.string()) }).loose();
// specs/amazon/ListingsItemIssuesChangeNotification_2023-12-13.json#/properties/Payload (SellerId, Sku, Severities)
const ListingIssues = z.object({ SellerId: z.string().min(1), Sku: z.string().min(1), Severities: z.array(z.string()) }).loose();
// specs/amazon/ListingsItemMfnQuantityChange.json#/properties/Payload (SellerId, FulfillmentChannelCode, Sku, Quantity)
const MfnQuantity = z.object({ SellerId: z.string().min(1), FulfillmentChannelCode: z.string(), Sku: z.string().min(1), Quantity: z.number().int() }).loose();
// specs/amazon/FeedProcessingFinishedNotification.json / ReportProcessingFinishedNotification.json:
// accountId, <feed|report>Id, <feed|report>Type, processingStatus required; sellerId null for vendors.
const FeedFinished = z.object({
  feedProcessingFinishedNotification: z.object({ sellerId: z.string().nullish(), accountId: z.string(), feedId: z.string(), feedType: z.string(), processingStatus: z.string() }).loose(),
});
const ReportFinished = z.object({
  reportProcessingFinishedNotification: z.object({ sellerId: z.string().nullish(), accountId: z.string(), reportId: z.string(), reportType: z.string(), processingStatus: z.string() }).loose(),
});

export type Mapped = { ok: true; kind: EventKind; account: string; orderId?: string; sku?: string; quantity?: number; occurredAt?: string | null } | { ok: false; detail: string };

function issue(e: z.ZodError): string {
  const first = e.issues[0];
  return first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'invalid';
}

function orderChange(payload: unknown): Mapped {
  const r = OrderChange.safeParse(payload);
  if (!r.success) return { ok: false, detail: issue(r.error) };
  const n = r.data.OrderChangeNotification;
  // A buyer's cancellation request: OrderChangeType BuyerRequestedChange with an item flagged
  // IsBuyerRequestedCancel (the schema's own example, ChangeReason "Buyer Requested Cancel").
  const cancel = n.OrderChangeType === 'BuyerRequestedChange' && n.Summary.OrderItems.some((i) => i.IsBuyerRequestedCancel === true);
  return { ok: true, kind: cancel ? 'order_cancel_requested' : 'order_changed', account: n.SellerId, orderId: n.AmazonOrderId, occurredAt: n.OrderChangeTrigger.TimeOfOrderChange };
}

function listing(schema: typeof ListingStatus | typeof ListingIssues | typeof MfnQuantity, kind: EventKind, payload: unknown): Mapped {
  const r = schema.safeParse(payload);
  if (!r.success) return { ok: false, detail: issue(r.error) };
  // Payload.Quantity: "the available quantity for MFN" (specs/amazon/ListingsItemMfnQuantityChange.json).
  return { ok: true, kind, account: r.data.SellerId, sku: r.data.Sku, ...(typeof r.data.Quantity === 'number' ? { quantity: r.data.Quantity } : {}) };
}

/** Envelope → what changed. Types we do not interpret are `other` (still verified). */
export function payloadEvent(env: Envelope): Mapped {
  switch (env.type) {
    case 'ORDER_CHANGE':
      return orderChange(env.payload);
    // The status schema's example says LISTINGS_ITEM_STATUS_CHANGE, its enum LISTINGS_ITEM_STATUS_CHANGED: accept both.
    case 'LISTINGS_ITEM_STATUS_CHANGE':
    case 'LISTINGS_ITEM_STATUS_CHANGED':
      return listing(ListingStatus, 'listing_status_changed', env.payload);
    case 'LISTINGS_ITEM_ISSUES_CHANGE':
      return listing(ListingIssues, 'listing_issues_changed', env.payload);
    case 'LISTINGS_ITEM_MFN_QUANTITY_CHANGE':
      return listing(MfnQuantity, 'listing_quantity_changed', env.payload);
    case 'FEED_PROCESSING_FINISHED': {
      const r = FeedFinished.safeParse(env.payload);
      if (!r.success) return { ok: false, detail: issue(r.error) };
      const n = r.data.feedProcessingFinishedNotification;
      return { ok: true, kind: 'feed_finished', account: n.sellerId ?? n.accountId };
    }
    case 'REPORT_PROCESSING_FINISHED': {
      const r = ReportFinished.safeParse(env.payload);
      if (!r.success) return { ok: false, detail: issue(r.error) };
      const n = r.data.reportProcessingFinishedNotification;
      return { ok: true, kind: 'report_finished', account: n.sellerId ?? n.accountId };
    }
    default:
      return { ok: true, kind: 'other', account: typeof env.payload.SellerId === 'string' ? env.payload.SellerId : '' };
  }
}
