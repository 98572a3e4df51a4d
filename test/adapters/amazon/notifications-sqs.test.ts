import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { amazon, amazonSandbox, AmazonSqsSource, SANDBOX_CREDENTIALS, type AmazonSandboxState } from '../../../adapters/amazon/index.js';
import { loadSqs } from '../../../adapters/amazon/notifications/sqs-sdk.js';
import { buyerCancels } from '../../../adapters/amazon/sandbox/buyer-actions.js';
import { notificationsOf, SANDBOX_APPLICATION_ID } from '../../../adapters/amazon/sandbox/index.js';
import { NotFoundError } from '../../../src/errors/classes.js';
import type { Clock } from '../../../src/http/clock.js';
import type { MarketplaceEvent } from '../../../src/notifications/event.js';
import { ManualClock, startSandbox, type RunningSandbox } from '../../../src/sandbox/index.js';

let sandbox: RunningSandbox | undefined;
const stops: AbortController[] = [];
afterEach(async () => {
  stops.splice(0).forEach((c) => c.abort());
  await sandbox?.close();
  sandbox = undefined;
});

const QUEUE = 'xborder-notifications';
const ARN = `arn:aws:sqs:eu-west-1:000000000000:${QUEUE}`;

async function setup(opts: { clock?: ManualClock; timeScale?: number; notifications?: Parameters<typeof amazonSandbox>[0] extends infer O ? O extends { notifications?: infer N } ? N : never : never } = {}) {
  sandbox = await startSandbox({ marketplaces: { amazon: amazonSandbox({ notifications: opts.notifications }) }, timeScale: opts.timeScale ?? 1, ...(opts.clock ? { clock: opts.clock } : {}) });
  const url = sandbox.urls.amazon!;
  const state = sandbox.state.amazon as AmazonSandboxState;
  // The real AWS SDK client, pointed at the sandbox's SQS endpoint.
  const sqs = { region: 'eu-west-1', endpoint: `${url}/sqs`, credentials: { accessKeyId: 'AKIDSANDBOX', secretAccessKey: 'sandbox-secret-key' } };
  return { url, state, world: notificationsOf(state), sqs };
}

/** An ORDER_CHANGE body in the shape of specs/amazon/OrderChangeNotification.json (its example). */
function orderChange(orderId: string, notificationId: string, applicationId = SANDBOX_APPLICATION_ID) {
  return JSON.stringify({
    NotificationVersion: '1.0', NotificationType: 'ORDER_CHANGE', PayloadVersion: '1.0', EventTime: '2026-12-05T00:09:53.109Z',
    Payload: { OrderChangeNotification: {
      NotificationLevel: 'OrderLevel', SellerId: 'A2EXAMPLE', AmazonOrderId: orderId, OrderChangeType: 'OrderStatusChange',
      OrderChangeTrigger: { TimeOfOrderChange: '2026-12-05T00:09:50.000Z', ChangeReason: 'Order Status Change' },
      Summary: { MarketplaceId: 'A1PA6795UKMFR9', OrderStatus: 'Unshipped', PurchaseDate: '2026-12-04T19:42:04.284Z', DestinationPostalCode: '10115', FulfillmentType: 'MFN', OrderType: 'StandardOrder',
        OrderItems: [{ OrderItemId: 'OIID1', SellerSKU: 'SKU-1', SupplySourceId: null, Quantity: 1 }] },
    } },
    NotificationMetadata: { ApplicationId: applicationId, SubscriptionId: 'sub-1', PublishTime: '2026-12-05T00:09:53.200Z', NotificationId: notificationId },
  });
}

/** A clock whose sleeps only end when the test says so (or on abort): no timing in the assertions. */
function gatedClock(now: () => number) {
  const sleepers: Array<{ ms: number; wake: () => void }> = [];
  const clock: Clock = {
    now,
    sleep: (ms, signal) => new Promise<void>((resolve, reject) => {
      const entry = { ms, wake: resolve };
      sleepers.push(entry);
      signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
    }),
  };
  return { clock, sleepers };
}

function start(source: AmazonSqsSource, handle: (e: MarketplaceEvent) => Promise<void>) {
  const stop = new AbortController();
  stops.push(stop);
  const running = source.run(handle, { signal: stop.signal });
  running.catch(() => undefined);
  return { stop, running };
}

