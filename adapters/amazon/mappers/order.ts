import { registerPii } from '../../../src/errors/redact.js';
import type { Address } from '../../../src/model/address.js';
import type { Money } from '../../../src/model/money.js';
import type { Instant, Order, OrderHold, OrderLine, OrderStatus, TaxLine } from '../../../src/model/order.js';
import type * as wire from '../schemas/orders.js';
import { addTo, times, wireMoney } from './money.js';

/** FulfillmentStatus (orders_2026-01-01.json) → unified status; a new wire value fails to compile here. */
type FulfillmentStatus = 'PENDING_AVAILABILITY' | 'PENDING' | 'UNSHIPPED' | 'PARTIALLY_SHIPPED' | 'SHIPPED' | 'CANCELLED' | 'UNFULFILLABLE';
const STATUS = {
  PENDING_AVAILABILITY: 'pending',
  PENDING: 'pending',
  UNSHIPPED: 'unshipped',
  PARTIALLY_SHIPPED: 'partially_shipped',
  SHIPPED: 'shipped',
  CANCELLED: 'cancelled',
  // Amazon cannot fulfil it (MCF orders only): not a state the unified model names.
  UNFULFILLABLE: 'unknown',
} as const satisfies Record<FulfillmentStatus, OrderStatus>;

const STATUS_HOLD: Partial<Record<string, OrderHold>> = {
  PENDING_AVAILABILITY: 'pending_availability',
  PENDING: 'unpaid',
  UNFULFILLABLE: 'marketplace_hold',
};

export interface OrderMapContext {
  account: string;
  /** Store id and price convention for a marketplace id (undefined marketplace → the raw id). */
  storeOf(marketplaceId: string | undefined): { id: string; taxInclusive: boolean };
  includePii: boolean;
}

function instant(raw: string): Instant {
  const t = Date.parse(raw);
  if (Number.isNaN(t)) throw new RangeError(`not an ISO 8601 time: ${raw.slice(0, 40)}`);
  return { utc: new Date(t).toISOString(), raw };
}

type Breakdowns = Array<{ type: string; subtotal: { amount: string; currencyCode: string } }> | undefined;

function breakdown(list: Breakdowns, type: string): Money | undefined {
  let total: Money | undefined;
  for (const b of list ?? []) if (b.type === type) total = addTo(total, wireMoney(b.subtotal));
  return total;
}

function abs(m: Money | undefined): Money | undefined {
  return m && { amount: Math.abs(m.amount), currency: m.currency };
}

function taxLines(item: wire.OrderItem, currency: string | undefined): TaxLine[] {
  const collections = item.tax?.taxCollections ?? [];
  const collectedBy = collections.some((c) => c.model === 'MARKETPLACE_FACILITATOR') ? 'marketplace' : 'seller';
  const scheme = item.tax?.taxCalculationBreakdowns?.find((b) => b.reportingScheme)?.reportingScheme;
  const registrationNumber = item.fulfillment?.shipping?.internationalShipping?.iossNumber;
  const common = { collectedBy, lineId: item.orderItemId, ...(scheme ? { scheme } : {}), ...(registrationNumber ? { registrationNumber } : {}) } as const;
  const out: TaxLine[] = [];
  for (const b of item.proceeds?.breakdowns ?? []) {
    if (b.type !== 'TAX') continue;
    const detailed = (b.detailedBreakdowns ?? []).filter((d) => d.value);
    if (detailed.length) for (const d of detailed) out.push({ kind: `${(d.subtype ?? 'other').toLowerCase()}_tax`, amount: wireMoney(d.value!), ...common });
    else out.push({ kind: 'tax', amount: wireMoney(b.subtotal), ...common });
  }
  // Who collects (and the IOSS number the carrier needs) matters even when no amount is given.
  if (!out.length && currency && (collections.length || scheme || registrationNumber)) out.push({ kind: 'tax', amount: { amount: 0, currency }, ...common });
  return out;
}

