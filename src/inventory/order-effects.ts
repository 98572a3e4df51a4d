/**
 * What one order version does to one reserved line: pure arithmetic, kept apart from the ledger
 * so idempotency (same version ⇒ no change) and release/consume rules are easy to check.
 */
import type { Component, LineReservation, StockOrder } from './schemas.js';

type OrderLine = StockOrder['lines'][number];

export interface LineEffect {
  next: LineReservation;
  /** Change of reserved listing units (negative = released). */
  dOpen: number;
  /** Newly shipped listing units (consumed from on-hand); never negative. */
  dShipped: number;
}

/** Orders that hold stock in the marketplace's own "reserved" figure until paid (Shopee). */
export function isUnpaid(order: StockOrder): boolean {
  return order.status === 'pending' || order.holds.includes('unpaid');
}

/**
 * Reserved = ordered − cancelled − shipped. A cancelled order releases everything; a shipped or
 * delivered order counts every non-cancelled unit as shipped even when the adapter left
 * shippedQuantity at 0. Shipped units never "unship" (a glitchy later version cannot refill stock).
 */
export function lineEffect(order: StockOrder, line: OrderLine, components: Component[], prev: LineReservation | undefined): LineEffect {
  const cancelled = order.status === 'cancelled' ? line.quantity : Math.min(line.quantity, line.cancelledQuantity);
  let shipped = Math.min(line.quantity - cancelled, line.shippedQuantity);
  if (order.status === 'shipped' || order.status === 'delivered') shipped = line.quantity - cancelled;
  shipped = Math.max(shipped, prev?.shipped ?? 0);
  const open = Math.max(0, line.quantity - cancelled - shipped);
  const next: LineReservation = { sku: line.sku, components: prev?.components ?? components, open, shipped, unpaid: open > 0 && isUnpaid(order) };
  return { next, dOpen: open - (prev?.open ?? 0), dShipped: shipped - (prev?.shipped ?? 0) };
}