describe('Amazon SQS notifications consumer (real @aws-sdk/client-sqs against the sandbox)', () => {
  it('a crashing handler never deletes: the message comes back after the visibility timeout', async () => {
    const clock = new ManualClock(Date.parse('2026-12-05T01:00:00Z'));
    const { world, sqs } = await setup({ clock });
    const queue = world.sqs.queue(QUEUE);
    queue.send(orderChange('302-1111111-1111111', 'n-crash'));
    const seen: string[] = [];
    const source = new AmazonSqsSource({ applicationId: SANDBOX_APPLICATION_ID, queueName: QUEUE, sqs, waitTimeSeconds: 1, visibilityTimeoutSeconds: 30, clock: gatedClock(() => clock.now()).clock });
    const { stop, running } = start(source, async (e) => {
      seen.push(`${e.eventId}:${e.orderId}`);
      throw new Error('handler crashed');
    });
    await vi.waitFor(() => expect(seen).toHaveLength(1), { timeout: 10_000 });
    expect([...queue.messages.values()].map((m) => m.receiveCount)).toEqual([1]);
    clock.advance(29_000);
    expect(queue.hasVisible()).toBe(false);
    clock.advance(2_000);
    await vi.waitFor(() => expect(seen).toHaveLength(2), { timeout: 10_000 });
    stop.abort();
    await running;
    expect(seen).toEqual(['n-crash:302-1111111-1111111', 'n-crash:302-1111111-1111111']);
    expect(queue.messages.size).toBe(1);
    expect(queue.deleted).toBe(0);
    expect(world.sqs.calls.DeleteMessage ?? 0).toBe(0);
    expect(source.stats).toMatchObject({ failed: 2, handled: 0, deleted: 0 });
  });

  it('extends the visibility while a long handler runs, and deletes once it resolves', async () => {
    const clock = new ManualClock(Date.parse('2026-12-05T01:00:00Z'));
    const { world, sqs } = await setup({ clock });
    const queue = world.sqs.queue(QUEUE);
    queue.send(orderChange('302-2222222-2222222', 'n-long'));
    const gate = gatedClock(() => clock.now());
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let calls = 0;
    const source = new AmazonSqsSource({ applicationId: SANDBOX_APPLICATION_ID, queueName: QUEUE, sqs, waitTimeSeconds: 1, visibilityTimeoutSeconds: 30, clock: gate.clock });
    const { stop, running } = start(source, async () => {
      calls++;
      await released;
    });
    await vi.waitFor(() => expect(gate.sleepers.filter((s) => s.ms === 15_000)).toHaveLength(1), { timeout: 10_000 });
    clock.advance(20_000);
    gate.sleepers.find((s) => s.ms === 15_000)!.wake();
    await vi.waitFor(() => expect(world.sqs.calls.ChangeMessageVisibility).toBe(1), { timeout: 10_000 });
    // 40 s after the receive: past the original 30 s timeout, inside the extended one (20 + 30 s).
    clock.advance(20_000);
    const other = new SQSClient(sqs);
    const peek = await other.send(new ReceiveMessageCommand({ QueueUrl: queue.url(), WaitTimeSeconds: 0, MaxNumberOfMessages: 10 }));
    expect(peek.Messages ?? []).toEqual([]);
    release();
    await vi.waitFor(() => expect(queue.messages.size).toBe(0), { timeout: 10_000 });
    stop.abort();
    await running;
    other.destroy();
    expect(calls).toBe(1);
    expect(source.stats).toMatchObject({ handled: 1, deleted: 1, extended: 1, failed: 0 });
  });

  it('rejects and counts a notification of another application: never handled, never deleted', async () => {
    const { world, sqs } = await setup();
    const queue = world.sqs.queue(QUEUE);
    queue.send(orderChange('302-3333333-3333333', 'n-foreign', 'amzn1.sp.solution.someone-else'));
    queue.send('{"not":"a notification"}');
    queue.send(orderChange('302-4444444-4444444', 'n-ours'));
    const handled: string[] = [];
    const rejected: string[] = [];
    const source = new AmazonSqsSource({ applicationId: SANDBOX_APPLICATION_ID, queueName: QUEUE, sqs, waitTimeSeconds: 1, onReject: (r) => rejected.push(r.reason) });
    const { stop, running } = start(source, async (e) => void handled.push(e.eventId));
    await vi.waitFor(() => expect(handled).toEqual(['n-ours']), { timeout: 10_000 });
    await vi.waitFor(() => expect(rejected.sort()).toEqual(['foreign_application', 'malformed']), { timeout: 10_000 });
    stop.abort();
    await running;
    expect(source.stats.rejected).toEqual({ foreign_application: 1, malformed: 1 });
    expect([...queue.messages.values()].map((m) => m.body).some((b) => b.includes('someone-else'))).toBe(true);
    expect(queue.deleted).toBe(1);
  });

  it('a missing queue is a NotFoundError; a missing SDK a ValidationError naming it', async () => {
    const { sqs } = await setup();
    const source = new AmazonSqsSource({ applicationId: SANDBOX_APPLICATION_ID, queueName: 'no-such-queue', sqs });
    await expect(source.run(async () => undefined)).rejects.toBeInstanceOf(NotFoundError);
    await expect(loadSqs(() => Promise.reject(new Error("Cannot find module '@aws-sdk/client-sqs'")))).rejects.toMatchObject({ code: 'VALIDATION', path: 'sqs', message: expect.stringContaining('@aws-sdk/client-sqs') });
    expect(() => new AmazonSqsSource({ applicationId: SANDBOX_APPLICATION_ID, queueName: QUEUE, waitTimeSeconds: 21 })).toThrow(expect.objectContaining({ path: 'options.waitTimeSeconds' }));
    expect(() => new AmazonSqsSource({ applicationId: '' , queueName: QUEUE })).toThrow(expect.objectContaining({ path: 'options.applicationId' }));
  });

  it('end to end: setupNotifications, ORDER_CHANGE published on seeding and a buyer cancellation, read back through the adapter', async () => {
    const { url, state, world, sqs } = await setup({ timeScale: 100 });
    const a = amazon({ marketplaces: ['DE', 'FR'], sellerId: SANDBOX_CREDENTIALS.sellerId, credentials: SANDBOX_CREDENTIALS, endpoint: url, tokenEndpoint: `${url}/auth/o2/token`, timeScale: 100 });
    const first = await a.notifications.setupNotifications({ queueArn: ARN, types: ['ORDER_CHANGE'] });
    expect(first).toMatchObject({ destination: 'created', subscriptions: [{ type: 'ORDER_CHANGE', payloadVersion: '1.0', status: 'created' }] });
    const again = await a.notifications.setupNotifications({ queueArn: ARN, types: ['ORDER_CHANGE'] });
    expect(again).toMatchObject({ destinationId: first.destinationId, destination: 'existing', subscriptions: [{ subscriptionId: first.subscriptions[0]!.subscriptionId, status: 'existing' }] });

    const orders = state.seedOrders(3, { marketplaces: ['DE'] });
    const events: MarketplaceEvent[] = [];
    const statuses: string[] = [];
    const source = a.notifications.sqsSource({ applicationId: SANDBOX_APPLICATION_ID, queueName: QUEUE, sqs });
    const { stop, running } = start(source, async (e) => {
      // The payload is a hint: the handler reads the order back.
      statuses.push(`${e.orderId}:${(await a.orders.get(e.orderId!)).status}`);
      events.push(e);
    });
    await vi.waitFor(() => expect(events).toHaveLength(3), { timeout: 15_000 });
    buyerCancels(state, orders[0]!.orderId, Date.now());
    await vi.waitFor(() => expect(events).toHaveLength(4), { timeout: 15_000 });
    stop.abort();
    await running;
    expect(new Set(events.slice(0, 3).map((e) => e.orderId))).toEqual(new Set(orders.map((o) => o.orderId)));
    expect(events[3]).toMatchObject({ marketplace: 'amazon', account: SANDBOX_CREDENTIALS.sellerId, kind: 'order_changed', orderId: orders[0]!.orderId, topic: 'ORDER_CHANGE' });
    expect(statuses.at(-1)).toBe(`${orders[0]!.orderId}:cancelled`);
    expect(new Set(events.map((e) => e.eventId)).size).toBe(4);
    expect(world.sqs.queue(QUEUE).messages.size).toBe(0);
    expect(source.stats).toMatchObject({ handled: 4, deleted: 4, failed: 0 });
  });
});

