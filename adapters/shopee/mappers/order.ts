import { registerPii } from '../../../src/errors/redact.js';
import type { Address } from '../../../src/model/address.js';
import { currencyExponent } from '../../../src/model/currencies.js';
import type { Instant, Order, OrderLine } from '../../../src/model/order.js';
import { minorUnits } from '../money.js';
import type { PackageWire, AddressWire, OrderItemWire, OrderWire } from '../schemas/order.js';
import { cash, escrowMoney, takeLine, type EscrowMoney } from './escrow.js';
import { PICKED_UP_PACKAGE, ARRANGED_PACKAGE, mapOrderStatus } from './status.js';
import type { EscrowDetail } from '../schemas/payment.js';

export interface OrderMapContext {
  account: string;
  store: string;
  includePii: boolean;
}

/** Integer minor units of one currency: exact integer maths; a result beyond the safe range is refused. */
function safe(amount: number): number {
  if (!Number.isSafeInteger(amount)) throw new RangeError('order amount exceeds the safe integer range');
  return amount;
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
    // Only a parcel the carrier has picked up is shipped; an arranged one (PROCESSED) is not yet.
    if (!PICKED_UP_PACKAGE.has(p.logistics_status ?? '')) continue;
    for (const i of p.item_list) if (String(i.item_id) === String(item.item_id) && String(i.model_id) === String(item.model_id)) n += i.model_quantity ?? 0;
  }
  return Math.min(n, item.model_quantity_purchased);
}

const SHIPPED_STATUSES = new Set(['SHIPPED', 'COMPLETED', 'TO_CONFIRM_RECEIVE', 'TO_RETURN']);

/**
 * Unit price = the list price before any promotion; the line's discounts bring it to what the buyer
 * paid. With the escrow detail the paid subtotal is exact, bundle deals included. Without it a
 * bundle line (model_discounted_price 0 "by design", get_order_detail item_list) keeps its list price
 * and no discount: the real split of a bundle discount is only in the escrow.
 */
function priceOf(item: OrderItemWire, cur: string, exp: number, esc: EscrowMoney | undefined, key: string): Pick<OrderLine, 'unitPrice' | 'discounts'> {
  const qty = item.model_quantity_purchased;
  const fromEscrow = esc ? takeLine(esc, key, qty) : undefined;
  let unit: number | undefined;
  let paidTotal: number | undefined;
  let kind = item.promotion_type ? String(item.promotion_type) : 'discount';
  if (fromEscrow && qty > 0) {
    unit = Math.floor(fromEscrow.original / qty);
    paidTotal = fromEscrow.paid;
    kind = fromEscrow.activity ?? kind;
  } else {
    unit = item.model_original_price !== undefined && item.model_original_price !== '' ? minorUnits(item.model_original_price, cur, exp) : undefined;
    const paid = item.model_discounted_price !== undefined && item.model_discounted_price !== '' ? minorUnits(item.model_discounted_price, cur, exp) : undefined;
    if (unit === undefined) unit = paid;
    if (paid !== undefined && paid > 0) paidTotal = safe(paid * qty);
  }
  if (unit === undefined) return { discounts: [] };
  const gross = safe(unit * qty);
  const off = paidTotal !== undefined && paidTotal < gross ? gross - paidTotal : 0;
  return { unitPrice: cash(unit, cur), discounts: off > 0 ? [{ kind, amount: cash(off, cur) }] : [] };
}

