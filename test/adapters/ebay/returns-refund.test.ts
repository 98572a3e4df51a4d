import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/classes.js';
import { MemoryIntentJournal, type Intent } from '../../../src/state/intent-journal.js';
import { adapter, api, fixture, mockToken } from './helpers.js';
import { mockFull, mockOrder, mockSummary, ORDER_ID, po, RETURN_ID, summary } from './returns-support.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const ISSUE = `/post-order/v2/return/${RETURN_ID}/issue_refund`;
const refunded = (value: number) => summary({ state: 'CLOSED', status: 'CLOSED', sellerTotalRefund: { estimatedRefundAmount: { value: 19.99, currency: 'GBP' }, actualRefundAmount: { value, currency: 'GBP' } } });

/** Reads a refund needs: the return (SUMMARY + FULL + its order for the line id), the order for the cap, the refund so far. */
function reads() {
  mockSummary(summary({ state: 'ITEM_DELIVERED', status: 'ITEM_DELIVERED' }));
  mockFull();
  mockOrder(2);
  mockSummary(summary({ state: 'ITEM_DELIVERED', status: 'ITEM_DELIVERED' }));
}

describe('returns.refund (POST /return/{returnId}/issue_refund)', () => {
  it('refunds a returned line by quantity: what was paid for it, as PURCHASE_PRICE', async () => {
    mockToken();
    reads();
    po().post(ISSUE, { refundDetail: { itemizedRefundDetail: [{ refundAmount: { value: 19.99, currency: 'GBP' }, refundFeeType: 'PURCHASE_PRICE' }], totalAmount: { value: 19.99, currency: 'GBP' } } }).reply(200, { refundStatus: 'SUCCESS' });
    const r = await adapter().returns.refund(RETURN_ID, { lines: [{ lineId: '10045678901234', quantity: 1 }] }, { idempotencyKey: 'rf-1' });
    expect(r).toMatchObject({ marketplace: 'ebay', orderId: ORDER_ID, returnId: RETURN_ID, amount: { amount: 1999, currency: 'GBP' }, lines: [{ lineId: '10045678901234', quantity: 1, amount: { amount: 1999, currency: 'GBP' } }], state: 'succeeded', marketplaceState: 'SUCCESS', outcome: 'confirmed' });
    expect(nock.isDone()).toBe(true);
  });

  it('an amount above the line price goes to ORIGINAL_SHIPPING, itemized entries summing to totalAmount', async () => {
    mockToken();
    reads();
    po().post(ISSUE, {
      comments: { content: 'Sorry' },
      refundDetail: { itemizedRefundDetail: [{ refundAmount: { value: 19.99, currency: 'GBP' }, refundFeeType: 'PURCHASE_PRICE' }, { refundAmount: { value: 1.01, currency: 'GBP' }, refundFeeType: 'ORIGINAL_SHIPPING' }], totalAmount: { value: 21, currency: 'GBP' } },
    }).reply(200, { refundStatus: 'PENDING' });
    const r = await adapter().returns.refund(RETURN_ID, { amount: { amount: '21.00', currency: 'GBP' }, comment: 'Sorry' });
    expect(r).toMatchObject({ amount: { amount: 2100, currency: 'GBP' }, state: 'pending' });
  });

  it('refuses a refund larger than what was paid for the returned line before any refund call', async () => {
    mockToken();
    mockSummary(summary({ state: 'ITEM_DELIVERED', status: 'ITEM_DELIVERED' }));
    mockFull();
    mockOrder(2);
    const issue = po().post(ISSUE).reply(200, { refundStatus: 'SUCCESS' });
    const a = adapter();
    const byAmount = await a.returns.refund(RETURN_ID, { amount: { amount: '23.50', currency: 'GBP' } }).catch((e) => e);
    expect(byAmount).toBeInstanceOf(ValidationError);
    expect(byAmount.path).toBe('request.amount');
    mockSummary(summary({ state: 'ITEM_DELIVERED', status: 'ITEM_DELIVERED' }));
    mockOrder();
    const byLine = await a.returns.refund(RETURN_ID, { lines: [{ lineId: '10045678901234', quantity: 2 }] }).catch((e) => e);
    expect(byLine).toBeInstanceOf(ValidationError);
    expect(byLine.path).toBe('request.lines[0].quantity');
    expect(issue.isDone()).toBe(false);
  });

  it('a crash between the refund request and the journal write: the retry reads the return back and does not refund twice', async () => {
    const journal = new MemoryIntentJournal();
    let crash = true;
    const crashing = {
      get: (k: string) => journal.get(k),
      put: async (i: Intent) => {
        if (crash && i.operation === 'return.refund' && i.state === 'succeeded') throw new Error('process killed after issue_refund answered');
        return journal.put(i);
      },
    };
    mockToken();
    reads();
    const issue = po().post(ISSUE).once().reply(200, { refundStatus: 'SUCCESS' });
    const a = adapter({ journal: crashing });
    await expect(a.returns.refund(RETURN_ID, { amount: { amount: '19.99', currency: 'GBP' } }, { idempotencyKey: 'rf-crash' })).rejects.toThrow('process killed');
    expect(issue.isDone()).toBe(true);

    // A new process with the same journal and key: the return now shows 19.99 actually refunded.
    crash = false;
    mockToken();
    mockSummary(refunded(19.99));
    mockFull();
    mockOrder(2);
    mockSummary(refunded(19.99)); // read back
    const retry = await adapter({ journal: crashing }).returns.refund(RETURN_ID, { amount: { amount: '19.99', currency: 'GBP' } }, { idempotencyKey: 'rf-crash' });
    expect(retry).toMatchObject({ outcome: 'already_done', state: 'succeeded', amount: { amount: 1999, currency: 'GBP' } });
    expect(nock.isDone()).toBe(true); // no second issue_refund interceptor existed: a second refund would have failed the call

    // A new refund (another key) of the same 19.99 is refused by the cap: 23.49 − 19.99 refunded = 3.50 left.
    mockToken();
    mockSummary(refunded(19.99));
    mockFull();
    mockOrder(2);
    const again = await adapter({ journal: crashing }).returns.refund(RETURN_ID, { amount: { amount: '19.99', currency: 'GBP' } }, { idempotencyKey: 'rf-other' }).catch((e) => e);
    expect(again).toBeInstanceOf(ValidationError);
  });

  it('a retry after a crash with the cap still open reads back and answers already_done without a second issue_refund', async () => {
    const journal = new MemoryIntentJournal();
    await journal.put({ key: `ebay:acme_seller:return.refund:${RETURN_ID}:rf-2`, operation: 'return.refund', state: 'pending', at: 0, result: { before: 0 } });
    mockToken();
    mockSummary(refunded(5));
    mockFull();
    mockOrder(2);
    mockSummary(refunded(5));
    const r = await adapter({ journal }).returns.refund(RETURN_ID, { amount: { amount: '5.00', currency: 'GBP' } }, { idempotencyKey: 'rf-2' });
    expect(r).toMatchObject({ outcome: 'already_done', state: 'succeeded', amount: { amount: 500, currency: 'GBP' } });
    expect(nock.isDone()).toBe(true);
  });
});

