import { gzipSync } from 'node:zlib';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotSupportedError } from '../../../src/errors/index.js';
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

function mockReport(marketplaceId: string, id: string, body: string | null) {
  sp().post('/reports/2021-06-30/reports', { reportType: 'GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE', marketplaceIds: [marketplaceId], dataStartTime: FROM, dataEndTime: TO }).reply(202, { reportId: id });
  sp().get(`/reports/2021-06-30/reports/${id}`).reply(200, {
    reportId: id, reportType: 'GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE', createdTime: '2026-05-20T00:00:00Z', processingStatus: body === null ? 'CANCELLED' : 'DONE', ...(body === null ? {} : { reportDocumentId: `doc-${id}` }),
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
    const rs = await adapter().returns!.list({ updatedSince: FROM, until: TO }).toArray({ max: 10 });
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

  it('capabilities say returns are read-only; writes are refused before any call', async () => {
    const a = adapter();
    expect(a.capabilities.returns).toMatchObject({ list: true, approve: false, reject: false, refundByAmount: false, refundByLines: false });
    await expect(a.returns!.approve('x')).rejects.toBeInstanceOf(NotSupportedError);
    await expect(a.returns!.refund('x', { amount: { amount: 100, currency: 'EUR' } })).rejects.toBeInstanceOf(NotSupportedError);
  });
});
