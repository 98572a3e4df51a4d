/**
 * What buyers and eBay do to orders on their own, for tests that change orders while a client
 * reads them (order-sync "never skips" proofs). Not a route: tests call it between requests.
 */
import type { EbaySandboxState } from './state.js';

/**
 * The buyer's cancellation completes: cancelState CANCELED and `lastModifiedDate` ("the date and
 * time that the order was last modified", specs/ebay/sell_fulfillment_v1_oas3.json#/components/
 * schemas/Order/properties/lastModifiedDate; states: ...#/components/schemas/CancelStatus) is now.
 */
export function buyerCancels(state: EbaySandboxState, orderId: string, now: number): void {
  const o = state.orders.get(orderId);
  if (!o) throw new Error(`no sandbox order ${orderId}`);
  o.cancelStatus = { ...o.cancelStatus, cancelState: 'CANCELED' };
  o.lastModifiedDate = new Date(now).toISOString();
}
