import nock from 'nock';
import { API, fixture, TOKEN } from './helpers.js';

/** Post-Order scope: the same user token as `IAF <token>` and the hyphenated site header. */
export function po(site = 'EBAY-UK', token = TOKEN) {
  return nock(API, { reqheaders: { authorization: `IAF ${token}`, 'x-ebay-c-marketplace-id': site } });
}

export const RETURN_ID = '5000012345';
export const ORDER_ID = '12-03456-78901';

/** ReturnSummaryType (https://developer.ebay.com/Devzone/post-order/types/ReturnSummaryType.html). */
export function summary(over: Record<string, unknown> = {}) {
  return {
    returnId: RETURN_ID,
    orderId: ORDER_ID,
    buyerLoginName: 'buyer_one',
    sellerLoginName: 'acme_seller',
    currentType: 'MONEY_BACK',
    state: 'INITIAL',
    status: 'RETURN_REQUESTED',
    creationInfo: {
      item: { itemId: '110123456789', transactionId: '2000123456', returnQuantity: 1 },
      type: 'MONEY_BACK',
      reason: 'ARRIVED_DAMAGED',
      reasonType: 'SNAD',
      comments: { content: 'Cracked handle' },
      creationDate: { value: '2026-11-25T09:00:00.000Z' },
    },
    sellerTotalRefund: { estimatedRefundAmount: { value: 19.99, currency: 'GBP' } },
    sellerResponseDue: { activityDue: 'SELLER_APPROVE_REQUEST', respondByDate: { value: '2026-11-28T09:00:00.000Z' } },
    ...over,
  };
}

export function detail(extra: Record<string, unknown> = {}) {
  return {
    responseHistory: [
      { activity: 'BUYER_CREATE_RETURN', fromState: 'INITIAL', toState: 'RETURN_REQUESTED', creationDate: { value: '2026-11-25T09:00:00.000Z' } },
      { activity: 'BUYER_SEND_MESSAGE', creationDate: { value: '2026-11-25T10:30:00.000Z' } },
    ],
    ...extra,
  };
}

const PATH = `/post-order/v2/return/${RETURN_ID}`;
export const mockSummary = (s = summary()) => po().get(PATH).query({ fieldgroups: 'SUMMARY' }).reply(200, { summary: s });
export const mockFull = (d = detail()) => po().get(PATH).query({ fieldgroups: 'FULL' }).reply(200, { detail: d });
export const mockOrder = (times = 1) => nock(API, { reqheaders: { authorization: `Bearer ${TOKEN}` } }).get(`/sell/fulfillment/v1/order/${ORDER_ID}`).query({ fieldGroups: 'TAX_BREAKDOWN' }).times(times).reply(200, fixture('orders-page-1.json').orders[0]);
