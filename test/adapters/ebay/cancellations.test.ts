import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '../../../src/errors/classes.js';
import { adapter, mockToken } from './helpers.js';
import { ORDER_ID, po } from './returns-support.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const CANCEL_ID = '5000123456';
/** CancelDetail (https://developer.ebay.com/Devzone/post-order/post-order_v2_cancellation_search__get.html). */
const detail = (over: Record<string, unknown> = {}) => ({
  cancelId: CANCEL_ID, legacyOrderId: ORDER_ID, marketplaceId: 'EBAY_GB', requestorType: 'BUYER',
  cancelState: 'APPROVAL_PENDING', cancelStatus: 'CANCEL_REQUESTED', cancelReason: 'BUYER_ASKED_CANCEL',
  cancelRequestDate: { value: '2026-11-25T08:10:00.000Z' }, sellerResponseDueDate: { value: '2026-11-28T08:10:00.000Z' },
  requestRefundAmount: { value: 43.48, currency: 'GBP' },
  ...over,
});
const at = (s: string) => ({ utc: s, raw: s });
const get = (d = detail()) => po().get(`/post-order/v2/cancellation/${CANCEL_ID}`).query({ fieldgroups: 'SUMMARY' }).reply(200, { cancelDetail: d });

describe('returns.cancellations (Post-Order cancellation)', () => {
  it('list searches by creation date with IAF auth and maps a buyer request', async () => {
    mockToken();
    po().get('/post-order/v2/cancellation/search')
      .query({ creation_date_range_from: '2026-10-26T00:00:00.000Z', creation_date_range_to: '2026-11-26T00:00:00.000Z', limit: '25', offset: '0' })
      .reply(200, { cancellations: [detail()], paginationOutput: { totalEntries: 1 } });
    const items = await adapter().returns.cancellations!.list({ updatedSince: '2026-11-25T00:00:00.000Z', until: '2026-11-26T00:00:00.000Z' }).toArray({ max: 10 });
    expect(items).toEqual([{
      id: CANCEL_ID, marketplace: 'ebay', account: 'acme_seller', store: 'EBAY_GB', orderId: ORDER_ID, requestedBy: 'buyer', status: 'requested',
      marketplaceStatus: 'CANCEL_REQUESTED/APPROVAL_PENDING', reason: { marketplaceCode: 'BUYER_ASKED_CANCEL' }, lines: [],
      respondBy: at('2026-11-28T08:10:00.000Z'), refund: { amount: 4348, currency: 'GBP' },
      createdAt: at('2026-11-25T08:10:00.000Z'), updatedAt: at('2026-11-25T08:10:00.000Z'), raw: detail(),
    }]);
  });

  it('accept posts approve (no body) and returns the request as read after', async () => {
    mockToken();
    get();
    po().post(`/post-order/v2/cancellation/${CANCEL_ID}/approve`).reply(200, {});
    get(detail({ cancelState: 'REFUND_PENDING', cancelStatus: 'CANCEL_APPROVED' }));
    expect(await adapter().returns.cancellations!.accept(CANCEL_ID, { idempotencyKey: 'c-1' })).toMatchObject({ id: CANCEL_ID, status: 'accepted', outcome: 'confirmed' });
    expect(nock.isDone()).toBe(true);
  });

  it('reject posts RejectCancelRequest with the shipment date and tracking number', async () => {
    mockToken();
    get();
    po().post(`/post-order/v2/cancellation/${CANCEL_ID}/reject`, { shipmentDate: { value: '2026-11-25T12:00:00.000Z' }, trackingNumber: 'RM123456789GB' }).reply(200, {});
    get(detail({ cancelState: 'CLOSED', cancelStatus: 'CANCEL_REJECTED' }));
    const r = await adapter().returns.cancellations!.reject(CANCEL_ID, { shippedAt: '2026-11-25T12:00:00Z', trackingNumber: 'RM123456789GB' });
    expect(r).toMatchObject({ status: 'rejected', outcome: 'confirmed' });
  });

  it('answering a request already answered the same way is already_done without a write; the other way is a ConflictError', async () => {
    mockToken();
    get(detail({ cancelState: 'CLOSED', cancelStatus: 'CANCEL_REJECTED' }));
    get(detail({ cancelState: 'CLOSED', cancelStatus: 'CANCEL_REJECTED' }));
    const a = adapter();
    expect(await a.returns.cancellations!.reject(CANCEL_ID)).toMatchObject({ outcome: 'already_done' });
    await expect(a.returns.cancellations!.accept(CANCEL_ID)).rejects.toBeInstanceOf(ConflictError);
  });
});

describe('orders.cancel: seller cancellation through Post-Order (issue 20.2)', () => {
  it('checks eligibility, then POST /cancellation with the seller reason', async () => {
    mockToken();
    po().post('/post-order/v2/cancellation/check_eligibility', { legacyOrderId: ORDER_ID }).reply(200, { eligible: true, legacyOrderId: ORDER_ID, eligibleCancelReason: ['OUT_OF_STOCK_OR_CANNOT_FULFILL'] });
    po().post('/post-order/v2/cancellation', { legacyOrderId: ORDER_ID, cancelReason: 'OUT_OF_STOCK_OR_CANNOT_FULFILL' }).reply(200, { cancelId: '5000999' });
    const a = adapter();
    expect(a.capabilities.cancellation).toEqual({ order: true, lines: false });
    expect(await a.orders.cancel(ORDER_ID, { reason: 'out_of_stock' }, { idempotencyKey: 'sc-1' })).toEqual({ orderId: ORDER_ID, outcome: 'submitted', reference: '5000999' });
    expect(nock.isDone()).toBe(true);
  });

  it('an ineligible order is a ConflictError naming eBay’s reasons; lines and reasons eBay lacks are ValidationErrors before any call', async () => {
    mockToken();
    po().post('/post-order/v2/cancellation/check_eligibility', { legacyOrderId: ORDER_ID }).reply(200, { eligible: false, failureReason: ['ORDER_ALREADY_SHIPPED'] });
    const a = adapter();
    const err = await a.orders.cancel(ORDER_ID, { reason: 'out_of_stock' }).catch((e) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.message).toContain('ORDER_ALREADY_SHIPPED');
    await expect(a.orders.cancel(ORDER_ID, { reason: 'out_of_stock', lines: [{ lineId: 'L1', quantity: 1 }] })).rejects.toMatchObject({ path: 'request.lines' });
    await expect(a.orders.cancel(ORDER_ID, { reason: 'pricing_error' })).rejects.toBeInstanceOf(ValidationError);
  });
});
