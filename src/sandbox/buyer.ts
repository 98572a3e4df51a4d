/**
 * Buyers of the embedded sandbox: they see what a store's live listing shows and buy only that.
 * Each marketplace module implements it in its own buyers file, lowering the listing's quantity
 * the way that marketplace documents (cited there). Used by the propagation benchmark and tests.
 */
import { ValidationError } from '../errors/classes.js';

/** One buyer's order: which store's listing, which SKU, how many units, paid at checkout or not. */
export interface BuyerOrderInput {
  /** The store as the adapter names it (`Store.id`): 'DE', 'EBAY_US', a Shopee shop id, 'aliexpress'. */
  store: string;
  /** The seller SKU of the listing. */
  sku: string;
  /** Units (default 1). */
  quantity?: number;
  /** The buyer pays at checkout (default true); false leaves the order unpaid where the marketplace has that state. */
  paid?: boolean;
}

/** Placed (with the marketplace's order id), or refused because the listing showed too little. */
export type BuyerOrderResult =
  | { placed: true; orderId: string; /** What the listing showed before the order. */ shown: number }
  | { placed: false; shown: number };

/** One marketplace's buyers (a module's optional `buyer`). */
export interface SandboxBuyer {
  /** What buyers see as available on the store's live listing of `sku`; 0 when not buyable. */
  shown(store: string, sku: string): number;
  /** Places an order only if the listing shows at least `quantity`, and lowers the listing's quantity. */
  order(input: BuyerOrderInput): BuyerOrderResult;
}

/** Checks the input shared by every marketplace's buyer. */
export function buyerQuantity(input: BuyerOrderInput): number {
  const q = input.quantity ?? 1;
  if (!Number.isInteger(q) || q < 1) throw new ValidationError({ message: `buyer order quantity must be a whole number ≥ 1 (got ${String(input.quantity)})`, path: 'quantity' });
  return q;
}
