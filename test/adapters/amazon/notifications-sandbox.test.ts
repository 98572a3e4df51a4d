import { ChangeMessageVisibilityCommand, DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterEach, describe, expect, it } from 'vitest';
import { amazonSandbox, SANDBOX_CREDENTIALS, type AmazonSandboxState } from '../../../adapters/amazon/index.js';
import { notificationsOf } from '../../../adapters/amazon/sandbox/index.js';
import { ManualClock, startSandbox, type RunningSandbox } from '../../../src/sandbox/index.js';

let sandbox: RunningSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

const ARN = 'arn:aws:sqs:eu-west-1:000000000000:xborder-notifications';

async function setup(opts: Parameters<typeof amazonSandbox>[0] = {}, clock?: ManualClock) {
  sandbox = await startSandbox({ marketplaces: { amazon: amazonSandbox(opts) }, timeScale: 1, ...(clock ? { clock } : {}) });
  const url = sandbox.urls.amazon!;
  const state = sandbox.state.amazon as AmazonSandboxState;
  const sqs = new SQSClient({ region: 'eu-west-1', endpoint: `${url}/sqs`, credentials: { accessKeyId: 'AKIDSANDBOX', secretAccessKey: 'sandbox-secret-key' } });
  return { url, state, world: notificationsOf(state), sqs };
}

