import { adHocCarrierCode, unifiedCarrier } from '../../../src/model/carriers.js';
import { fromWire } from '../../../src/model/money.js';
import type { Instant } from '../../../src/model/order.js';
import type { Return, ReturnStatus } from '../../../src/model/return.js';

/**
 * Merchant-fulfilled returns, read from the Reports API (reports_2021-06-30.json). Report type and
 * columns: "Flat File Returns Report by Return Date", reportType GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE,
 * tab-delimited, "up to 60 days of data in a single report"; columns Order ID, Order date, Return
 * request date, Return request status, Amazon RMA ID, Merchant RMA ID, ..., Return carrier,
 * Tracking ID, ..., Merchant SKU, Return quantity, Return Reason, ..., Return delivery date, ...,
 * Refunded Amount, Currency code (https://developer-docs.amazon.com/sp-api/docs/returns-reports-attributes).
 */
export const MFN_RETURNS_REPORT = 'GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE';
export const REPORT_MAX_DAYS = 60;

/** Header cells compared without case, spaces, dashes or underscores ("Order ID" = "order-id" = "order_id"). */
const norm = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');

export function instantOf(raw: string | undefined): Instant | undefined {
  if (!raw) return undefined;
  const t = Date.parse(raw);
  return Number.isNaN(t) ? undefined : { utc: new Date(t).toISOString(), raw };
}

/** A tab-delimited report → one record per row, keyed by the normalized header cell. */
export function tsvRows(text: string): Array<Record<string, string>> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.length > 0);
  const header = (lines.shift() ?? '').split('\t').map(norm);
  return lines.map((line) => {
    const cells = line.split('\t');
    const row: Record<string, string> = {};
    header.forEach((h, i) => (row[h] = (cells[i] ?? '').trim()));
    return row;
  });
}

/**
 * The report's status words are not enumerated in the docs, so the unified status is taken from
 * what the row shows: a refunded amount → refunded; a return delivery date → received; a tracking
 * id → in_transit; else requested. "Return request status" stays verbatim in marketplaceStatus.
 */
function statusOf(row: Record<string, string>): ReturnStatus {
  if (Number(row.refundedamount || 0) > 0) return 'refunded';
  if (instantOf(row.returndeliverydate)) return 'received';
  if (row.trackingid) return 'in_transit';
  return 'requested';
}

/** One report (TSV text) → Returns of a store; rows without an order id or request date are skipped. */
export function parseReturnsReport(text: string, ctx: { account: string; store: string }): Return[] {
  const out: Return[] = [];
  for (const row of tsvRows(text)) {
    const created = instantOf(row.returnrequestdate);
    if (!row.orderid || !created) continue;
    const delivered = instantOf(row.returndeliverydate);
    const cur = row.currencycode;
    const refunded = cur && Number(row.refundedamount || 0) > 0 ? fromWire(row.refundedamount!, cur) : undefined;
    const sku = row.merchantsku || undefined;
    out.push({
      id: row.amazonrmaid || `${row.orderid}:${sku ?? ''}`,
      marketplace: 'amazon', account: ctx.account, store: ctx.store, orderId: row.orderid,
      status: statusOf(row),
      marketplaceStatus: row.returnrequeststatus || 'UNKNOWN',
      reason: { code: 'other', ...(row.returnreason ? { marketplaceCode: row.returnreason } : {}) },
      lines: [{ lineId: sku ?? row.orderid, ...(sku ? { sku } : {}), variantIds: row.asin ? { asin: row.asin } : {}, quantity: Math.max(1, Number(row.returnquantity) || 1), ...(refunded ? { refunded } : {}) }],
      deadlines: [],
      shipping: {
        paidBy: 'unknown',
        ...(row.returncarrier ? { carrier: { code: unifiedCarrier(row.returncarrier) ?? adHocCarrierCode(row.returncarrier), marketplaceCode: row.returncarrier } } : {}),
        ...(row.trackingid ? { trackingNumber: row.trackingid } : {}),
      },
      ...(refunded ? { refunded } : {}),
      refunds: [],
      createdAt: created,
      updatedAt: delivered && Date.parse(delivered.utc) > Date.parse(created.utc) ? delivered : created,
      raw: row,
    });
  }
  return out;
}