function toLine(order: OrderWire, item: OrderItemWire, lineId: string, exp: number, esc: EscrowMoney | undefined): OrderLine {
  const variantIds: Record<string, string> = { item_id: String(item.item_id), model_id: String(item.model_id) };
  if (item.order_item_id !== undefined) variantIds.order_item_id = String(item.order_item_id);
  if (item.promotion_group_id !== undefined && item.promotion_group_id !== null) variantIds.promotion_group_id = String(item.promotion_group_id);
  const qty = item.model_quantity_purchased;
  return {
    lineId,
    sku: item.model_sku || item.item_sku || undefined,
    title: item.item_name,
    variantIds,
    quantity: qty,
    shippedQuantity: SHIPPED_STATUSES.has(order.order_status) ? qty : shippedQuantity(order, item),
    cancelledQuantity: item.cancelled_qty ?? (order.order_status === 'CANCELLED' ? qty : 0),
    returnedQuantity: item.returned_qty ?? 0,
    ...priceOf(item, order.currency, exp, esc, lineIdOf(item)),
    // Shopee shows buyers final prices and sends no separate tax lines.
    taxInclusive: true,
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

/** Buyer PII of this record, registered for redaction whether or not the caller asked for it. */
function registerBuyerPii(w: OrderWire, esc: EscrowMoney | undefined): void {
  registerPii(w.buyer_username);
  registerPii(esc?.buyerUsername);
  const a = w.recipient_address;
  if (a) for (const v of [a.name, a.phone, a.full_address]) registerPii(v);
}

function packagesOf(list: PackageWire[]) {
  return list.map((p) => ({
    packageNumber: p.package_number,
    logisticsStatus: p.logistics_status,
    logisticsChannelId: p.logistics_channel_id ?? undefined,
    shippingCarrier: p.shipping_carrier,
    lines: p.item_list.map((i) => ({ lineId: lineIdOf(i), quantity: i.model_quantity ?? 0 })),
  }));
}

/** One get_order_detail record (+ its escrow detail when read) → the unified Order. */
export function toOrder(w: OrderWire, ctx: OrderMapContext, escrow?: EscrowDetail): Order {
  const cur = w.currency;
  const exp = currencyExponent(cur);
  const esc = escrow ? escrowMoney(escrow, cur, exp) : undefined;
  registerBuyerPii(w, esc);
  const mapped = mapOrderStatus(w.order_status);
  const seen = new Set<string>();
  let items = 0;
  let lineDiscounts = 0;
  let priced = false;
  const lines = w.item_list.map((item, i) => {
    let id = lineIdOf(item);
    if (seen.has(id)) id = `${id}:${item.order_item_id ?? i}`;
    seen.add(id);
    const line = toLine(w, item, id, exp, esc);
    if (line.unitPrice) {
      priced = true;
      items = safe(items + line.unitPrice.amount * line.quantity);
      for (const d of line.discounts) lineDiscounts += d.amount.amount;
    }
    return line;
  });
  const totals: Order['totals'] = {};
  const charged = esc?.charged ?? (w.total_amount !== undefined && w.total_amount !== '' ? minorUnits(w.total_amount, cur, exp) : undefined);
  if (charged !== undefined) totals.charged = cash(charged, cur);
  if (priced) totals.items = cash(items, cur);
  const discounts = lineDiscounts + (esc?.orderDiscounts ?? 0);
  if (discounts > 0) totals.discounts = cash(discounts, cur);
  if (esc?.shipping !== undefined) totals.shipping = cash(esc.shipping, cur);
  if (esc?.tax) totals.tax = cash(esc.tax, cur);
  // Part of what the buyer paid (buyer_payment_info.buyer_total_amount), so part of the totals that add up to it.
  if (esc?.buyerFees) totals.fees = cash(esc.buyerFees, cur);
  if (esc?.payout !== undefined) totals.proceeds = cash(esc.payout, cur);
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
    totals,
    currencies: { buyer: cur },
    extra: {
      region: w.region,
      cod: w.cod,
      daysToShip: w.days_to_ship,
      payTime: w.pay_time ?? undefined,
      shippingCarrier: w.shipping_carrier,
      packages: packagesOf(w.package_list),
      cancelBy: w.cancel_by || undefined,
      cancelReason: w.cancel_reason || undefined,
      buyerCancelReason: w.buyer_cancel_reason || undefined,
      bookingSn: w.booking_sn || undefined,
      // Where line prices come from: the settled escrow, or get_order_detail (bundle discounts unknown).
      prices: esc ? 'escrow' : 'order_detail',
    },
  };
  if (ctx.includePii) {
    if (w.buyer_username) order.buyer = { name: w.buyer_username };
    const address = w.recipient_address ? toAddress(w.recipient_address, w.region) : undefined;
    if (address) order.shippingAddress = address;
  }
  return order;
}
