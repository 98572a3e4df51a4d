import { registerPii } from '../../../src/errors/redact.js';
import { fromWire, type Money } from '../../../src/model/money.js';
import { addMoney } from '../../../src/model/money-math.js';
import type { Address } from '../../../src/model/address.js';
import type { Order, OrderHold, OrderLine, OrderStatus, TaxLine } from '../../../src/model/order.js';
import type { Amount } from '../schemas/common.js';
import type * as wire from '../schemas/fulfillment.js';

export interface OrderMapContext {
  account: string;
  includePii: boolean;
  /** Store id for a listing marketplace id (EBAY_MOTORS → EBAY_MOTORS_US...). */
  storeOf(marketplaceId: string | undefined): string | undefined;
  /** Whether the store shows buyers VAT-inclusive prices (EU/UK/AU/CH sites). */
  taxInclusive(storeId: string): boolean;
  /** The unified SKU of a seller SKU read on a site (site-skus.ts). */
  unifiedSku(sellerSku: string, siteId: string | undefined): string;
}

/**
 * The buyer's amount. An Amount converted to the seller's currency keeps the buyer's original in
 * convertedFromValue / convertedFromCurrency (specs/ebay/sell_fulfillment_v1_oas3.json#/components/schemas/Amount).
 */
export const money = (a: Amount | undefined): Money | undefined =>
  !a ? undefined : a.convertedFromValue !== undefined && a.convertedFromCurrency ? fromWire(a.convertedFromValue, a.convertedFromCurrency) : fromWire(a.value, a.currency);

/**
 * Unified discounts are positive amounts subtracted from the charge (src/model/order.ts:
 * charged = items + shipping + tax − discounts); eBay sends price and delivery discounts as
 * negative numbers (PricingSummary.priceDiscount / deliveryDiscount), promotions unsigned.
 */
export const discount = (a: Amount | undefined): Money | undefined => {
  const m = money(a);
  return m ? { amount: Math.abs(m.amount), currency: m.currency } : undefined;
};

/** Seller-currency value per unit of buyer currency, as a decimal string (8 places, trimmed). */
export function rateOf(a: Amount | undefined): string | undefined {
  if (!a?.convertedFromValue || !a.convertedFromCurrency || a.convertedFromCurrency === a.currency) return undefined;
  const scaled = (v: string, places: number) => {
    const [i = '0', f = ''] = v.trim().split('.');
    return BigInt(`${i}${f.padEnd(places, '0').slice(0, places)}`);
  };
  const places = Math.max(a.value.split('.')[1]?.length ?? 0, a.convertedFromValue.split('.')[1]?.length ?? 0);
  const from = scaled(a.convertedFromValue, places);
  if (from <= 0n) return undefined;
  const q = (scaled(a.value, places) * 10n ** 8n) / from;
  const text = q.toString().padStart(9, '0');
  return `${text.slice(0, -8)}.${text.slice(-8)}`.replace(/\.?0+$/, '');
}

/**
 * Line cost is the unit price times the quantity (LineItem.lineItemCost): divided back exactly in
 * minor units, half-even when it does not divide.
 */
export function unitPrice(cost: Money, quantity: number): Money {
  if (quantity <= 1) return cost;
  const q = Math.trunc(cost.amount / quantity);
  const r = cost.amount - q * quantity;
  const twice = 2 * Math.abs(r);
  const bump = twice > quantity || (twice === quantity && q % 2 !== 0) ? Math.sign(r) : 0;
  return { amount: q + bump, currency: cost.currency };
}

/** orderFulfillmentStatus + cancelStatus + orderPaymentStatus → unified status and holds. */
export function statusOf(o: wire.Order): { status: OrderStatus; holds: OrderHold[] } {
  const cancel = o.cancelStatus?.cancelState;
  if (cancel === 'CANCELED') return { status: 'cancelled', holds: [] };
  const holds: OrderHold[] = [];
  if (cancel === 'CANCEL_REQUESTED' || cancel === 'IN_PROGRESS') holds.push('pending_buyer_cancellation');
  if (o.orderPaymentStatus === 'PENDING' || o.orderPaymentStatus === 'FAILED') return { status: 'pending', holds: [...holds, 'unpaid'] };
  const status: OrderStatus =
    o.orderFulfillmentStatus === 'FULFILLED' ? 'shipped'
    : o.orderFulfillmentStatus === 'IN_PROGRESS' ? 'partially_shipped'
    : o.orderFulfillmentStatus === 'NOT_STARTED' ? 'unshipped'
    : 'unknown';
  return { status, holds };
}

