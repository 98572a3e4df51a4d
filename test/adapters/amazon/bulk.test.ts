import { gzipSync } from 'node:zlib';
import nock from 'nock';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MarketplaceError } from '../../../src/errors/classes.js';
import { adapter, DE, fixture, mockLwa, SELLER, sp } from './helpers.js';

const S3 = 'https://tortuga-prod-eu.s3-eu-west-1.amazonaws.com';
const JSON_TYPE = 'application/json; charset=UTF-8';

const listing = (sku: string, extra: object = {}) => ({
  sku, title: `Title ${sku}`, brand: 'Acme', price: { amount: '10.00', currency: 'EUR' }, quantity: 1, identifiers: { ean: '4006381333931' },
  marketplace: { amazon: { productType: 'SHIRT' } }, ...extra,
});

function attributesOf(sku: string) {
  return {
    item_name: [{ value: `Title ${sku}`, language_tag: 'de_DE', marketplace_id: DE }],
    brand: [{ value: 'Acme', language_tag: 'de_DE', marketplace_id: DE }],
    externally_assigned_product_identifier: [{ type: 'ean', value: '4006381333931', marketplace_id: DE }],
    condition_type: [{ value: 'new_new', marketplace_id: DE }],
    purchasable_offer: [{ audience: 'ALL', currency: 'EUR', marketplace_id: DE, our_price: [{ schedule: [{ value_with_tax: 10 }] }] }],
    fulfillment_availability: [{ fulfillment_channel_code: 'DEFAULT', quantity: 1 }],
  };
}

/** Mocks one whole feed lifecycle; returns the uploaded document once it was sent. */
function mockFeed(report: object | null, opts: { status?: string; polls?: string[] } = {}) {
  const uploaded: { doc?: any } = {};
  sp().post('/feeds/2021-06-30/documents', { contentType: JSON_TYPE }).reply(201, { ...fixture('createFeedDocument.json'), feedDocumentId: 'doc-1', url: `${S3}/doc-1?X-Amz-Signature=abc123signature` });
  nock(S3, { reqheaders: { 'content-type': JSON_TYPE }, badheaders: ['x-amz-access-token'] })
    .put('/doc-1', (body) => ((uploaded.doc = body), true))
    .query({ 'X-Amz-Signature': 'abc123signature' })
    .reply(200);
  sp().post('/feeds/2021-06-30/feeds', { feedType: 'JSON_LISTINGS_FEED', marketplaceIds: [DE], inputFeedDocumentId: 'doc-1' }).reply(202, fixture('createFeed.json'));
  const feed = { ...fixture('getFeed.json'), feedId: '3485934', feedType: 'JSON_LISTINGS_FEED' };
  for (const s of opts.polls ?? ['IN_QUEUE', 'IN_PROGRESS']) sp().get('/feeds/2021-06-30/feeds/3485934').reply(200, { ...feed, processingStatus: s });
  sp().get('/feeds/2021-06-30/feeds/3485934').reply(200, { ...feed, processingStatus: opts.status ?? 'DONE', ...(report ? { resultFeedDocumentId: 'res-1' } : {}) });
  if (report) {
    sp().get('/feeds/2021-06-30/documents/res-1').reply(200, { feedDocumentId: 'res-1', url: `${S3}/res-1?X-Amz-Signature=def456signature`, compressionAlgorithm: 'GZIP' });
    nock(S3, { badheaders: ['x-amz-access-token'] }).get('/res-1').query({ 'X-Amz-Signature': 'def456signature' }).reply(200, gzipSync(Buffer.from(JSON.stringify(report))));
  }
  return uploaded;
}

/** One merchant listings report (Reports API): create, one poll, document, gzipped TSV download. */
function mockListingsReport(rows: Array<[sku: string, channel: string]>) {
  const created = sp().post('/reports/2021-06-30/reports', { reportType: 'GET_MERCHANT_LISTINGS_ALL_DATA', marketplaceIds: [DE] }).reply(202, { reportId: 'rep-1' });
  sp().get('/reports/2021-06-30/reports/rep-1').reply(200, { reportId: 'rep-1', reportType: 'GET_MERCHANT_LISTINGS_ALL_DATA', createdTime: '2025-01-01T00:00:00Z', processingStatus: 'DONE', reportDocumentId: 'rdoc-1' });
  sp().get('/reports/2021-06-30/documents/rdoc-1').reply(200, { reportDocumentId: 'rdoc-1', url: `${S3}/rdoc-1?X-Amz-Signature=r1`, compressionAlgorithm: 'GZIP' });
  const tsv = ['item-name\tseller-sku\tprice\tquantity\tasin1\tfulfillment-channel\tstatus', ...rows.map(([sku, ch]) => `Item ${sku}\t${sku}\t10.00\t\tB0${sku}\t${ch}\tActive`)].join('\n');
  nock(S3, { badheaders: ['x-amz-access-token'] }).get('/rdoc-1').query({ 'X-Amz-Signature': 'r1' }).reply(200, gzipSync(Buffer.from(tsv)));
  return created;
}

