import { readFileSync } from 'node:fs';
import nock from 'nock';
import { amazon, type AmazonConfigInput } from '../../../adapters/amazon/index.js';

export const EU = 'https://sellingpartnerapi-eu.amazon.com';
export const LWA = 'https://api.amazon.com';
export const SELLER = 'A2EXAMPLE';
export const DE = 'A1PA6795UKMFR9';
export const FR = 'A13V1IB3VIYZZH';
export const TOKEN = 'Atza|test-access-token-1';
export const CREDENTIALS = {
  clientId: 'amzn1.application-oa2-client.test',
  clientSecret: 'test-client-secret-value-123',
  refreshToken: 'Atzr|test-refresh-token-value',
};

export function fixture<T = any>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../fixtures/amazon/${name}`, import.meta.url), 'utf8')) as T;
}

/** The exact LWA request body (form-encoded refresh_token grant). */
export const LWA_BODY = new URLSearchParams({
  grant_type: 'refresh_token',
  refresh_token: CREDENTIALS.refreshToken,
  client_id: CREDENTIALS.clientId,
  client_secret: CREDENTIALS.clientSecret,
}).toString();

export function mockLwa(token = TOKEN, times = 1) {
  return nock(LWA, { reqheaders: { 'content-type': /^application\/x-www-form-urlencoded/ } })
    .post('/auth/o2/token', LWA_BODY)
    .times(times)
    .reply(200, { access_token: token, token_type: 'bearer', expires_in: 3600 });
}

/** SP-API scope that requires the access token on every request. */
export function sp(token = TOKEN) {
  return nock(EU, { reqheaders: { 'x-amz-access-token': token } });
}

export function adapter(extra: Partial<AmazonConfigInput> = {}) {
  return amazon({
    marketplaces: ['DE', 'FR'],
    sellerId: SELLER,
    credentials: CREDENTIALS,
    retry: { retries: 3, baseDelayMs: 1, maxDelayMs: 5 },
    consistency: { windowMs: 40, intervalMs: 10 },
    feedPoll: { initialMs: 1, factor: 2, maxMs: 4, timeoutMs: 5_000 },
    ...extra,
  });
}

export const REQUEST_ID = { 'x-amzn-RequestId': 'req-1234', 'x-amzn-RateLimit-Limit': '5.0' };

/** The first lines of an XML feed document exactly as the adapter writes it (amzn-envelope.xsd, DocumentVersion 1.01). */
export const xmlFeedHead = (messageType: string): string[] => [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<AmazonEnvelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="amzn-envelope.xsd">',
  '  <Header>',
  '    <DocumentVersion>1.01</DocumentVersion>',
  `    <MerchantIdentifier>${SELLER}</MerchantIdentifier>`,
  '  </Header>',
  `  <MessageType>${messageType}</MessageType>`,
];
