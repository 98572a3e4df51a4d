import { describe, expect, it } from 'vitest';
import { parseAmazonNotification } from '../../../adapters/amazon/index.js';

const APP = 'amzn1.sellerapps.app.f108f511-eeac-46a6-b125-bcb752069ed0';
const NOW = Date.parse('2026-12-05T02:00:00Z');
const META = { ApplicationId: APP, SubscriptionId: '93b098e1-c42-2f45-93a1-78910a6a8369', PublishTime: '2021-02-03T18:59:30.194Z', NotificationId: '8e009934-da2c-4f9c-9bc7-93f23b7e1f60' };
const pascal = (type: string, payloadVersion: string, payload: unknown) => JSON.stringify({ NotificationVersion: '1.0', NotificationType: type, PayloadVersion: payloadVersion, EventTime: '2021-02-03T18:59:30.194Z', Payload: payload, NotificationMetadata: META });
const camel = (type: string, payload: unknown) => JSON.stringify({
  notificationVersion: '2020-09-04', notificationType: type, payloadVersion: '2020-09-04', eventTime: '2020-07-13T19:42:04.284Z', payload,
  notificationMetadata: { applicationId: APP, subscriptionId: 'subscription-id-d0e9e693', publishTime: '2020-07-13T19:42:04.284Z', notificationId: 'd0e9e693-c3ad-4373-979f-ed4ec98dd746' },
});

// Payload examples of the specs/amazon/*Notification*.json schema files, copied (tests never read ../shared).
const ORDER = {
  OrderChangeNotification: {
    NotificationLevel: 'OrderLevel', SellerId: 'A3TH9S8BH6GOGM', AmazonOrderId: '903-8868176-2219830', OrderChangeType: 'BuyerRequestedChange',
    OrderChangeTrigger: { TimeOfOrderChange: '2022-11-29T19:42:04.284Z', ChangeReason: 'Buyer Requested Cancel' },
    Summary: {
      MarketplaceId: 'ATVPDKIKX0DER', OrderStatus: 'Unshipped', PurchaseDate: '2022-07-13T19:42:04.284Z', DestinationPostalCode: '48110', FulfillmentType: 'MFN', OrderType: 'StandardOrder',
      OrderItems: [{ OrderItemId: 'OIID34853450', SellerSKU: 'SellerSKUID1', SupplySourceId: 'd7679e14-031b-4ab3-a81b-ec4fc7a460b3', OrderItemStatus: 'Unshipped', Quantity: 10, QuantityShipped: 0, IsBuyerRequestedCancel: true }],
    },
  },
};

