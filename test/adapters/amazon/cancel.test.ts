import nock from 'nock';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, NotSupportedError, ValidationError } from '../../../src/errors/classes.js';
import { adapter, fixture, mockLwa, TOKEN, xmlFeedHead } from './helpers.js';

const NA = 'https://sellingpartnerapi-na.amazon.com';
const S3 = 'https://tortuga-prod-na.s3.amazonaws.com';
const US = 'ATVPDKIKX0DER';
let now = Date.parse('2025-01-10T12:00:00.000Z');
// Sleeps really wait (briefly): cancellations arriving within one interval must meet in one feed.
const clock = { now: () => now, sleep: (ms: number) => new Promise<void>((r) => setTimeout(() => ((now += ms), r()), Math.min(ms, 100))) };
const na = () => nock(NA, { reqheaders: { 'x-amz-access-token': TOKEN } });
const naAdapter = () => adapter({ marketplaces: ['US', 'CA'], clock, cancelBatchMs: 50 });

/** The official example order, made unshipped (both items open), under a chosen id. */
function open(orderId = '123-4567890-1234567') {
  const order = structuredClone(fixture('searchOrders.example.json').orders[0]);
  order.orderId = orderId;
  order.fulfillment.fulfillmentStatus = 'UNSHIPPED';
  for (const it of order.orderItems) it.fulfillment = { quantityFulfilled: 0, quantityUnfulfilled: it.quantityOrdered };
  return { order };
}

/** createFeedDocument + upload (capturing the XML) + createFeed; returns what was uploaded and how many feeds were created. */
function feedRoutes(feedId = '777') {
  const seen = { xml: [] as string[], creates: 0 };
  na().post('/feeds/2021-06-30/documents', { contentType: 'text/xml; charset=UTF-8' }).reply(201, { feedDocumentId: 'doc-x', url: `${S3}/doc-x?X-Amz-Signature=sig` });
  nock(S3, { reqheaders: { 'content-type': 'text/xml; charset=UTF-8' } }).put('/doc-x', (b) => (seen.xml.push(String(b)), true)).query(true).reply(200);
  na().post('/feeds/2021-06-30/feeds', { feedType: 'POST_ORDER_ACKNOWLEDGEMENT_DATA', marketplaceIds: [US], inputFeedDocumentId: 'doc-x' }).reply(202, () => (seen.creates++, { feedId }));
  return seen;
}

beforeAll(() => nock.disableNetConnect());
beforeEach(() => mockLwa());
afterEach(() => nock.cleanAll());