beforeAll(() => nock.disableNetConnect());
beforeEach(() => void mockLwa());
afterEach(() => nock.cleanAll());

describe('listings.bulkUpsert through JSON_LISTINGS_FEED', () => {
  it('runs the whole feed lifecycle and gives exactly one result per SKU (mixed outcomes)', async () => {
    const example = fixture('processing-report.example.json');
    const report = {
      header: { ...example.header, sellerId: SELLER, feedId: '3485934' },
      issues: [
        { messageId: 2, sku: 'B', code: '90220', severity: 'ERROR', message: "'[brand]' is required but not supplied.", attributeName: 'brand' },
        { messageId: 2, sku: 'B', code: '99022', severity: 'ERROR', message: 'another problem' },
        { messageId: 3, sku: 'C', code: '18448', severity: 'WARNING', message: example.items[0].issues[0].message },
      ],
      summary: { errors: 2, warnings: 1, messagesProcessed: 4, messagesAccepted: 3, messagesInvalid: 1 },
    };
    const uploaded = mockFeed(report);
    const progress: number[] = [];
    const results = await adapter({ bulkThreshold: 3 }).listings.bulkUpsert(['A', 'B', 'C', 'D'].map((s) => listing(s)), { assumeNew: true, onProgress: (e) => progress.push(e.done) });

    expect(uploaded.doc).toEqual({
      header: { sellerId: SELLER, version: '2.0' },
      messages: ['A', 'B', 'C', 'D'].map((sku, i) => ({ messageId: i + 1, sku, operationType: 'UPDATE', productType: 'SHIRT', requirements: 'LISTING', attributes: attributesOf(sku) })),
    });
    expect(results.map((r) => [r.sku, r.ok])).toEqual([['A', true], ['B', false], ['C', true], ['D', true]]);
    const failed = results[1] as unknown as { ok: false; error: MarketplaceError };
    expect(failed.error).toBeInstanceOf(MarketplaceError);
    expect(failed.error.errors).toEqual([
      { code: '90220', message: "'[brand]' is required but not supplied.", details: 'brand', field: 'brand' },
      { code: '99022', message: 'another problem' },
    ]);
    expect(results[2]).toEqual({ sku: 'C', ok: true, result: { sku: 'C', store: 'DE', status: 'accepted', action: 'created', issues: [expect.objectContaining({ code: '18448', severity: 'warning', sku: 'C' })] } });
    expect(progress).toEqual([1, 2, 3, 4]);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('unseen SKUs are checked against one listings report; only existing ones are read (20 per call) and PATCHed with what changed', async () => {
    const existing = {
      sku: 'A',
      summaries: [{ marketplaceId: DE, productType: 'SHIRT', status: ['BUYABLE'], createdDate: 'x', lastUpdatedDate: 'y' }],
      attributes: { ...attributesOf('A'), item_name: [{ value: 'Old', language_tag: 'de_DE', marketplace_id: DE }] },
    };
    const same = { sku: 'B', summaries: [{ marketplaceId: DE, asin: 'B0B', productType: 'SHIRT', status: ['BUYABLE'], createdDate: 'x', lastUpdatedDate: 'y' }], attributes: attributesOf('B') };
    mockListingsReport([['A', 'DEFAULT'], ['B', 'DEFAULT'], ['OTHER', 'AMAZON_EU']]);
    sp().get(`/listings/2021-08-01/items/${SELLER}`)
      .query({ marketplaceIds: DE, identifiers: 'A,B', identifiersType: 'SKU', includedData: 'summaries,attributes,productTypes,fulfillmentAvailability', pageSize: '20' })
      .reply(200, { numberOfResults: 2, items: [existing, same] });
    const uploaded = mockFeed({ header: { sellerId: SELLER, version: '2.0', feedId: '3485934' }, issues: [], summary: { errors: 0, warnings: 0, messagesProcessed: 2, messagesAccepted: 2, messagesInvalid: 0 } });
    const results = await adapter({ bulkThreshold: 3 }).listings.bulkUpsert(['A', 'B', 'C'].map((s) => listing(s)));
    expect(uploaded.doc.messages).toEqual([
      { messageId: 1, sku: 'A', operationType: 'PATCH', productType: 'SHIRT', patches: [{ op: 'replace', path: '/attributes/item_name', value: attributesOf('A').item_name }] },
      { messageId: 2, sku: 'C', operationType: 'UPDATE', productType: 'SHIRT', requirements: 'LISTING', attributes: attributesOf('C') },
    ]);
    expect(results.map((r) => [r.sku, r.ok && r.result.action])).toEqual([['B', 'unchanged'], ['A', 'updated'], ['C', 'created']]);
  });

  it('a FATAL feed fails every SKU in it with the same cause', async () => {
    mockFeed(null, { status: 'FATAL', polls: [] });
    const results = await adapter({ bulkThreshold: 2 }).listings.bulkUpsert([listing('A'), listing('B')], { assumeNew: true });
    expect(results).toHaveLength(2);
    expect(results.every((r) => !r.ok && /FATAL/.test(r.error.message))).toBe(true);
  });

  it('invalid input fails only its own SKU', async () => {
    mockFeed({ header: { sellerId: SELLER, version: '2.0', feedId: '3485934' }, issues: [], summary: { errors: 0, warnings: 0, messagesProcessed: 2, messagesAccepted: 2, messagesInvalid: 0 } });
    const results = await adapter({ bulkThreshold: 2 }).listings.bulkUpsert([listing('A'), { sku: 'BAD' } as never, listing('C')], { assumeNew: true });
    expect(results.map((r) => [r.sku, r.ok])).toEqual([['BAD', false], ['A', true], ['C', true]]);
    expect((results[0] as { error: { code: string } }).error.code).toBe('VALIDATION');
  });

  it('below the threshold, single Listings Items calls', async () => {
    for (const sku of ['A', 'B']) {
      sp().get(`/listings/2021-08-01/items/${SELLER}/${sku}`).query({ marketplaceIds: DE, includedData: 'summaries,attributes,issues,productTypes,fulfillmentAvailability' }).reply(404, { errors: [{ code: 'NOT_FOUND', message: 'x' }] });
      sp().put(`/listings/2021-08-01/items/${SELLER}/${sku}`).query({ marketplaceIds: DE, includedData: 'identifiers,issues' }).reply(200, { sku, status: 'ACCEPTED', submissionId: sku, issues: [] });
    }
    const results = await adapter().listings.bulkUpsert([listing('A'), listing('B')]);
    expect(results.map((r) => r.ok && r.result.action)).toEqual(['created', 'created']);
    expect(nock.pendingMocks()).toEqual([]);
  });
});

describe('inventory.set below the bulk threshold', () => {
  it('learns existence and channel from the listings report, product types 20 per call, then merges stock and price with patchListingsItem', async () => {
    mockListingsReport([['A', 'DEFAULT'], ['FBA', 'AMAZON_EU']]);
    sp().get(`/listings/2021-08-01/items/${SELLER}`)
      .query({ marketplaceIds: DE, identifiers: 'A,FBA', identifiersType: 'SKU', includedData: 'summaries,productTypes,fulfillmentAvailability', pageSize: '20' })
      .reply(200, {
        numberOfResults: 2,
        items: [
          { sku: 'A', summaries: [{ marketplaceId: DE, productType: 'SHIRT', status: ['BUYABLE'], createdDate: 'x', lastUpdatedDate: 'y' }], fulfillmentAvailability: [{ fulfillmentChannelCode: 'DEFAULT', quantity: 2 }] },
          { sku: 'FBA', summaries: [{ marketplaceId: DE, productType: 'SHIRT', status: ['BUYABLE'], createdDate: 'x', lastUpdatedDate: 'y' }], fulfillmentAvailability: [{ fulfillmentChannelCode: 'AMAZON_EU' }] },
        ],
      });
    const patch = sp()
      .patch(`/listings/2021-08-01/items/${SELLER}/A`, {
        productType: 'SHIRT',
        patches: [
          { op: 'merge', path: '/attributes/purchasable_offer', value: [{ audience: 'ALL', currency: 'EUR', marketplace_id: DE, our_price: [{ schedule: [{ value_with_tax: 12.5 }] }] }] },
          { op: 'merge', path: '/attributes/fulfillment_availability', value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 8 }] },
        ],
      })
      .query({ marketplaceIds: DE, includedData: 'issues' })
      .reply(200, { sku: 'A', status: 'ACCEPTED', submissionId: 's', issues: [] });
    const r = await adapter().inventory.set([{ sku: 'A', quantity: 5 }, { sku: 'FBA', quantity: 1 }, { sku: 'A', quantity: 8, price: { amount: 1250, currency: 'EUR' } }]);
    patch.done();
    expect(r[0]).toEqual({ sku: 'A', ok: true, appliedQuantity: 8 });
    expect(r[1]).toMatchObject({ sku: 'FBA', ok: false, error: { code: 'NOT_SUPPORTED' }, warning: expect.stringMatching(/FBA/) });
  });
});
