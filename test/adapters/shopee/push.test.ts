import { describe, expect, it } from 'vitest';
import { AuthError, ValidationError } from '../../../src/errors/index.js';
import { shopee } from '../../../adapters/shopee/index.js';
import { seedOrder } from '../../../adapters/shopee/sandbox/index.js';
import type { PushEvent } from '../../../adapters/shopee/push.js';
import { shopSandbox, TestTokenStore } from './helpers.js';

const KEY = 'test_partner_key';
const URL_ = 'https://example.com/shopee/push';
const BODY = '{"data":{"ordersn":"2201010ABCDEF","status":"READY_TO_SHIP","update_time":1655714431},"shop_id":14701711,"code":3,"timestamp":1655714431}';
const AUTH = '59a9d2906c46cad5198c3f9288d8dfc2035c835ae4d71c23bbbf183b54a2bee9';

const adapter = () => shopee({ region: 'SG', partnerId: 2001887, partnerKey: KEY, shopId: 14701711, tokens: new TestTokenStore() });

describe('push verification', () => {
  it('accepts the documented vector and parses an order status push', () => {
    const a = adapter();
    expect(a.push.verify({ url: URL_, rawBody: Buffer.from(BODY), authorization: AUTH })).toBe(true);
    expect(a.push.handle({ url: URL_, rawBody: BODY, authorization: AUTH.toUpperCase() })).toEqual({
      kind: 'order_status', code: 3, shopId: 14701711, orderId: '2201010ABCDEF', status: 'READY_TO_SHIP', updateTime: 1655714431,
      data: { ordersn: '2201010ABCDEF', status: 'READY_TO_SHIP', update_time: 1655714431 },
    });
  });

  it('rejects a tampered body, a re-serialized body, another URL and a missing header', () => {
    const a = adapter();
    expect(a.push.verify({ url: URL_, rawBody: BODY.replace('READY_TO_SHIP', 'CANCELLED'), authorization: AUTH })).toBe(false);
    // Same JSON, different bytes: parsing and re-serializing loses Shopee's exact formatting/order.
    const reserialized = JSON.stringify(JSON.parse(BODY), null, 1);
    expect(JSON.parse(reserialized)).toEqual(JSON.parse(BODY));
    expect(a.push.verify({ url: URL_, rawBody: reserialized, authorization: AUTH })).toBe(false);
    expect(a.push.verify({ url: `${URL_}?via=proxy`, rawBody: BODY, authorization: AUTH })).toBe(false);
    expect(a.push.verify({ url: URL_, rawBody: BODY, authorization: undefined })).toBe(false);
    expect(() => a.push.handle({ url: URL_, rawBody: BODY.replace('3', '4'), authorization: AUTH })).toThrow(AuthError);
    expect(() => a.push.verify({ url: URL_, rawBody: JSON.parse(BODY), authorization: AUTH })).toThrow(ValidationError);
  });

  it('types the known push codes', () => {
    const a = adapter();
    expect(a.push.parse('{"code":4,"shop_id":1,"data":{"ordersn":"X1"}}')).toMatchObject({ kind: 'tracking_number', orderId: 'X1' });
    expect(a.push.parse('{"code":8,"shop_id":1,"data":{}}')).toMatchObject({ kind: 'reserved_stock_change' });
    expect(a.push.parse('{"code":12,"data":{}}')).toMatchObject({ kind: 'authorization_expiry' });
    expect(a.push.parse('{"code":0,"data":{"verify_info":"This is a Verification message."}}')).toMatchObject({ kind: 'verification' });
    expect(a.push.parse('{"code":99,"data":{}}')).toMatchObject({ kind: 'unknown', code: 99 });
  });
});

describe('push.drainLost', () => {
  it('pulls the lost-push backlog page by page and confirms only after the handler succeeded', async () => {
    const s = await shopSandbox();
    try {
      // No push URL configured: every push is lost and kept for 3 days.
      const o = seedOrder(s.world);
      s.world.requestBuyerCancellation(o.wire.order_sn);
      for (let i = 0; i < 120; i++) await s.world.emitPush(8, 14701711, { item_id: i });
      const seen: PushEvent[] = [];
      await expect(s.adapter.push.drainLost(() => { throw new Error('db down'); })).rejects.toThrow('db down');
      expect(s.world.lostPushes.every((m) => !m.confirmed)).toBe(true);
      const r = await s.adapter.push.drainLost((events) => void seen.push(...events));
      expect(r).toEqual({ drained: 121, pages: 2 });
      expect(seen[0]).toMatchObject({ kind: 'order_status', orderId: o.wire.order_sn, status: 'IN_CANCEL' });
      expect(s.world.lostPushes.every((m) => m.confirmed)).toBe(true);
      expect(await s.adapter.push.drainLost(() => undefined)).toEqual({ drained: 0, pages: 0 });
    } finally {
      await s.close();
    }
  });
});

describe('push.drainLost on the documented sample', () => {
  it('reads the nested push object the sample carries in `data`, then confirms last_message_id', async () => {
    const nock = (await import('nock')).default;
    const { fixture } = await import('./helpers.js');
    nock.disableNetConnect();
    try {
      const sample = { ...fixture('get_lost_push_message.json'), error: '' }; // the doc writes "-" for empty strings
      nock('https://partner.shopeemobile.com').get('/api/v2/push/get_lost_push_message').query((q) => !!q.sign && q.access_token === undefined).reply(200, sample);
      const confirm = nock('https://partner.shopeemobile.com').post('/api/v2/push/confirm_consumed_lost_push_message', { last_message_id: 176610 }).query(true).reply(200, { error: '', message: '' });
      const seen: PushEvent[] = [];
      expect(await adapter().push.drainLost((e) => void seen.push(...e))).toEqual({ drained: 1, pages: 1 });
      confirm.done();
      expect(seen).toEqual([{ kind: 'order_status', code: 3, shopId: 727720655, orderId: '220810QSK8S7BX', status: 'PROCESSED', updateTime: 1660123127, data: { items: [], ordersn: '220810QSK8S7BX', status: 'PROCESSED', completed_scenario: '', update_time: 1660123127 } }]);
    } finally {
      nock.cleanAll();
      nock.enableNetConnect();
    }
  });
});
