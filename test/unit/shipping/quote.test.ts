import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AbortedError, AuthError, MarketplaceError, TimeoutError } from '../../../src/errors/index.js';
import { money } from '../../../src/model/money.js';
import { dhlExpress, fedexRates, quoteShipping, rateCard, upsRates, type ShippingConnector } from '../../../src/shipping/index.js';
import { card, fixture, general, request } from './helpers.js';

const DHL = 'https://express.api.dhl.com';
const FEDEX = 'https://apis-sandbox.fedex.com';
const UPS = 'https://wwwcie.ups.com';
const noRetry = { retries: 0 };
const dhl = () => dhlExpress({ username: 'dhl-api-user', password: 'dhl-api-pass', accountNumber: '123456789', test: true, retry: noRetry });
const fedex = () => fedexRates({ clientId: 'fedex-client-id-0001', clientSecret: 'fedex-client-secret-0001', accountNumber: '740561073', test: true, retry: noRetry });
const ups = () => upsRates({ clientId: 'ups-client-id-0001', clientSecret: 'ups-client-secret-0001', accountNumber: 'A1B2C3', test: true, retry: noRetry });
/** A CNY line to DE: 1.2 kg × 90 + 15 registration = 123.00 CNY. */
const line = (carrier = 'test-line', perKg = '90') =>
  rateCard(card({ tariffs: general({ model: 'per-kg', zones: { DE: { perKg, registration: '15' } } }) }, { carrier, zones: [{ id: 'DE', countries: ['DE'] }] }));