describe('returns.refundOrder (Fulfillment issueRefund, no return)', () => {
  it('sends refundItems per line with decimal-string amounts and the refund reason', async () => {
    mockToken();
    mockOrder();
    api().post(`/sell/fulfillment/v1/order/${ORDER_ID}/issue_refund`, { reasonForRefund: 'BUYER_CANCEL', refundItems: [{ refundAmount: { value: '19.99', currency: 'GBP' }, lineItemId: '10045678901234' }] })
      .reply(200, { refundId: '5034671234', refundStatus: 'PENDING' });
    const r = await adapter().returns.refundOrder!(ORDER_ID, { lines: [{ lineId: '10045678901234', quantity: 1 }], reason: 'BUYER_CANCEL' }, { idempotencyKey: 'ro-1' });
    expect(r).toEqual({ id: '5034671234', marketplace: 'ebay', orderId: ORDER_ID, lines: [{ lineId: '10045678901234', quantity: 1, amount: { amount: 1999, currency: 'GBP' } }], amount: { amount: 1999, currency: 'GBP' }, state: 'pending', marketplaceState: 'PENDING', outcome: 'confirmed', at: expect.any(String) });
  });

  it('an order-level amount above the charged total is refused before any call', async () => {
    mockToken();
    mockOrder();
    const err = await adapter().returns.refundOrder!(ORDER_ID, { amount: { amount: '43.49', currency: 'GBP' } }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.path).toBe('request.amount');
    void fixture;
  });
});
