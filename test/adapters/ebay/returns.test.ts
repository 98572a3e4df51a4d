import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MarketplaceError, ValidationError } from '../../../src/errors/classes.js';
import type { Return } from '../../../src/model/return.js';
import { adapter, mockToken } from './helpers.js';
import { detail, mockFull, mockOrder, mockSummary, ORDER_ID, po, RETURN_ID, summary } from './returns-support.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const at = (s: string) => ({ utc: s, raw: s });
const GBP = (amount: number) => ({ amount, currency: 'GBP' });

const EXPECTED: Omit<Return, 'raw'> = {
  id: RETURN_ID, marketplace: 'ebay', account: 'acme_seller', store: 'EBAY_GB', orderId: ORDER_ID,
  status: 'requested', marketplaceStatus: 'RETURN_REQUESTED', marketplaceState: 'INITIAL',
  reason: { code: 'damaged', marketplaceCode: 'ARRIVED_DAMAGED', comment: 'Cracked handle' },
  // The Post-Order item (itemId 110123456789) resolved to the order's lineItemId.
  lines: [{ lineId: '10045678901234', sku: 'MUG-BLUE', variantIds: { itemId: '110123456789', transactionId: '2000123456' }, quantity: 1, refundRequested: GBP(1999) }],
  deadlines: [{ action: 'respond', marketplaceAction: 'SELLER_APPROVE_REQUEST', by: at('2026-11-28T09:00:00.000Z') }],
  shipping: { paidBy: 'seller' },
  refundRequested: GBP(1999),
  refunds: [],
  createdAt: at('2026-11-25T09:00:00.000Z'),
  updatedAt: at('2026-11-25T10:30:00.000Z'),
};

describe('returns.list (GET /post-order/v2/return/search)', () => {
  it('searches the creation horizon before the window with IAF auth, completes each return and keeps those changed in the window', async () => {
    mockToken();
    const old = summary({ returnId: '5000000001', creationInfo: { ...summary().creationInfo, creationDate: { value: '2026-10-01T00:00:00.000Z' } } });
    po().get('/post-order/v2/return/search')
      .query({ creation_date_range_from: '2026-07-28T00:00:00.000Z', creation_date_range_to: '2026-11-26T00:00:00.000Z', limit: '25', offset: '0' })
      .reply(200, { members: [summary(), old, { returnId: 42 }], paginationOutput: { limit: 25, offset: 0, totalEntries: 3 } });
    mockFull();
    po().get('/post-order/v2/return/5000000001').query({ fieldgroups: 'FULL' }).reply(200, { detail: { responseHistory: [] } });
    mockOrder();
    const pages = [];
    for await (const page of adapter().returns.list({ updatedSince: '2026-11-25T00:00:00.000Z', until: '2026-11-26T00:00:00.000Z' }).pages()) pages.push(page);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.items).toHaveLength(1); // the October return did not change in the window
    expect(pages[0]!.items[0]).toMatchObject(EXPECTED);
    expect(pages[0]!.quarantined).toEqual([expect.objectContaining({ index: 2 })]);
    expect(nock.isDone()).toBe(true);
  });
});

describe('returns.get', () => {
  it('reads SUMMARY and FULL and maps tracking of the way back', async () => {
    mockToken();
    mockSummary(summary({ state: 'ITEM_SHIPPED', status: 'ITEM_SHIPPED' }));
    mockFull(detail({ returnShipmentInfo: { shipmentTracking: { carrierEnum: 'RoyalMail', trackingNumber: 'RM123456789GB', deliveryStatus: 'IN_TRANSIT' } } }));
    mockOrder();
    const r = await adapter().returns.get(RETURN_ID);
    expect(r.status).toBe('in_transit');
    expect(r.shipping).toEqual({ paidBy: 'seller', carrier: { code: 'ROYAL_MAIL', marketplaceCode: 'RoyalMail' }, trackingNumber: 'RM123456789GB', marketplaceStatus: 'IN_TRANSIT' });
  });
});

