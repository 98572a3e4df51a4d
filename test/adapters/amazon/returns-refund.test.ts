import nock from 'nock';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NotSupportedError, ValidationError } from '../../../src/errors/classes.js';
import { MemoryIntentJournal } from '../../../src/state/intent-journal.js';
import { adapter, fixture, mockLwa, SELLER, TOKEN, xmlFeedHead } from './helpers.js';

const NA = 'https://sellingpartnerapi-na.amazon.com';
const S3 = 'https://tortuga-prod-na.s3.amazonaws.com';
const US = 'ATVPDKIKX0DER';
const ORDER = '123-4567890-1234567';
const na = () => nock(NA, { reqheaders: { 'x-amz-access-token': TOKEN } });
const naAdapter = (extra = {}) => adapter({ marketplaces: ['US', 'CA'], ...extra });

/** The official example order (2 × ECHO at 49.99 + 0.02 tax, 1 × FIRE at 49.99), shipped by the merchant. */
function order(fulfilledBy = 'MERCHANT') {
  const o = structuredClone(fixture('searchOrders.example.json').orders[0]);
  o.fulfillment.fulfilledBy = fulfilledBy;
  return { order: o };
}

function mockOrder(body = order()) {
  na().get(`/orders/2026-01-01/orders/${ORDER}`).query({ includedData: 'FULFILLMENT,PACKAGES,PROCEEDS,CANCELLATION,TAX' }).reply(200, body);
}

/** createFeedDocument + upload (capturing the XML) + createFeed. */
function feedRoutes(feedId = '901') {
  const seen = { xml: [] as string[] };
  na().post('/feeds/2021-06-30/documents', { contentType: 'text/xml; charset=UTF-8' }).reply(201, { feedDocumentId: 'doc-r', url: `${S3}/doc-r?X-Amz-Signature=sig` });
  nock(S3, { reqheaders: { 'content-type': 'text/xml; charset=UTF-8' }, badheaders: ['x-amz-access-token'] }).put('/doc-r', (b) => (seen.xml.push(String(b)), true)).query({ 'X-Amz-Signature': 'sig' }).reply(200);
  na().post('/feeds/2021-06-30/feeds', { feedType: 'POST_PAYMENT_ADJUSTMENT_DATA', marketplaceIds: [US], inputFeedDocumentId: 'doc-r' }).reply(202, { feedId });
  return seen;
}

/** getFeed DONE + the XML ProcessingReport (ProcessingReport.xsd), with or without an Error result for message 1. */
function processed(feedId: string, error?: { code: string; text: string }) {
  na().get(`/feeds/2021-06-30/feeds/${feedId}`).reply(200, { feedId, feedType: 'POST_PAYMENT_ADJUSTMENT_DATA', createdTime: '2026-05-01T12:00:00Z', processingStatus: 'DONE', resultFeedDocumentId: `res-${feedId}` });
  na().get(`/feeds/2021-06-30/documents/res-${feedId}`).reply(200, { feedDocumentId: `res-${feedId}`, url: `${S3}/res-${feedId}?X-Amz-Signature=s2` });
  const report = [
    `<?xml version="1.0" encoding="UTF-8"?><AmazonEnvelope><Header><DocumentVersion>1.02</DocumentVersion><MerchantIdentifier>${SELLER}</MerchantIdentifier></Header>`,
    `<MessageType>ProcessingReport</MessageType><Message><MessageID>1</MessageID><ProcessingReport><DocumentTransactionID>${feedId}</DocumentTransactionID><StatusCode>Complete</StatusCode>`,
    `<ProcessingSummary><MessagesProcessed>1</MessagesProcessed><MessagesSuccessful>${error ? 0 : 1}</MessagesSuccessful><MessagesWithError>${error ? 1 : 0}</MessagesWithError><MessagesWithWarning>0</MessagesWithWarning></ProcessingSummary>`,
    error ? `<Result><MessageID>1</MessageID><ResultCode>Error</ResultCode><ResultMessageCode>${error.code}</ResultMessageCode><ResultDescription>${error.text}</ResultDescription></Result>` : '',
    '</ProcessingReport></Message></AmazonEnvelope>',
  ].join('');
  nock(S3).get(`/res-${feedId}`).query({ 'X-Amz-Signature': 's2' }).reply(200, report);
}

