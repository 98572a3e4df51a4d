import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuthError, MarketplaceError, ValidationError } from '../../../src/errors/index.js';
import { money } from '../../../src/model/money.js';
import { dhlExpress, quoteShipping } from '../../../src/shipping/index.js';
import { fixture, request } from './helpers.js';

const TEST_HOST = 'https://express.api.dhl.com';
const BASIC = 'Basic ZGhsLWFwaS11c2VyOmRobC1hcGktcGFzcw=='; // base64("dhl-api-user:dhl-api-pass")

const dhl = () => dhlExpress({ username: 'dhl-api-user', password: 'dhl-api-pass', accountNumber: '123456789', test: true, retry: { retries: 0 } });
const berlin = { country: 'DE', postalCode: '10115', city: 'Berlin' };

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('DHL Express (MyDHL API)', () => {
  it('one piece with dimensions: GET /rates with the exact query and headers; BILLC price parsed', async () => {
    const scope = nock(TEST_HOST, { reqheaders: { authorization: BASIC, 'x-version': '3.1.0' } })
      .get('/mydhlapi/test/rates')
      .query({
        accountNumber: '123456789',
        originCountryCode: 'CN',
        originPostalCode: '518000',
        originCityName: 'Shenzhen',
        destinationCountryCode: 'DE',
        destinationPostalCode: '10115',
        destinationCityName: 'Berlin',
        weight: '1.2',
        length: '30',
        width: '20',
        height: '10',
        plannedShippingDate: '2026-11-23',
        isCustomsDeclarable: 'true',
        unitOfMeasurement: 'metric',
      })
      .reply(200, fixture('dhl-rates-response.json'));

    const res = await quoteShipping(
      request({ to: berlin, parcels: [{ weight: { value: 1.2, unit: 'kg' }, dimensions: { length: 30, width: 20, height: 10, unit: 'cm' } }], declaredValue: money('45.00', 'USD') }),
      { carriers: [dhl()] },
    );
    scope.done();
    expect(res.errors).toEqual([]);
    // Fixture: BILLC GBP 157.95 (PULCL GBP 157.95 and BASEC EUR 182.84 ignored);
    // lines 130.00 product + 0.27 emergency situation + 27.68 fuel (FF) = 157.95.
    expect(res.quotes).toEqual([
      {
        carrier: 'dhl-express',
        service: 'P',
        serviceName: 'EXPRESS WORLDWIDE NONDOC',
        total: { amount: 15795, currency: 'GBP' },
        breakdown: [
          { kind: 'base', amount: { amount: 13000, currency: 'GBP' }, label: 'EXPRESS WORLDWIDE' },
          { kind: 'other', amount: { amount: 27, currency: 'GBP' }, label: 'EMERGENCY SITUATION' },
          { kind: 'fuel', amount: { amount: 2768, currency: 'GBP' }, label: 'FUEL SURCHARGE' },
        ],
        chargeableWeight: { value: 1.5, unit: 'kg' }, // max(provided 1.5, volumetric 1.2)
        transit: { minDays: 3, maxDays: 3, kind: 'business' },
        source: 'live',
      },
    ]);
  });

  it('several pieces: POST /rates with the exact JSON body (declared value, shipper account, pieces in kg/cm)', async () => {
    let body: unknown;
    const scope = nock(TEST_HOST, { reqheaders: { authorization: BASIC, 'x-version': '3.1.0', 'content-type': 'application/json' } })
      .post('/mydhlapi/test/rates', (b) => ((body = b), true))
      .reply(200, fixture('dhl-rates-response.json'));
    const res = await quoteShipping(
      request({
        to: berlin,
        parcels: [{ weight: { value: 1.2, unit: 'kg' }, dimensions: { length: 30, width: 20, height: 10, unit: 'cm' } }, { weight: { value: 500, unit: 'g' } }],
        declaredValue: money('45.00', 'USD'),
      }),
      { carriers: [dhl()] },
    );
    scope.done();
    expect(body).toEqual({
      customerDetails: {
        shipperDetails: { postalCode: '518000', cityName: 'Shenzhen', countryCode: 'CN' },
        receiverDetails: { postalCode: '10115', cityName: 'Berlin', countryCode: 'DE' },
      },
      accounts: [{ typeCode: 'shipper', number: '123456789' }],
      plannedShippingDateAndTime: '2026-11-23T10:00:00GMT+00:00',
      unitOfMeasurement: 'metric',
      isCustomsDeclarable: true,
      monetaryAmount: [{ typeCode: 'declaredValue', value: 45, currency: 'USD' }],
      packages: [{ weight: 1.2, dimensions: { length: 30, width: 20, height: 10 } }, { weight: 0.5 }],
    });
    expect(res.quotes[0]!.total).toEqual({ amount: 15795, currency: 'GBP' });
  });

  it('a DHL error body becomes a MarketplaceError carrying DHL\'s own message; the quote call still resolves', async () => {
    nock(TEST_HOST).get('/mydhlapi/test/rates').query(true).reply(400, fixture('dhl-error-400.json'), { 'content-type': 'application/problem+json' });
    const res = await quoteShipping(request({ to: berlin, parcels: [{ weight: { value: 1, unit: 'kg' }, dimensions: { length: 10, width: 10, height: 10, unit: 'cm' } }] }), { carriers: [dhl()] });
    const err = res.errors[0]!.error as MarketplaceError;
    expect(res.errors[0]!.carrier).toBe('dhl-express');
    expect(err).toBeInstanceOf(MarketplaceError);
    expect(err.message).toBe('DHL Express: The account number is not found or invalid. Please check the account number and retry. (400)');
    expect(err.errors[0]).toMatchObject({ code: '400' });
    expect(err.status).toBe(400);
  });

  it('401 → AuthError (Basic credentials cannot be refreshed); the password never appears in the error', async () => {
    nock(TEST_HOST).get('/mydhlapi/test/rates').query(true).reply(401, { title: 'Unauthorized', detail: 'Invalid credentials for dhl-api-pass', status: '401' });
    const res = await quoteShipping(request({ to: berlin, parcels: [{ weight: { value: 1, unit: 'kg' }, dimensions: { length: 10, width: 10, height: 10, unit: 'cm' } }] }), { carriers: [dhl()] });
    const err = res.errors[0]!.error;
    expect(err).toBeInstanceOf(AuthError);
    expect(JSON.stringify(err.toJSON())).not.toContain('dhl-api-pass');
  });

  it('DHL needs city names: a missing to.city is a per-carrier ValidationError naming the field, before any request', async () => {
    const res = await quoteShipping(request({ to: { country: 'DE', postalCode: '10115' } }), { carriers: [dhl()] });
    expect(res.errors[0]!.error).toBeInstanceOf(ValidationError);
    expect((res.errors[0]!.error as ValidationError).path).toBe('to.city');
  });

  it('factory config is validated and test/production hosts are selectable', () => {
    expect(() => dhlExpress({ username: '', password: 'x', accountNumber: '1' })).toThrow(ValidationError);
    expect(dhlExpress({ username: 'u', password: 'p', accountNumber: '1' }).carrier).toBe('dhl-express');
  });
});
