/**
 * The eBay simulator sends subscribed order topics on its own (issue #22 point 7): a buyer's
 * checkout reaches the webhook as a signed ORDER_CONFIRMATION without any emitNotification call.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ebay, ebaySandbox, SANDBOX_CREDENTIALS } from '../../adapters/ebay/index.js';
import { setNotificationFaults } from '../../adapters/ebay/sandbox/index.js';
import { marketplaceClock, startSandbox } from '../../src/sandbox/index.js';
import { createWebhookReceiver, type MarketplaceEvent } from '../../src/notifications/index.js';
import { serve } from './helpers.js';
import { until } from './shopee-world.js';

const TOKEN = 'xborder_sandbox_verification_token_0123456789';
let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

async function setup(topic?: string) {
  const clock = marketplaceClock({ scale: 50 });
  const mod = ebaySandbox();
  const sb = await startSandbox({ marketplaces: { ebay: mod }, clock });
  cleanups.push(() => sb.close());
  const state = mod.state;
  // A live listing buyers can buy from (as in test/unit/sandbox/buyers.test.ts).
  state.items.set('MUG', { sku: 'MUG', locale: 'en_US', product: {}, availability: { shipToLocationAvailability: { quantity: 5 } } });
  state.offers.set('9001', { offerId: '9001', sku: 'MUG', marketplaceId: 'EBAY_US', format: 'FIXED_PRICE', availableQuantity: 3, status: 'PUBLISHED', listing: { listingId: '1100', listingStatus: 'ACTIVE' } });
  const { account, clientId, clientSecret, refreshToken, listingDefaults } = SANDBOX_CREDENTIALS;
  const adapter = ebay({ account, marketplaces: ['EBAY_US'], credentials: { clientId, clientSecret, refreshToken }, listingDefaults: { EBAY_US: listingDefaults }, endpoint: sb.urls.ebay!, clock, retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 5 } });
  const seen: MarketplaceEvent[] = [];
  let receiver: ReturnType<typeof createWebhookReceiver> | undefined;
  const srv = await serve((req, res) => receiver!(req, res));
  cleanups.push(srv.close);
  const endpoint = `${srv.url}/ebay`;
  receiver = createWebhookReceiver({ ebay: adapter.notifications.webhook({ verificationToken: TOKEN, endpoint }), onEvent: async (e) => void seen.push(e), clock });
  const n = adapter.notifications;
  await n.config.update({ alertEmail: 'ops@example.com' });
  const dest = await n.destinations.create({ name: 'erp', endpoint, verificationToken: TOKEN });
  if (topic) await n.subscriptions.create({ topicId: topic, destinationId: dest });
  const stats = setNotificationFaults(state, {}); // no faults: every emitted notification is delivered
  return { mod, adapter, receiver: receiver!, seen, stats };
}

describe('eBay sandbox emits order notifications on its own', () => {
  it('a buyer checkout after subscribing to ORDER_CONFIRMATION reaches the handler as a verified order_changed', async () => {
    const s = await setup('ORDER_CONFIRMATION');
    const r = s.mod.buyer!.order({ store: 'EBAY_US', sku: 'MUG', quantity: 1 });
    expect(r.placed).toBe(true);
    const orderId = (r as { orderId: string }).orderId;
    await until(() => s.seen.length === 1);
    expect(s.seen).toEqual([expect.objectContaining({ marketplace: 'ebay', kind: 'order_changed', orderId, topic: 'ORDER_CONFIRMATION' })]);
    // Verified: the signed delivery passed the adapter's signature check (nothing rejected).
    expect(s.receiver.stats()).toMatchObject({ handled: 1, failed: 0 });
    await until(() => s.stats.delivered === 1); // counted once the receiver's 2xx is read
    expect(s.stats).toMatchObject({ emitted: 1, failed: 0 });
  });

  it('marking the order shipped sends ITEM_MARKED_SHIPPED to its subscribers only', async () => {
    const s = await setup('ITEM_MARKED_SHIPPED');
    const r = s.mod.buyer!.order({ store: 'EBAY_US', sku: 'MUG', quantity: 1 });
    const orderId = (r as { orderId: string }).orderId;
    const lineItemId = s.mod.state.orders.get(orderId)!.lineItems[0]!.lineItemId;
    await s.adapter.fulfilment.ship({ orderId, packages: [{ lines: [{ lineId: lineItemId, quantity: 1 }], carrier: 'Royal Mail', trackingNumber: 'RM123456789GB' }] });
    expect(s.mod.state.fulfillments.get(orderId)).toHaveLength(1);
    await until(() => s.seen.length === 1);
    expect(s.seen).toEqual([expect.objectContaining({ kind: 'order_changed', orderId, topic: 'ITEM_MARKED_SHIPPED' })]);
    expect(s.stats.emitted).toBe(1); // the checkout's ORDER_CONFIRMATION had no subscriber
  });

  it('an order seeded during the run is placed at seed time: its ORDER_CONFIRMATION reaches the handler like a checkout\'s', async () => {
    const s = await setup('ORDER_CONFIRMATION');
    const [order] = s.mod.state.seedOrders(1, { marketplaces: ['EBAY_US'] });
    await until(() => s.seen.length === 1);
    expect(s.seen).toEqual([expect.objectContaining({ marketplace: 'ebay', kind: 'order_changed', orderId: order!.orderId, topic: 'ORDER_CONFIRMATION' })]);
    expect(s.receiver.stats()).toMatchObject({ handled: 1, failed: 0 });
    expect(s.stats.emitted).toBe(1); // one per line item; a seeded order has one
  });

  it('seeding with notify: false adds history without notifications', async () => {
    const s = await setup('ORDER_CONFIRMATION');
    s.mod.state.seedOrders(3, { notify: false });
    await new Promise((res) => setTimeout(res, 50));
    expect(s.stats.emitted).toBe(0);
    expect(s.seen).toEqual([]);
  });

  it('sends nothing without a subscription', async () => {
    const s = await setup();
    const r = s.mod.buyer!.order({ store: 'EBAY_US', sku: 'MUG', quantity: 1 });
    expect(r.placed).toBe(true);
    await new Promise((res) => setTimeout(res, 50));
    expect(s.stats.emitted).toBe(0);
    expect(s.seen).toEqual([]);
    expect(s.receiver.stats()).toMatchObject({ handled: 0 });
  });
});
