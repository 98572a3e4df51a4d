import { afterEach, describe, expect, it, vi } from 'vitest';
import { amazon, amazonSandbox, SANDBOX_CREDENTIALS, type AmazonSandboxState } from '../../../adapters/amazon/index.js';
import { buyerCancels } from '../../../adapters/amazon/sandbox/buyer-actions.js';
import { SANDBOX_APPLICATION_ID } from '../../../adapters/amazon/sandbox/index.js';
import { Hub, memoryCheckpoints } from '../../../src/hub/index.js';
import type { Order } from '../../../src/model/order.js';
import type { WatchContext } from '../../../src/index.js';
import { startSandbox } from '../../../src/sandbox/index.js';

// 1 real ms = 100 Amazon ms: the hour-long poll interval below is 36 s of real time, longer than the test.
const SCALE = 100;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('hub.orders.watch with the Amazon SQS source (sandbox, real AWS SDK)', () => {
  it('an ORDER_CHANGE push makes the watch read the order at once; the handler sees the cancellation via push', async () => {
    const sandbox = await startSandbox({ marketplaces: { amazon: amazonSandbox() }, timeScale: SCALE });
    cleanups.push(() => sandbox.close());
    const url = sandbox.urls.amazon!;
    const state = sandbox.state.amazon as AmazonSandboxState;
    const a = amazon({ marketplaces: ['DE'], sellerId: SANDBOX_CREDENTIALS.sellerId, credentials: SANDBOX_CREDENTIALS, endpoint: url, tokenEndpoint: `${url}/auth/o2/token`, timeScale: SCALE });
    await a.notifications.setupNotifications({ queueArn: 'arn:aws:sqs:eu-west-1:000000000000:xborder-notifications', types: ['ORDER_CHANGE'] });
    const source = a.notifications.sqsSource({
      applicationId: SANDBOX_APPLICATION_ID, queueName: 'xborder-notifications',
      sqs: { region: 'eu-west-1', endpoint: `${url}/sqs`, credentials: { accessKeyId: 'AKIDSANDBOX', secretAccessKey: 'sandbox-secret-key' } },
    });
    const [order] = state.seedOrders(1, { marketplaces: ['DE'] });
    const seen: Array<{ order: Order; ctx: WatchContext }> = [];
    const ac = new AbortController();
    const done = new Hub({ accounts: { de: a } }).orders.watch({
      sources: [source], signal: ac.signal,
      poll: { checkpoints: memoryCheckpoints(), since: new Date(Date.now() - 3 * 3600_000), intervalMs: 60 * 60_000, lagMs: 0 },
      handle: (o, ctx) => void seen.push({ order: o, ctx }),
    });
    cleanups.push(async () => {
      ac.abort();
      await done;
    });
    await vi.waitFor(() => expect(seen.some((s) => s.order.id === order!.orderId)).toBe(true), { timeout: 15_000 });
    buyerCancels(state, order!.orderId, Date.now());
    await vi.waitFor(() => expect(seen.some((s) => s.order.status === 'cancelled')).toBe(true), { timeout: 15_000 });
    const cancelled = seen.find((s) => s.order.status === 'cancelled')!;
    expect(cancelled.ctx).toMatchObject({ account: 'de', via: 'push', event: { marketplace: 'amazon', kind: 'order_changed', orderId: order!.orderId, topic: 'ORDER_CHANGE' } });
    ac.abort();
    const report = await done;
    expect(report.delivered.push).toBeGreaterThanOrEqual(1);
    expect(source.stats.failed).toBe(0);
  });
});