async function lwa(url: string, form: Record<string, string>) {
  const res = await fetch(`${url}/auth/o2/token`, { method: 'POST', body: new URLSearchParams(form), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}
const app = { client_id: SANDBOX_CREDENTIALS.clientId, client_secret: SANDBOX_CREDENTIALS.clientSecret };
const grantless = async (url: string) => (await lwa(url, { grant_type: 'client_credentials', scope: 'sellingpartnerapi::notifications', ...app })).body.access_token!;
const seller = async (url: string) => (await lwa(url, { grant_type: 'refresh_token', refresh_token: SANDBOX_CREDENTIALS.refreshToken, ...app })).body.access_token!;
const call = async (url: string, token: string, method: string, path: string, body?: unknown) => {
  const res = await fetch(`${url}${path}`, { method, headers: { 'x-amz-access-token': token, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
  return { status: res.status, body: (await res.json()) as any };
};

describe('Amazon sandbox: Notifications API', () => {
  it('grantless routes take only the client_credentials token; seller routes refuse it', async () => {
    const { url } = await setup();
    expect(await lwa(url, { grant_type: 'client_credentials', scope: 'sellingpartnerapi::migration', ...app })).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });
    const [g, s] = [await grantless(url), await seller(url)];
    expect((await call(url, s, 'GET', '/notifications/v1/destinations')).status).toBe(403);
    expect(await call(url, g, 'GET', '/notifications/v1/destinations')).toEqual({ status: 200, body: { payload: [] } });
    const dest = await call(url, g, 'POST', '/notifications/v1/destinations', { name: 'd', resourceSpecification: { sqs: { arn: ARN } } });
    expect(dest.status).toBe(200);
    const body = { payloadVersion: '1.0', destinationId: dest.body.payload.destinationId };
    expect((await call(url, g, 'POST', '/notifications/v1/subscriptions/ORDER_CHANGE', body)).status).toBe(403);
    expect((await call(url, s, 'POST', '/notifications/v1/subscriptions/ORDER_CHANGE', body)).status).toBe(200);
  });

  it('duplicates answer 409 with the documented codes; a subscription needs an existing destination', async () => {
    const { url } = await setup();
    const [g, s] = [await grantless(url), await seller(url)];
    const spec = { name: 'd', resourceSpecification: { sqs: { arn: ARN } } };
    const first = await call(url, g, 'POST', '/notifications/v1/destinations', spec);
    expect(await call(url, g, 'POST', '/notifications/v1/destinations', spec)).toMatchObject({ status: 409, body: { errors: [{ code: 'Conflict' }] } });
    expect(await call(url, s, 'POST', '/notifications/v1/subscriptions/ORDER_CHANGE', { payloadVersion: '1.0', destinationId: 'nope' })).toMatchObject({ status: 400, body: { errors: [{ code: 'InvalidInput' }] } });
    const body = { payloadVersion: '1.0', destinationId: first.body.payload.destinationId };
    const sub = await call(url, s, 'POST', '/notifications/v1/subscriptions/ORDER_CHANGE', body);
    expect(await call(url, s, 'POST', '/notifications/v1/subscriptions/ORDER_CHANGE', body)).toEqual({
      status: 409, body: { errors: [{ code: 'StateConflict', message: 'The resource specified conflicts with the current state.', details: 'Subscription already exist for notification type ORDER_CHANGE' }] },
    });
    expect(await call(url, g, 'GET', `/notifications/v1/subscriptions/ORDER_CHANGE/${sub.body.payload.subscriptionId}`)).toMatchObject({ status: 200, body: { payload: body } });
    expect((await call(url, g, 'DELETE', `/notifications/v1/subscriptions/ORDER_CHANGE/${sub.body.payload.subscriptionId}`)).status).toBe(200);
    expect((await call(url, s, 'GET', '/notifications/v1/subscriptions/ORDER_CHANGE?payloadVersion=1.0')).status).toBe(404);
  });
});

describe('Amazon sandbox: SQS endpoint and delivery faults', () => {
  async function subscribed(opts: Parameters<typeof amazonSandbox>[0] = {}, clock?: ManualClock) {
    const env = await setup(opts, clock);
    const [g, s] = [await grantless(env.url), await seller(env.url)];
    const dest = await call(env.url, g, 'POST', '/notifications/v1/destinations', { name: 'd', resourceSpecification: { sqs: { arn: ARN } } });
    await call(env.url, s, 'POST', '/notifications/v1/subscriptions/ORDER_CHANGE', { payloadVersion: '1.0', destinationId: dest.body.payload.destinationId });
    return { ...env, queue: env.world.sqs.queue('xborder-notifications') };
  }
  const receive = (sqs: SQSClient, url: string, extra: object = {}) => sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 0, MessageSystemAttributeNames: ['ApproximateReceiveCount'], ...extra }));

  it('orders existing before the subscription send nothing; new ones send ORDER_CHANGE in the real shape', async () => {
    const env = await setup();
    env.state.seedOrders(2);
    const [g, s] = [await grantless(env.url), await seller(env.url)];
    const dest = await call(env.url, g, 'POST', '/notifications/v1/destinations', { name: 'd', resourceSpecification: { sqs: { arn: ARN } } });
    const sub = await call(env.url, s, 'POST', '/notifications/v1/subscriptions/ORDER_CHANGE', { payloadVersion: '1.0', destinationId: dest.body.payload.destinationId });
    const queue = env.world.sqs.queue('xborder-notifications');
    expect((await receive(env.sqs, queue.url())).Messages).toBeUndefined();
    const [order] = env.state.seedOrders(1, { buyerCancellationIndex: 0 });
    const out = await receive(env.sqs, queue.url());
    expect(out.Messages).toHaveLength(1);
    const body = JSON.parse(out.Messages![0]!.Body!);
    expect(body).toMatchObject({
      NotificationVersion: '1.0', NotificationType: 'ORDER_CHANGE', PayloadVersion: '1.0',
      Payload: { OrderChangeNotification: { NotificationLevel: 'OrderLevel', SellerId: SANDBOX_CREDENTIALS.sellerId, AmazonOrderId: order!.orderId, OrderChangeType: 'BuyerRequestedChange', Summary: { OrderStatus: 'Unshipped', FulfillmentType: 'MFN', OrderItems: [{ IsBuyerRequestedCancel: true }] } } },
      NotificationMetadata: { ApplicationId: env.world.applicationId, SubscriptionId: sub.body.payload.subscriptionId },
    });
    env.sqs.destroy();
  });

  it('receipt handles: only the latest deletes; visibility of a message not in flight cannot change', async () => {
    const clock = new ManualClock(Date.parse('2026-12-05T01:00:00Z'));
    const { sqs, queue } = await subscribed({}, clock);
    queue.send('{"a":1}');
    const first = (await receive(sqs, queue.url(), { VisibilityTimeout: 10 })).Messages![0]!;
    clock.advance(11_000);
    const second = (await receive(sqs, queue.url(), { VisibilityTimeout: 10 })).Messages![0]!;
    expect(second.Attributes).toEqual({ ApproximateReceiveCount: '2' });
    await sqs.send(new DeleteMessageCommand({ QueueUrl: queue.url(), ReceiptHandle: first.ReceiptHandle }));
    expect(queue.messages.size).toBe(1);
    clock.advance(11_000);
    await expect(sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: queue.url(), ReceiptHandle: second.ReceiptHandle, VisibilityTimeout: 30 }))).rejects.toMatchObject({ name: 'MessageNotInflight' });
    await sqs.send(new DeleteMessageCommand({ QueueUrl: queue.url(), ReceiptHandle: second.ReceiptHandle }));
    expect(queue.messages.size).toBe(0);
    await expect(sqs.send(new DeleteMessageCommand({ QueueUrl: `${queue.url()}-missing`, ReceiptHandle: second.ReceiptHandle }))).rejects.toMatchObject({ name: 'QueueDoesNotExist' });
    const unsigned = await fetch(`${sandbox!.urls.amazon}/sqs/`, { method: 'POST', headers: { 'x-amz-target': 'AmazonSQS.ReceiveMessage', 'content-type': 'application/x-amz-json-1.0' }, body: JSON.stringify({ QueueUrl: queue.url() }) });
    expect(unsigned.status).toBe(400);
    expect(unsigned.headers.get('x-amzn-query-error')).toBe('MissingAuthenticationToken;Sender');
    sqs.destroy();
  });

  it('faults from the seeded PRNG: duplicated (one NotificationId twice), dropped, delayed', async () => {
    const clock = new ManualClock(Date.parse('2026-12-05T01:00:00Z'));
    const { sqs, queue, state, world } = await subscribed({ notifications: { faults: { duplicateRate: 1 } } }, clock);
    state.seedOrders(1);
    const dup = (await receive(sqs, queue.url())).Messages!;
    expect(dup).toHaveLength(2);
    expect(new Set(dup.map((m) => JSON.parse(m.Body!).NotificationMetadata.NotificationId)).size).toBe(1);
    for (const m of dup) await sqs.send(new DeleteMessageCommand({ QueueUrl: queue.url(), ReceiptHandle: m.ReceiptHandle }));
    world.setFaults({ dropRate: 1 });
    state.seedOrders(2);
    expect((await receive(sqs, queue.url())).Messages).toBeUndefined();
    expect(world.stats).toMatchObject({ dropped: 2, duplicated: 1 });
    world.setFaults({ seed: 5, delayMs: [30_000, 60_000] });
    state.seedOrders(1);
    expect((await receive(sqs, queue.url())).Messages).toBeUndefined();
    clock.advance(60_000);
    expect((await receive(sqs, queue.url())).Messages).toHaveLength(1);
    sqs.destroy();
  });
});
