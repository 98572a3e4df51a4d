import nock from 'nock';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/classes.js';
import { adapter, fixture, mockLwa, SELLER, TOKEN } from './helpers.js';

const NA = 'https://sellingpartnerapi-na.amazon.com';
const US = 'ATVPDKIKX0DER';
const CA = 'A2EUQ1WTGCTBG2';
const NOW = Date.parse('2025-01-10T12:00:00.000Z');
const clock = { now: () => now, sleep: async (ms: number) => void (now += ms) };
let now = NOW;
const na = () => nock(NA, { reqheaders: { 'x-amz-access-token': TOKEN } });
const naAdapter = (extra = {}) => adapter({ marketplaces: ['US', 'CA'], clock, ...extra });
const BASE_QUERY = {
  lastUpdatedAfter: '2025-01-01T00:00:00.000Z',
  lastUpdatedBefore: '2025-01-10T11:58:00.000Z',
  marketplaceIds: `${US},${CA}`,
  maxResultsPerPage: '100',
  includedData: 'FULFILLMENT,PACKAGES,PROCEEDS,CANCELLATION,TAX',
};
const example = () => structuredClone(fixture('searchOrders.example.json'));

/** The official example order, normalized. */
const EXPECTED = {
  id: '123-4567890-1234567',
  marketplace: 'amazon',
  account: SELLER,
  store: 'US',
  status: 'delivered',
  marketplaceStatus: 'SHIPPED',
  holds: [],
  shippable: false,
  createdAt: { utc: '2024-12-25T10:30:00.000Z', raw: '2024-12-25T10:30:00Z' },
  updatedAt: { utc: '2024-12-25T14:45:00.000Z', raw: '2024-12-25T14:45:00Z' },
  shipBy: { earliest: { utc: '2024-12-26T00:00:00.000Z', raw: '2024-12-26T00:00:00Z' }, latest: { utc: '2024-12-27T23:59:59.000Z', raw: '2024-12-27T23:59:59Z' } },
  fulfilledBy: 'merchant',
  lines: [
    {
      lineId: '12345678901234', sku: 'ECHO-DOT-4-CHARCOAL', title: 'Echo Dot (4th Gen) | Smart speaker with Alexa | Charcoal', variantIds: { asin: 'B08N5WRWNW' },
      quantity: 2, shippedQuantity: 2, cancelledQuantity: 0, returnedQuantity: 0, unitPrice: { amount: 4999, currency: 'USD' }, taxInclusive: false, discounts: [],
    },
    {
      lineId: '12345678901235', sku: 'FIRE-TV-4K-2021', title: 'Fire TV Stick 4K with Alexa Voice Remote', variantIds: { asin: 'B07XJ8C8F5' },
      quantity: 1, shippedQuantity: 1, cancelledQuantity: 0, returnedQuantity: 0, unitPrice: { amount: 4999, currency: 'USD' }, taxInclusive: false, discounts: [],
    },
  ],
  taxes: [{ kind: 'item_tax', amount: { amount: 2, currency: 'USD' }, collectedBy: 'seller', lineId: '12345678901234' }],
  // What the buyer paid: items 149.97 + tax 0.02 (US prices exclude tax) + the 5.00 delivery tip.
  totals: { charged: { amount: 15499, currency: 'USD' }, items: { amount: 14997, currency: 'USD' }, tax: { amount: 2, currency: 'USD' }, proceeds: { amount: 15499, currency: 'USD' } },
  currencies: { buyer: 'USD' },
  extra: {
    salesChannel: 'AMAZON', marketplaceId: US, serviceLevel: 'STANDARD', programs: ['PRIME', 'AMAZON_BUSINESS'], sellerOrderId: 'SELLER-ORDER-2024-001',
    packages: [{ packageReferenceId: 'PKG-2024-001', carrier: 'UPS', trackingNumber: '1Z999AA1234567890', status: 'DELIVERED' }],
  },
};