describe('returns.approve / reject / offer / markReceived (decide, mark_as_received)', () => {
  it('approve sends decision APPROVE with the RMA number and returns the return as read after', async () => {
    mockToken();
    mockSummary(); // state before the write
    po().post(`/post-order/v2/return/${RETURN_ID}/decide`, { decision: 'APPROVE', comments: { content: 'Send it back' }, RMANumber: 'RMA-7' }).reply(200, {});
    mockSummary(summary({ state: 'ITEM_READY_TO_SHIP', status: 'READY_FOR_SHIPPING' }));
    mockFull();
    mockOrder();
    const res = await adapter().returns.approve(RETURN_ID, { rma: 'RMA-7', comment: 'Send it back' }, { idempotencyKey: 'ap-1' });
    expect(res).toMatchObject({ returnId: RETURN_ID, action: 'approve', outcome: 'confirmed', return: { status: 'approved' } });
    expect(nock.isDone()).toBe(true);
  });

  it('reject sends DECLINE', async () => {
    mockToken();
    mockSummary();
    po().post(`/post-order/v2/return/${RETURN_ID}/decide`, { decision: 'DECLINE' }).reply(200, {});
    mockSummary(summary({ status: 'RETURN_REJECTED' }));
    mockFull();
    mockOrder();
    expect(await adapter().returns.reject(RETURN_ID)).toMatchObject({ action: 'reject', outcome: 'confirmed', return: { status: 'rejected' } });
  });

  it('offer sends OFFER_PARTIAL_REFUND with partialRefundAmount, and refuses more than was paid before any write', async () => {
    mockToken();
    mockSummary();
    mockFull();
    mockOrder(2);
    mockSummary();
    po().post(`/post-order/v2/return/${RETURN_ID}/decide`, { decision: 'OFFER_PARTIAL_REFUND', partialRefundAmount: { value: 5, currency: 'GBP' } }).reply(200, {});
    mockSummary(summary({ status: 'PARTIAL_REFUND_REQUESTED' }));
    mockFull();
    const a = adapter();
    expect(await a.returns.offer!(RETURN_ID, { partialRefund: { amount: '5.00', currency: 'GBP' } })).toMatchObject({ action: 'offer', outcome: 'confirmed' });
    // 19.99 for the returned unit + 3.50 original shipping = 23.49 at most.
    mockSummary();
    mockFull();
    mockOrder();
    const err = await a.returns.offer!(RETURN_ID, { partialRefund: { amount: '23.50', currency: 'GBP' } }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.path).toBe('request.partialRefund');
  });

  it('markReceived posts mark_as_received', async () => {
    mockToken();
    mockSummary(summary({ state: 'ITEM_SHIPPED', status: 'ITEM_SHIPPED' }));
    po().post(`/post-order/v2/return/${RETURN_ID}/mark_as_received`, {}).reply(200, {});
    mockSummary(summary({ state: 'ITEM_DELIVERED', status: 'ITEM_DELIVERED' }));
    mockFull();
    mockOrder();
    expect(await adapter().returns.markReceived!(RETURN_ID)).toMatchObject({ action: 'receive', outcome: 'confirmed', return: { status: 'received' } });
  });

  it("parses Post-Order's error envelope into a MarketplaceError with eBay's entries", async () => {
    mockToken();
    mockSummary();
    po().post(`/post-order/v2/return/${RETURN_ID}/decide`).reply(400, { errorMessage: { error: [{ errorId: 1617, domain: 'returnErrorDomain', severity: 'ERROR', category: 'REQUEST', message: 'Invalid decision for the current state', parameter: [{ name: 'decision', value: 'DECLINE' }] }] } });
    const err = await adapter().returns.reject(RETURN_ID).catch((e) => e);
    expect(err).toBeInstanceOf(MarketplaceError);
    expect(err.errors).toEqual([{ code: '1617', message: 'Invalid decision for the current state', field: 'DECLINE' }]);
  });
});

describe('returns input checks (before any call)', () => {
  it('bad ids, requests and options are ValidationErrors naming the field, as rejected promises', async () => {
    const a = adapter();
    await expect(a.returns.get('')).rejects.toMatchObject({ path: 'returnId' });
    await expect(a.returns.refund(RETURN_ID, {} as never)).rejects.toBeInstanceOf(ValidationError);
    await expect(a.returns.refund(RETURN_ID, { amount: { amount: 100, currency: 'GBP' } }, { idempotencyKey: 42 as never })).rejects.toBeInstanceOf(ValidationError);
    await expect(a.returns.offer!(RETURN_ID, { partialRefund: { amount: 'x', currency: 'GBP' } })).rejects.toMatchObject({ path: expect.stringMatching(/^request\.partialRefund/) });
    expect(() => a.returns.list({})).toThrow(ValidationError);
    await expect(a.returns.cancellations!.accept(null as never)).rejects.toMatchObject({ path: 'cancelId' });
  });
});
