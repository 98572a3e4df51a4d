import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWebhookReceiver, type MarketplaceEvent } from '../../src/notifications/index.js';
import { adapter, api, mockToken } from '../adapters/ebay/helpers.js';
import { ebaySigner, expectedChallenge, orderConfirmation, otherPrivateKey } from './ebay-signing.js';
import { FakeClock, serve } from './helpers.js';

const ENDPOINT = 'https://hooks.example.com/ebay';
const TOKEN = 'xborder_verification_token_0123456789abcdef';
const NOW = Date.parse('2026-12-05T02:00:00.000Z');
const KEY_PATH = (kid: string) => `/commerce/notification/v1/public_key/${kid}`;

let closers: Array<() => Promise<void>> = [];
beforeEach(() => nock.disableNetConnect());
afterEach(async () => {
  for (const c of closers) await c();
  closers = [];
  nock.cleanAll();
  nock.enableNetConnect();
});

async function setup(onEvent: (e: MarketplaceEvent) => Promise<void> = async () => undefined) {
  nock.enableNetConnect('127.0.0.1');
  const clock = { t: NOW, now() { return this.t; }, sleep: async () => undefined };
  const a = adapter({ clock });
  const receiver = createWebhookReceiver({ ebay: a.notifications.webhook({ verificationToken: TOKEN, endpoint: ENDPOINT }), onEvent, clock: clock as unknown as FakeClock, publicUrl: 'https://hooks.example.com' });
  const srv = await serve(receiver);
  closers.push(srv.close);
  const post = (body: string, signature?: string) => fetch(`${srv.url}/ebay`, { method: 'POST', headers: { 'content-type': 'application/json', ...(signature ? { 'x-ebay-signature': signature } : {}) }, body });
  return { a, receiver, post, clock, srv };
}

describe('webhook receiver × eBay X-EBAY-SIGNATURE', () => {
  it('fetches the key by kid once (cached), verifies ECDSA over the raw body and emits an order event', async () => {
    const s = ebaySigner();
    mockToken();
    const key = api().get(KEY_PATH(s.kid)).once().reply(200, s.publicKeyResponse);
    const seen: MarketplaceEvent[] = [];
    const { post, receiver } = await setup(async (e) => void seen.push(e));
    const b1 = orderConfirmation('n-1', '12-34567-89012', '2026-12-05T01:59:58.000Z');
    const b2 = orderConfirmation('n-2', '12-34567-89013', '2026-12-05T01:59:59.000Z');
    expect((await post(b1, s.header(b1))).status).toBe(200);
    expect((await post(b2, s.header(b2))).status).toBe(200);
    key.done();
    expect(seen).toEqual([
      { marketplace: 'ebay', account: 'acme_seller', kind: 'order_changed', eventId: 'n-1', occurredAt: '2026-12-05T01:59:58.000Z', orderId: '12-34567-89012', topic: 'ORDER_CONFIRMATION', raw: JSON.parse(b1) },
      expect.objectContaining({ eventId: 'n-2', orderId: '12-34567-89013' }),
    ]);
    expect(receiver.stats()).toMatchObject({ received: 2, handled: 2 });
  });

  it('refuses a tampered body, a signature by another key, an unknown kid and an unsigned POST; never handled', async () => {
    const s = ebaySigner();
    mockToken();
    api().get(KEY_PATH(s.kid)).reply(200, s.publicKeyResponse);
    api().get(KEY_PATH('nope')).reply(404, { errors: [{ errorId: 195001, domain: 'API_NOTIFICATION', category: 'REQUEST', message: 'The specified key id is invalid.' }] });
    const seen: MarketplaceEvent[] = [];
    const { post, receiver } = await setup(async (e) => void seen.push(e));
    const body = orderConfirmation('n-1', '12-1', '2026-12-05T01:59:58.000Z');
    expect((await post(body.replace('12-1', '12-9'), s.header(body))).status).toBe(401);
    expect((await post(body, s.header(body, otherPrivateKey()))).status).toBe(401);
    expect((await post(body, ebaySigner('nope').header(body))).status).toBe(401);
    expect((await post(body)).status).toBe(401);
    expect(seen).toEqual([]);
    expect(receiver.stats().rejected).toMatchObject({ bad_signature: 2, unknown_key: 1, unknown_source: 1 });
  });

  it('refuses a replayed notificationId and a publishDate outside the replay window', async () => {
    const s = ebaySigner();
    mockToken();
    api().get(KEY_PATH(s.kid)).reply(200, s.publicKeyResponse);
    const seen: MarketplaceEvent[] = [];
    const { post, receiver } = await setup(async (e) => void seen.push(e));
    const body = orderConfirmation('n-1', '12-1', '2026-12-05T01:59:58.000Z');
    expect((await post(body, s.header(body))).status).toBe(200);
    expect((await post(body, s.header(body))).status).toBe(400);
    const old = orderConfirmation('n-2', '12-2', '2026-12-05T01:49:00.000Z');
    expect((await post(old, s.header(old))).status).toBe(400);
    expect(seen).toHaveLength(1);
    expect(receiver.stats().rejected).toMatchObject({ replayed: 1, stale: 1 });
  });

  it('answers 503 (redelivery) when the key cannot be fetched, and does not cache the failure', async () => {
    const s = ebaySigner();
    mockToken();
    api().get(KEY_PATH(s.kid)).times(4).reply(500, { errors: [{ errorId: 195000, message: 'internal' }] });
    api().get(KEY_PATH(s.kid)).reply(200, s.publicKeyResponse);
    const { post, receiver } = await setup();
    const body = orderConfirmation('n-1', '12-1', '2026-12-05T01:59:58.000Z');
    expect((await post(body, s.header(body))).status).toBe(503);
    expect((await post(body, s.header(body))).status).toBe(200);
    expect(receiver.stats()).toMatchObject({ errors: 1, handled: 1 });
  });

  it('answers the endpoint challenge with hex(SHA-256(challengeCode + verificationToken + endpoint))', async () => {
    const { srv, receiver } = await setup();
    const res = await fetch(`${srv.url}/ebay?challenge_code=a8628072-3d33-45ee-9004-bee86830a22d`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ challengeResponse: expectedChallenge('a8628072-3d33-45ee-9004-bee86830a22d', TOKEN, ENDPOINT) });
    expect(receiver.stats()).toMatchObject({ replies: 1, handled: 0 });
  });

  it('types MARKETPLACE_ACCOUNT_DELETION as account_deletion', async () => {
    const s = ebaySigner();
    mockToken();
    api().get(KEY_PATH(s.kid)).reply(200, s.publicKeyResponse);
    const seen: MarketplaceEvent[] = [];
    const { post } = await setup(async (e) => void seen.push(e));
    const body = JSON.stringify({ metadata: { topic: 'MARKETPLACE_ACCOUNT_DELETION', schemaVersion: '1.0', deprecated: false }, notification: { notificationId: 'd-1', eventDate: '2026-12-05T01:59:00.000Z', publishDate: '2026-12-05T01:59:30.000Z', publishAttemptCount: 1, data: { username: 'buyer1', userId: 'u1', eiasToken: 'e1' } } });
    expect((await post(body, s.header(body))).status).toBe(200);
    expect(seen[0]).toMatchObject({ kind: 'account_deletion', topic: 'MARKETPLACE_ACCOUNT_DELETION', eventId: 'd-1' });
  });
});
