import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adapter, api, mockToken } from '../adapters/ebay/helpers.js';

const N = '/commerce/notification/v1';
beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('eBay Notification API client', () => {
  it('creates a destination and a subscription with the contract bodies and returns the ids from Location', async () => {
    mockToken();
    api().post(`${N}/destination`, { name: 'erp', status: 'ENABLED', deliveryConfig: { endpoint: 'https://hooks.example.com/ebay', verificationToken: 'tok_0123456789abcdef0123456789abcdef' } })
      .reply(201, {}, { Location: `https://api.ebay.com${N}/destination/dest-1` });
    api().post(`${N}/subscription`, { topicId: 'ORDER_CONFIRMATION', destinationId: 'dest-1', status: 'ENABLED', payload: { format: 'JSON', schemaVersion: '1.0', deliveryProtocol: 'HTTPS' } })
      .reply(201, {}, { Location: `https://api.ebay.com${N}/subscription/sub-1` });
    const n = adapter().notifications;
    const dest = await n.destinations.create({ name: 'erp', endpoint: 'https://hooks.example.com/ebay', verificationToken: 'tok_0123456789abcdef0123456789abcdef' });
    expect(dest).toBe('dest-1');
    expect(await n.subscriptions.create({ topicId: 'ORDER_CONFIRMATION', destinationId: dest })).toBe('sub-1');
    expect(nock.isDone()).toBe(true);
  });

  it('enables, disables, tests and deletes a subscription on the documented paths', async () => {
    mockToken();
    const calls = [
      api().post(`${N}/subscription/sub-1/enable`).reply(204),
      api().post(`${N}/subscription/sub-1/disable`).reply(204),
      api().post(`${N}/subscription/sub-1/test`).reply(202),
      api().delete(`${N}/subscription/sub-1`).reply(204),
    ];
    const n = adapter().notifications;
    await n.subscriptions.enable('sub-1');
    await n.subscriptions.disable('sub-1');
    await n.subscriptions.test('sub-1');
    await n.subscriptions.delete('sub-1');
    for (const c of calls) c.done();
  });

  it('lists topics across continuation tokens, and reads/updates the config', async () => {
    mockToken();
    api().get(`${N}/topic`).query({ limit: 100 }).reply(200, { total: 2, next: `https://api.ebay.com${N}/topic?limit=100&continuation_token=c2`, topics: [{ topicId: 'ORDER_CONFIRMATION', scope: 'USER' }] });
    api().get(`${N}/topic`).query({ limit: 100, continuation_token: 'c2' }).reply(200, { total: 2, topics: [{ topicId: 'MARKETPLACE_ACCOUNT_DELETION', scope: 'APPLICATION' }] });
    api().get(`${N}/config`).reply(200, { alertEmail: 'ops@example.com' });
    api().put(`${N}/config`, { alertEmail: 'ops2@example.com' }).reply(204);
    const n = adapter().notifications;
    expect((await n.topics.list()).map((t) => t.topicId)).toEqual(['ORDER_CONFIRMATION', 'MARKETPLACE_ACCOUNT_DELETION']);
    expect(await n.config.get()).toEqual({ alertEmail: 'ops@example.com' });
    await n.config.update({ alertEmail: 'ops2@example.com' });
    expect(nock.isDone()).toBe(true);
  });
});
