import type { AmazonSandboxState } from './state.js';
import { stateList } from './state-slot.js';

/**
 * FBA customer returns in the simulator. Amazon, not the seller, receives and grades an FBA
 * return: "With FBA, Amazon provides fulfilment and customer service for your orders, including
 * processing customer returns" and "When a customer returns an item, we assess the condition
 * (disposition) of the returned item" (Seller Central help G200453320,
 * https://sellercentral.amazon.com/gp/help/external/G200453320). Tests and demos drive
 * {@link fbaCustomerReturn}; the seller reads the result through the Reports API as
 * GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA (`fbaReturnsTsv`).
 */
export interface SandboxFbaReturn {
  sellerId: string;
  marketplaceId: string;
  orderId: string;
  sku: string;
  asin: string;
  fnsku: string;
  productName: string;
  quantity: number;
  fulfillmentCenterId: string;
  disposition: string;
  reason: string;
  status: string;
  licensePlateNumber: string;
  customerComments: string;
  /** When the fulfillment center processed the unit (the report's return-date). */
  processedAt: number;
}

/** The FBA returns Amazon has processed for this sandbox (tests read them). */
export const fbaReturnsOf = stateList<SandboxFbaReturn>();

/** What a buyer returns on an FBA order, and how Amazon grades it. */
export interface FbaReturnInput {
  orderId: string;
  /** Seller SKU of the returned item (default: the order's first item). */
  sku?: string;
  quantity?: number;
  /** detailed-disposition, e.g. SELLABLE, DAMAGED, CUSTOMER_DAMAGED, DEFECTIVE (G200453320 condition codes). Default SELLABLE. */
  disposition?: string;
  /** The customer's reason as Amazon records it, verbatim. */
  reason?: string;
  /** The report's status text, verbatim (not enumerated by the docs; empty by default). */
  status?: string;
  customerComments?: string;
  fulfillmentCenterId?: string;
}

/**
 * The buyer's unit reaches an Amazon fulfillment center and is graded. Only orders Amazon
 * fulfilled have FBA returns ("FBA returns do not appear on the Manage Returns page. The Manage
 * Returns page is for self-fulfilled returns only", G200453320), so an MFN order is refused.
 */
export function fbaCustomerReturn(state: AmazonSandboxState, input: FbaReturnInput): SandboxFbaReturn {
  const order = state.orders.get(input.orderId);
  if (!order) throw new Error(`No order ${input.orderId} in the Amazon sandbox`);
  const doc = order.actual;
  if (doc.fulfillment?.fulfilledBy !== 'AMAZON') throw new Error(`Order ${input.orderId} is not fulfilled by Amazon: its returns are the seller's (MFN returns report)`);
  const item = doc.orderItems.find((it) => !input.sku || it.product.sellerSku === input.sku);
  if (!item) throw new Error(`Order ${input.orderId} has no item ${input.sku}`);
  const quantity = input.quantity ?? 1;
  if (quantity < 1 || quantity > item.quantityOrdered) throw new Error(`Order ${input.orderId} item ${item.orderItemId} has ${item.quantityOrdered} unit(s), not ${quantity}`);
  const list = fbaReturnsOf(state);
  const r: SandboxFbaReturn = {
    sellerId: order.sellerId, marketplaceId: doc.salesChannel.marketplaceId, orderId: doc.orderId,
    sku: item.product.sellerSku ?? '', asin: item.product.asin ?? '', fnsku: `X00${String(list.length + 1).padStart(7, '0')}`,
    productName: item.product.title ?? '', quantity, fulfillmentCenterId: input.fulfillmentCenterId ?? 'LEJ1',
    disposition: input.disposition ?? 'SELLABLE', reason: input.reason ?? 'UNWANTED_ITEM', status: input.status ?? '',
    licensePlateNumber: `LPNRR${String(list.length + 1).padStart(8, '0')}`, customerComments: input.customerComments ?? '',
    processedAt: state.ctx?.clock.now() ?? Date.now(),
  };
  list.push(r);
  return r;
}

/** Columns in the order "FBA Customer Concessions reports attributes" lists them (https://developer-docs.amazon.com/sp-api/docs/fba-customer-concessions-reports-attributes). */
const COLUMNS = ['return-date', 'order-id', 'sku', 'asin', 'fnsku', 'product-name', 'quantity', 'fulfillment-center-id', 'detailed-disposition', 'reason', 'status', 'license-plate-number', 'customer-comments'];

/** return-date as the help page documents the download: DD-MM-YYYY (G200453320). */
function day(at: number): string {
  const d = new Date(at);
  return `${String(d.getUTCDate()).padStart(2, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${d.getUTCFullYear()}`;
}

/**
 * The report for one seller and marketplace over the requested data range (dataStartTime /
 * dataEndTime, specs/amazon/reports_2021-06-30.json#/definitions/CreateReportSpecification),
 * tab-delimited with one header row; undefined when no return falls in the range (the report is
 * then CANCELLED: "an automatic cancellation if there is no data to return", Report.processingStatus).
 */
export function fbaReturnsTsv(state: AmazonSandboxState, sellerId: string, marketplaceId: string, from: number, to: number): string | undefined {
  const rows = fbaReturnsOf(state).filter((r) => r.sellerId === sellerId && r.marketplaceId === marketplaceId && r.processedAt >= from && r.processedAt <= to);
  if (!rows.length) return undefined;
  const clean = (v: string) => v.replace(/[\t\r\n]/g, ' ');
  const lines = rows.map((r) => [day(r.processedAt), r.orderId, r.sku, r.asin, r.fnsku, r.productName, String(r.quantity), r.fulfillmentCenterId, r.disposition, r.reason, r.status, r.licensePlateNumber, r.customerComments].map(clean).join('\t'));
  return `${[COLUMNS.join('\t'), ...lines].join('\n')}\n`;
}