beforeAll(() => nock.disableNetConnect());
beforeEach(() => mockLwa());
afterEach(() => nock.cleanAll());

describe('returns.refundOrder (POST_PAYMENT_ADJUSTMENT_DATA)', () => {
  it('sends one OrderAdjustment per refund: Principal and Tax per item; with a deadline it waits for the processing report', async () => {
    mockOrder();
    const seen = feedRoutes();
    processed('901');
    const r = await naAdapter().returns.refundOrder(ORDER, { lines: [{ lineId: '12345678901234', quantity: 1 }, { lineId: '12345678901235', amount: { amount: '10.00', currency: 'USD' } }] }, { idempotencyKey: 'rf-1', deadline: Date.now() + 10_000 });
    expect(nock.isDone()).toBe(true);
    expect(seen.xml[0]).toBe([
      ...xmlFeedHead('OrderAdjustment'),
      '  <Message>',
      '    <MessageID>1</MessageID>',
      '    <OrderAdjustment>',
      `      <AmazonOrderID>${ORDER}</AmazonOrderID>`,
      '      <ActionType>Refund</ActionType>',
      '      <AdjustedItem>',
      '        <AmazonOrderItemCode>12345678901234</AmazonOrderItemCode>',
      '        <AdjustmentReason>CustomerReturn</AdjustmentReason>',
      '        <ItemPriceAdjustments>',
      '          <Component>',
      '            <Type>Principal</Type>',
      '            <Amount currency="USD">49.99</Amount>',
      '          </Component>',
      '          <Component>',
      '            <Type>Tax</Type>',
      '            <Amount currency="USD">0.01</Amount>',
      '          </Component>',
      '        </ItemPriceAdjustments>',
      '        <Quantity>1</Quantity>',
      '      </AdjustedItem>',
      '      <AdjustedItem>',
      '        <AmazonOrderItemCode>12345678901235</AmazonOrderItemCode>',
      '        <AdjustmentReason>CustomerReturn</AdjustmentReason>',
      '        <ItemPriceAdjustments>',
      '          <Component>',
      '            <Type>Principal</Type>',
      '            <Amount currency="USD">10.00</Amount>',
      '          </Component>',
      '        </ItemPriceAdjustments>',
      '      </AdjustedItem>',
      '    </OrderAdjustment>',
      '  </Message>',
      '</AmazonEnvelope>',
      '',
    ].join('\n'));
    expect(r).toMatchObject({
      id: '901', marketplace: 'amazon', orderId: ORDER, state: 'succeeded', marketplaceState: 'Complete', outcome: 'confirmed',
      lines: [{ lineId: '12345678901234', quantity: 1, amount: { amount: 5000, currency: 'USD' } }, { lineId: '12345678901235', amount: { amount: 1000, currency: 'USD' } }],
      amount: { amount: 6000, currency: 'USD' },
    });
  });

  it('an Error result for the message is a failed refund with Amazon’s code and text', async () => {
    mockOrder();
    feedRoutes('902');
    // Error 5000 as Amazon reports a document it cannot read (abuzuhri/Amazon-SP-API-CSharp#268).
    processed('902', { code: '5000', text: 'This is a malformed or invalid XML document.' });
    const r = await naAdapter().returns.refundOrder(ORDER, { lines: [{ lineId: '12345678901235' }], reason: 'CustomerReturn' }, { deadline: Date.now() + 10_000 });
    expect(r).toMatchObject({ id: '902', state: 'failed', marketplaceState: '5000: This is a malformed or invalid XML document.', amount: { amount: 4999, currency: 'USD' } });
  });

  it('without a deadline the refund is pending once the feed exists; refundStatus reads the processing report later', async () => {
    mockOrder();
    feedRoutes('905');
    const a = naAdapter();
    const r = await a.returns.refundOrder(ORDER, { lines: [{ lineId: '12345678901235' }] });
    expect(r).toMatchObject({ id: '905', state: 'pending', outcome: 'confirmed', amount: { amount: 4999, currency: 'USD' } });
    expect(nock.isDone()).toBe(true); // no getFeed yet
    na().get('/feeds/2021-06-30/feeds/905').reply(200, { feedId: '905', feedType: 'POST_PAYMENT_ADJUSTMENT_DATA', createdTime: '2026-05-01T12:00:00Z', processingStatus: 'IN_PROGRESS' });
    expect(await a.returns.refundStatus('905')).toEqual({ id: '905', state: 'pending', marketplaceState: 'IN_PROGRESS' });
    processed('905');
    expect(await a.returns.refundStatus('905')).toEqual({ id: '905', state: 'succeeded', marketplaceState: 'Complete' });
  });

  it('a refund above what was paid is refused before any feed call, naming the field', async () => {
    mockOrder();
    const err = await naAdapter().returns.refundOrder(ORDER, { lines: [{ lineId: '12345678901235', amount: { amount: '50.00', currency: 'USD' } }] }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.path).toBe('request.lines[0].amount');
    expect(nock.isDone()).toBe(true); // the order was read; no createFeedDocument was mocked, none was sent
  });

  it('what this adapter already refunded on the order is deducted: a second refund above the rest is refused before any feed call', async () => {
    const a = naAdapter();
    mockOrder();
    feedRoutes('906');
    // 154.99 charged (the 5.00 delivery tip included); 149.99 refunded: the first item (2 units: 99.98 + 0.02 tax) and the second (49.99)…
    await a.returns.refundOrder(ORDER, { lines: [{ lineId: '12345678901234' }, { lineId: '12345678901235', amount: { amount: '49.99', currency: 'USD' } }] });
    mockOrder();
    // …so 5.01 more would exceed what is left (5.00), although the line alone could take it.
    const err = await a.returns.refundOrder(ORDER, { lines: [{ lineId: '12345678901235', amount: { amount: '5.01', currency: 'USD' } }] }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.path).toBe('request.lines');
    expect(nock.isDone()).toBe(true);
  });

  it('refuses a refund by one amount and FBA orders (Amazon refunds those) before any feed call', async () => {
    const a = naAdapter();
    await expect(a.returns.refundOrder(ORDER, { amount: { amount: '5.00', currency: 'USD' } })).rejects.toBeInstanceOf(NotSupportedError);
    mockOrder(order('AMAZON'));
    const err = await a.returns.refundOrder(ORDER, { lines: [{ lineId: '12345678901235' }] }).catch((e) => e);
    expect(err).toBeInstanceOf(NotSupportedError);
    expect(err.message).toContain('fulfilled by Amazon');
  });

  it('the same idempotency key again returns the journaled refund; a crash after the intent reads getFeeds back instead of resending', async () => {
    const journal = new MemoryIntentJournal();
    const a = naAdapter({ journal });
    mockOrder();
    feedRoutes('903');
    processed('903');
    await a.returns.refundOrder(ORDER, { lines: [{ lineId: '12345678901235' }] }, { idempotencyKey: 'same', deadline: Date.now() + 10_000 });
    mockOrder();
    expect(await a.returns.refundOrder(ORDER, { lines: [{ lineId: '12345678901235' }] }, { idempotencyKey: 'same' })).toMatchObject({ id: '903', state: 'succeeded', outcome: 'already_done' });

    // A pending intent (the process died after recording it): the feed it created is found, not sent again.
    await journal.put({ key: `amazon:${SELLER}:order.refund:${ORDER}:crash`, operation: 'order.refund', state: 'pending', at: Date.now(), result: { before: Date.parse('2026-05-01T11:59:00Z') } });
    mockOrder();
    na().get('/feeds/2021-06-30/feeds').query((q) => q.feedTypes === 'POST_PAYMENT_ADJUSTMENT_DATA' && q.marketplaceIds === US && q.createdSince === '2026-05-01T11:58:59.000Z').reply(200, {
      feeds: [{ feedId: '904', feedType: 'POST_PAYMENT_ADJUSTMENT_DATA', createdTime: '2026-05-01T12:00:00Z', processingStatus: 'IN_QUEUE' }],
    });
    expect(await a.returns.refundOrder(ORDER, { lines: [{ lineId: '12345678901235' }] }, { idempotencyKey: 'crash' })).toMatchObject({ id: '904', state: 'pending', outcome: 'already_done' });
    expect(nock.isDone()).toBe(true);
  });
});
