import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/index.js';
import { fixture, TestClock } from './helpers.js';
import { NOW, SELLER, intercept, sellerQuery, wireAdapter, type Seen } from './wire.js';

const LIST = fixture('order_get.json');
const DETAIL = fixture('order_info_get.json');
const empty = { aliexpress_solution_order_get_response: { result: { success: true, total_count: 0, total_page: 0, current_page: 1, page_size: 50, target_list: {} }, request_id: 'e' } };

const EXPECTED_ORDER = {
  id: '3041234567890123', marketplace: 'aliexpress', account: SELLER, store: 'aliexpress', status: 'unshipped', marketplaceStatus: 'WAIT_SELLER_SEND_GOODS',
  holds: [], shippable: true,
  // 01:20 on 2026-11-01 happens twice in Los Angeles; the earlier (PDT) instant is taken.
  createdAt: { utc: '2026-11-01T08:20:00.000Z', raw: '2026-11-01 01:20:00' }, updatedAt: { utc: '2026-11-01T08:25:00.000Z', raw: '2026-11-01 01:25:00' },
  fulfilledBy: 'merchant',
  lines: [{ lineId: '8012345678901', sku: 'MUG-RED', title: 'Red mug', variantIds: { productId: '1005001234567890' }, quantity: 2, shippedQuantity: 0, cancelledQuantity: 0, returnedQuantity: 0, unitPrice: { amount: 1299, currency: 'USD' }, taxInclusive: false, discounts: [] }],
  taxes: [], totals: { charged: { amount: 2598, currency: 'USD' } }, currencies: { buyer: 'USD' }, extra: { logisticsStatus: 'WAIT_SELLER_SEND_GOODS' },
};

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('orders.list', () => {
  it('pins the signed request: system params in the query, param0 JSON in the form body, US Pacific strings', async () => {
    const seen: Seen[] = [];
    intercept('/sync', LIST, seen);
    const a = wireAdapter();
    const orders = await a.orders.list({ updatedSince: new Date(NOW - 3600_000), statuses: ['unshipped'] }).toArray({ max: 10 });
    expect(seen).toHaveLength(1);
    const { sign, ...query } = seen[0]!.query;
    expect(query).toEqual(sellerQuery('aliexpress.solution.order.get'));
    expect(sign).toMatch(/^[0-9A-F]{64}$/);
    expect(seen[0]!.signOk).toBe(true);
    expect(seen[0]!.body).toEqual({
      param0: JSON.stringify({ current_page: 1, page_size: 50, modified_date_start: '2026-11-01 03:00:00', modified_date_end: '2026-11-01 04:00:00', order_status_list: ['WAIT_SELLER_SEND_GOODS', 'IN_CANCEL'] }),
    });
    expect(orders).toEqual([EXPECTED_ORDER]);
  });

  it('widens DST-touching windows so they overlap, and de-duplicates the order both return', async () => {
    const seen: Seen[] = [];
    intercept('/sync', LIST, seen, 2);
    const a = wireAdapter({ windowDays: 1 });
    const orders = await a.orders.list({ updatedSince: '2026-10-31T00:00:00Z', until: '2026-11-02T00:00:00Z', statuses: ['unshipped'] }).toArray({ max: 10 });
    const windows = seen.map((s) => JSON.parse(s.body.param0!) as Record<string, string>).map((p) => [p.modified_date_start, p.modified_date_end]);
    expect(windows).toEqual([
      ['2026-10-30 17:00:00', '2026-10-31 17:00:00'],
      // Nov 1 falls back from PDT to PST: widened by the hour on both sides.
      ['2026-10-31 16:00:00', '2026-11-01 17:00:00'],
    ]);
    expect(orders.map((o) => o.id)).toEqual(['3041234567890123']);
  });

  it('follows page numbers by total_count and queries FINISH explicitly when no status is given', async () => {
    const seen: Seen[] = [];
    const page = (n: number, ids: number[]) => ({ aliexpress_solution_order_get_response: { result: { ...LIST.aliexpress_solution_order_get_response.result, total_count: 51, current_page: n, target_list: { order_dto: ids.map((id) => ({ ...LIST.aliexpress_solution_order_get_response.result.target_list.order_dto[0], order_id: id })) } } } });
    intercept('/sync', (s: Seen) => {
      const p = JSON.parse(s.body.param0!);
      if (p.order_status === 'FINISH') return [200, empty];
      return [200, p.current_page === 1 ? page(1, Array.from({ length: 50 }, (_, i) => 1000 + i)) : page(2, [2000])];
    }, seen, 3);
    const a = wireAdapter();
    const pages = [];
    for await (const p of a.orders.list({ updatedSince: new Date(NOW - 3600_000) }).pages()) pages.push(p);
    const params = seen.map((s) => JSON.parse(s.body.param0!));
    expect(params.map((p) => [p.current_page, p.order_status, p.order_status_list])).toEqual([[1, undefined, undefined], [2, undefined, undefined], [1, 'FINISH', undefined]]);
    expect(pages.flatMap((p) => p.items)).toHaveLength(51);
    expect(pages[0]!.resume).toMatchObject({ strategy: 'page-number', cursor: 2, window: 0 });
  });

  it('quarantines a malformed record and keeps its page', async () => {
    const seen: Seen[] = [];
    const good = LIST.aliexpress_solution_order_get_response.result.target_list.order_dto[0];
    intercept('/sync', { aliexpress_solution_order_get_response: { result: { total_count: 2, target_list: { order_dto: [good, { order_id: 5, product_list: 'x' }] } } } }, seen);
    const page = (await a().orders.list({ updatedSince: new Date(NOW - 3600_000), statuses: ['unshipped'] }).pages()[Symbol.asyncIterator]().next()).value;
    expect(page.items.map((o: { id: string }) => o.id)).toEqual(['3041234567890123']);
    expect(page.quarantined).toMatchObject([{ index: 1, recordId: '5' }]);
    function a() {
      return wireAdapter();
    }
  });

  it('needs a start date', () => {
    expect(() => wireAdapter().orders.list({})).toThrow(ValidationError);
  });
});

