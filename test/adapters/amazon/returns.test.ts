import { gzipSync } from 'node:zlib';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotSupportedError, ValidationError } from '../../../src/errors/index.js';
import { adapter, DE, FR, mockLwa, sp } from './helpers.js';

const S3 = 'https://tortuga-prod-eu.s3-eu-west-1.amazonaws.com';
const FROM = '2026-05-01T00:00:00.000Z';
const TO = '2026-05-20T00:00:00.000Z';

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

// Columns as the report-type page names them (https://developer-docs.amazon.com/sp-api/docs/returns-reports-attributes).
const TSV = [
  ['Order ID', 'Order date', 'Return request date', 'Return request status', 'Amazon RMA ID', 'Merchant RMA ID', 'Currency code', 'Return carrier', 'Tracking ID', 'ASIN', 'Merchant SKU', 'Return quantity', 'Return Reason', 'Return delivery date', 'Refunded Amount'],
  ['028-1234567-1234567', '2026-04-20T10:00:00+00:00', '2026-05-03T08:00:00+00:00', 'Approved', 'DxYz1234RRMA', '', 'EUR', 'DHL', 'JJD000123', 'B0TEST0001', 'SHIRT-1', '1', 'CR-DEFECTIVE', '2026-05-08T12:00:00+00:00', '19.99'],
  ['028-7654321-7654321', '2026-04-21T10:00:00+00:00', '2026-05-05T08:00:00+00:00', 'Approved', 'DxYz5678RRMA', '', 'EUR', '', '', 'B0TEST0002', 'MUG-2', '2', 'CR-UNWANTED_ITEM', '', ''],
].map((r) => r.join('\t')).join('\n');

// Columns as "FBA Customer Concessions reports attributes" names them (https://developer-docs.amazon.com/sp-api/docs/fba-customer-concessions-reports-attributes).
const FBA_TSV = [
  ['return-date', 'order-id', 'sku', 'asin', 'fnsku', 'product-name', 'quantity', 'fulfillment-center-id', 'detailed-disposition', 'reason', 'status', 'license-plate-number', 'customer-comments'],
  ['2026-05-10T09:30:00+00:00', '302-1111111-2222222', 'SANDBOX-FBA-1', 'B0FBA00001', 'X00FBA0001', 'Mug', '1', 'LEJ1', 'SELLABLE', 'UNWANTED_ITEM', 'Unit returned to inventory', 'LPNRR000111', ''],
  ['12-05-2026', '302-3333333-4444444', 'SANDBOX-FBA-2', 'B0FBA00002', 'X00FBA0002', 'Cup', '2', 'LEJ1', 'CUSTOMER_DAMAGED', 'DEFECTIVE', '', 'LPNRR000222', 'cracked'],
].map((r) => r.join('\t')).join('\n');

const MFN = 'GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE';
const FBA = 'GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA';

// The MFN report is read from 30 days before the window (its rows are ranged by request date); the FBA report over the window.
const MFN_START = '2026-04-01T00:00:00.000Z';

function mockReport(marketplaceId: string, id: string, body: string | null, reportType = MFN) {
  sp().post('/reports/2021-06-30/reports', { reportType, marketplaceIds: [marketplaceId], dataStartTime: reportType === MFN ? MFN_START : FROM, dataEndTime: TO }).reply(202, { reportId: id });
  sp().get(`/reports/2021-06-30/reports/${id}`).reply(200, {
    reportId: id, reportType, createdTime: '2026-05-20T00:00:00Z', processingStatus: body === null ? 'CANCELLED' : 'DONE', ...(body === null ? {} : { reportDocumentId: `doc-${id}` }),
  });
  if (body === null) return;
  sp().get(`/reports/2021-06-30/documents/doc-${id}`).reply(200, { reportDocumentId: `doc-${id}`, url: `${S3}/doc-${id}?X-Amz-Signature=s`, compressionAlgorithm: 'GZIP' });
  nock(S3, { badheaders: ['x-amz-access-token'] }).get(`/doc-${id}`).query({ 'X-Amz-Signature': 's' }).reply(200, gzipSync(Buffer.from(body)));
}

