import { randomUUID } from 'node:crypto';
import type { OrderDoc } from './order-doc.js';
import type { AmazonSandboxState } from './state.js';
import type { NotificationsWorld, SandboxSubscription } from './notifications-world.js';

/**
 * ORDER_CHANGE as the sandbox publishes it. Amazon sends it "whenever there is a change to the
 * status of order availability" and "in the event a buyer requests a cancellation" (Tutorial:
 * Subscribe to the ORDER_CHANGE Notification, developer-docs.amazon.com/sp-api-blog/docs/enhance-your-order-workflow-with-the-order_change-notification);
 * the two OrderChangeType values for that are OrderStatusChange and BuyerRequestedChange
 * (specs/amazon/OrderChangeNotification.json). Other edits (a moved lastUpdatedTime) send nothing.
 */

/** Orders API 2026-01-01 fulfillmentStatus → ORDER_CHANGE Summary.OrderStatus enum. */
const ORDER_STATUS: Record<string, string> = {
  PENDING: 'Pending', UNSHIPPED: 'Unshipped', PARTIALLY_SHIPPED: 'PartiallyShipped', SHIPPED: 'Shipped', CANCELLED: 'Canceled', UNFULFILLABLE: 'Unfulfillable',
};

const cancelRequested = (o: OrderDoc) => o.orderItems.some((i) => i.cancellation?.cancellationRequest?.requester === 'BUYER');
const keyOf = (o: OrderDoc) => `${o.fulfillment?.fulfillmentStatus ?? ''}|${cancelRequested(o)}`;

/** The payload in the shape of specs/amazon/OrderChangeNotification.json (all required fields). */
function orderChangePayload(sellerId: string, o: OrderDoc, type: 'OrderStatusChange' | 'BuyerRequestedChange') {
  const status = o.fulfillment?.fulfillmentStatus ?? 'PENDING';
  return {
    OrderChangeNotification: {
      NotificationLevel: 'OrderLevel',
      SellerId: sellerId,
      AmazonOrderId: o.orderId,
      OrderChangeType: type,
      // ChangeReason is free text in the schema; its example for a cancellation request is "Buyer Requested Cancel".
      OrderChangeTrigger: { TimeOfOrderChange: o.lastUpdatedTime, ChangeReason: type === 'BuyerRequestedChange' ? 'Buyer Requested Cancel' : 'Order Status Change' },
      Summary: {
        MarketplaceId: o.salesChannel.marketplaceId,
        OrderStatus: ORDER_STATUS[status] ?? status,
        PurchaseDate: o.createdTime,
        DestinationPostalCode: o.recipient?.deliveryAddress?.postalCode ?? null,
        FulfillmentType: o.fulfillment?.fulfilledBy === 'AMAZON' ? 'AFN' : 'MFN',
        OrderType: 'StandardOrder',
        NumberOfItemsShipped: o.orderItems.reduce((n, i) => n + (i.fulfillment?.quantityFulfilled ?? 0), 0),
        NumberOfItemsUnshipped: o.orderItems.reduce((n, i) => n + (i.fulfillment?.quantityUnfulfilled ?? i.quantityOrdered), 0),
        OrderItems: o.orderItems.map((i) => ({
          OrderItemId: i.orderItemId,
          SellerSKU: i.product.sellerSku,
          SupplySourceId: null,
          OrderItemStatus: (i.fulfillment?.quantityUnfulfilled ?? 1) === 0 ? 'Shipped' : 'Unshipped',
          Quantity: i.quantityOrdered,
          QuantityShipped: i.fulfillment?.quantityFulfilled ?? 0,
          IsBuyerRequestedCancel: i.cancellation?.cancellationRequest?.requester === 'BUYER',
        })),
      },
    },
  };
}

/** The envelope (PascalCase for ORDER_CHANGE), NotificationMetadata filled as Amazon does. */
export function envelope(world: NotificationsWorld, sub: SandboxSubscription, notificationType: string, payload: unknown): string {
  const now = new Date(world.ctx.clock.now()).toISOString();
  return JSON.stringify({
    NotificationVersion: '1.0',
    NotificationType: notificationType,
    PayloadVersion: sub.payloadVersion,
    // "The time when this notification was published" (OrderChangeNotification.json EventTime).
    EventTime: now,
    Payload: payload,
    NotificationMetadata: { ApplicationId: world.applicationId, SubscriptionId: sub.subscriptionId, PublishTime: now, NotificationId: randomUUID() },
  });
}

