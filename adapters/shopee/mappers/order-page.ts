import { parseRecords, type Quarantined } from '../../../src/http/parse.js';
import type { Order } from '../../../src/model/order.js';
import { checkOrderWire } from '../schemas/order-check.js';
import { OrderWireSchema, type OrderWire } from '../schemas/order.js';
import type { EscrowDetail } from '../schemas/payment.js';
import { toOrder, type OrderMapContext } from './order.js';

/** One get_order_detail page (its order_list) → wire records; a malformed record is quarantined with zod's issues. */
export function parseOrderPage(records: readonly unknown[]): { items: OrderWire[]; quarantined: Quarantined[] } {
  const items: OrderWire[] = [];
  const quarantined: Quarantined[] = [];
  records.forEach((raw, index) => {
    const fast = checkOrderWire(raw);
    if (fast) return void items.push(fast);
    const slow = parseRecords(OrderWireSchema, [raw], (x) => (x as { order_sn?: string })?.order_sn);
    items.push(...slow.items);
    for (const q of slow.quarantined) quarantined.push({ ...q, index });
  });
  return { items, quarantined };
}

/** One get_order_detail page → unified orders (with each order's escrow detail when read). */
export function mapOrderPage(records: readonly unknown[], ctx: OrderMapContext, escrow?: ReadonlyMap<string, EscrowDetail>): { items: Order[]; quarantined: Quarantined[] } {
  const parsed = parseOrderPage(records);
  return { items: parsed.items.map((w) => toOrder(w, ctx, escrow?.get(w.order_sn))), quarantined: parsed.quarantined };
}