describe('Amazon notification envelope → MarketplaceEvent', () => {
  it('ORDER_CHANGE with a buyer cancellation request is order_cancel_requested; a status change is order_changed', () => {
    const r = parseAmazonNotification(pascal('ORDER_CHANGE', '1.0', ORDER), APP, NOW);
    expect(r).toMatchObject({ ok: true, event: { marketplace: 'amazon', account: 'A3TH9S8BH6GOGM', kind: 'order_cancel_requested', eventId: META.NotificationId, occurredAt: '2022-11-29T19:42:04.284Z', orderId: '903-8868176-2219830', topic: 'ORDER_CHANGE' } });
    const status = structuredClone(ORDER);
    status.OrderChangeNotification.OrderChangeType = 'OrderStatusChange';
    status.OrderChangeNotification.Summary.OrderItems[0]!.IsBuyerRequestedCancel = false;
    (status.OrderChangeNotification.OrderChangeTrigger as { TimeOfOrderChange: string | null }).TimeOfOrderChange = null;
    expect(parseAmazonNotification(pascal('ORDER_CHANGE', '1.0', status), APP, NOW)).toMatchObject({ ok: true, event: { kind: 'order_changed', occurredAt: '2021-02-03T18:59:30.194Z' } });
  });

  it('listing notifications carry SellerId and Sku', () => {
    const status = parseAmazonNotification(pascal('LISTINGS_ITEM_STATUS_CHANGE', '1.0', { SellerId: 'A3AYAZLIQ7AX77', MarketplaceId: 'ATVPDKIKX0DER', Asin: 'BT6RZ7JM4H', Sku: 'NLS-SHOES-03', CreatedDate: '2021-02-03T18:50:26.196Z', Status: ['BUYABLE', 'DISCOVERABLE'] }), APP, NOW);
    expect(status).toMatchObject({ ok: true, event: { kind: 'listing_status_changed', account: 'A3AYAZLIQ7AX77', sku: 'NLS-SHOES-03' } });
    const issues = parseAmazonNotification(pascal('LISTINGS_ITEM_ISSUES_CHANGE', '2023-12-13', { SellerId: 'AXXXXXXXXXXXXX', MarketplaceId: 'ATVPDKIKX0DER', Asin: 'BT6RZ7JM4H', Sku: 'NLS-SHOES-03', Severities: ['ERROR', 'WARNING'], EnforcementActions: ['SEARCH_SUPPRESSED'] }), APP, NOW);
    expect(issues).toMatchObject({ ok: true, event: { kind: 'listing_issues_changed', account: 'AXXXXXXXXXXXXX', sku: 'NLS-SHOES-03' } });
    const qty = parseAmazonNotification(pascal('LISTINGS_ITEM_MFN_QUANTITY_CHANGE', '1.0', { SellerId: 'AXXXXXXXXXXXXX', FulfillmentChannelCode: 'DEFAULT', Sku: 'NLS-SHOES-03', Quantity: 99 }), APP, NOW);
    expect(qty).toMatchObject({ ok: true, event: { kind: 'listing_quantity_changed', sku: 'NLS-SHOES-03', quantity: 99 } });
  });

  it('feed and report notifications use camelCase keys; a vendor has no sellerId (accountId is used)', () => {
    const feed = parseAmazonNotification(camel('FEED_PROCESSING_FINISHED', { feedProcessingFinishedNotification: { sellerId: 'A3TH9S8BH6GOGM', accountId: 'amzn1.merchant.o.A3TH9S8BH6GOGM', feedId: '53347018456', feedType: 'POST_PRODUCT_DATA', processingStatus: 'DONE', resultFeedDocumentId: 'amzn1.tortuga.3.x' } }), APP, NOW);
    expect(feed).toMatchObject({ ok: true, event: { kind: 'feed_finished', account: 'A3TH9S8BH6GOGM', eventId: 'd0e9e693-c3ad-4373-979f-ed4ec98dd746', occurredAt: '2020-07-13T19:42:04.284Z', topic: 'FEED_PROCESSING_FINISHED' } });
    const report = parseAmazonNotification(camel('REPORT_PROCESSING_FINISHED', { reportProcessingFinishedNotification: { accountId: 'amzn1.vg.6213651', reportId: '54517018502', reportType: 'GET_FLAT_FILE_ACTIONABLE_ORDER_DATA', processingStatus: 'CANCELLED' } }), APP, NOW);
    expect(report).toMatchObject({ ok: true, event: { kind: 'report_finished', account: 'amzn1.vg.6213651' } });
  });

  it('rejects another application, a broken payload, and non-notifications; keeps unknown types as other', () => {
    expect(parseAmazonNotification(pascal('ORDER_CHANGE', '1.0', ORDER), 'amzn1.sp.solution.mine', NOW)).toMatchObject({ ok: false, reason: 'foreign_application' });
    const broken = structuredClone(ORDER) as { OrderChangeNotification: Record<string, unknown> };
    delete broken.OrderChangeNotification.AmazonOrderId;
    expect(parseAmazonNotification(pascal('ORDER_CHANGE', '1.0', broken), APP, NOW)).toMatchObject({ ok: false, reason: 'malformed', detail: expect.stringContaining('AmazonOrderId') });
    expect(parseAmazonNotification('not json', APP, NOW)).toMatchObject({ ok: false, reason: 'malformed' });
    expect(parseAmazonNotification(JSON.stringify({ Type: 'Notification', Message: '{}' }), APP, NOW)).toMatchObject({ ok: false, reason: 'malformed' });
    expect(parseAmazonNotification(pascal('ANY_OFFER_CHANGED', '1.0', { AnyOfferChangedNotification: {} }), APP, NOW)).toMatchObject({ ok: true, event: { kind: 'other', topic: 'ANY_OFFER_CHANGED' } });
  });
});