describe('orders.cancel (POST_ORDER_ACKNOWLEDGEMENT_DATA)', () => {
  it('cancels the whole order: one Failure acknowledgement with every item and Amazon’s reason code, escaped by the XML builder', async () => {
    const body = open('123-4567890-12<&>');
    na().get(`/orders/2026-01-01/orders/${encodeURIComponent(body.order.orderId)}`).query({ includedData: 'FULFILLMENT,CANCELLATION' }).reply(200, body);
    const seen = feedRoutes();
    const r = await naAdapter().orders.cancel(body.order.orderId, { reason: 'out_of_stock' });
    expect(r).toEqual({ orderId: body.order.orderId, outcome: 'submitted', reference: '777' });
    expect(seen.xml[0]).toBe([
      ...xmlFeedHead('OrderAcknowledgement'),
      '  <Message>',
      '    <MessageID>1</MessageID>',
      '    <OrderAcknowledgement>',
      '      <AmazonOrderID>123-4567890-12&lt;&amp;&gt;</AmazonOrderID>',
      '      <StatusCode>Failure</StatusCode>',
      '      <Item>',
      '        <AmazonOrderItemCode>12345678901234</AmazonOrderItemCode>',
      '        <CancelReason>NoInventory</CancelReason>',
      '      </Item>',
      '      <Item>',
      '        <AmazonOrderItemCode>12345678901235</AmazonOrderItemCode>',
      '        <CancelReason>NoInventory</CancelReason>',
      '      </Item>',
      '    </OrderAcknowledgement>',
      '  </Message>',
      '</AmazonEnvelope>',
      '',
    ].join('\n'));
  });

  it('refuses a whole-order cancel once any unit has shipped (Amazon would refund the entire order), naming the order', async () => {
    const body = open();
    body.order.fulfillment.fulfillmentStatus = 'PARTIALLY_SHIPPED';
    body.order.orderItems[0].fulfillment = { quantityFulfilled: 1, quantityUnfulfilled: 0 };
    na().get(`/orders/2026-01-01/orders/${body.order.orderId}`).query(true).reply(200, body);
    const err = await naAdapter().orders.cancel(body.order.orderId, { reason: 'other' }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err).toMatchObject({ path: 'orderId', message: expect.stringContaining(body.order.orderId) });
    expect(nock.pendingMocks()).toEqual([]); // no feed was sent
  });

  it('has no per-line cancellation: line cancels throw NotSupportedError and the capability says so', async () => {
    const a = naAdapter();
    expect(a.capabilities.cancellation).toEqual({ order: true, lines: false });
    await expect(a.orders.cancel('123-4567890-1234567', { lines: [{ lineId: '12345678901234', quantity: 1 }], reason: 'other' })).rejects.toBeInstanceOf(NotSupportedError);
  });

  it('refuses shipped and FBA orders', async () => {
    const a = naAdapter();
    const shipped = { order: fixture('searchOrders.example.json').orders[0] };
    na().get(`/orders/2026-01-01/orders/${shipped.order.orderId}`).query(true).reply(200, shipped);
    await expect(a.orders.cancel(shipped.order.orderId, { reason: 'other' })).rejects.toBeInstanceOf(ConflictError);
    const fba = open('222-0000000-0000000');
    fba.order.fulfillment.fulfilledBy = 'AMAZON';
    na().get(`/orders/2026-01-01/orders/${fba.order.orderId}`).query(true).reply(200, fba);
    await expect(a.orders.cancel(fba.order.orderId, { reason: 'other' })).rejects.toMatchObject({ code: 'NOT_SUPPORTED' });
  });

  it('coalesces the cancellations of one interval into one feed, and reads the processing report back per order', async () => {
    const a = naAdapter();
    const first = open('111-0000000-0000001');
    const second = open('111-0000000-0000002');
    for (const b of [first, second]) na().get(`/orders/2026-01-01/orders/${b.order.orderId}`).query(true).reply(200, b);
    const seen = feedRoutes('888');
    const [r1, r2] = await Promise.all([a.orders.cancel(first.order.orderId, { reason: 'buyer_request' }), a.orders.cancel(second.order.orderId, { reason: 'out_of_stock' })]);
    expect(seen.creates).toBe(1);
    expect(r1.reference).toBe('888');
    expect(r2.reference).toBe('888');
    expect(seen.xml[0]!.match(/<Message>/g)).toHaveLength(2);

    // Not processed yet → pending; processed → accepted / rejected with Amazon's own text.
    na().get('/feeds/2021-06-30/feeds/888').reply(200, { feedId: '888', feedType: 'POST_ORDER_ACKNOWLEDGEMENT_DATA', createdTime: '2025-01-10T12:00:00Z', processingStatus: 'IN_PROGRESS' });
    expect(await a.orders.cancellation(first.order.orderId)).toEqual({ orderId: first.order.orderId, state: 'pending', feedId: '888' });
    na().get('/feeds/2021-06-30/feeds/888').reply(200, { feedId: '888', feedType: 'POST_ORDER_ACKNOWLEDGEMENT_DATA', createdTime: '2025-01-10T12:00:00Z', processingStatus: 'DONE', resultFeedDocumentId: 'res-1' });
    na().get('/feeds/2021-06-30/documents/res-1').reply(200, { feedDocumentId: 'res-1', url: `${S3}/res-1?X-Amz-Signature=s2` });
    const report = [
      '<?xml version="1.0" encoding="UTF-8"?><AmazonEnvelope><Header><DocumentVersion>1.02</DocumentVersion><MerchantIdentifier>A2EXAMPLE</MerchantIdentifier></Header>',
      '<MessageType>ProcessingReport</MessageType><Message><MessageID>1</MessageID><ProcessingReport><DocumentTransactionID>888</DocumentTransactionID><StatusCode>Complete</StatusCode>',
      '<ProcessingSummary><MessagesProcessed>2</MessagesProcessed><MessagesSuccessful>1</MessagesSuccessful><MessagesWithError>1</MessagesWithError><MessagesWithWarning>0</MessagesWithWarning></ProcessingSummary>',
      `<Result><MessageID>2</MessageID><ResultCode>Error</ResultCode><ResultMessageCode>18029</ResultMessageCode><ResultDescription>Order ${second.order.orderId} is SHIPPED and cannot be cancelled.</ResultDescription><AdditionalInfo><AmazonOrderID>${second.order.orderId}</AmazonOrderID></AdditionalInfo></Result>`,
      '</ProcessingReport></Message></AmazonEnvelope>',
    ].join('');
    nock(S3).get('/res-1').query(true).reply(200, report);
    expect(await a.orders.cancellation(second.order.orderId)).toEqual({ orderId: second.order.orderId, state: 'rejected', feedId: '888', code: '18029', message: `Order ${second.order.orderId} is SHIPPED and cannot be cancelled.` });
    // The report is read once per feed.
    expect(await a.orders.cancellation(first.order.orderId)).toEqual({ orderId: first.order.orderId, state: 'accepted', feedId: '888' });
  });

  it('an ambiguous createFeed failure is outcome unknown, not a blind replay', async () => {
    const body = open();
    na().get(`/orders/2026-01-01/orders/${body.order.orderId}`).query(true).reply(200, body);
    na().post('/feeds/2021-06-30/documents').reply(201, { feedDocumentId: 'doc-y', url: `${S3}/doc-y` });
    nock(S3).put('/doc-y').reply(200);
    let creates = 0;
    na().post('/feeds/2021-06-30/feeds').times(3).reply(() => (++creates, [500, {}]));
    expect(await naAdapter().orders.cancel(body.order.orderId, { reason: 'buyer_request' })).toEqual({ orderId: body.order.orderId, outcome: 'unknown' });
    expect(creates).toBe(1);
  });
});
