import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { NotSupportedError, ValidationError } from '../../../src/errors/index.js';
import { StockLedger } from '../../../src/inventory/ledger.js';
import { restockReturn } from '../../../src/returns/restock.js';
import { MemoryIntentJournal } from '../../../src/state/intent-journal.js';
import { shopee } from '../../../adapters/shopee/index.js';
import { advanceReturn, seedOrder, seedReturn } from '../../../adapters/shopee/sandbox/index.js';
import { tokenKey } from '../../../adapters/shopee/tokens.js';
import { shopSandbox, signedQuery, TestClock, TestTokenStore, type SandboxSetup } from './helpers.js';

let s: SandboxSetup | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
  nock.cleanAll();
  nock.enableNetConnect();
});

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 5, 1);

describe('Shopee returns on the sandbox', () => {
  it('lists a buyer request, confirms it and reads it back as approved, then refunded', async () => {
    const clock = new TestClock(T0);
    s = await shopSandbox({ clock });
    const o = seedOrder(s.world, { lines: [{ price: 10 }, { price: 4.5, quantity: 2 }] });
    const line = (o.wire.item_list as Array<{ item_id: number }>)[1]!;
    clock.t += 60_000;
    const r = seedReturn(s.world, o, { lines: [{ index: 1, quantity: 2 }] });
    clock.t += 60_000;

    const listed = await s.adapter.returns.list({ updatedSince: new Date(T0) }).toArray({ max: 100 });
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      id: r.wire.return_sn, marketplace: 'shopee', orderId: o.wire.order_sn, status: 'requested', marketplaceStatus: 'REQUESTED',
      reason: { code: 'damaged', marketplaceCode: 'PHYSICAL_DMG' },
      lines: [{ lineId: `${line.item_id}:0`, quantity: 2, refundRequested: { amount: 900, currency: 'SGD' } }],
      refundRequested: { amount: 900, currency: 'SGD' },
    });
    expect(listed[0]!.deadlines[0]).toMatchObject({ action: 'respond', marketplaceAction: 'due_date' });

    const approved = await s.adapter.returns.approve(r.wire.return_sn);
    expect(approved).toMatchObject({ returnId: r.wire.return_sn, action: 'approve', outcome: 'confirmed', return: { status: 'approved', marketplaceStatus: 'ACCEPTED' } });

    // The buyer ships the item back, then Shopee pays the refund (the marketplace's side).
    advanceReturn(s.world, r.wire.return_sn, { tracking_number: 'RNSHS00177569', status: 'REFUND_PAID' });
    expect(await s.adapter.returns.get(r.wire.return_sn)).toMatchObject({ status: 'refunded', refunded: { amount: 900, currency: 'SGD' }, shipping: { trackingNumber: 'RNSHS00177569' } });
  });

  it('restocks a refunded return once (Shopee shows no "received" status: restockOn refunded)', async () => {
    const clock = new TestClock(T0);
    s = await shopSandbox({ clock });
    const o = seedOrder(s.world, { lines: [{ price: 4.5, quantity: 2, sku: 'MUG-1' }] });
    const r = seedReturn(s.world, o);
    await s.adapter.returns.approve(r.wire.return_sn);
    advanceReturn(s.world, r.wire.return_sn, { status: 'REFUND_PAID' });
    const ret = await s.adapter.returns.get(r.wire.return_sn);
    const ledger = new StockLedger();
    ledger.setOnHand('MUG-1', 5);
    const opts = { ledger, policy: 'sellable' as const, journal: new MemoryIntentJournal(), restockOn: ['refunded' as const] };
    expect(await restockReturn(s.adapter.account, ret, opts)).toMatchObject({ units: { 'MUG-1': 2 }, already: false });
    expect(await restockReturn(s.adapter.account, ret, opts)).toMatchObject({ already: true });
    expect(ledger.onHand('MUG-1')).toBe(7);
  });

  it('filters by unified status and refuses a second confirm', async () => {
    const clock = new TestClock(T0);
    s = await shopSandbox({ clock });
    const a = seedReturn(s.world, seedOrder(s.world));
    seedReturn(s.world, seedOrder(s.world), { status: 'CANCELLED' });
    clock.t += 1000;
    const open = await s.adapter.returns.list({ updatedSince: new Date(T0 - 1000), statuses: ['requested'] }).toArray({ max: 100 });
    expect(open.map((x) => x.id)).toEqual([a.wire.return_sn]);
    await s.adapter.returns.approve(a.wire.return_sn);
    await expect(s.adapter.returns.approve(a.wire.return_sn)).rejects.toThrow(/cannot be confirmed/);
  });

  it('a retry with the same idempotency key does not confirm twice', async () => {
    const clock = new TestClock(T0);
    s = await shopSandbox({ clock });
    const r = seedReturn(s.world, seedOrder(s.world));
    const first = await s.adapter.returns.approve(r.wire.return_sn, {}, { idempotencyKey: 'approve-1' });
    const again = await s.adapter.returns.approve(r.wire.return_sn, {}, { idempotencyKey: 'approve-1' });
    expect(first.outcome).toBe('confirmed');
    // A second confirm would be refused (the status is ACCEPTED now: see the test above); the journal answers instead.
    expect(again).toMatchObject({ returnId: r.wire.return_sn, outcome: 'already_done' });
  });

  it('says what Shopee does not offer, before any call', async () => {
    s = await shopSandbox();
    expect(s.adapter.capabilities.returns).toMatchObject({ list: true, approve: true, reject: false, refundByAmount: false, partialRefundOffer: false });
    await expect(s.adapter.returns.reject('1')).rejects.toBeInstanceOf(NotSupportedError);
    await expect(s.adapter.returns.refund('1', { amount: { amount: 100, currency: 'SGD' } })).rejects.toBeInstanceOf(NotSupportedError);
    expect(() => s!.adapter.returns.list({})).toThrow(ValidationError);
  });
});

