import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/classes.js';
import { adapter, CREDENTIALS, EU, LWA, mockLwa, REQUEST_ID, sp, TOKEN } from './helpers.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const GRANTLESS = 'Atza|grantless-app-token';
const ARN = 'arn:aws:sqs:eu-west-1:123456789012:xborder-notifications';
/** The documented client_credentials grant for grantless operations (developer-docs.amazon.com/sp-api/docs/grantless-operations). */
const GRANTLESS_BODY = new URLSearchParams({
  grant_type: 'client_credentials',
  scope: 'sellingpartnerapi::notifications',
  client_id: CREDENTIALS.clientId,
  client_secret: CREDENTIALS.clientSecret,
}).toString();

function mockGrantless(times = 1) {
  return nock(LWA, { reqheaders: { 'content-type': /^application\/x-www-form-urlencoded/ } })
    .post('/auth/o2/token', GRANTLESS_BODY)
    .times(times)
    .reply(200, { access_token: GRANTLESS, token_type: 'bearer', expires_in: 3600 });
}

const dest = (id: string, arn = ARN) => ({ name: 'xborder', destinationId: id, resource: { sqs: { arn } } });
const sub = (id: string, destinationId: string, payloadVersion = '1.0') => ({ subscriptionId: id, payloadVersion, destinationId });
const conflict = (details: string) => ({ errors: [{ code: 'StateConflict', message: 'The resource specified conflicts with the current state.', details }] });