function address(a: NonNullable<NonNullable<wire.Order['recipient']>['deliveryAddress']>): Address | undefined {
  if (!a.countryCode) return undefined;
  return {
    ...(a.name ? { name: a.name } : {}),
    ...(a.companyName ? { company: a.companyName } : {}),
    lines: [a.addressLine1, a.addressLine2, a.addressLine3].filter((l): l is string => !!l),
    ...(a.city ? { city: a.city } : {}),
    ...(a.districtOrCounty ? { district: a.districtOrCounty } : {}),
    ...(a.stateOrRegion ? { region: a.stateOrRegion } : {}),
    ...(a.postalCode ? { postalCode: a.postalCode } : {}),
    country: a.countryCode,
    ...(a.phone ? { phone: a.phone } : {}),
  };
}

/**
 * Buyer PII that reached us (BUYER / RECIPIENT datasets) is registered for redaction, as the eBay and
 * AliExpress adapters do, so an error message or hook event that echoes it is cleaned.
 */
function registerBuyerPii(w: wire.Order): void {
  const a = w.recipient?.deliveryAddress;
  for (const v of [w.buyer?.buyerName, w.buyer?.buyerEmail, w.buyer?.buyerCompanyName, a?.name, a?.companyName, a?.addressLine1, a?.addressLine2, a?.addressLine3, a?.phone]) registerPii(v);
}

