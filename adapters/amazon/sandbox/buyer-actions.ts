/**
 * What buyers and Amazon do to orders on their own, for tests that change orders while a client
 * reads them (order-sync "never skips" proofs). Not a route: tests call it between requests.
 */
import type { AmazonSandboxState } from './state.js';

/**
 * The buyer's cancellation goes through: the order is CANCELLED and `lastUpdatedTime` moves to now
 * ("An update is any change made by Amazon or the seller, including changes to order status",
 * specs/amazon/orders_2026-01-01.json#/paths/~1orders~12026-01-01~1orders/get lastUpdatedAfter).
 * Both copies change: the read lag models the seller's own writes settling, not this.
 */
export function buyerCancels(state: AmazonSandboxState, orderId: string, now: number): void {
  const o = state.orders.get(orderId);
  if (!o) throw new Error(`no sandbox order ${orderId}`);
  for (const doc of [o.actual, o.visible]) {
    if (doc.fulfillment) doc.fulfillment.fulfillmentStatus = 'CANCELLED';
    doc.lastUpdatedTime = new Date(now).toISOString();
  }
}

/** Moves an order's last update (seeding a spread of update times). */
export function setLastUpdated(state: AmazonSandboxState, orderId: string, at: number): void {
  const o = state.orders.get(orderId);
  if (!o) throw new Error(`no sandbox order ${orderId}`);
  for (const doc of [o.actual, o.visible]) doc.lastUpdatedTime = new Date(at).toISOString();
}
