import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  AuthError, MarketplaceError, errorFromResponse, redactUrl, redactValue, registerPii, registerSecret, REDACTED,
} from '../../../src/errors/index.js';
import { op, Pipeline, type ErrorEvent, type RequestEvent, type ResponseEvent } from '../../../src/http/index.js';

const SECRETS = {
  accessToken: 'Atza|IwEBIsecretaccesstoken123',
  refreshToken: 'Atzr|IwEBIsecretrefreshtoken456',
  clientSecret: 'amzn1.oa2-cs.v1.supersecretclientsecret',
  partnerKey: 'shpk-partner-key-0123456789abcdef',
  sign: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',
};
const PII = { name: 'Jane Q. Buyer', email: 'jane.buyer@example.com', phone: '+49 30 1234567', street: 'Unter den Linden 77' };

beforeAll(() => {
  nock.disableNetConnect();
  registerSecret(SECRETS.partnerKey);
  registerSecret(SECRETS.clientSecret);
});
afterEach(() => nock.cleanAll());

function assertClean(text: string) {
  for (const s of [...Object.values(SECRETS), ...Object.values(PII)]) expect(text).not.toContain(s);
}

describe('redaction', () => {
  it('masks secret query parameters and keeps harmless ones', () => {
    const url = redactUrl(`https://x.test/api/v2/order/get?partner_id=1&timestamp=2&access_token=${SECRETS.accessToken}&sign=${SECRETS.sign}&shop_id=3`);
    assertClean(url);
    expect(url).toContain('partner_id=1');
    expect(url).toContain('shop_id=3');
  });

  it('masks secret and PII keys deep in objects', () => {
    const out = JSON.stringify(redactValue({ headers: { 'x-amz-access-token': SECRETS.accessToken, Authorization: `Bearer ${SECRETS.accessToken}` }, body: { client_secret: SECRETS.clientSecret, refresh_token: SECRETS.refreshToken, order: { BuyerInfo: { BuyerEmail: PII.email }, shippingAddress: { name: PII.name, phone: PII.phone, addressLine1: PII.street } } } }));
    assertClean(out);
    expect(out).toContain(REDACTED);
  });

  it('errors built from hostile bodies carry no secrets or PII in message, toJSON or cause', () => {
    const err = errorFromResponse({
      marketplace: 'amazon', status: 400, requestId: 'r-1',
      errors: [{ code: 'InvalidInput', message: `token ${SECRETS.accessToken} for ${PII.email} sign=${SECRETS.sign}`, details: `client_secret=${SECRETS.clientSecret}` }],
    }) as MarketplaceError;
    assertClean(err.message);
    assertClean(JSON.stringify(err.toJSON()));
    assertClean(JSON.stringify(err.errors));
    const auth = new AuthError({ message: `refresh failed for ${SECRETS.refreshToken}`, cause: new Error(`partner key ${SECRETS.partnerKey}`) });
    assertClean(auth.message);
    assertClean(JSON.stringify(auth.toJSON()));
    assertClean(String((auth.cause as Error).message));
  });

  it('hook events and thrown errors of a failing pipeline call are clean', async () => {
    nock('https://api.test').get('/o/1').query(true).reply(400, { errors: [{ code: 'Bad', message: `echo ${SECRETS.accessToken} ${PII.name} ${PII.email}` }] });
    const events: Array<RequestEvent | ResponseEvent | ErrorEvent> = [];
    const p = new Pipeline({
      marketplace: 'test', account: 'A', baseUrl: 'https://api.test', retry: { retries: 0 },
      auth: { authorize: async (req) => { req.headers['x-amz-access-token'] = SECRETS.accessToken; req.query.push(['access_token', SECRETS.accessToken], ['sign', SECRETS.sign]); } },
      mapError: (res) => (res.status >= 400 ? errorFromResponse({ marketplace: 'test', status: res.status, errors: (res.data as { errors: never }).errors }) : undefined),
      hooks: { onRequest: (e) => events.push(e), onResponse: (e) => events.push(e), onError: (e) => events.push(e) },
    });
    registerSecret(SECRETS.accessToken);
    // Adapters register the buyer data they map (orders with includePii), so echoes are removed.
    registerPii(PII.name);
    registerPii(PII.phone);
    registerPii(PII.street);
    const err = await p.call(op({ id: 'getO', method: 'GET', path: '/o/1', idempotent: true }), {}).catch((e) => e);
    expect(err).toBeInstanceOf(MarketplaceError);
    assertClean(err.message);
    assertClean(JSON.stringify(err.toJSON()));
    assertClean(JSON.stringify(events));
    expect(events.length).toBe(3);
  });
});