/** Orders API 2026-01-01 Order → unified Order. Totals are what the buyer was charged; proceeds stay apart. */
export function mapOrder(w: wire.Order, c: OrderMapContext): Order {
  registerBuyerPii(w);
  const store = c.storeOf(w.salesChannel.marketplaceId);
  const fs = w.fulfillment?.fulfillmentStatus;
  const packages = w.packages ?? [];
  let status: OrderStatus = fs && fs in STATUS ? STATUS[fs as FulfillmentStatus] : 'unknown';
  if (status === 'shipped' && packages.length && packages.every((p) => p.packageStatus?.status === 'DELIVERED')) status = 'delivered';

  const holds = new Set<OrderHold>();
  const hold = fs ? STATUS_HOLD[fs] : undefined;
  if (hold) holds.add(hold);
  const lines: OrderLine[] = [];
  const taxes: TaxLine[] = [];
  let items: Money | undefined, shipping: Money | undefined, tax: Money | undefined, discounts: Money | undefined, extras: Money | undefined;
  for (const it of w.orderItems) {
    const unitPrice = it.product.price?.unitPrice ? wireMoney(it.product.price.unitPrice) : undefined;
    const shipped = it.fulfillment?.quantityFulfilled ?? 0;
    const request = it.cancellation?.cancellationRequest;
    const executed = it.cancellation?.cancellationExecution;
    if (request?.requester === 'BUYER' && !executed && status !== 'cancelled') holds.add('pending_buyer_cancellation');
    const cancelled = executed || status === 'cancelled' ? Math.max(0, it.quantityOrdered - shipped) : 0;
    const discount = abs(breakdown(it.proceeds?.breakdowns, 'DISCOUNT'));
    lines.push({
      lineId: it.orderItemId,
      ...(it.product.sellerSku ? { sku: it.product.sellerSku } : {}),
      ...(it.product.title ? { title: it.product.title } : {}),
      variantIds: it.product.asin ? { asin: it.product.asin } : {},
      quantity: it.quantityOrdered,
      shippedQuantity: shipped,
      cancelledQuantity: cancelled,
      returnedQuantity: 0,
      ...(unitPrice ? { unitPrice } : {}),
      taxInclusive: store.taxInclusive,
      discounts: discount && discount.amount ? [{ kind: 'promotion', amount: discount }] : [],
    });
    if (unitPrice) items = addTo(items, times(unitPrice, it.quantityOrdered));
    const ship = breakdown(it.proceeds?.breakdowns, 'SHIPPING');
    if (ship) shipping = addTo(shipping, ship);
    const t = breakdown(it.proceeds?.breakdowns, 'TAX');
    if (t) tax = addTo(tax, t);
    if (discount) discounts = addTo(discounts, discount);
    const wrap = breakdown(it.proceeds?.breakdowns, 'GIFT_WRAP');
    if (wrap) extras = addTo(extras, wrap);
    taxes.push(...taxLines(it, unitPrice?.currency));
  }
  const tip = breakdown(w.proceeds?.breakdowns, 'DELIVERY_TIP');
  if (tip) extras = addTo(extras, tip);

  let charged: Money | undefined = items;
  for (const part of [shipping, extras, store.taxInclusive ? undefined : tax]) if (charged && part) charged = addTo(charged, part);
  if (charged && discounts) charged = addTo(charged, { amount: -discounts.amount, currency: discounts.currency });
  const proceeds = w.proceeds?.grandTotal ? wireMoney(w.proceeds.grandTotal) : undefined;
  const buyerCurrency = items?.currency ?? proceeds?.currency;

  const fulfilledBy = w.fulfillment?.fulfilledBy === 'AMAZON' ? 'marketplace' : 'merchant';
  const shippable = fulfilledBy === 'merchant' && (status === 'unshipped' || status === 'partially_shipped') && holds.size === 0;
  const win = w.fulfillment?.shipByWindow;
  const sellerOrderId = w.orderAliases?.find((a) => a.aliasType === 'SELLER_ORDER_ID')?.aliasId;
  const order: Order = {
    id: w.orderId,
    marketplace: 'amazon',
    account: c.account,
    store: store.id,
    status,
    marketplaceStatus: fs ?? 'UNKNOWN',
    holds: [...holds],
    shippable,
    createdAt: instant(w.createdTime),
    updatedAt: instant(w.lastUpdatedTime),
    ...(win && (win.earliestDateTime || win.latestDateTime)
      ? { shipBy: { ...(win.earliestDateTime ? { earliest: instant(win.earliestDateTime) } : {}), ...(win.latestDateTime ? { latest: instant(win.latestDateTime) } : {}) } }
      : {}),
    fulfilledBy,
    lines,
    taxes,
    totals: {
      ...(charged ? { charged } : {}),
      ...(items ? { items } : {}),
      ...(shipping ? { shipping } : {}),
      ...(tax ? { tax } : {}),
      ...(discounts ? { discounts } : {}),
      ...(proceeds ? { proceeds } : {}),
    },
    ...(buyerCurrency ? { currencies: { buyer: buyerCurrency, ...(proceeds && proceeds.currency !== buyerCurrency ? { payout: proceeds.currency } : {}) } } : {}),
    extra: {
      salesChannel: w.salesChannel.channelName,
      ...(w.salesChannel.marketplaceId ? { marketplaceId: w.salesChannel.marketplaceId } : {}),
      ...(w.fulfillment?.fulfillmentServiceLevel ? { serviceLevel: w.fulfillment.fulfillmentServiceLevel } : {}),
      ...(w.programs?.length ? { programs: w.programs } : {}),
      ...(sellerOrderId ? { sellerOrderId } : {}),
      ...(packages.length
        ? { packages: packages.map((p) => ({ packageReferenceId: p.packageReferenceId, carrier: p.carrier, trackingNumber: p.trackingNumber, status: p.packageStatus?.status })) }
        : {}),
    },
  };
  if (c.includePii) {
    if (w.buyer && (w.buyer.buyerName || w.buyer.buyerEmail)) order.buyer = { ...(w.buyer.buyerName ? { name: w.buyer.buyerName } : {}), ...(w.buyer.buyerEmail ? { email: w.buyer.buyerEmail } : {}) };
    const addr = w.recipient?.deliveryAddress && address(w.recipient.deliveryAddress);
    if (addr) order.shippingAddress = addr;
  }
  return order;
}