describe('Amazon sandbox FEED_PROCESSING_FINISHED', () => {
  it('a finished feed is published in the camelCase envelope and arrives as feed_finished', async () => {
    const { url, sqs } = await setup({ timeScale: 100 });
    const a = amazon({ marketplaces: ['DE'], sellerId: SANDBOX_CREDENTIALS.sellerId, credentials: SANDBOX_CREDENTIALS, endpoint: url, tokenEndpoint: `${url}/auth/o2/token`, timeScale: 100 });
    const setup1 = await a.notifications.setupNotifications({ queueArn: ARN, types: ['FEED_PROCESSING_FINISHED'] });
    expect(setup1.subscriptions).toMatchObject([{ type: 'FEED_PROCESSING_FINISHED', payloadVersion: '2020-09-04', status: 'created' }]);
    const doc = await a.raw.createFeedDocument({ body: { contentType: 'application/json; charset=UTF-8' } });
    await fetch(doc.data.url, { method: 'PUT', headers: { 'content-type': 'application/json; charset=UTF-8' }, body: JSON.stringify({ header: { sellerId: SANDBOX_CREDENTIALS.sellerId, version: '2.0' }, messages: [] }) });
    const feed = await a.raw.createFeed({ body: { feedType: 'JSON_LISTINGS_FEED', marketplaceIds: ['A1PA6795UKMFR9'], inputFeedDocumentId: doc.data.feedDocumentId } });
    const events: MarketplaceEvent[] = [];
    const { stop, running } = start(a.notifications.sqsSource({ applicationId: SANDBOX_APPLICATION_ID, queueName: QUEUE, sqs }), async (e) => void events.push(e));
    await vi.waitFor(() => expect(events).toHaveLength(1), { timeout: 15_000 });
    stop.abort();
    await running;
    expect(events[0]).toMatchObject({ marketplace: 'amazon', account: SANDBOX_CREDENTIALS.sellerId, kind: 'feed_finished', topic: 'FEED_PROCESSING_FINISHED' });
    expect((events[0]!.raw as { payload: { feedProcessingFinishedNotification: { feedId: string } } }).payload.feedProcessingFinishedNotification.feedId).toBe(feed.data.feedId);
  });
});

