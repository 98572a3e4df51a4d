/**
 * Notification sources for the selling day (issue 26.2), wired the way a seller would: Shopee's
 * order push and eBay's ORDER_CONFIRMATION webhook into one verified webhook receiver, Amazon's
 * ORDER_CHANGE and LISTINGS_ITEM_MFN_QUANTITY_CHANGE through the sandbox's SQS endpoint.
 * AliExpress has no push in our specs: it stays on polling.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MarketplaceAdapter } from '../../src/adapter.js';
import type { Clock } from '../../src/http/clock.js';
import { createWebhookReceiver, eventInbox, type NotificationSource } from '../../src/notifications/index.js';
import type { RunningSandbox } from '../../src/sandbox/index.js';
import type { AmazonAdapter } from '../../adapters/amazon/adapter.js';
import { SANDBOX_APPLICATION_ID } from '../../adapters/amazon/sandbox/index.js';
import type { EbayAdapter } from '../../adapters/ebay/adapter.js';
import type { ShopeeAdapter } from '../../adapters/shopee/adapter.js';
import { shopeeWebhookVerifier, type ShopeeSandboxState } from '../../adapters/shopee/index.js';

const TOKEN = 'xborder_sandbox_verification_token_0123456789';

export async function notificationSources(sandbox: RunningSandbox, accounts: Record<string, MarketplaceAdapter>, clock: Clock): Promise<{ sources: NotificationSource[]; close(): Promise<void> }> {
  const inbox = eventInbox('webhooks');
  let receiver: ReturnType<typeof createWebhookReceiver> | undefined;
  const server = createServer((req, res) => void receiver!(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const ebay = accounts.ebayUS as unknown as EbayAdapter;
  const shopee = accounts.shopeeSG as unknown as ShopeeAdapter;
  receiver = createWebhookReceiver({
    shopee: shopeeWebhookVerifier(shopee.push),
    ebay: ebay.notifications.webhook({ verificationToken: TOKEN, endpoint: `${url}/ebay` }),
    onEvent: inbox.onEvent, clock,
  });
  (sandbox.state.shopee as ShopeeSandboxState).pushUrl = `${url}/push`;
  await ebay.notifications.config.update({ alertEmail: 'ops@example.com' });
  const dest = await ebay.notifications.destinations.create({ name: 'erp', endpoint: `${url}/ebay`, verificationToken: TOKEN });
  await ebay.notifications.subscriptions.create({ topicId: 'ORDER_CONFIRMATION', destinationId: dest });
  const amazon = accounts.amazonEU as unknown as AmazonAdapter;
  await amazon.notifications.setupNotifications({ queueArn: 'arn:aws:sqs:eu-west-1:000000000000:xborder-notifications', types: ['ORDER_CHANGE', 'LISTINGS_ITEM_MFN_QUANTITY_CHANGE'] });
  const sqs = amazon.notifications.sqsSource({
    applicationId: SANDBOX_APPLICATION_ID, queueName: 'xborder-notifications',
    sqs: { region: 'eu-west-1', endpoint: `${sandbox.urls.amazon}/sqs`, credentials: { accessKeyId: 'AKIDSANDBOX', secretAccessKey: 'sandbox-secret-key' } },
  });
  return { sources: [inbox, sqs], close: () => new Promise<void>((r) => server.close(() => r())) };
}
