import { createHash } from 'node:crypto';
import type { EventKind, MarketplaceEvent } from '../../../src/notifications/event.js';
import type { PushBody } from '../schemas/push.js';
import { toEvent } from '../push.js';

/**
 * Shopee push → unified events. Codes and payloads: research/shopee-aliexpress.md A6 (Shopee guide
 * "Push Mechanism", open.shopee.com/developer-guide/18): 3 = order status update
 * `{ordersn, status, update_time}`, 4 = tracking number `{ordersn, package_number, tracking_no}`.
 * Shopee has no separate buyer-cancellation code: a buyer's request moves the order to IN_CANCEL
 * (order statuses, research A4 / specs/shopee/v2.order.handle_buyer_cancellation.json), which
 * arrives as an order status push and becomes `order_cancel_requested`.
 */
export function pushToEvents(body: PushBody, account: string | undefined, receivedAt: number): MarketplaceEvent[] {
  const push = toEvent(body);
  if (push.kind === 'verification') return []; // the URL check Shopee sends when the callback is set
  const orderId = 'orderId' in push && push.orderId ? push.orderId : undefined;
  let kind: EventKind = 'other';
  if (push.kind === 'order_status') kind = push.status === 'IN_CANCEL' ? 'order_cancel_requested' : 'order_changed';
  else if (push.kind === 'tracking_number') kind = 'tracking_updated';
  const changedAt = push.kind === 'order_status' && push.updateTime !== undefined ? push.updateTime : body.timestamp;
  return [{
    marketplace: 'shopee',
    account: account ?? (body.shop_id !== undefined ? String(body.shop_id) : ''),
    kind,
    eventId: pushId(body),
    occurredAt: new Date(changedAt !== undefined ? changedAt * 1000 : receivedAt).toISOString(),
    ...(orderId ? { orderId } : {}),
    topic: push.kind,
    raw: body,
  }];
}

/**
 * Shopee pushes carry no message id: the id is a digest of what identifies the change (code, shop,
 * timestamp, data), the same whether it came by webhook or from the lost-push backlog.
 */
export function pushId(body: PushBody): string {
  return createHash('sha256').update(`${body.code}|${body.shop_id ?? ''}|${body.timestamp ?? ''}|${JSON.stringify(body.data ?? null)}`).digest('hex').slice(0, 32);
}