describe('Amazon sandbox LISTINGS_ITEM_MFN_QUANTITY_CHANGE', () => {
  it('a stock push is confirmed by a quantity notification carrying SellerId, Sku and Quantity', async () => {
    const { url, sqs } = await setup({ timeScale: 100 });
    const a = amazon({ marketplaces: ['DE'], sellerId: SANDBOX_CREDENTIALS.sellerId, credentials: SANDBOX_CREDENTIALS, endpoint: url, tokenEndpoint: `${url}/auth/o2/token`, timeScale: 100 });
    await a.listings.upsert({ sku: 'MFN-1', title: 'Tee MFN-1', brand: 'Acme', price: { amount: '19.99', currency: 'EUR' }, quantity: 4, identifiers: { ean: '4006381333931' }, marketplace: { amazon: { productType: 'SHIRT' } } });
    await a.notifications.setupNotifications({ queueArn: ARN, types: ['LISTINGS_ITEM_MFN_QUANTITY_CHANGE'] });
    await a.inventory.set([{ sku: 'MFN-1', quantity: 9 }]);
    const events: MarketplaceEvent[] = [];
    const { stop, running } = start(a.notifications.sqsSource({ applicationId: SANDBOX_APPLICATION_ID, queueName: QUEUE, sqs }), async (e) => void events.push(e));
    await vi.waitFor(() => expect(events).toHaveLength(1), { timeout: 15_000 });
    stop.abort();
    await running;
    expect(events[0]).toMatchObject({ kind: 'listing_quantity_changed', account: SANDBOX_CREDENTIALS.sellerId, sku: 'MFN-1', topic: 'LISTINGS_ITEM_MFN_QUANTITY_CHANGE' });
    expect((events[0]!.raw as { Payload: unknown }).Payload).toEqual({ SellerId: SANDBOX_CREDENTIALS.sellerId, FulfillmentChannelCode: 'DEFAULT', Sku: 'MFN-1', Quantity: 9 });
  });
});