describe('Amazon returns (read from the MFN returns report)', () => {
  it('requests the report per store over the range and maps its rows', async () => {
    mockLwa();
    mockReport(DE, 'r-de', TSV);
    mockReport(FR, 'r-fr', null);
    const rs = await adapter().returns!.list({ updatedSince: FROM, until: TO, channels: ['merchant'] }).toArray({ max: 10 });
    expect(nock.isDone()).toBe(true);
    expect(rs).toHaveLength(2);
    expect(rs[0]).toMatchObject({
      id: 'DxYz1234RRMA', marketplace: 'amazon', store: 'DE', orderId: '028-1234567-1234567', status: 'refunded', marketplaceStatus: 'Approved',
      reason: { code: 'other', marketplaceCode: 'CR-DEFECTIVE' }, lines: [{ lineId: 'SHIRT-1', sku: 'SHIRT-1', quantity: 1, refunded: { amount: 1999, currency: 'EUR' } }],
      shipping: { trackingNumber: 'JJD000123', carrier: { marketplaceCode: 'DHL' } }, refunded: { amount: 1999, currency: 'EUR' },
      updatedAt: { utc: '2026-05-08T12:00:00.000Z' },
    });
    expect(rs[1]).toMatchObject({ id: 'DxYz5678RRMA', status: 'requested', lines: [{ sku: 'MUG-2', quantity: 2 }] });
  });

  it('lists an MFN return requested before the window once its delivery falls inside it; not one whose last change is older', async () => {
    mockLwa();
    const rows = [
      TSV.split('\n')[0]!,
      ['028-1111111-0000001', '2026-04-01T10:00:00+00:00', '2026-04-10T08:00:00+00:00', 'Approved', 'RMA-LATE', '', 'EUR', 'DHL', 'JJD1', 'B0T1', 'SHIRT-1', '1', 'CR-DEFECTIVE', '2026-05-03T12:00:00+00:00', ''].join('\t'),
      ['028-1111111-0000002', '2026-04-01T10:00:00+00:00', '2026-04-15T08:00:00+00:00', 'Approved', 'RMA-OLD', '', 'EUR', '', '', 'B0T2', 'MUG-2', '1', 'CR-UNWANTED_ITEM', '', ''].join('\t'),
    ].join('\n');
    mockReport(DE, 'l-de', rows);
    mockReport(FR, 'l-fr', null);
    const rs = await adapter().returns.list({ updatedSince: FROM, until: TO, channels: ['merchant'] }).toArray({ max: 10 });
    expect(nock.isDone()).toBe(true);
    expect(rs.map((r) => [r.id, r.status, r.updatedAt.utc])).toEqual([['RMA-LATE', 'received', '2026-05-03T12:00:00.000Z']]);
  });

  it('merges MFN and FBA returns by default: FBA rows are received, graded, and held by Amazon', async () => {
    mockLwa();
    mockReport(DE, 'm-de', TSV);
    mockReport(FR, 'm-fr', null);
    mockReport(DE, 'f-de', FBA_TSV, FBA);
    mockReport(FR, 'f-fr', null, FBA);
    const rs = await adapter().returns!.list({ updatedSince: FROM, until: TO }).toArray({ max: 10 });
    expect(nock.isDone()).toBe(true);
    expect(rs.map((r) => r.id)).toEqual(['DxYz1234RRMA', 'DxYz5678RRMA', 'fba:LPNRR000111', 'fba:LPNRR000222']);
    expect(rs[0]!.stock).toBeUndefined();
    expect(rs[2]).toMatchObject({
      marketplace: 'amazon', store: 'DE', orderId: '302-1111111-2222222', status: 'received', marketplaceStatus: 'Unit returned to inventory', marketplaceState: 'SELLABLE',
      reason: { code: 'other', marketplaceCode: 'UNWANTED_ITEM' }, lines: [{ lineId: 'SANDBOX-FBA-1', sku: 'SANDBOX-FBA-1', quantity: 1, variantIds: { asin: 'B0FBA00001', fnsku: 'X00FBA0001' } }],
      stock: { heldBy: 'marketplace', condition: 'sellable', marketplaceCondition: 'SELLABLE' },
      createdAt: { utc: '2026-05-10T09:30:00.000Z' }, updatedAt: { utc: '2026-05-10T09:30:00.000Z' },
    });
    // The help page's DD-MM-YYYY date; any disposition but SELLABLE is unsellable.
    expect(rs[3]).toMatchObject({ status: 'received', marketplaceStatus: 'CUSTOMER_DAMAGED', reason: { marketplaceCode: 'DEFECTIVE', comment: 'cracked' }, lines: [{ quantity: 2 }], stock: { heldBy: 'marketplace', condition: 'damaged' }, updatedAt: { utc: '2026-05-12T00:00:00.000Z' } });
  });

  it('resumes after the last report read, keeping the channels asked for', async () => {
    mockLwa();
    mockReport(DE, 'f1', FBA_TSV, FBA);
    const a = adapter();
    const pages = a.returns!.list({ updatedSince: FROM, until: TO, channels: ['fba'] }).pages()[Symbol.asyncIterator]();
    const first = (await pages.next()).value!;
    expect(first.items.map((r: { id: string }) => r.id)).toEqual(['fba:LPNRR000111', 'fba:LPNRR000222']);
    expect(nock.isDone()).toBe(true);
    // Only the FR FBA report is left: no MFN report is asked for on resume.
    mockReport(FR, 'f2', null, FBA);
    const rest = await a.returns!.list({ resumeFrom: first.resume }).toArray({ max: 10 });
    expect(rest).toEqual([]);
    expect(nock.isDone()).toBe(true);
  });

  it('refuses an unknown channel before any call, naming the field', async () => {
    let err: unknown;
    try {
      await adapter().returns!.list({ updatedSince: FROM, until: TO, channels: ['afn'] } as never).toArray({ max: 1 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).path).toMatch(/^query\.channels/);
  });

  it('capabilities say what Amazon does not let a seller do by API; those calls are refused before any call', async () => {
    const a = adapter();
    expect(a.capabilities.returns).toMatchObject({ list: true, approve: false, reject: false, partialRefundOffer: false, markReceived: false, refundByAmount: false, refundByLines: false, refundWithoutReturn: true });
    await expect(a.returns!.get('x')).rejects.toBeInstanceOf(NotSupportedError);
    await expect(a.returns!.approve('x')).rejects.toBeInstanceOf(NotSupportedError);
    await expect(a.returns!.reject('x')).rejects.toBeInstanceOf(NotSupportedError);
    const err = await a.returns!.refund('x', { amount: { amount: 100, currency: 'EUR' } }).catch((e) => e);
    expect(err).toBeInstanceOf(NotSupportedError);
    expect(err.message).toContain('refundOrder');
  });
});