describe('Shopee returns wire', () => {
  const key = 'returns-key';
  const token = 'returns-token-0000000000000';
  const adapter = () => {
    nock.disableNetConnect();
    const store = new TestTokenStore({ [tokenKey(1, { kind: 'shop', id: 9 })]: { accessToken: token, refreshToken: 'x'.repeat(32), expiresAt: T0 + 3600_000, version: 1 } });
    return shopee({ region: 'SG', partnerId: 1, partnerKey: key, shopId: 9, tokens: store, clock: new TestClock(T0), escrow: false });
  };
  const signed = (path: string) => (q: Record<string, string>) => signedQuery(q, { partnerId: 1, path, partnerKey: key, accessToken: token, shopId: 9, timestamp: T0 / 1000 });
  const wire = { return_sn: '200203171852695', order_sn: '200203C6W0AR27', status: 'REQUESTED', reason: 'NOT_RECEIPT', refund_amount: 14.09, currency: 'SGD', create_time: 1780272000, update_time: 1780272000, item: [{ item_id: 2147533133, model_id: 0, amount: 1, item_price: 14.09, item_sku: 'USB' }] };

  it('reads a 20-day range as two update_time windows of at most 15 days, page_size 100', async () => {
    const a = adapter();
    const since = T0 - 20 * DAY;
    const path = '/api/v2/returns/get_return_list';
    const first = nock('https://partner.shopeemobile.com').get(path)
      .query((q) => signed(path)(q as never) && q.page_no === '1' && q.page_size === '100' && q.update_time_from === String(since / 1000) && q.update_time_to === String((since + 15 * DAY) / 1000 - 1))
      .reply(200, { error: '', message: '', response: { more: false, return: [wire] } });
    const second = nock('https://partner.shopeemobile.com').get(path)
      .query((q) => signed(path)(q as never) && q.page_no === '1' && q.update_time_from === String((since + 15 * DAY) / 1000) && q.update_time_to === String(T0 / 1000))
      .reply(200, { error: '', message: '', response: { more: false, return: [] } });
    const all = await a.returns.list({ updatedSince: new Date(since) }).toArray({ max: 100 });
    expect(first.isDone() && second.isDone()).toBe(true);
    expect(all).toEqual([expect.objectContaining({ id: '200203171852695', status: 'requested', reason: { code: 'not_received', marketplaceCode: 'NOT_RECEIPT' }, refundRequested: { amount: 1409, currency: 'SGD' } })]);
  });

  it('pins the confirm request (signed POST, body { return_sn })', async () => {
    const a = adapter();
    const detail = '/api/v2/returns/get_return_detail';
    nock('https://partner.shopeemobile.com').get(detail).query((q) => signed(detail)(q as never) && q.return_sn === wire.return_sn).times(2).reply(200, { error: '', message: '', response: wire });
    const confirm = nock('https://partner.shopeemobile.com')
      .post('/api/v2/returns/confirm', { return_sn: wire.return_sn })
      .query(signed('/api/v2/returns/confirm') as never)
      .reply(200, { error: '', message: '', request_id: 'r', response: { return_sn: wire.return_sn } });
    nock('https://partner.shopeemobile.com').get(detail).query(true).reply(200, { error: '', message: '', response: { ...wire, status: 'ACCEPTED' } });
    const res = await a.returns.approve(wire.return_sn);
    expect(confirm.isDone()).toBe(true);
    expect(res).toMatchObject({ outcome: 'confirmed', return: { status: 'approved' } });
  });
});
