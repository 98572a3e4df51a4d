import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MarketplaceError, NotFoundError, QuotaExhaustedError, RateLimitError } from '../../../src/errors/classes.js';
import { adapter, api, fixture, mockToken, ORDERS, REQUEST_ID, TAX } from './helpers.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const QUERY = { updatedSince: '2026-11-20T00:00:00.000Z', until: '2026-11-21T00:00:00.000Z' };

describe('eBay error envelope → typed errors', () => {
  it('400 errors[] → MarketplaceError with every entry and the request id', async () => {
    mockToken();
    api().get(ORDERS).query(true).reply(400, fixture('error-invalid-filter.json'), REQUEST_ID);
    const err = await adapter().orders.list(QUERY).toArray({ max: 1 }).catch((e) => e);
    expect(err).toBeInstanceOf(MarketplaceError);
    expect(err.code).toBe('MARKETPLACE_REJECTED');
    expect(err.status).toBe(400);
    expect(err.requestId).toBe('req-ebay-1234');
    expect(err.operation).toBe('getOrders');
    expect(err.message).toBe('30800: Invalid filter value');
    expect(err.errors).toEqual([{ code: '30800', message: 'Invalid filter value', details: 'The filter value lastmodifieddate is invalid.', field: 'lastmodifieddate' }]);
  });

  it('falls back to rlogid as request id', async () => {
    mockToken();
    api().get(`${ORDERS}/X`).query(TAX).reply(404, { errors: [{ errorId: 32100, domain: 'API_FULFILLMENT', category: 'REQUEST', message: 'Invalid Order Id' }] }, { rlogid: 't6n%60rlog-1' });
    const err = await adapter().orders.get('X').catch((e) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.requestId).toBe('t6n%60rlog-1');
  });

  it('429 with Retry-After is retried as a RateLimitError', async () => {
    mockToken();
    api().get(`${ORDERS}/12-03456-78901`).query(TAX).reply(429, { errors: [{ errorId: 2001, domain: 'ACCESS', category: 'REQUEST', message: 'Too many requests. The request limit has been reached for the resource.' }] }, { 'Retry-After': '0' });
    api().get(`${ORDERS}/12-03456-78901`).query(TAX).reply(200, fixture('order-gb.json'));
    // A 429 empties the bucket (limiter.penalize): time-scaled so the test does not sleep ~0.9 s.
    const o = await adapter({ timeScale: 1000 }).orders.get('12-03456-78901');
    expect(o.id).toBe('12-03456-78901');
  });

  it('429 that never clears surfaces RateLimitError', async () => {
    mockToken();
    api().get(`${ORDERS}/Y`).query(TAX).times(4).reply(429, { errors: [{ errorId: 2001, domain: 'ACCESS', category: 'REQUEST', message: 'Too many requests. The request limit has been reached for the resource.' }] }, { 'Retry-After': '0' });
    await expect(adapter({ timeScale: 1000 }).orders.get('Y')).rejects.toBeInstanceOf(RateLimitError);
  });

  it('a spent daily call limit → QuotaExhaustedError, not retried', async () => {
    mockToken();
    const once = api().get(`${ORDERS}/Z`).query(TAX).once().reply(429, { errors: [{ errorId: 10001, domain: 'ACCESS', category: 'REQUEST', message: 'Service call has exceeded the number of times the operation is allowed to be called' }] });
    const err = await adapter().orders.get('Z').catch((e) => e);
    expect(err).toBeInstanceOf(QuotaExhaustedError);
    expect(err.retryable).toBe(false);
    expect(once.isDone()).toBe(true);
  });

  it('5xx on a read is retried', async () => {
    mockToken();
    api().get(`${ORDERS}/12-03456-78901`).query(TAX).reply(500, { errors: [{ errorId: 32000, domain: 'API_FULFILLMENT', category: 'APPLICATION', message: 'There was a problem with an eBay internal system or process.' }] });
    api().get(`${ORDERS}/12-03456-78901`).query(TAX).reply(200, fixture('order-gb.json'));
    expect((await adapter().orders.get('12-03456-78901')).id).toBe('12-03456-78901');
  });
});
