import { afterEach, describe, expect, it } from 'vitest';
import { ebay, ebaySandbox, SANDBOX_CREDENTIALS, type EbaySandboxState } from '../../adapters/ebay/index.js';
import { emitNotification, setNotificationFaults } from '../../adapters/ebay/sandbox/index.js';
import { Hub, memoryCheckpoints } from '../../src/hub/index.js';
import { marketplaceClock, startSandbox } from '../../src/sandbox/index.js';
import { createWebhookReceiver, eventInbox, type MarketplaceEvent } from '../../src/notifications/index.js';
import { serve } from './helpers.js';
import { until } from './shopee-world.js';

const TOKEN = 'xborder_sandbox_verification_token_0123456789';
let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

async function setup(onEvent?: (e: MarketplaceEvent) => Promise<void>) {
  const clock = marketplaceClock({ scale: 50 });
  const sb = await startSandbox({ marketplaces: { ebay: ebaySandbox() }, clock });
  cleanups.push(() => sb.close());
  const state = sb.state.ebay as EbaySandboxState;
  const { account, clientId, clientSecret, refreshToken, listingDefaults } = SANDBOX_CREDENTIALS;
  const adapter = ebay({ account, marketplaces: ['EBAY_US', 'EBAY_GB'], credentials: { clientId, clientSecret, refreshToken }, listingDefaults: { EBAY_US: listingDefaults }, endpoint: sb.urls.ebay!, clock, retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 5 } });
  const inbox = eventInbox('ebay');
  let receiver: ReturnType<typeof createWebhookReceiver> | undefined;
  const srv = await serve((req, res) => receiver!(req, res));
  cleanups.push(srv.close);
  const endpoint = `${srv.url}/ebay`;
  receiver = createWebhookReceiver({ ebay: adapter.notifications.webhook({ verificationToken: TOKEN, endpoint }), onEvent: onEvent ?? inbox.onEvent, clock });
  const n = adapter.notifications;
  await n.config.update({ alertEmail: 'ops@example.com' });
  const dest = await n.destinations.create({ name: 'erp', endpoint, verificationToken: TOKEN });
  await n.subscriptions.create({ topicId: 'ORDER_CONFIRMATION', destinationId: dest });
  return { sb, state, adapter, receiver: receiver!, clock, inbox };
}

describe('eBay sandbox notifications', () => {
  it('validates the destination by challenge, then delivers signed ORDER_CONFIRMATIONs the adapter verifies with the sandbox key', async () => {
    const seen: MarketplaceEvent[] = [];
    const s = await setup(async (e) => void seen.push(e));
    expect(s.receiver.stats().replies).toBe(1); // the challenge at createDestination
    const [order] = s.state.seedOrders(1, { notify: false }); // this test sends the notification itself
    await emitNotification(s.state, 'ORDER_CONFIRMATION', { orderId: order!.orderId });
    expect(seen).toEqual([expect.objectContaining({ marketplace: 'ebay', kind: 'order_changed', orderId: order!.orderId, topic: 'ORDER_CONFIRMATION' })]);
  });

  it('refuses a destination whose endpoint fails the challenge (409 195020)', async () => {
    const s = await setup();
    const bad = await serve((_req, res) => res.end('{}'));
    cleanups.push(bad.close);
    await expect(s.adapter.notifications.destinations.create({ name: 'bad', endpoint: `${bad.url}/x`, verificationToken: TOKEN })).rejects.toMatchObject({ status: 409 });
  });

  it('with seeded faults, duplicates are refused as replays and dropped ones are left to polling; watch sees every order', async () => {
    const s = await setup();
    const stats = setNotificationFaults(s.state, { seed: 3, drop: 0.2, duplicate: 0.2, delay: 0.2 });
    const hub = new Hub({ accounts: { eb: s.adapter } });
    const seen = new Set<string>();
    const ac = new AbortController();
    const orders = s.state.seedOrders(20, { notify: false }); // notified below, once each
    const done = hub.orders.watch({
      sources: [s.inbox], signal: ac.signal, clock: s.clock,
      poll: { checkpoints: memoryCheckpoints(), since: new Date(s.clock.now() - 3600_000), intervalMs: 2 * 60_000, lagMs: 0 },
      handle: (o) => void seen.add(o.id),
    });
    cleanups.push(async () => {
      ac.abort();
      await done;
    });
    await Promise.all(orders.map((o) => emitNotification(s.state, 'ORDER_CONFIRMATION', { orderId: o.orderId })));
    expect(stats.dropped).toBeGreaterThan(0);
    expect(s.receiver.stats().rejected.replayed).toBe(stats.duplicated);
    await until(() => orders.every((o) => seen.has(o.orderId)));
  });
});
