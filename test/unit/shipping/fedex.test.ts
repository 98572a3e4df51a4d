import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuthError, ValidationError } from '../../../src/errors/index.js';
import { money } from '../../../src/model/money.js';
import { fedexRates, quoteShipping } from '../../../src/shipping/index.js';
import { fixture, request } from './helpers.js';

const SANDBOX = 'https://apis-sandbox.fedex.com';
const creds = { clientId: 'fedex-client-id-0001', clientSecret: 'fedex-client-secret-0001', accountNumber: '740561073' };
const fedex = (extra: Partial<Parameters<typeof fedexRates>[0]> = {}) => fedexRates({ ...creds, test: true, retry: { retries: 0 }, ...extra });
const tokenForm = 'grant_type=client_credentials&client_id=fedex-client-id-0001&client_secret=fedex-client-secret-0001';
const parcel = { weight: { value: 1.2, unit: 'kg' as const }, dimensions: { length: 30, width: 20, height: 10.2, unit: 'cm' as const } };
const toUs = { to: { country: 'US', postalCode: '89109', city: 'Las Vegas', state: 'NV', residential: true }, parcels: [parcel], declaredValue: money('45.00', 'USD') };

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('FedEx Rate API', () => {
  it('token (form, client credentials) then POST /rate/v1/rates/quotes with the exact bearer request', async () => {
    let body: unknown;
    const scope = nock(SANDBOX)
      .post('/oauth/token', tokenForm)
      .matchHeader('content-type', /^application\/x-www-form-urlencoded/)
      .reply(200, fixture('fedex-token.json'))
      .post('/rate/v1/rates/quotes', (b) => ((body = b), true))
      .matchHeader('authorization', 'Bearer fedex-access-token-AAAA')
      .matchHeader('x-locale', 'en_US')
      .matchHeader('content-type', 'application/json')
      .reply(200, fixture('fedex-rate-response.json'));

    const res = await quoteShipping(request({ ...toUs, incoterm: 'DDP' }), { carriers: [fedex()] });
    scope.done();
    expect(body).toEqual({
      accountNumber: { value: '740561073' },
      rateRequestControlParameters: { returnTransitTimes: true },
      requestedShipment: {
        shipper: { address: { city: 'Shenzhen', postalCode: '518000', countryCode: 'CN' } },
        recipient: { address: { city: 'Las Vegas', stateOrProvinceCode: 'NV', postalCode: '89109', countryCode: 'US', residential: true } },
        pickupType: 'DROPOFF_AT_FEDEX_LOCATION',
        rateRequestType: ['ACCOUNT', 'LIST'],
        shipDateStamp: '2026-11-23',
        packagingType: 'YOUR_PACKAGING',
        // 10.2 cm is sent as 11: FedEx sides are whole units, rounded up
        requestedPackageLineItems: [{ weight: { units: 'KG', value: 1.2 }, dimensions: { length: 30, width: 20, height: 11, units: 'CM' } }],
        customsClearanceDetail: {
          dutiesPayment: { paymentType: 'SENDER', payor: { responsibleParty: { accountNumber: { value: '740561073' } } } },
          commodities: [{ description: 'Merchandise', quantity: 1, quantityUnits: 'PCS', customsValue: { amount: '45.00', currency: 'USD' } }],
        },
      },
    });

    expect(res.quotes).toHaveLength(6);
    const economy = res.quotes.find((q) => q.service === 'INTERNATIONAL_ECONOMY')!;
    // ACCOUNT rate: 887.88 base + 45.44 fuel + 14.70 demand + 6.15 residential = 954.17 USD
    expect(economy).toEqual({
      carrier: 'fedex',
      service: 'INTERNATIONAL_ECONOMY',
      serviceName: 'FedEx International Economy®',
      total: { amount: 95417, currency: 'USD' },
      breakdown: [
        { kind: 'base', amount: { amount: 88788, currency: 'USD' }, label: 'Base charge' },
        { kind: 'fuel', amount: { amount: 4544, currency: 'USD' }, label: 'Fuel Surcharge' },
        { kind: 'other', amount: { amount: 1470, currency: 'USD' }, label: 'Demand Surcharge' },
        { kind: 'other', amount: { amount: 615, currency: 'USD' }, label: 'Residential delivery surcharge' },
      ],
      chargeableWeight: { value: 66.6, unit: 'kg' },
      transit: null,
      source: 'live',
    });
    // Ground: ACCOUNT rate in CAD (471.30 + 37.38 + 27.00 = 535.68), transitTime FOUR_DAYS, billed 162 lb
    const ground = res.quotes.find((q) => q.service === 'FEDEX_GROUND')!;
    expect([ground.total, ground.transit, ground.chargeableWeight]).toEqual([
      { amount: 53568, currency: 'CAD' }, { minDays: 4, maxDays: 4, kind: 'business' }, { value: 162, unit: 'lb' },
    ]);
  });

  it('preferredCurrency: asks for PREFERRED rates and picks PREFERRED_CURRENCY (39.98 + 5.90 fuel + 6.88 HST = 52.76 CAD)', async () => {
    let body: { requestedShipment: { rateRequestType: string[]; preferredCurrency?: string } } | undefined;
    nock(SANDBOX)
      .post('/oauth/token').reply(200, fixture('fedex-token.json'))
      .post('/rate/v1/rates/quotes', (b) => ((body = b), true)).reply(200, fixture('fedex-rate-response-cad-hst.json'));
    const res = await quoteShipping(request({ from: { country: 'CA', postalCode: 'E1C4Z8', city: 'Moncton' }, to: { country: 'CA', postalCode: 'E1C4Z8' }, parcels: [parcel] }), {
      carriers: [fedex({ preferredCurrency: 'CAD' })],
    });
    expect(body!.requestedShipment.rateRequestType).toEqual(['ACCOUNT', 'LIST', 'PREFERRED']);
    expect(body!.requestedShipment.preferredCurrency).toBe('CAD');
    expect(res.quotes[0]!.breakdown.map((l) => [l.kind, l.amount.amount, l.amount.currency])).toEqual([
      ['base', 3998, 'CAD'], ['fuel', 590, 'CAD'], ['tax', 688, 'CAD'],
    ]);
    expect(res.quotes[0]!.total).toEqual({ amount: 5276, currency: 'CAD' });
  });

  it('token single-flight: five quotes in parallel share one token request, then reuse the cached token', async () => {
    const scope = nock(SANDBOX)
      .post('/oauth/token').delay(30).reply(200, fixture('fedex-token.json'))
      .post('/rate/v1/rates/quotes').times(6).reply(200, fixture('fedex-rate-response-cad-hst.json'));
    const connector = fedex();
    const domestic = request({ from: { country: 'CA', postalCode: 'E1C4Z8' }, to: { country: 'CA', postalCode: 'E1C4Z8' }, parcels: [parcel] });
    const all = await Promise.all(Array.from({ length: 5 }, () => quoteShipping(domestic, { carriers: [connector] })));
    expect(all.every((r) => r.errors.length === 0 && r.quotes.length === 1)).toBe(true);
    const again = await quoteShipping(domestic, { carriers: [connector] }); // no second token call is mocked
    expect(again.errors).toEqual([]);
    scope.done();
  });

  it('a rejected bearer token (401 on rating) is refreshed once and the quote replayed', async () => {
    const scope = nock(SANDBOX)
      .post('/oauth/token').reply(200, { ...fixture<object>('fedex-token.json'), access_token: 'old-token-1111' })
      .post('/rate/v1/rates/quotes').matchHeader('authorization', 'Bearer old-token-1111').reply(401, fixture('fedex-error-401.json'))
      .post('/oauth/token').reply(200, fixture('fedex-token.json'))
      .post('/rate/v1/rates/quotes').matchHeader('authorization', 'Bearer fedex-access-token-AAAA').reply(200, fixture('fedex-rate-response-cad-hst.json'));
    // ClientCredentialsAuth skips a refresh within 5 s of obtaining a token: let the clock say 10 s passed.
    let now = 1_000_000;
    const connector = fedex({ clock: { now: () => (now += 10_000), sleep: async () => {} } });
    const res = await quoteShipping(request({ from: { country: 'CA', postalCode: 'E1C4Z8' }, to: { country: 'CA', postalCode: 'E1C4Z8' }, parcels: [parcel] }), { carriers: [connector] });
    expect(res.errors).toEqual([]);
    expect(res.quotes).toHaveLength(1);
    scope.done();
  });

  it('bad client credentials: AuthError with FedEx\'s own message, secret redacted', async () => {
    nock(SANDBOX).post('/oauth/token').reply(401, fixture('fedex-error-401.json'));
    const res = await quoteShipping(request(toUs), { carriers: [fedex()] });
    const err = res.errors[0]!.error;
    expect(err).toBeInstanceOf(AuthError);
    expect(err).toMatchObject({ code: 'AUTH_FAILED', status: 401, requestId: '624deea6-b709-470c-8c39-4b5511281492' });
    expect(err.message).toBe('FedEx: The given client credentials were not valid. Please modify your request and try again. (NOT.AUTHORIZED.ERROR)');
    expect(JSON.stringify(err.toJSON())).not.toContain('fedex-client-secret-0001');
  });

  it('international without declaredValue or contents → per-carrier ValidationError (declaredValue)', async () => {
    nock(SANDBOX).post('/oauth/token').reply(200, fixture('fedex-token.json'));
    const res = await quoteShipping(request({ ...toUs, declaredValue: undefined }), { carriers: [fedex()] });
    expect(res.errors[0]!.error).toBeInstanceOf(ValidationError);
    expect((res.errors[0]!.error as ValidationError).path).toBe('declaredValue');
  });

  it('content lines become commodities (description, quantity, value, origin, HS code)', async () => {
    let body: { requestedShipment: { customsClearanceDetail: unknown } } | undefined;
    nock(SANDBOX).post('/oauth/token').reply(200, fixture('fedex-token.json'))
      .post('/rate/v1/rates/quotes', (b) => ((body = b), true)).reply(200, fixture('fedex-rate-response-cad-hst.json'));
    await quoteShipping(request({ ...toUs, declaredValue: undefined, contents: [{ description: 'Cotton T-shirt', hsCode: '610910', quantity: 3, value: money('36.00', 'USD'), originCountry: 'CN' }] }), { carriers: [fedex()] });
    expect(body!.requestedShipment.customsClearanceDetail).toEqual({
      dutiesPayment: { paymentType: 'RECIPIENT' },
      commodities: [{ description: 'Cotton T-shirt', quantity: 3, quantityUnits: 'PCS', customsValue: { amount: '36.00', currency: 'USD' }, countryOfManufacture: 'CN', harmonizedCode: '610910' }],
    });
  });
});
