import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuthError, ValidationError } from '../../../src/errors/index.js';
import { money } from '../../../src/model/money.js';
import { quoteShipping, upsRates } from '../../../src/shipping/index.js';
import { fixture, request } from './helpers.js';

const CIE = 'https://wwwcie.ups.com';
const BASIC = 'Basic dXBzLWNsaWVudC1pZC0wMDAxOnVwcy1jbGllbnQtc2VjcmV0LTAwMDE='; // base64("ups-client-id-0001:ups-client-secret-0001")
const ups = (extra: Partial<Parameters<typeof upsRates>[0]> = {}) =>
  upsRates({ clientId: 'ups-client-id-0001', clientSecret: 'ups-client-secret-0001', accountNumber: 'A1B2C3', test: true, retry: { retries: 0 }, ...extra });
const shipment = request({
  to: { country: 'DE', postalCode: '10115', city: 'Berlin', residential: true },
  parcels: [{ weight: { value: 1.2, unit: 'kg' }, dimensions: { length: 30, width: 20, height: 10, unit: 'cm' } }],
  declaredValue: money('45.00', 'USD'),
});
const address = (city: string, postal: string, country: string) => ({ AddressLine: [], City: city, PostalCode: postal, CountryCode: country });

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('UPS Rating API', () => {
  it('token (Basic client id:secret, form grant) then POST /api/rating/v2409/Shop with the exact body, InvoiceLineTotal included', async () => {
    let body: unknown;
    const scope = nock(CIE)
      .post('/security/v1/oauth/token', 'grant_type=client_credentials')
      .matchHeader('authorization', BASIC)
      .reply(200, fixture('ups-token.json'))
      .post('/api/rating/v2409/Shop', (b) => ((body = b), true))
      .matchHeader('authorization', 'Bearer ups-access-token-AAAA')
      .matchHeader('transId', /^[0-9a-f]{32}$/)
      .matchHeader('transactionSrc', 'xborder')
      .reply(200, fixture('ups-rate-response.json'));

    const res = await quoteShipping(shipment, { carriers: [ups()] });
    scope.done();
    expect(body).toEqual({
      RateRequest: {
        Request: { RequestOption: 'Shop', TransactionReference: { CustomerContext: 'xborder quote' } },
        Shipment: {
          Shipper: { ShipperNumber: 'A1B2C3', Address: address('Shenzhen', '518000', 'CN') },
          ShipTo: { Address: { ...address('Berlin', '10115', 'DE'), ResidentialAddressIndicator: 'Y' } },
          ShipFrom: { Address: address('Shenzhen', '518000', 'CN') },
          PaymentDetails: { ShipmentCharge: [{ Type: '01', BillShipper: { AccountNumber: 'A1B2C3' } }] },
          Package: [{
            PackagingType: { Code: '02', Description: 'Package' },
            Dimensions: { UnitOfMeasurement: { Code: 'CM', Description: 'Centimeters' }, Length: '30', Width: '20', Height: '10' },
            PackageWeight: { UnitOfMeasurement: { Code: 'KGS', Description: 'Kilograms' }, Weight: '1.2' },
          }],
          ShipmentRatingOptions: { NegotiatedRatesIndicator: 'Y' },
          InvoiceLineTotal: { CurrencyCode: 'USD', MonetaryValue: '45.00' },
        },
      },
    });
    // Saver (65): negotiated total 352.13 CNY; the negotiated base 286.75 is itemised, the rest (65.38) is not.
    // Express (07): published 675.60 = base 521.65 + fuel (640.60 − 521.65 = 118.95) + options "35,00" = 35.00.
    expect(res.quotes).toEqual([
      {
        carrier: 'ups', service: '65', serviceName: 'UPS Saver',
        total: { amount: 35213, currency: 'CNY' },
        breakdown: [
          { kind: 'base', amount: { amount: 28675, currency: 'CNY' }, label: 'Negotiated base service charge' },
          { kind: 'other', amount: { amount: 6538, currency: 'CNY' }, label: 'not itemised' },
        ],
        chargeableWeight: { value: 1.5, unit: 'kg' },
        transit: { minDays: 3, maxDays: 3, kind: 'business' },
        source: 'live',
      },
      {
        carrier: 'ups', service: '07', serviceName: 'UPS Worldwide Express',
        total: { amount: 67560, currency: 'CNY' },
        breakdown: [
          { kind: 'base', amount: { amount: 52165, currency: 'CNY' }, label: 'Base service charge' },
          { kind: 'fuel', amount: { amount: 11895, currency: 'CNY' }, label: 'Fuel surcharge' },
          { kind: 'other', amount: { amount: 3500, currency: 'CNY' }, label: 'Service options charges' },
        ],
        chargeableWeight: { value: 1.5, unit: 'kg' },
        transit: { minDays: 2, maxDays: 2, kind: 'business' },
        source: 'live',
      },
    ]);
  });

  it('timeInTransit: ?additionalinfo=timeintransit and DeliveryTimeInformation with the pickup date', async () => {
    let body: { RateRequest: { Shipment: { DeliveryTimeInformation?: unknown } } } | undefined;
    nock(CIE).post('/security/v1/oauth/token').reply(200, fixture('ups-token.json'))
      .post('/api/rating/v2409/Shop', (b) => ((body = b), true)).query({ additionalinfo: 'timeintransit' })
      .reply(200, fixture('ups-rate-response.json'));
    const res = await quoteShipping(shipment, { carriers: [ups({ timeInTransit: true })] });
    expect(res.errors).toEqual([]);
    expect(body!.RateRequest.Shipment.DeliveryTimeInformation).toEqual({ PackageBillType: '03', Pickup: { Date: '20261123' } });
  });

  it('imperial parcels go as LBS/IN', async () => {
    let pkg: unknown;
    nock(CIE).post('/security/v1/oauth/token').reply(200, fixture('ups-token.json'))
      .post('/api/rating/v2409/Shop', (b) => ((pkg = b.RateRequest.Shipment.Package), true)).reply(200, fixture('ups-rate-response.json'));
    await quoteShipping({ ...shipment, parcels: [{ weight: { value: 2.5, unit: 'lb' }, dimensions: { length: 12, width: 8, height: 4.005, unit: 'in' } }] }, { carriers: [ups()] });
    expect(pkg).toEqual([{
      PackagingType: { Code: '02', Description: 'Package' },
      Dimensions: { UnitOfMeasurement: { Code: 'IN', Description: 'Inches' }, Length: '12', Width: '8', Height: '4.01' }, // 4.005 rounded up at 0.01
      PackageWeight: { UnitOfMeasurement: { Code: 'LBS', Description: 'Pounds' }, Weight: '2.5' },
    }]);
  });

  it('bad credentials: the token endpoint\'s 401 is an AuthError with UPS\'s message', async () => {
    nock(CIE).post('/security/v1/oauth/token').reply(401, fixture('ups-error-401.json'));
    const res = await quoteShipping(shipment, { carriers: [ups()] });
    expect(res.errors[0]!.error).toBeInstanceOf(AuthError);
    expect(res.errors[0]!.error.message).toBe('UPS: Invalid Authentication Information. (250002)');
  });

  it('international without a value for InvoiceLineTotal → ValidationError (declaredValue)', async () => {
    nock(CIE).post('/security/v1/oauth/token').reply(200, fixture('ups-token.json'));
    const res = await quoteShipping({ ...shipment, declaredValue: undefined }, { carriers: [ups()] });
    expect((res.errors[0]!.error as ValidationError).path).toBe('declaredValue');
  });

  it('hosts: production by default, CIE with test: true, endpoint overrides both', async () => {
    const hit = async (host: string, extra: Partial<Parameters<typeof upsRates>[0]>) => {
      const scope = nock(host).post('/security/v1/oauth/token').reply(200, fixture('ups-token.json')).post('/api/rating/v2409/Shop').reply(200, fixture('ups-rate-response.json'));
      const res = await quoteShipping(shipment, { carriers: [ups(extra)] });
      scope.done();
      return res.quotes.length;
    };
    expect(await hit('https://onlinetools.ups.com', { test: undefined })).toBe(2);
    expect(await hit('http://127.0.0.1:4010', { endpoint: 'http://127.0.0.1:4010' })).toBe(2);
    expect(() => upsRates({ clientId: 'a', clientSecret: 'b', accountNumber: 'c', version: '2409' })).toThrow(ValidationError);
  });
});