describe('Amazon Notifications API', () => {
  it('destinations are grantless: client_credentials token with the notifications scope, never the seller token', async () => {
    const token = mockGrantless();
    const api = nock(EU, { reqheaders: { 'x-amz-access-token': GRANTLESS } })
      .post('/notifications/v1/destinations', { name: 'orders', resourceSpecification: { sqs: { arn: ARN } } })
      .reply(200, { payload: dest('dest-1') }, REQUEST_ID)
      .get('/notifications/v1/destinations')
      .reply(200, { payload: [dest('dest-1')] }, REQUEST_ID)
      .delete('/notifications/v1/destinations/dest-1')
      .reply(200, {}, REQUEST_ID);
    const a = adapter();
    const created = await a.notifications.raw.createDestination({ body: { name: 'orders', resourceSpecification: { sqs: { arn: ARN } } } });
    expect(created.data.payload).toEqual(dest('dest-1'));
    expect((await a.notifications.raw.getDestinations({})).data.payload).toEqual([dest('dest-1')]);
    await a.notifications.raw.deleteDestination({ params: { destinationId: 'dest-1' } });
    token.done();
    api.done();
  });

  it('subscriptions: create/get use the seller token, deleteSubscriptionById the grantless one', async () => {
    const seller = mockLwa();
    const grantless = mockGrantless();
    const api = sp()
      .post('/notifications/v1/subscriptions/ORDER_CHANGE', { payloadVersion: '1.0', destinationId: 'dest-1' })
      .reply(200, { payload: sub('sub-1', 'dest-1') }, REQUEST_ID)
      .get('/notifications/v1/subscriptions/ORDER_CHANGE')
      .query({ payloadVersion: '1.0' })
      .reply(200, { payload: sub('sub-1', 'dest-1') }, REQUEST_ID);
    const del = nock(EU, { reqheaders: { 'x-amz-access-token': GRANTLESS } }).delete('/notifications/v1/subscriptions/ORDER_CHANGE/sub-1').reply(200, {}, REQUEST_ID);
    const a = adapter();
    await a.notifications.raw.createSubscription({ params: { notificationType: 'ORDER_CHANGE' }, body: { payloadVersion: '1.0', destinationId: 'dest-1' } });
    const got = await a.notifications.raw.getSubscription({ params: { notificationType: 'ORDER_CHANGE' }, query: { payloadVersion: '1.0' } });
    expect(got.data.payload?.subscriptionId).toBe('sub-1');
    await a.notifications.raw.deleteSubscriptionById({ params: { notificationType: 'ORDER_CHANGE', subscriptionId: 'sub-1' } });
    seller.done();
    grantless.done();
    api.done();
    del.done();
  });

  it('setupNotifications creates the destination and each missing subscription with its documented payload version', async () => {
    mockLwa();
    mockGrantless();
    const grantless = nock(EU, { reqheaders: { 'x-amz-access-token': GRANTLESS } })
      .get('/notifications/v1/destinations').reply(200, { payload: [dest('other', 'arn:aws:sqs:eu-west-1:123456789012:other')] }, REQUEST_ID)
      .post('/notifications/v1/destinations', { name: 'xborder-xborder-notifications', resourceSpecification: { sqs: { arn: ARN } } })
      .reply(200, { payload: dest('dest-1') }, REQUEST_ID);
    const seller = sp(TOKEN)
      .get('/notifications/v1/subscriptions/ORDER_CHANGE').query({ payloadVersion: '1.0' })
      .reply(404, { errors: [{ code: 'NotFound', message: 'The resource specified does not exist.' }] }, REQUEST_ID)
      .post('/notifications/v1/subscriptions/ORDER_CHANGE', { payloadVersion: '1.0', destinationId: 'dest-1' })
      .reply(200, { payload: sub('sub-o', 'dest-1') }, REQUEST_ID)
      .get('/notifications/v1/subscriptions/LISTINGS_ITEM_ISSUES_CHANGE').query({ payloadVersion: '2023-12-13' })
      .reply(404, { errors: [{ code: 'NotFound', message: 'The resource specified does not exist.' }] }, REQUEST_ID)
      .post('/notifications/v1/subscriptions/LISTINGS_ITEM_ISSUES_CHANGE', { payloadVersion: '2023-12-13', destinationId: 'dest-1' })
      .reply(200, { payload: sub('sub-i', 'dest-1', '2023-12-13') }, REQUEST_ID);
    const out = await adapter().notifications.setupNotifications({ queueArn: ARN, types: ['ORDER_CHANGE', 'LISTINGS_ITEM_ISSUES_CHANGE'] });
    expect(out).toEqual({
      destinationId: 'dest-1',
      destination: 'created',
      subscriptions: [
        { type: 'ORDER_CHANGE', subscriptionId: 'sub-o', payloadVersion: '1.0', status: 'created' },
        { type: 'LISTINGS_ITEM_ISSUES_CHANGE', subscriptionId: 'sub-i', payloadVersion: '2023-12-13', status: 'created' },
      ],
    });
    grantless.done();
    seller.done();
  });

  it('setupNotifications is idempotent: reuses the destination and existing subscriptions, reads back after a 409', async () => {
    mockLwa();
    mockGrantless();
    const grantless = nock(EU, { reqheaders: { 'x-amz-access-token': GRANTLESS } })
      .get('/notifications/v1/destinations').reply(200, { payload: [dest('dest-1')] }, REQUEST_ID);
    const seller = sp(TOKEN)
      .get('/notifications/v1/subscriptions/ORDER_CHANGE').query({ payloadVersion: '1.0' })
      .reply(200, { payload: sub('sub-o', 'dest-1') }, REQUEST_ID)
      // Another process subscribed between our read and our create: 409, then the read finds it.
      .get('/notifications/v1/subscriptions/FEED_PROCESSING_FINISHED').query({ payloadVersion: '2020-09-04' })
      .reply(404, { errors: [{ code: 'NotFound', message: 'The resource specified does not exist.' }] }, REQUEST_ID)
      .post('/notifications/v1/subscriptions/FEED_PROCESSING_FINISHED', { payloadVersion: '2020-09-04', destinationId: 'dest-1' })
      .reply(409, conflict('Subscription already exist for notification type FEED_PROCESSING_FINISHED'), REQUEST_ID)
      .get('/notifications/v1/subscriptions/FEED_PROCESSING_FINISHED').query({ payloadVersion: '2020-09-04' })
      .reply(200, { payload: sub('sub-f', 'dest-1', '2020-09-04') }, REQUEST_ID)
      .get('/notifications/v1/subscriptions/REPORT_PROCESSING_FINISHED').query({ payloadVersion: '2020-09-04' })
      .reply(200, { payload: sub('sub-r', 'elsewhere', '2020-09-04') }, REQUEST_ID);
    const out = await adapter().notifications.setupNotifications({ queueArn: ARN, types: ['ORDER_CHANGE', 'FEED_PROCESSING_FINISHED', 'REPORT_PROCESSING_FINISHED'] });
    expect(out.destination).toBe('existing');
    expect(out.subscriptions.map((s) => [s.type, s.subscriptionId, s.status])).toEqual([
      ['ORDER_CHANGE', 'sub-o', 'existing'],
      ['FEED_PROCESSING_FINISHED', 'sub-f', 'existing'],
      ['REPORT_PROCESSING_FINISHED', 'sub-r', 'other_destination'],
    ]);
    grantless.done();
    seller.done();
  });

  it('a createDestination 409 for the same ARN is read back from getDestinations', async () => {
    mockGrantless();
    mockLwa();
    const grantless = nock(EU, { reqheaders: { 'x-amz-access-token': GRANTLESS } })
      .get('/notifications/v1/destinations').reply(200, { payload: [] }, REQUEST_ID)
      .post('/notifications/v1/destinations').reply(409, { errors: [{ code: 'Conflict', message: 'The requested resource conflict with a resource in the server.', details: `A destination with arn ${ARN} already exists for the application` }] }, REQUEST_ID)
      .get('/notifications/v1/destinations').reply(200, { payload: [dest('dest-9')] }, REQUEST_ID);
    sp(TOKEN).get('/notifications/v1/subscriptions/ORDER_CHANGE').query({ payloadVersion: '1.0' }).reply(200, { payload: sub('sub-o', 'dest-9') }, REQUEST_ID);
    const out = await adapter().notifications.setupNotifications({ queueArn: ARN, types: ['ORDER_CHANGE'] });
    expect(out).toMatchObject({ destinationId: 'dest-9', destination: 'existing' });
    grantless.done();
  });

  it('bad input is a ValidationError naming the field, before any call', async () => {
    const a = adapter();
    await expect(a.notifications.setupNotifications({ queueArn: 'arn:aws:sns:eu-west-1:1:topic', types: ['ORDER_CHANGE'] })).rejects.toMatchObject({ path: 'input.queueArn' });
    await expect(a.notifications.setupNotifications({ queueArn: ARN, types: ['ANY_OFFER_CHANGED' as never] })).rejects.toBeInstanceOf(ValidationError);
    await expect(a.notifications.setupNotifications({ queueArn: ARN, types: [] })).rejects.toMatchObject({ path: 'input.types' });
  });
});
