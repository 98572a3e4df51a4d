import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { shopee } from '../../adapters/shopee/index.js';
import { shopeeWebhookVerifier } from '../../adapters/shopee/public.js';
import { createWebhookReceiver, type MarketplaceEvent } from '../../src/notifications/index.js';
import { TestTokenStore } from '../adapters/shopee/helpers.js';
import { FakeClock, serve } from './helpers.js';

// The documented push vector (research A6): key, URL, body and its Authorization.
const KEY = 'test_partner_key';
const BODY = '{"data":{"ordersn":"2201010ABCDEF","status":"READY_TO_SHIP","update_time":1655714431},"shop_id":14701711,"code":3,"timestamp":1655714431}';
const AUTH = '59a9d2906c46cad5198c3f9288d8dfc2035c835ae4d71c23bbbf183b54a2bee9';
const SENT = 1655714431_000;
const sign = (key: string, body: string, url = 'https://example.com/shopee/push') => createHmac('sha256', key).update(`${url}|${body}`).digest('hex');

let closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of closers) await c();
  closers = [];
});

async function setup(onEvent: (e: MarketplaceEvent) => Promise<void>, clock = new FakeClock(SENT + 2_000)) {
  const adapter = shopee({ region: 'SG', partnerId: 2001887, partnerKey: KEY, shopId: 14701711, tokens: new TestTokenStore() });
  const receiver = createWebhookReceiver({ shopee: shopeeWebhookVerifier(adapter.push), onEvent, clock, publicUrl: 'https://example.com' });
  const srv = await serve(receiver);
  closers.push(srv.close);
  const post = (body: string, authorization?: string) =>
    fetch(`${srv.url}/shopee/push`, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body });
  return { receiver, post, clock };
}

describe('webhook receiver × Shopee push', () => {
  it('verifies the documented vector, answers 200 with an empty body after the handler, and emits an order event', async () => {
    const seen: MarketplaceEvent[] = [];
    const { post, receiver } = await setup(async (e) => void seen.push(e));
    const res = await post(BODY, AUTH);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect(seen).toEqual([{
      marketplace: 'shopee', account: '14701711', kind: 'order_changed', eventId: expect.stringMatching(/^[0-9a-f]{32}$/),
      occurredAt: '2022-06-20T08:40:31.000Z', orderId: '2201010ABCDEF', topic: 'order_status', raw: JSON.parse(BODY),
    }]);
    expect(receiver.stats()).toMatchObject({ received: 1, handled: 1, failed: 0 });
  });

  it('refuses a tampered body, a wrong key and an unsigned push with 401, never handling them', async () => {
    const seen: MarketplaceEvent[] = [];
    const { post, receiver } = await setup(async (e) => void seen.push(e));
    expect((await post(BODY.replace('READY_TO_SHIP', 'CANCELLED'), AUTH)).status).toBe(401);
    expect((await post(BODY, sign('another_partner_key', BODY))).status).toBe(401);
    expect((await post(BODY)).status).toBe(401);
    expect(seen).toEqual([]);
    expect(receiver.stats()).toMatchObject({ received: 3, handled: 0, rejected: { bad_signature: 2, unknown_source: 1 } });
  });

  it('refuses a replay of a handled push and a push outside the replay window', async () => {
    const seen: MarketplaceEvent[] = [];
    const { post, receiver, clock } = await setup(async (e) => void seen.push(e));
    expect((await post(BODY, AUTH)).status).toBe(200);
    expect((await post(BODY, AUTH)).status).toBe(400);
    clock.t = SENT + 10 * 60_000 + 1;
    const later = BODY.replace('READY_TO_SHIP', 'SHIPPED');
    expect((await post(later, sign(KEY, later))).status).toBe(400);
    expect(seen).toHaveLength(1);
    expect(receiver.stats().rejected).toMatchObject({ replayed: 1, stale: 1 });
  });

  it('answers 500 when the handler throws, and handles the redelivery (not a replay)', async () => {
    let fail = true;
    const seen: MarketplaceEvent[] = [];
    const { post, receiver } = await setup(async (e) => {
      if (fail) throw new Error('db down');
      seen.push(e);
    });
    expect((await post(BODY, AUTH)).status).toBe(500);
    fail = false;
    expect((await post(BODY, AUTH)).status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(receiver.stats()).toMatchObject({ handled: 1, failed: 1, rejected: { replayed: 0 } });
  });

  it('types buyer cancellation requests (IN_CANCEL) and tracking pushes; the URL verification message is answered, not handled', async () => {
    const seen: MarketplaceEvent[] = [];
    const { post } = await setup(async (e) => void seen.push(e));
    const cancel = '{"data":{"ordersn":"A1","status":"IN_CANCEL","update_time":1655714431},"shop_id":14701711,"code":3,"timestamp":1655714431}';
    const tracking = '{"data":{"ordersn":"A1","package_number":"P1","tracking_no":"TN1"},"shop_id":14701711,"code":4,"timestamp":1655714432}';
    const verify = '{"code":0,"data":{"verify_info":"This is a Verification message.Please respond in the certain format."}}';
    for (const b of [cancel, tracking, verify]) expect((await post(b, sign(KEY, b))).status).toBe(200);
    expect(seen.map((e) => [e.kind, e.orderId, e.topic])).toEqual([['order_cancel_requested', 'A1', 'order_status'], ['tracking_updated', 'A1', 'tracking_number']]);
  });

  it('uses a framework-read req.rawBody (Express raw-body style) and refuses a body a framework already parsed', async () => {
    const seen: MarketplaceEvent[] = [];
    const adapter = shopee({ region: 'SG', partnerId: 2001887, partnerKey: KEY, shopId: 14701711, tokens: new TestTokenStore() });
    const receiver = createWebhookReceiver({ shopee: shopeeWebhookVerifier(adapter.push), onEvent: async (e) => void seen.push(e), clock: new FakeClock(SENT), publicUrl: 'https://example.com' });
    const srv = await serve(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const raw = Buffer.concat(chunks);
      if (req.headers['x-mode'] === 'raw') Object.assign(req, { rawBody: raw });
      else Object.assign(req, { body: JSON.parse(raw.toString()) });
      receiver(req, res);
    });
    closers.push(srv.close);
    const send = (mode: string) => fetch(`${srv.url}/shopee/push`, { method: 'POST', headers: { authorization: AUTH, 'x-mode': mode }, body: BODY });
    expect((await send('parsed')).status).toBe(500);
    expect((await send('raw')).status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(receiver.stats().rejected.no_raw_body).toBe(1);
  });
});