function instant(raw: string): { utc: string; raw: string } {
  const d = new Date(raw);
  return { utc: Number.isNaN(d.getTime()) ? raw : d.toISOString(), raw };
}

function line(li: wire.LineItem, taxInclusive: boolean, ctx: OrderMapContext): OrderLine {
  const cost = money(li.lineItemCost)!;
  const shipped = li.lineItemFulfillmentStatus === 'FULFILLED' ? li.quantity : 0;
  const discounts = (li.appliedPromotions ?? []).filter((p) => p.discountAmount).map((p) => ({ kind: 'promotion', amount: discount(p.discountAmount)! }));
  // Shipping discounts of the line (DeliveryCost.discountAmount) are discounts too, not dropped.
  const shipping = discount(li.deliveryCost?.discountAmount);
  if (shipping && shipping.amount) discounts.push({ kind: 'shipping', amount: shipping });
  const site = li.listingMarketplaceId ?? li.purchaseMarketplaceId;
  const sku = li.sku ? ctx.unifiedSku(li.sku, site) : undefined;
  return {
    lineId: li.lineItemId,
    ...(sku ? { sku } : {}),
    ...(li.title ? { title: li.title } : {}),
    variantIds: {
      ...(li.legacyItemId ? { itemId: li.legacyItemId } : {}),
      ...(li.legacyVariationId ? { variationId: li.legacyVariationId } : {}),
      ...(li.sku && li.sku !== sku ? { sellerSku: li.sku } : {}),
    },
    quantity: li.quantity,
    shippedQuantity: shipped,
    cancelledQuantity: 0,
    returnedQuantity: 0,
    unitPrice: unitPrice(cost, li.quantity),
    // eBay prices are what the buyer saw on the site: VAT-inclusive where the site shows it so.
    taxInclusive,
    discounts,
  };
}

/**
 * eBay collect-and-remit taxes are collected by the marketplace; their ebayReference (IOSS, OSS,
 * VOEC, ABN...) is eBay's registration number (EbayCollectAndRemitTax, EbayTaxReference). The same
 * tax appears again in lineItems.taxes with the same type and amount (LineItem.total note): that
 * mirror is not a second tax. What remains in lineItems.taxes is collected by the seller.
 */
export function taxes(o: wire.Order): TaxLine[] {
  const out: TaxLine[] = [];
  for (const li of o.lineItems) {
    const remitted: Array<{ taxType?: string; amount: Money }> = [];
    for (const t of li.ebayCollectAndRemitTaxes ?? []) {
      const amount = money(t.amount);
      if (!amount) continue;
      remitted.push({ ...(t.taxType ? { taxType: t.taxType } : {}), amount });
      const ref = t.ebayReference;
      out.push({
        kind: t.taxType ?? 'TAX', amount, collectedBy: 'marketplace',
        ...(ref?.name ?? t.taxType ? { scheme: ref?.name ?? t.taxType } : {}),
        ...(ref?.value ? { registrationNumber: ref.value } : {}),
        lineId: li.lineItemId,
      });
    }
    for (const t of li.taxes ?? []) {
      const amount = money(t.amount);
      if (!amount || !amount.amount) continue;
      const mirror = remitted.findIndex((r) => r.amount.amount === amount.amount && r.amount.currency === amount.currency && (!t.taxType || !r.taxType || r.taxType === t.taxType));
      if (mirror >= 0) {
        remitted.splice(mirror, 1);
        continue;
      }
      out.push({ kind: t.taxType ?? 'SALES_TAX', amount, collectedBy: 'seller', lineId: li.lineItemId });
    }
  }
  return out;
}

/** Item and delivery discounts of the order, one positive figure (PricingSummary). */
function orderDiscounts(p: wire.Order['pricingSummary']): Money | undefined {
  const parts = [discount(p.priceDiscount), discount(p.deliveryDiscount)].filter((m): m is Money => !!m);
  return parts.length ? parts.reduce((a, b) => addMoney(a, b)) : undefined;
}