const toBerlin = request({
  to: { country: 'DE', postalCode: '10115', city: 'Berlin' },
  parcels: [{ weight: { value: 1.2, unit: 'kg' }, dimensions: { length: 30, width: 20, height: 10, unit: 'cm' } }],
  declaredValue: money('45.00', 'USD'),
});
// 1 USD = 7.2 CNY = 0.8 GBP  ⇒  1 CNY = 1/7.2 USD, 1 GBP = 1.25 USD
const table = { base: 'USD', asOf: '2026-11-20', source: 'test', rates: { CNY: '7.2', GBP: '0.8' } };

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('quoteShipping fan-out', () => {
  it('one carrier\'s auth failure never fails the quote: the others answer, converted to USD and sorted', async () => {
    nock(FEDEX).post('/oauth/token').reply(401, fixture('fedex-error-401.json'));
    nock(UPS).post('/security/v1/oauth/token').reply(200, fixture('ups-token.json')).post('/api/rating/v2409/Shop').reply(200, fixture('ups-rate-response.json'));
    nock(DHL).get('/mydhlapi/test/rates').query(true).reply(200, fixture('dhl-rates-response.json'));

    const res = await quoteShipping(toBerlin, { carriers: [line(), dhl(), fedex(), ups()], timeoutMs: 5000, rates: table });

    expect(res.errors.map((e) => [e.carrier, e.error.constructor.name, e.error.code])).toEqual([['fedex', 'AuthError', 'AUTH_FAILED']]);
    expect(res.errors[0]!.error).toBeInstanceOf(AuthError);
    // 123.00 CNY / 7.2 = 17.0833… → 17.08 · UPS 352.13 / 7.2 = 48.9069… → 48.91 · UPS 675.60 / 7.2 = 93.8333… → 93.83
    // DHL 157.95 GBP × 1.25 = 197.4375 → 197.44
    expect(res.quotes.map((q) => [q.carrier, q.service, q.total.amount, q.total.currency])).toEqual([
      ['test-line', 'S1', 1708, 'USD'],
      ['ups', '65', 4891, 'USD'],
      ['ups', '07', 9383, 'USD'],
      ['dhl-express', 'P', 19744, 'USD'],
    ]);
    const first = res.quotes[0]!;
    expect(first.converted).toEqual({ from: { amount: 12300, currency: 'CNY' }, rate: '0.138888888889', asOf: '2026-11-20', source: 'test' });
    // lines converted too and still adding up: 108.00 → 15.00, 15.00 → 2.0833… → 2.08; 15.00 + 2.08 = 17.08
    expect(first.breakdown.map((l) => l.amount.amount)).toEqual([1500, 208]);
  });

  it('a carrier that hangs past its timeout is reported as TimeoutError; the others are not held up', async () => {
    nock(DHL).get('/mydhlapi/test/rates').query(true).delay(3000).reply(200, fixture('dhl-rates-response.json'));
    const started = Date.now();
    const res = await quoteShipping(toBerlin, { carriers: [dhl(), line()], timeoutMs: 150 });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(res.quotes.map((q) => q.carrier)).toEqual(['test-line']);
    expect(res.errors).toHaveLength(1);
    expect(res.errors[0]!.carrier).toBe('dhl-express');
    expect(res.errors[0]!.error).toBeInstanceOf(TimeoutError);
    expect(res.errors[0]!.error).toMatchObject({ marketplace: 'dhl-express', message: 'dhl-express gave no quote within 150 ms', retryable: true });
  });

  it('the caller\'s signal aborts the whole call (AbortedError), also when already aborted', async () => {
    nock(DHL).get('/mydhlapi/test/rates').query(true).delay(3000).reply(200, {});
    const ctl = new AbortController();
    setTimeout(() => ctl.abort(), 30);
    await expect(quoteShipping(toBerlin, { carriers: [dhl(), line()], signal: ctl.signal })).rejects.toBeInstanceOf(AbortedError);
    await expect(quoteShipping(toBerlin, { carriers: [line()], signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortedError);
  });

  it('duplicates by (carrier, service) collapse to the cheaper quote', async () => {
    const res = await quoteShipping(toBerlin, { carriers: [line('test-line', '95'), line('test-line', '90'), line('other-line', '80')] });
    // other-line 1.2 × 80 + 15 = 111.00; test-line cheaper copy 123.00 (the 95/kg one, 129.00, is dropped)
    expect(res.quotes.map((q) => [q.carrier, q.total.amount])).toEqual([['other-line', 11100], ['test-line', 12300]]);
  });

  it('without a RateTable, mixed currencies are grouped by currency code, each sorted by amount', async () => {
    nock(DHL).get('/mydhlapi/test/rates').query(true).reply(200, fixture('dhl-rates-response.json'));
    const res = await quoteShipping(toBerlin, { carriers: [dhl(), line('b-line', '95'), line('a-line', '90')] });
    expect(res.quotes.map((q) => [q.carrier, q.total.currency])).toEqual([['a-line', 'CNY'], ['b-line', 'CNY'], ['dhl-express', 'GBP']]);
  });

  it('a quote whose currency the table lacks stays unconverted and its carrier gets an error entry', async () => {
    nock(DHL).get('/mydhlapi/test/rates').query(true).reply(200, fixture('dhl-rates-response.json'));
    const res = await quoteShipping(toBerlin, { carriers: [dhl(), line()], rates: { base: 'USD', asOf: '2026-11-20', source: 'test', rates: { CNY: '7.2' } } });
    expect(res.quotes.map((q) => q.total.currency)).toEqual(['GBP', 'USD']);
    expect(res.errors[0]).toMatchObject({ carrier: 'dhl-express' });
    expect(res.errors[0]!.error).toMatchObject({ code: 'VALIDATION', path: 'table.rates.GBP' }); // missing rate: caller input (issue 12.3)
  });

  it('services that cannot carry the parcel are listed in `unavailable`; a throwing connector is a typed error', async () => {
    const broken: ShippingConnector = { carrier: 'broken', source: 'live', quote: async () => { throw new Error('boom'); } };
    const res = await quoteShipping({ ...toBerlin, cargoClass: 'battery' }, { carriers: [line(), broken] });
    expect(res.quotes).toEqual([]);
    expect(res.unavailable).toEqual([{ carrier: 'test-line', service: 'S1', serviceName: 'Test line', reason: 'cargo-class', message: 'Test line does not carry battery cargo' }]);
    expect(res.errors[0]!.error).toBeInstanceOf(MarketplaceError);
    expect(res.errors[0]!.error.message).toBe('broken connector failed: boom');
  });
});
