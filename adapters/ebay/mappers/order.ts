import { registerPii } from '../../../src/errors/redact.js';
import { fromWire, type Money } from '../../../src/model/money.js';
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
}

const money = (a: Amount | undefined): Money | undefined => (a ? fromWire(a.value, a.currency) : undefined);

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

function line(li: wire.LineItem, taxInclusive: boolean): OrderLine {
  const cost = money(li.lineItemCost)!;
  const shipped = li.lineItemFulfillmentStatus === 'FULFILLED' ? li.quantity : 0;
  const discounts = (li.appliedPromotions ?? []).filter((p) => p.discountAmount).map((p) => ({ kind: 'promotion', amount: money(p.discountAmount)! }));
  return {
    lineId: li.lineItemId,
    ...(li.sku ? { sku: li.sku } : {}),
    ...(li.title ? { title: li.title } : {}),
    variantIds: { ...(li.legacyItemId ? { itemId: li.legacyItemId } : {}), ...(li.legacyVariationId ? { variationId: li.legacyVariationId } : {}) },
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

/** eBay collect-and-remit taxes (marketplace) per line, then seller-collected sales tax. */
function taxes(o: wire.Order): TaxLine[] {
  const out: TaxLine[] = [];
  for (const li of o.lineItems) {
    for (const t of li.ebayCollectAndRemitTaxes ?? []) {
      if (!t.amount) continue;
      out.push({ kind: t.taxType ?? 'TAX', amount: money(t.amount)!, collectedBy: 'marketplace', ...(t.taxType ? { scheme: t.taxType } : {}), lineId: li.lineItemId });
    }
    for (const t of li.taxes ?? []) {
      if (!t.amount) continue;
      out.push({ kind: t.taxType ?? 'SALES_TAX', amount: money(t.amount)!, collectedBy: 'seller', lineId: li.lineItemId });
    }
  }
  return out;
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
    shippable: (status === 'unshipped' || status === 'partially_shipped') && holds.length === 0,
    createdAt: instant(o.creationDate),
    updatedAt: instant(o.lastModifiedDate),
    ...(shipBy ? { shipBy: { latest: instant(shipBy) } } : {}),
    fulfilledBy: 'merchant',
    ...pii,
    lines: o.lineItems.map((li) => line(li, ctx.taxInclusive(store))),
    taxes: taxes(o),
    totals: {
      charged: money(total),
      ...(p.priceSubtotal ? { items: money(p.priceSubtotal) } : {}),
      ...(p.deliveryCost ? { shipping: money(p.deliveryCost) } : {}),
      ...(p.tax ? { tax: money(p.tax) } : {}),
      ...(p.priceDiscount ? { discounts: money(p.priceDiscount) } : {}),
    },
    currencies: { buyer: total.convertedFromCurrency ?? total.currency, listing: first.lineItemCost.currency, payout: total.currency },
    extra: { ...(o.salesRecordReference ? { salesRecordReference: o.salesRecordReference } : {}), ...(o.orderPaymentStatus ? { orderPaymentStatus: o.orderPaymentStatus } : {}) },
  };
}
