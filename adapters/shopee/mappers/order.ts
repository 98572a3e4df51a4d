import type { Address } from '../../../src/model/address.js';
import type { Money } from '../../../src/model/money.js';
import type { Instant, Order, OrderLine } from '../../../src/model/order.js';
import { moneyFromWire } from '../money.js';
import type { AddressWire, OrderItemWire, OrderWire } from '../schemas/order.js';
import { PICKED_UP_PACKAGE, ARRANGED_PACKAGE, mapOrderStatus } from './status.js';

export interface OrderMapContext {
  account: string;
  store: string;
  includePii: boolean;
}

/**
 * Minor units are integers of one currency, so line maths is exact integer arithmetic (dinero
 * would be ~40x slower per order); a result beyond the safe range is refused, never rounded.
 */
function times(m: Money, n: number): Money {
  const amount = m.amount * n;
  if (!Number.isSafeInteger(amount)) throw new RangeError('order amount exceeds the safe integer range');
  return { amount, currency: m.currency };
}

function total(items: Money[], currency: string): Money {
  return items.reduce((acc, m) => times({ amount: acc.amount + m.amount, currency }, 1), { amount: 0, currency });
}

export function instant(seconds: number): Instant {
  return { utc: new Date(seconds * 1000).toISOString(), raw: String(seconds) };
}

/** Line id = item_id:model_id (what cancel_order and split_order need back); order_item_id is shared by bundles. */
export function lineIdOf(item: { item_id: number | string; model_id: number | string }): string {
  return `${item.item_id}:${item.model_id}`;
}

function shippedQuantity(order: OrderWire, item: OrderItemWire): number {
  let n = 0;
  for (const p of order.package_list) {
    if (!ARRANGED_PACKAGE.has(p.logistics_status ?? '') && !PICKED_UP_PACKAGE.has(p.logistics_status ?? '')) continue;
    for (const i of p.item_list) if (String(i.item_id) === String(item.item_id) && String(i.model_id) === String(item.model_id)) n += i.model_quantity ?? 0;
  }
  return Math.min(n, item.model_quantity_purchased);
}

function toLine(order: OrderWire, item: OrderItemWire, lineId: string): OrderLine {
  const cur = order.currency;
  const original = moneyFromWire(item.model_original_price, cur);
  const paid = moneyFromWire(item.model_discounted_price, cur) ?? original;
  const discounts = [];
  if (original && paid && original.amount > paid.amount) {
    discounts.push({ kind: item.promotion_type ? String(item.promotion_type) : 'discount', amount: times({ amount: original.amount - paid.amount, currency: cur }, item.model_quantity_purchased) });
  }
  const variantIds: Record<string, string> = { item_id: String(item.item_id), model_id: String(item.model_id) };
  if (item.order_item_id !== undefined) variantIds.order_item_id = String(item.order_item_id);
  if (item.promotion_group_id !== undefined && item.promotion_group_id !== null) variantIds.promotion_group_id = String(item.promotion_group_id);
  return {
    lineId,
    sku: item.model_sku || item.item_sku || undefined,
    title: item.item_name,
    variantIds,
    quantity: item.model_quantity_purchased,
    shippedQuantity: order.order_status === 'SHIPPED' || order.order_status === 'COMPLETED' || order.order_status === 'TO_CONFIRM_RECEIVE' ? item.model_quantity_purchased : shippedQuantity(order, item),
    cancelledQuantity: item.cancelled_qty ?? (order.order_status === 'CANCELLED' ? item.model_quantity_purchased : 0),
    returnedQuantity: item.returned_qty ?? 0,
    unitPrice: paid,
    // Shopee shows buyers final prices and sends no separate tax lines.
    taxInclusive: true,
    discounts,
  };
}

function toAddress(a: AddressWire, fallbackCountry: string | undefined): Address | undefined {
  const country = (a.region || fallbackCountry || '').toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) return undefined;
  return {
    name: a.name ?? undefined,
    lines: a.full_address ? [a.full_address] : [],
    city: a.city || undefined,
    district: a.district || a.town || undefined,
    region: a.state || undefined,
    postalCode: a.zipcode || undefined,
    country,
    phone: a.phone || undefined,
  };
}

/** One get_order_detail record → the unified Order (amounts in the order currency's exponent). */
export function toOrder(w: OrderWire, ctx: OrderMapContext): Order {
  const mapped = mapOrderStatus(w.order_status);
  const seen = new Set<string>();
  const lines = w.item_list.map((item, i) => {
    let id = lineIdOf(item);
    if (seen.has(id)) id = `${id}:${item.order_item_id ?? i}`;
    seen.add(id);
    return toLine(w, item, id);
  });
  const charged = moneyFromWire(w.total_amount, w.currency);
  const paidLines = lines.filter((l) => l.unitPrice).map((l) => times(l.unitPrice!, l.quantity));
  const order: Order = {
    id: w.order_sn,
    marketplace: 'shopee',
    account: ctx.account,
    store: ctx.store,
    status: mapped.status,
    marketplaceStatus: w.order_status,
    holds: mapped.holds,
    shippable: mapped.shippable,
    createdAt: instant(w.create_time),
    updatedAt: instant(w.update_time),
    shipBy: w.ship_by_date ? { latest: instant(w.ship_by_date) } : undefined,
    fulfilledBy: w.fulfillment_flag === 'fulfilled_by_shopee' ? 'marketplace' : 'merchant',
    lines,
    taxes: [],
    totals: { charged, items: paidLines.length ? total(paidLines, w.currency) : undefined },
    currencies: { buyer: w.currency },
    extra: {
      region: w.region,
      cod: w.cod,
      daysToShip: w.days_to_ship,
      payTime: w.pay_time ?? undefined,
      shippingCarrier: w.shipping_carrier,
      packages: w.package_list.map((p) => ({
        packageNumber: p.package_number,
        logisticsStatus: p.logistics_status,
        logisticsChannelId: p.logistics_channel_id ?? undefined,
        shippingCarrier: p.shipping_carrier,
        lines: p.item_list.map((i) => ({ lineId: lineIdOf(i), quantity: i.model_quantity ?? 0 })),
      })),
      cancelBy: w.cancel_by || undefined,
      cancelReason: w.cancel_reason || undefined,
      buyerCancelReason: w.buyer_cancel_reason || undefined,
      bookingSn: w.booking_sn || undefined,
    },
  };
  if (ctx.includePii) {
    if (w.buyer_username) order.buyer = { name: w.buyer_username };
    const address = w.recipient_address ? toAddress(w.recipient_address, w.region) : undefined;
    if (address) order.shippingAddress = address;
  }
  return order;
}
