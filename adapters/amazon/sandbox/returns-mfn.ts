import { adjustmentsOf } from './returns-adjustments.js';
import type { AmazonSandboxState } from './state.js';
import { stateList } from './state-slot.js';

/**
 * Merchant-fulfilled returns in the simulator: the buyer asks, ships the item back, it arrives.
 * The seller cannot authorize, reject or label a return by API (returns/service.ts), so the buyer
 * actions below are the whole lifecycle; the seller reads it as the flat-file returns report
 * (GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE, `mfnReturnsTsv`) and refunds by the order
 * adjustment feed, whose accepted amounts show in the report's Refunded Amount column.
 */
export interface SandboxMfnReturn {
  sellerId: string;
  marketplaceId: string;
  orderId: string;
  rmaId: string;
  sku: string;
  quantity: number;
  reason: string;
  status: string;
  requestedAt: number;
  carrier?: string;
  trackingId?: string;
  deliveredAt?: number;
}

/** The MFN return requests of this sandbox (tests read them). */
export const mfnReturnsOf = stateList<SandboxMfnReturn>();

/** What a sandbox buyer asks to return: one order line (MFN only), with the report fields taken verbatim. */
export interface MfnReturnInput {
  orderId: string;
  /** Seller SKU of the returned item (default: the order's first item). */
  sku?: string;
  quantity?: number;
  /** Return Reason, verbatim (e.g. CR-DEFECTIVE). */
  reason?: string;
  /** Return request status, verbatim: the docs do not enumerate its values (default "Approved"). */
  status?: string;
}

/** The buyer requests a return of a merchant-fulfilled order (FBA returns are Amazon's: ./returns-fba.ts). */
export function mfnReturnRequest(state: AmazonSandboxState, input: MfnReturnInput): SandboxMfnReturn {
  const order = state.orders.get(input.orderId);
  if (!order) throw new Error(`No order ${input.orderId} in the Amazon sandbox`);
  const doc = order.actual;
  if (doc.fulfillment?.fulfilledBy === 'AMAZON') throw new Error(`Order ${input.orderId} is fulfilled by Amazon: its returns are Amazon's (FBA returns report)`);
  const item = doc.orderItems.find((it) => !input.sku || it.product.sellerSku === input.sku);
  if (!item) throw new Error(`Order ${input.orderId} has no item ${input.sku}`);
  const quantity = input.quantity ?? 1;
  if (quantity < 1 || quantity > item.quantityOrdered) throw new Error(`Order ${input.orderId} item ${item.orderItemId} has ${item.quantityOrdered} unit(s), not ${quantity}`);
  const list = mfnReturnsOf(state);
  const r: SandboxMfnReturn = {
    sellerId: order.sellerId, marketplaceId: doc.salesChannel.marketplaceId, orderId: doc.orderId, rmaId: `DSbx${String(list.length + 1).padStart(6, '0')}RRMA`,
    sku: item.product.sellerSku, quantity, reason: input.reason ?? 'CR-UNWANTED_ITEM', status: input.status ?? 'Approved', requestedAt: state.ctx?.clock.now() ?? Date.now(),
  };
  list.push(r);
  return r;
}

function find(state: AmazonSandboxState, rmaId: string): SandboxMfnReturn {
  const r = mfnReturnsOf(state).find((x) => x.rmaId === rmaId);
  if (!r) throw new Error(`No MFN return ${rmaId} in the Amazon sandbox`);
  return r;
}

/** The buyer ships the item back (the report's Return carrier and Tracking ID). */
export function shipMfnReturn(state: AmazonSandboxState, rmaId: string, tracking: { carrier: string; trackingId: string }): SandboxMfnReturn {
  return Object.assign(find(state, rmaId), tracking);
}

/** The parcel reaches the seller (the report's Return delivery date). */
export function deliverMfnReturn(state: AmazonSandboxState, rmaId: string): SandboxMfnReturn {
  return Object.assign(find(state, rmaId), { deliveredAt: state.ctx?.clock.now() ?? Date.now() });
}

/** Columns as "Returns reports attributes" lists them for the flat file (https://developer-docs.amazon.com/sp-api/docs/returns-reports-attributes). */
const COLUMNS = [
  'Order ID', 'Order date', 'Return request date', 'Return request status', 'Amazon RMA ID', 'Merchant RMA ID', 'Label type', 'Label cost', 'Currency code', 'Return carrier', 'Tracking ID',
  'Label to be paid by', 'A-to-Z Claim', 'Is prime', 'ASIN', 'Merchant SKU', 'Item Name', 'Return quantity', 'Return Reason', 'In policy', 'Return type', 'Resolution', 'Invoice number',
  'Return delivery date', 'Order Amount', 'Order quantity', 'SafeT Action reason', 'SafeT claim id', 'SafeT claim state', 'SafeT claim creation time', 'SafeT claim reimbursement amount', 'Refunded Amount',
];

/** Principal + Tax the order adjustment feed accepted for one order item (./returns-adjustments.ts). */
function refunded(state: AmazonSandboxState, orderId: string, orderItemId: string): number {
  let cents = 0;
  for (const a of adjustmentsOf(state)) {
    if (a.orderId !== orderId) continue;
    for (const it of a.items) if (it.orderItemId === orderItemId) for (const c of it.components) cents += Math.round(Number(c.amount) * 100);
  }
  return cents;
}

/**
 * The report for one seller and marketplace: rows whose return request date falls in the
 * requested data range (the report is "by return date"; "You can request up to 60 days of data in
 * a single report", same page), tab-delimited with one header row; undefined when none (CANCELLED).
 */
export function mfnReturnsTsv(state: AmazonSandboxState, sellerId: string, marketplaceId: string, from: number, to: number): string | undefined {
  const rows = mfnReturnsOf(state).filter((r) => r.sellerId === sellerId && r.marketplaceId === marketplaceId && r.requestedAt >= from && r.requestedAt <= to);
  if (!rows.length) return undefined;
  const iso = (t: number | undefined) => (t === undefined ? '' : new Date(t).toISOString());
  const lines = rows.map((r) => {
    const doc = state.orders.get(r.orderId)!.actual;
    const item = doc.orderItems.find((it) => it.product.sellerSku === r.sku)!;
    const price = item.product.price.unitPrice;
    const back = refunded(state, r.orderId, item.orderItemId);
    const cells: Record<string, string> = {
      'Order ID': r.orderId, 'Order date': doc.createdTime, 'Return request date': iso(r.requestedAt), 'Return request status': r.status, 'Amazon RMA ID': r.rmaId,
      'Currency code': price.currencyCode, 'Return carrier': r.carrier ?? '', 'Tracking ID': r.trackingId ?? '', ASIN: item.product.asin, 'Merchant SKU': r.sku, 'Item Name': item.product.title,
      'Return quantity': String(r.quantity), 'Return Reason': r.reason, 'Return delivery date': iso(r.deliveredAt), 'Order Amount': (Number(price.amount) * item.quantityOrdered).toFixed(2), 'Order quantity': String(item.quantityOrdered),
      'Refunded Amount': back ? (back / 100).toFixed(2) : '',
    };
    return COLUMNS.map((c) => (cells[c] ?? '').replace(/[\t\r\n]/g, ' ')).join('\t');
  });
  return `${[COLUMNS.join('\t'), ...lines].join('\n')}\n`;
}
