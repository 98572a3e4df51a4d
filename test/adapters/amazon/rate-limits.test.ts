import nock from 'nock';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuthError, MarketplaceError, NotFoundError, RateLimitError } from '../../../src/errors/classes.js';
import { MemoryLimiterStore } from '../../../src/http/limiter-store.js';
import { adapter, DE, fixture, mockLwa, REQUEST_ID, SELLER, sp } from './helpers.js';

const ITEM = (sku: string) => `/listings/2021-08-01/items/${SELLER}/${sku}`;
const GET_QUERY = { marketplaceIds: DE, includedData: 'summaries,attributes,issues,offers,fulfillmentAvailability' };
const item = { sku: 'A', summaries: [{ marketplaceId: DE, productType: 'SHIRT', status: ['BUYABLE'], createdDate: 'x', lastUpdatedDate: 'y' }] };
const listing = (sku: string, currency = 'EUR') => ({ sku, title: sku, price: { amount: '5.00', currency }, quantity: 1, marketplace: { amazon: { productType: 'SHIRT' } } });

beforeAll(() => nock.disableNetConnect());

/** Time that moves only when the limiter sleeps: a loaded machine cannot refill a bucket between calls. */
function virtualClock() {
  let t = Date.UTC(2026, 2, 1);
  return { now: () => t, sleep: async (ms: number) => void (t += Math.max(0, ms)) };
}
beforeEach(() => void mockLwa());
afterEach(() => nock.cleanAll());

describe('usage plans', () => {
  it('two stores of one seller draw on one budget (putListingsItem: burst 10)', async () => {
    const buckets: string[] = [];
    sp().put(/\/listings\/2021-08-01\/items\/A2EXAMPLE\/.*/).query(true).times(12).reply(200, (uri) => ({ sku: uri.split('/').pop()!.split('?')[0], status: 'ACCEPTED', submissionId: 's', issues: [] }));
    const a = adapter({ clock: virtualClock(), hooks: { onRateLimitWait: (e) => buckets.push(e.bucket) } });
    await Promise.all([
      ...Array.from({ length: 6 }, (_, i) => a.listings.upsert(listing(`DE-${i}`), { replace: true })),
      ...Array.from({ length: 6 }, (_, i) => a.listings.upsert(listing(`FR-${i}`), { replace: true, store: 'FR' })),
    ]);
    expect(buckets.length).toBeGreaterThanOrEqual(2);
    expect(new Set(buckets)).toEqual(new Set([`amazon:${SELLER}:putListingsItem`]));
  });

  it('two adapters of the same seller share the budget through one limiter store', async () => {
    mockLwa();
    const store = new MemoryLimiterStore();
    let waits = 0;
    sp().put(/.*/).query(true).times(12).reply(200, { sku: 'x', status: 'ACCEPTED', submissionId: 's', issues: [] });
    const clock = virtualClock();
    const de = adapter({ marketplaces: ['DE'], limiterStore: store, clock, hooks: { onRateLimitWait: () => waits++ } });
    const fr = adapter({ marketplaces: ['FR'], limiterStore: store, clock, hooks: { onRateLimitWait: () => waits++ } });
    for (let i = 0; i < 6; i++) await de.listings.upsert(listing(`D${i}`), { replace: true });
    for (let i = 0; i < 6; i++) await fr.listings.upsert(listing(`F${i}`), { replace: true });
    expect(waits).toBeGreaterThanOrEqual(1);
  });

  it('429 QuotaExceeded is waited out and retried', async () => {
    const retries: string[] = [];
    sp().get(ITEM('A')).query(GET_QUERY).reply(429, { errors: [{ code: 'QuotaExceeded', message: 'You exceeded your quota for the requested resource.' }] }, REQUEST_ID);
    sp().get(ITEM('A')).query(GET_QUERY).reply(200, item, REQUEST_ID);
    const r = await adapter({ hooks: { onRetry: (e) => retries.push(e.reason) } }).listings.get('A');
    expect(r.status).toBe('active');
    expect(retries).toEqual(['RATE_LIMITED']);
  });

  it('a 429 is surfaced only when waiting would pass the caller’s deadline', async () => {
    sp().get(ITEM('A')).query(GET_QUERY).reply(429, { errors: [{ code: 'QuotaExceeded', message: 'You exceeded your quota for the requested resource.' }] }, REQUEST_ID);
    const a = adapter({ retry: { retries: 3, baseDelayMs: 5_000, maxDelayMs: 5_000 }, random: () => 1 });
    const err = await a.listings.get('A', { deadline: Date.now() + 300 }).catch((e) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect(err.requestId).toBe('req-1234');
  });

  it('adopts the rate announced in x-amzn-RateLimit-Limit', async () => {
    let now = 1_700_000_000_000;
    const clock = { now: () => now, sleep: async (ms: number) => void (now += ms) };
    const waits: number[] = [];
    sp().get(ITEM('A')).query(GET_QUERY).times(11).reply(200, item, { 'x-amzn-RequestId': 'r', 'x-amzn-RateLimit-Limit': '1' });
    const a = adapter({ clock, hooks: { onRateLimitWait: (e) => waits.push(e.waitMs) } });
    for (let i = 0; i < 11; i++) await a.listings.get('A');
    // Burst 10 from the model, then one token per second as Amazon announced (not 5/s).
    expect(waits).toEqual([1000]);
  });
});

describe('error envelope', () => {
  it('keeps every errors[] entry and the request id', async () => {
    const body = { errors: [{ code: 'InvalidInput', message: 'Invalid Input', details: 'Invalid Input' }, { code: 'InvalidInput', message: 'marketplaceIds', details: 'too many' }] };
    sp().get(ITEM('A')).query(GET_QUERY).reply(400, body, REQUEST_ID);
    const err = await adapter().listings.get('A').catch((e) => e);
    expect(err).toBeInstanceOf(MarketplaceError);
    expect(err).toMatchObject({ status: 400, requestId: 'req-1234', operation: 'getListingsItem', marketplace: 'amazon', marketplaceCode: 'InvalidInput', retryable: false });
    expect(err.errors).toEqual(body.errors);
  });

  it('classes follow the status; other classes carry every entry in their message', async () => {
    sp().get('/orders/2026-01-01/orders/1').query(true).reply(404, fixture('searchOrders.400.json'), REQUEST_ID);
    const a = adapter();
    const nf = await a.orders.get('1').catch((e) => e);
    expect(nf).toBeInstanceOf(NotFoundError);
    expect(nf.message).toBe('InvalidInput: Invalid Input (Invalid Input)');
    expect(nf.requestId).toBe('req-1234');
    sp().get('/orders/2026-01-01/orders/2').query(true).reply(403, { errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.', details: '' }] }, REQUEST_ID);
    const forbidden = await a.orders.get('2').catch((e) => e);
    expect(forbidden).toBeInstanceOf(AuthError);
    expect(forbidden.code).toBe('FORBIDDEN');
  });

  it('5xx is retried, then surfaced as MARKETPLACE_UNAVAILABLE with the request id', async () => {
    sp().get('/orders/2026-01-01/orders/3').query(true).times(4).reply(503, { errors: [{ code: 'ServiceUnavailable', message: 'Service temporarily unavailable' }] }, REQUEST_ID);
    const err = await adapter().orders.get('3').catch((e) => e);
    expect(err).toMatchObject({ code: 'MARKETPLACE_UNAVAILABLE', status: 503, requestId: 'req-1234', retryable: true });
  });
});
