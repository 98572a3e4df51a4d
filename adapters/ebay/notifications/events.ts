import type { EventKind, MarketplaceEvent } from '../../../src/notifications/event.js';

/**
 * The envelope every Notification API topic shares: `{ metadata: { topic, schemaVersion,
 * deprecated }, notification: { notificationId, eventDate, publishDate, publishAttemptCount, data } }`
 * (AsyncAPI contracts, e.g. https://developer.ebay.com/api-docs/master/commerce/notification/asyncapi/marketplace_account_deletion.yaml).
 */
export interface EbayNotificationBody {
  metadata?: { topic?: string; schemaVersion?: string; deprecated?: boolean };
  notification?: { notificationId?: string; eventDate?: string; publishDate?: string; publishAttemptCount?: number; data?: Record<string, unknown> };
}

/**
 * Topics the SDK interprets. ORDER_CONFIRMATION: a buyer completed checkout, one notification per
 * line item, "the seller looks up the orderId from the notification" (…/asyncapi/order_confirmation.yaml);
 * ITEM_MARKED_SHIPPED (…/asyncapi/item_marked_shipped.yaml) changes the order's fulfilment;
 * MARKETPLACE_ACCOUNT_DELETION asks the app to delete a user's data. Anything else is `other`.
 */
const KINDS: Record<string, EventKind> = {
  ORDER_CONFIRMATION: 'order_changed',
  ITEM_MARKED_SHIPPED: 'order_changed',
  MARKETPLACE_ACCOUNT_DELETION: 'account_deletion',
};

/** A verified eBay notification as unified events (none when it has no notificationId). */
export function notificationToEvents(body: EbayNotificationBody, account: string, receivedAt: number): MarketplaceEvent[] {
  const n = body.notification;
  const topic = body.metadata?.topic ?? 'UNKNOWN';
  if (!n?.notificationId) return [];
  const data = n.data ?? {};
  const orderId = typeof data.orderId === 'string' ? data.orderId : undefined;
  const occurred = Date.parse(n.eventDate ?? '');
  return [{
    marketplace: 'ebay',
    account,
    kind: KINDS[topic] ?? 'other',
    eventId: n.notificationId,
    occurredAt: new Date(Number.isFinite(occurred) ? occurred : receivedAt).toISOString(),
    ...(orderId ? { orderId } : {}),
    topic,
    raw: body,
  }];
}

/** publishDate: when eBay sent this attempt; the receiver's replay window is checked against it. */
export function sentAtOf(body: EbayNotificationBody): number | undefined {
  const t = Date.parse(body.notification?.publishDate ?? '');
  return Number.isFinite(t) ? t : undefined;
}