describe('orders.get', () => {
  it('sends param1 with the order id as a bare JSON number and maps the detail; PII only on request', async () => {
    const seen: Seen[] = [];
    intercept('/sync', DETAIL, seen, 2);
    const a = wireAdapter();
    const o = await a.orders.get('3041234567890123');
    expect(seen[0]!.body).toEqual({ param1: '{"order_id":3041234567890123}' });
    expect(seen[0]!.query.method).toBe('aliexpress.solution.order.info.get');
    expect(seen[0]!.signOk).toBe(true);
    expect(o).toMatchObject({ id: '3041234567890123', status: 'unshipped', lines: [{ lineId: '8012345678901', unitPrice: { amount: 1299, currency: 'USD' }, quantity: 2 }], totals: { charged: { amount: 2598, currency: 'USD' }, shipping: { amount: 0, currency: 'USD' } } });
    expect(o.shippingAddress).toBeUndefined();
    const withPii = await a.orders.get('3041234567890123', { includePii: true });
    expect(withPii.shippingAddress).toEqual({ name: 'Ana Garcia', lines: ['Calle Mayor 1'], city: 'Madrid', region: 'Madrid', postalCode: '28013', country: 'ES', phone: '600123456' });
    expect(withPii.buyer).toEqual({ name: 'Ana Garcia' });
  });
});

describe('orders.list status filter', () => {
  it('"cancelled" reads only FINISH and keeps the closed orders', async () => {
    const seen: Seen[] = [];
    const dto = LIST.aliexpress_solution_order_get_response.result.target_list.order_dto[0];
    intercept('/sync', { aliexpress_solution_order_get_response: { result: { total_count: 2, target_list: { order_dto: [
      { ...dto, order_id: 1, order_status: 'FINISH', end_reason: 'buyer_cancel_order_in_risk' }, { ...dto, order_id: 2, order_status: 'FINISH', end_reason: 'buyer_accept_goods' },
    ] } } } }, seen);
    const got = await wireAdapter().orders.list({ updatedSince: new Date(NOW - 3600_000), statuses: ['cancelled'] }).toArray({ max: 5 });
    expect(JSON.parse(seen[0]!.body.param0!).order_status).toBe('FINISH');
    expect(got.map((o) => [o.id, o.status])).toEqual([['1', 'cancelled']]);
  });
});