beforeAll(() => nock.disableNetConnect());
beforeEach(() => {
  now = NOW;
  mockLwa();
});
afterEach(() => nock.cleanAll());

describe('orders.list (searchOrders 2026-01-01)', () => {
  it('sends one query for all stores, bounded 2 minutes before now, and maps the official example exactly', async () => {
    na().get('/orders/2026-01-01/orders').query(BASE_QUERY).reply(200, { ...example(), pagination: undefined });
    const orders = await naAdapter().orders.list({ updatedSince: '2025-01-01T00:00:00Z' }).toArray({ max: 10 });
    expect(orders).toEqual([EXPECTED]);
  });

  it('buyer and recipient (PII) only when asked', async () => {
    na().get('/orders/2026-01-01/orders').query({ ...BASE_QUERY, includedData: `${BASE_QUERY.includedData},BUYER,RECIPIENT` }).reply(200, { ...example(), pagination: undefined });
    const [o] = await naAdapter().orders.list({ updatedSince: '2025-01-01T00:00:00Z', includePii: true }).toArray({ max: 1 });
    expect(o!.buyer).toEqual({ name: 'John Smith', email: 'buyer-email@marketplace.amazon.com' });
    expect(o!.shippingAddress).toEqual({ name: 'John Smith', company: 'Smith Industries LLC', lines: ['123 Main Street', 'Suite 456'], city: 'Seattle', district: 'King County', region: 'WA', postalCode: '98101', country: 'US', phone: '555-123-4567' });
  });

  it('pages with the identical query, resumes from a token, and re-reads the window when the token expired', async () => {
    const page1 = example();
    const second = { ...structuredClone(page1.orders[0]), orderId: '123-4567890-7654321' };
    na().get('/orders/2026-01-01/orders').query(BASE_QUERY).reply(200, page1);
    const a = naAdapter();
    const pages = [];
    for await (const p of a.orders.list({ updatedSince: new Date('2025-01-01T00:00:00Z') }).pages()) {
      pages.push(p);
      break;
    }
    const resume = pages[0]!.resume!;
    expect(resume.cursor).toBe(`${NOW}~2YgYW55IGNhcm5hbCBwbGVhc3VyZS4`);

    // An hour later (the clock moved): the query stays the one the token belongs to.
    now += 3600_000;
    mockLwa(); // the access token (1 h) expired meanwhile
    na().get('/orders/2026-01-01/orders').query({ ...BASE_QUERY, paginationToken: '2YgYW55IGNhcm5hbCBwbGVhc3VyZS4' }).reply(200, { orders: [second] });
    const resumed = await a.orders.list({ resumeFrom: resume }).toArray({ max: 10 });
    expect(resumed.map((o) => o.id)).toEqual(['123-4567890-7654321']);

    // 25 hours later the token is dead: the window is read again from its start.
    now = NOW + 25 * 3600_000;
    mockLwa();
    na().get('/orders/2026-01-01/orders').query(BASE_QUERY).reply(200, { orders: [page1.orders[0], second] });
    const reread = await a.orders.list({ resumeFrom: resume }).toArray({ max: 10 });
    expect(reread.map((o) => o.id)).toEqual(['123-4567890-1234567', '123-4567890-7654321']);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('an expired-token answer from Amazon also falls back to the window', async () => {
    const page1 = example();
    na().get('/orders/2026-01-01/orders').query({ ...BASE_QUERY, paginationToken: 'tok' }).reply(400, { errors: [{ code: 'InvalidInput', message: 'The pagination token has expired.' }] });
    na().get('/orders/2026-01-01/orders').query(BASE_QUERY).reply(200, { orders: page1.orders });
    const resume = { v: 1 as const, strategy: 'next-token' as const, query: { ...BASE_QUERY, marketplaceIds: [US, CA], maxResultsPerPage: 100, includePii: false }, cursor: `${NOW}~tok` };
    const orders = await naAdapter().orders.list({ resumeFrom: resume }).toArray({ max: 10 });
    expect(orders.map((o) => o.id)).toEqual(['123-4567890-1234567']);
  });

  it('quarantines a malformed order without failing its page', async () => {
    const page = example();
    page.orders.push({ orderId: 'broken-1', createdTime: 42, salesChannel: {}, orderItems: 'x' });
    page.pagination = undefined;
    na().get('/orders/2026-01-01/orders').query(BASE_QUERY).reply(200, page);
    const quarantined: string[] = [];
    const a = naAdapter({ hooks: { onQuarantine: (e: { recordId?: string }) => quarantined.push(e.recordId!) } });
    for await (const p of a.orders.list({ updatedSince: '2025-01-01T00:00:00Z' }).pages()) {
      expect(p.items.map((o) => o.id)).toEqual(['123-4567890-1234567']);
      expect(p.quarantined).toEqual([expect.objectContaining({ index: 1, recordId: 'broken-1' })]);
    }
    expect(quarantined).toEqual(['broken-1']);
  });

  it('never asks for a window that ends less than 2 minutes ago; an empty window makes no call', async () => {
    const r = await naAdapter().orders.list({ createdSince: new Date(NOW - 60_000) }).toArray({ max: 1 });
    expect(r).toEqual([]);
    expect(() => naAdapter().orders.list({})).toThrow(ValidationError);
  });

  it('filters by unified status via fulfillmentStatuses', async () => {
    na().get('/orders/2026-01-01/orders').query({ ...BASE_QUERY, fulfillmentStatuses: 'PENDING,PENDING_AVAILABILITY,UNSHIPPED' }).reply(200, { orders: [] });
    await naAdapter().orders.list({ updatedSince: '2025-01-01T00:00:00Z', statuses: ['pending', 'unshipped'] }).toArray({ max: 1 });
    expect(nock.pendingMocks()).toEqual([]);
  });
});

describe('orders.get (getOrder 2026-01-01)', () => {
  it('maps marketplace-facilitator tax with its scheme (IOSS) per line', async () => {
    const tr = fixture('getOrder.sandbox-tax.json');
    nock('https://sellingpartnerapi-eu.amazon.com').get(`/orders/2026-01-01/orders/${tr.order.orderId}`).query({ includedData: BASE_QUERY.includedData }).reply(200, tr);
    const o = await adapter({ marketplaces: ['TR'] }).orders.get(tr.order.orderId);
    expect(o).toMatchObject({ store: 'TR', status: 'shipped', fulfilledBy: 'merchant', totals: { items: { amount: 12500, currency: 'TRY' }, charged: { amount: 12500, currency: 'TRY' }, proceeds: { amount: 12500, currency: 'TRY' } } });
    expect(o.taxes).toEqual([{ kind: 'tax', amount: { amount: 0, currency: 'TRY' }, collectedBy: 'marketplace', scheme: 'IOSS', lineId: '02812345678901' }]);
    expect(o.buyer).toBeUndefined();
  });

  it('a buyer cancellation request is a hold: the order is not shippable', async () => {
    const body = { order: structuredClone(example().orders[0]) };
    body.order.fulfillment.fulfillmentStatus = 'UNSHIPPED';
    body.order.packages = [];
    for (const it of body.order.orderItems) it.fulfillment = { quantityFulfilled: 0, quantityUnfulfilled: it.quantityOrdered };
    delete body.order.orderItems[0].cancellation.cancellationExecution;
    na().get(`/orders/2026-01-01/orders/${body.order.orderId}`).query({ includedData: BASE_QUERY.includedData }).reply(200, body);
    const o = await naAdapter().orders.get(body.order.orderId);
    expect(o).toMatchObject({ status: 'unshipped', holds: ['pending_buyer_cancellation'], shippable: false });
  });
});
