import type { Instant } from '../../../src/model/order.js';
import type { Return } from '../../../src/model/return.js';
import { instantOf, tsvRows } from './report.js';

/**
 * FBA customer returns, read from the Reports API (specs/amazon/reports_2021-06-30.json). Report
 * type and columns: GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA with return-date, order-id, sku,
 * asin, fnsku, product-name, quantity, fulfillment-center-id, detailed-disposition, reason,
 * status, license-plate-number, customer-comments ("FBA Customer Concessions reports attributes",
 * https://developer-docs.amazon.com/sp-api/docs/fba-customer-concessions-reports-attributes).
 * Seller Central help "FBA customer returns report" (G200453320,
 * https://sellercentral.amazon.com/gp/help/external/G200453320): return-date is the "Date returned
 * merchandise was processed at the fulfillment center", so every row is a return Amazon has
 * received; disposition SELLABLE = "The unit was returned to stock and is available for purchase",
 * DAMAGED = Amazon takes ownership; Defective / Customer Damaged / Damaged units are unsellable.
 * "With FBA, Amazon provides fulfilment and customer service for your orders, including processing
 * customer returns" (same page, AU edition): these returns are read-only here, and the units stay
 * in Amazon's warehouse — `stock.heldBy: 'marketplace'`, never restocked into the seller's ledger.
 */
export const FBA_RETURNS_REPORT = 'GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA';

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/**
 * return-date as the API report gives it (ISO 8601) or as the help page documents the download
 * ("DD-MM-YYYY", "DD-MON-YYYY" in the JP edition): a calendar day is read as UTC midnight.
 */
function returnDate(raw: string | undefined): Instant | undefined {
  const m = raw?.match(/^(\d{2})-(\d{2}|[A-Za-z]{3})-(\d{4})$/);
  if (!m) return instantOf(raw);
  const month = /^\d+$/.test(m[2]!) ? Number(m[2]) - 1 : MONTHS.indexOf(m[2]!.toUpperCase());
  if (month < 0 || month > 11) return undefined;
  return { utc: new Date(Date.UTC(Number(m[3]), month, Number(m[1]))).toISOString(), raw: raw! };
}

/** The disposition as a restock hint: only SELLABLE went back to sellable stock (G200453320). */
function conditionOf(disposition: string): 'sellable' | 'damaged' | undefined {
  if (!disposition) return undefined;
  return disposition.toUpperCase() === 'SELLABLE' ? 'sellable' : 'damaged';
}

/**
 * One FBA customer returns report (TSV) → Returns of a store, all `received`. A row has no RMA id;
 * the license plate number names the returned unit, else order + SKU + return date do.
 * Rows without an order id or a return date are skipped.
 */
export function parseFbaReturnsReport(text: string, ctx: { account: string; store: string }): Return[] {
  const out: Return[] = [];
  for (const row of tsvRows(text)) {
    const orderId = row.orderid || row.amazonorderid;
    const at = returnDate(row.returndate);
    if (!orderId || !at) continue;
    const sku = row.sku || undefined;
    const disposition = row.detaileddisposition ?? '';
    const condition = conditionOf(disposition);
    const variantIds: Record<string, string> = {};
    if (row.asin) variantIds.asin = row.asin;
    if (row.fnsku) variantIds.fnsku = row.fnsku;
    out.push({
      id: `fba:${row.licenseplatenumber || `${orderId}:${sku ?? ''}:${at.utc}`}`,
      marketplace: 'amazon', account: ctx.account, store: ctx.store, orderId,
      status: 'received',
      marketplaceStatus: row.status || disposition || 'RECEIVED',
      ...(disposition ? { marketplaceState: disposition } : {}),
      reason: { code: 'other', ...(row.reason ? { marketplaceCode: row.reason } : {}), ...(row.customercomments ? { comment: row.customercomments } : {}) },
      lines: [{ lineId: sku ?? orderId, ...(sku ? { sku } : {}), variantIds, quantity: Math.max(1, Number(row.quantity) || 1) }],
      deadlines: [],
      shipping: { paidBy: 'unknown' },
      refunds: [],
      stock: { heldBy: 'marketplace', ...(condition ? { condition } : {}), ...(disposition ? { marketplaceCondition: disposition } : {}) },
      createdAt: at,
      updatedAt: at,
      raw: row,
    });
  }
  return out;
}
