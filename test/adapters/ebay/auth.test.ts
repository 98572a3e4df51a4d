import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuthError } from '../../../src/errors/classes.js';
import { adapter, API, api, BASIC, fixture, mockToken, ORDERS, TOKEN, TOKEN_BODY, TAX } from './helpers.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const ORDER = fixture('order-gb.json');

describe('eBay OAuth (refresh_token grant, Basic client auth)', () => {
  it('20 concurrent calls share one token request', async () => {
    const token = mockToken();
    api().get(`${ORDERS}/12-03456-78901`).query(TAX).times(20).reply(200, ORDER);
    const a = adapter();
    const orders = await Promise.all(Array.from({ length: 20 }, () => a.orders.get('12-03456-78901')));
    expect(orders).toHaveLength(20);
    expect(token.isDone()).toBe(true);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('caches the token across calls until it nears expiry', async () => {
    mockToken();
    api().get(`${ORDERS}/12-03456-78901`).query(TAX).times(2).reply(200, ORDER);
    const a = adapter();
    await a.orders.get('12-03456-78901');
    await a.orders.get('12-03456-78901');
    expect(nock.isDone()).toBe(true);
  });

  it('a 401 invalid token refreshes once and replays; 20 rejected calls cause one refresh', async () => {
    mockToken('old-token-aaaaaa');
    api('old-token-aaaaaa').get(`${ORDERS}/12-03456-78901`).query(TAX).times(20).reply(401, fixture('error-invalid-token.json'));
    const second = mockToken('new-token-bbbbbb');
    api('new-token-bbbbbb').get(`${ORDERS}/12-03456-78901`).query(TAX).times(20).reply(200, ORDER);
    const a = adapter();
    const orders = await Promise.all(Array.from({ length: 20 }, () => a.orders.get('12-03456-78901')));
    expect(orders.every((o) => o.id === '12-03456-78901')).toBe(true);
    expect(second.isDone()).toBe(true);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('invalid_grant → AuthError that requires re-authorization', async () => {
    nock(API, { reqheaders: { authorization: BASIC } }).post('/identity/v1/oauth2/token', TOKEN_BODY).reply(400, { error: 'invalid_grant', error_description: 'the provided authorization refresh token is invalid or was issued to another client' });
    const err = await adapter().orders.get('1').catch((e) => e);
    expect(err).toBeInstanceOf(AuthError);
    expect(err.code).toBe('REAUTHORIZE');
    expect(err.mustReauthorize).toBe(true);
  });

  it('invalid_client → AuthError AUTH_FAILED without re-authorization', async () => {
    nock(API).post('/identity/v1/oauth2/token').reply(401, { error: 'invalid_client', error_description: 'client authentication failed' });
    const err = await adapter().orders.get('1').catch((e) => e);
    expect(err).toBeInstanceOf(AuthError);
    expect(err.code).toBe('AUTH_FAILED');
    expect(err.mustReauthorize).toBe(false);
  });

  it('uses the sandbox host when sandbox: true', async () => {
    nock('https://api.sandbox.ebay.com', { reqheaders: { authorization: BASIC } }).post('/identity/v1/oauth2/token', TOKEN_BODY).reply(200, fixture('token.json'));
    nock('https://api.sandbox.ebay.com', { reqheaders: { authorization: `Bearer ${TOKEN}` } }).get(`${ORDERS}/12-03456-78901`).query(TAX).reply(200, ORDER);
    const o = await adapter({ sandbox: true }).orders.get('12-03456-78901');
    expect(o.id).toBe('12-03456-78901');
  });
});