function address(c: NonNullable<NonNullable<NonNullable<wire.Order['fulfillmentStartInstructions']>[number]['shippingStep']>['shipTo']>): Address | undefined {
  const a = c.contactAddress;
  if (!a?.countryCode) return undefined;
  for (const v of [c.fullName, a.addressLine1, a.addressLine2, c.primaryPhone?.phoneNumber, c.email]) registerPii(v);
  return {
    ...(c.fullName ? { name: c.fullName } : {}),
    ...(c.companyName ? { company: c.companyName } : {}),
    lines: [a.addressLine1, a.addressLine2].filter((l): l is string => !!l),
    ...(a.city ? { city: a.city } : {}),
    ...(a.county ? { district: a.county } : {}),
    ...(a.stateOrProvince ? { region: a.stateOrProvince } : {}),
    ...(a.postalCode ? { postalCode: a.postalCode } : {}),
    country: a.countryCode,
    ...(c.primaryPhone?.phoneNumber ? { phone: c.primaryPhone.phoneNumber } : {}),
    ...(c.email ? { email: c.email } : {}),
  };
}

export function mapOrder(o: wire.Order, ctx: OrderMapContext): Order {
  const { status, holds } = statusOf(o);
  const first = o.lineItems[0]!;
  const site = first.listingMarketplaceId ?? first.purchaseMarketplaceId;
  const p = o.pricingSummary;
  const total = p.total ?? first.lineItemCost;
  const shipTo = o.fulfillmentStartInstructions?.[0]?.shippingStep?.shipTo;
  const shipBy = first.lineItemFulfillmentInstructions?.shipByDate;
  const reg = o.buyer?.buyerRegistrationAddress;
  const buyerName = reg?.fullName ?? o.buyer?.username;
  const shippingAddress = ctx.includePii && shipTo ? address(shipTo) : undefined;
  const pii = ctx.includePii ? { buyer: { ...(buyerName ? { name: buyerName } : {}), ...(reg?.email ? { email: reg.email } : {}) }, ...(shippingAddress ? { shippingAddress } : {}) } : {};
  if (ctx.includePii) for (const v of [o.buyer?.username, reg?.fullName, reg?.email]) registerPii(v);
  const store = ctx.storeOf(site) ?? site ?? 'unknown';
  return {
    id: o.orderId,
    marketplace: 'ebay',
    account: ctx.account,
    store,
    status,
    marketplaceStatus: [o.orderFulfillmentStatus, o.orderPaymentStatus, o.cancelStatus?.cancelState].filter(Boolean).join('/'),
    holds,
    // A fully refunded order is not shipped (OrderPaymentStatusEnum FULLY_REFUNDED).
    shippable: (status === 'unshipped' || status === 'partially_shipped') && holds.length === 0 && o.orderPaymentStatus !== 'FULLY_REFUNDED',
    createdAt: instant(o.creationDate),
    updatedAt: instant(o.lastModifiedDate),
    ...(shipBy ? { shipBy: { latest: instant(shipBy) } } : {}),
    fulfilledBy: 'merchant',
    ...pii,
    lines: o.lineItems.map((li) => line(li, ctx.taxInclusive(store), ctx)),
    taxes: taxes(o),
    totals: {
      charged: money(total),
      ...(p.priceSubtotal ? { items: money(p.priceSubtotal) } : {}),
      ...(p.deliveryCost ? { shipping: money(p.deliveryCost) } : {}),
      ...(p.tax ? { tax: money(p.tax) } : {}),
      ...(orderDiscounts(p) ? { discounts: orderDiscounts(p) } : {}),
    },
    currencies: {
      buyer: total.convertedFromCurrency ?? total.currency,
      listing: first.lineItemCost.currency,
      payout: total.currency,
      ...(rateOf(total) ? { rate: rateOf(total) } : {}),
    },
    extra: { ...(o.salesRecordReference ? { salesRecordReference: o.salesRecordReference } : {}), ...(o.orderPaymentStatus ? { orderPaymentStatus: o.orderPaymentStatus } : {}) },
  };
}
