/**
 * The simulator's own order notifications: eBay sends subscribed topics when orders change,
 * without anyone calling a test hook. Deliveries go through emitNotification (enabled
 * subscriptions of the topic, enabled destinations, the seeded fault plan, signed envelope).
 */
import { emitNotification } from './notifications-emit.js';
import { notificationWorld } from './notifications-state.js';
import type { EbaySandboxState, WireOrderDoc } from './state.js';

/** Fire-and-forget: the order change has happened whether or not delivery succeeds. */
function emitInBackground(state: EbaySandboxState, topic: string, data: Record<string, unknown>): void {
  try {
    notificationWorld(state); // throws when the Notification API is not installed: nothing to send
  } catch {
    return;
  }
  void emitNotification(state, topic, data).catch(() => undefined);
}

/**
 * A buyer completed checkout: "An ORDER_CONFIRMATION notification is generated for each line item
 * in the order. The seller looks up the orderId from the notification" (https://developer.ebay.com/
 * api-docs/master/commerce/notification/asyncapi/order_confirmation.yaml, info.description). The
 * data carries the orderId the adapter reads (adapters/ebay/notifications/events.ts). Sent for
 * every order the simulator gains, a buyer's checkout or a seeded order (placed at seed time),
 * unless it is seeded with `notify: false` (state.ts). Source:
 * https://developer.ebay.com/api-docs/master/commerce/notification/asyncapi/order_confirmation.yaml
 */
export function orderConfirmed(state: EbaySandboxState, order: WireOrderDoc): void {
  for (const _line of order.lineItems) emitInBackground(state, 'ORDER_CONFIRMATION', { orderId: order.orderId });
}

/**
 * The seller marked items shipped (createShippingFulfillment): ITEM_MARKED_SHIPPED (https://
 * developer.ebay.com/api-docs/master/commerce/notification/asyncapi/item_marked_shipped.yaml;
 * topic added in Notification API 1.6.7, https://developer.ebay.com/develop/api/notification-api/release-notes).
 * One notification per fulfillment, with the orderId as for ORDER_CONFIRMATION.
 */
export function itemsMarkedShipped(state: EbaySandboxState, orderId: string): void {
  emitInBackground(state, 'ITEM_MARKED_SHIPPED', { orderId });
}
