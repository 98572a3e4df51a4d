import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/classes.js';
import type { Order } from '../../../src/model/order.js';
import { adapter, api, fixture, mockToken, ORDERS, REQUEST_ID, TAX } from './helpers.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const FILTER = 'lastmodifieddate:[2026-11-20T00:00:00.000Z..2026-11-21T00:00:00.000Z]';
const QUERY = { updatedSince: '2026-11-20T00:00:00.000Z', until: '2026-11-21T00:00:00.000Z' };

const EXPECTED_GB: Order = {
  id: '12-03456-78901',
  marketplace: 'ebay',
  account: 'acme_seller',
  store: 'EBAY_GB',
  status: 'unshipped',
  marketplaceStatus: 'NOT_STARTED/PAID/NONE_REQUESTED',
  holds: [],
  shippable: true,
  createdAt: { utc: '2026-11-20T10:15:30.000Z', raw: '2026-11-20T10:15:30.000Z' },
  updatedAt: { utc: '2026-11-20T10:20:01.000Z', raw: '2026-11-20T10:20:01.000Z' },
  shipBy: { latest: { utc: '2026-11-21T23:59:59.000Z', raw: '2026-11-21T23:59:59.000Z' } },
  fulfilledBy: 'merchant',
  lines: [{
    lineId: '10045678901234', sku: 'MUG-BLUE', title: 'Blue ceramic mug', variantIds: { itemId: '110123456789' },
    quantity: 2, shippedQuantity: 0, cancelledQuantity: 0, returnedQuantity: 0,
    unitPrice: { amount: 1999, currency: 'GBP' }, taxInclusive: true, discounts: [],
  }],
  taxes: [{ kind: 'VAT', amount: { amount: 725, currency: 'GBP' }, collectedBy: 'marketplace', scheme: 'VAT', lineId: '10045678901234' }],
  totals: { charged: { amount: 4348, currency: 'GBP' }, items: { amount: 3998, currency: 'GBP' }, shipping: { amount: 350, currency: 'GBP' } },
  currencies: { buyer: 'GBP', listing: 'GBP', payout: 'GBP' },
  extra: { salesRecordReference: '1042', orderPaymentStatus: 'PAID' },
};