/** Puts one notification on the subscription's destination queue, through the delivery faults. */
export function deliver(world: NotificationsWorld, sub: SandboxSubscription, body: string): void {
  const dest = world.destinations.get(sub.destinationId);
  const queue = dest ? world.sqs.byArn(dest.arn) : undefined;
  if (!queue) return;
  const f = world.faults;
  world.stats.published++;
  if (f.dropRate && world.random() < f.dropRate) {
    world.stats.dropped++;
    return;
  }
  const copies = f.duplicateRate && world.random() < f.duplicateRate ? 2 : 1;
  if (copies === 2) world.stats.duplicated++;
  for (let i = 0; i < copies; i++) {
    const delay = f.delayMs ? f.delayMs[0] + world.random() * (f.delayMs[1] - f.delayMs[0]) : 0;
    if (delay > 0) world.stats.delayed++;
    queue.send(body, delay / world.ctx.timeScale);
  }
}

/**
 * FEED_PROCESSING_FINISHED once a feed reaches DONE, FATAL or CANCELLED (the processingStatus enum
 * of specs/amazon/FeedProcessingFinishedNotification.json), in that schema's camelCase envelope.
 */
export function scanFeeds(state: AmazonSandboxState, world: NotificationsWorld): void {
  state.tick();
  for (const f of state.feeds.values()) {
    if (!['DONE', 'FATAL', 'CANCELLED'].includes(f.processingStatus) || world.feedsSeen.has(f.feedId)) continue;
    world.feedsSeen.add(f.feedId);
    const sub = world.subscriptionFor(f.sellerId, 'FEED_PROCESSING_FINISHED');
    if (!sub) continue;
    const now = new Date(world.ctx.clock.now()).toISOString();
    deliver(world, sub, JSON.stringify({
      notificationVersion: '2020-09-04', notificationType: 'FEED_PROCESSING_FINISHED', payloadVersion: sub.payloadVersion, eventTime: now,
      payload: { feedProcessingFinishedNotification: {
        sellerId: f.sellerId, accountId: `amzn1.merchant.o.${f.sellerId}`, feedId: f.feedId, feedType: f.feedType, processingStatus: f.processingStatus,
        ...(f.resultFeedDocumentId ? { resultFeedDocumentId: f.resultFeedDocumentId } : {}),
      } },
      notificationMetadata: { applicationId: world.applicationId, subscriptionId: sub.subscriptionId, publishTime: now, notificationId: randomUUID() },
    }));
  }
}

/**
 * LISTINGS_ITEM_MFN_QUANTITY_CHANGE, "delivered when the inventory quantity of a MFN Seller listing
 * changes" (specs/amazon/ListingsItemMfnQuantityChange.json): the DEFAULT channel's quantity of
 * fulfillment_availability, compared with what was last published.
 */
export function scanMfnQuantities(state: AmazonSandboxState, world: NotificationsWorld): void {
  for (const [key, listing] of state.listings) {
    const mfn = listing.attributes.fulfillment_availability?.find((f) => f.fulfillment_channel_code === 'DEFAULT');
    if (typeof mfn?.quantity !== 'number' || world.mfnQuantities.get(key) === mfn.quantity) continue;
    world.mfnQuantities.set(key, mfn.quantity);
    const sellerId = key.split('\n')[0]!;
    const sub = world.subscriptionFor(sellerId, 'LISTINGS_ITEM_MFN_QUANTITY_CHANGE');
    if (!sub) continue;
    deliver(world, sub, envelope(world, sub, 'LISTINGS_ITEM_MFN_QUANTITY_CHANGE', { SellerId: sellerId, FulfillmentChannelCode: 'DEFAULT', Sku: listing.sku, Quantity: mfn.quantity }));
  }
}

/** Everything the sandbox publishes, checked on each SQS poll and before a subscription starts. */
export function scanAll(state: AmazonSandboxState, world: NotificationsWorld): void {
  scanOrders(state, world);
  scanFeeds(state, world);
  scanMfnQuantities(state, world);
}

/**
 * Compares every order with what was last published and sends ORDER_CHANGE for the changed ones
 * to the seller's subscription. Runs on every SQS receive, during long polls and before a
 * subscription is created (so orders that existed before it send nothing).
 */
export function scanOrders(state: AmazonSandboxState, world: NotificationsWorld): void {
  for (const [orderId, order] of state.orders) {
    const doc = order.actual;
    const key = keyOf(doc);
    const before = world.orderKeys.get(orderId);
    if (before === key) continue;
    world.orderKeys.set(orderId, key);
    const sub = world.subscriptionFor(order.sellerId, 'ORDER_CHANGE');
    if (!sub) continue;
    const newCancelRequest = cancelRequested(doc) && !(before?.endsWith('|true') ?? false);
    const payload = orderChangePayload(order.sellerId, doc, newCancelRequest ? 'BuyerRequestedChange' : 'OrderStatusChange');
    deliver(world, sub, envelope(world, sub, 'ORDER_CHANGE', payload));
  }
}