describe('orders.list (getOrders, filter + limit/offset)', () => {
  it('sends the exact filter, pages by offset, quarantines a malformed record and resumes', async () => {
    mockToken();
    api().get(ORDERS).query({ filter: FILTER, limit: '2', offset: '0', fieldGroups: 'TAX_BREAKDOWN' }).reply(200, fixture('orders-page-1.json'), REQUEST_ID);
    api().get(ORDERS).query({ filter: FILTER, limit: '2', offset: '2', fieldGroups: 'TAX_BREAKDOWN' }).reply(200, fixture('orders-page-2.json'), REQUEST_ID);
    const a = adapter({ ordersPageSize: 2 });
    const pages = [];
    for await (const page of a.orders.list(QUERY).pages()) pages.push(page);
    expect(pages).toHaveLength(2);
    expect(pages[0]!.items[0]).toEqual(EXPECTED_GB);
    expect(pages[0]!.items.map((o) => o.id)).toEqual(['12-03456-78901', '27-11111-22222']);
    expect(pages[0]!.resume).toMatchObject({ v: 1, strategy: 'offset', cursor: 2 });
    expect(pages[1]!.items.map((o) => o.id)).toEqual(['31-33333-44444']);
    expect(pages[1]!.items[0]!.status).toBe('partially_shipped');
    expect(pages[1]!.quarantined).toEqual([expect.objectContaining({ index: 0, recordId: '05-55555-55555' })]);
    expect(pages[1]!.resume).toBeUndefined();

    const us = pages[0]!.items[1]!;
    expect(us.store).toBe('EBAY_US');
    expect(us.lines[0]!.taxInclusive).toBe(false);
    expect(us.taxes).toEqual([{ kind: 'STATE_SALES_TAX', amount: { amount: 103, currency: 'USD' }, collectedBy: 'marketplace', scheme: 'STATE_SALES_TAX', lineId: '10099999999999' }]);

    // Resume from the first page's token: the same filter, from offset 2, in a new adapter.
    mockToken();
    api().get(ORDERS).query({ filter: FILTER, limit: '2', offset: '2', fieldGroups: 'TAX_BREAKDOWN' }).reply(200, fixture('orders-page-2.json'));
    const rest: string[] = [];
    for await (const o of adapter({ ordersPageSize: 2 }).orders.list({ resumeFrom: pages[0]!.resume! })) rest.push(o.id);
    expect(rest).toEqual(['31-33333-44444']);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('a token rejected during pagination is refreshed once and the page replayed', async () => {
    mockToken('token-one-aaaaaa');
    api('token-one-aaaaaa').get(ORDERS).query({ filter: FILTER, limit: '2', offset: '0', fieldGroups: 'TAX_BREAKDOWN' }).reply(200, fixture('orders-page-1.json'));
    api('token-one-aaaaaa').get(ORDERS).query({ filter: FILTER, limit: '2', offset: '2', fieldGroups: 'TAX_BREAKDOWN' }).reply(401, fixture('error-invalid-token.json'));
    mockToken('token-two-bbbbbb');
    api('token-two-bbbbbb').get(ORDERS).query({ filter: FILTER, limit: '2', offset: '2', fieldGroups: 'TAX_BREAKDOWN' }).reply(200, fixture('orders-page-2.json'));
    const ids = (await adapter({ ordersPageSize: 2 }).orders.list(QUERY).toArray({ max: 10 })).map((o) => o.id);
    expect(ids).toEqual(['12-03456-78901', '27-11111-22222', '31-33333-44444']);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('uses creationdate for createdSince and pre-filters open statuses', async () => {
    mockToken();
    const filter = 'creationdate:[2026-11-20T00:00:00.000Z..2026-11-21T00:00:00.000Z],orderfulfillmentstatus:{NOT_STARTED|IN_PROGRESS}';
    api().get(ORDERS).query({ filter, limit: '50', offset: '0', fieldGroups: 'TAX_BREAKDOWN' }).reply(200, { ...fixture('orders-page-1.json'), total: 2, next: undefined });
    const items = await adapter().orders.list({ createdSince: '2026-11-20T00:00:00.000Z', until: '2026-11-21T00:00:00.000Z', statuses: ['unshipped'] }).toArray({ max: 10 });
    expect(items.map((o) => o.id)).toEqual(['12-03456-78901', '27-11111-22222']);
  });

  it('needs exactly one of createdSince / updatedSince (before any I/O)', () => {
    expect(() => adapter().orders.list({})).toThrow(ValidationError);
  });
});

describe('orders.get', () => {
  it('maps buyer and address only when includePii is asked', async () => {
    mockToken();
    api().get(`${ORDERS}/12-03456-78901`).query(TAX).times(2).reply(200, fixture('order-gb.json'));
    const a = adapter();
    const plain = await a.orders.get('12-03456-78901');
    expect(plain).toEqual(EXPECTED_GB);
    expect(plain.buyer).toBeUndefined();
    const pii = await a.orders.get('12-03456-78901', { includePii: true });
    expect(pii.buyer).toEqual({ name: 'Jane Doe', email: 'jane.doe@example.co.uk' });
    expect(pii.shippingAddress).toEqual({ name: 'Jane Doe', lines: ['10 Downing Street'], city: 'London', postalCode: 'SW1A 2AA', country: 'GB', phone: '02079460000', email: 'jane.doe@example.co.uk' });
  });

  it('maps a cancelled order and a cancel request hold', async () => {
    mockToken();
    const cancelled = { ...fixture('order-gb.json'), cancelStatus: { cancelState: 'CANCELED', cancelRequests: [] } };
    const requested = { ...fixture('order-gb.json'), cancelStatus: { cancelState: 'CANCEL_REQUESTED', cancelRequests: [] } };
    api().get(`${ORDERS}/A`).query(TAX).reply(200, cancelled);
    api().get(`${ORDERS}/B`).query(TAX).reply(200, requested);
    const a = adapter();
    expect((await a.orders.get('A')).status).toBe('cancelled');
    const b = await a.orders.get('B');
    expect(b.holds).toEqual(['pending_buyer_cancellation']);
    expect(b.shippable).toBe(false);
  });
});
