import type { ListingStatus } from '../../../src/model/listing.js';
import type { OrderHold, OrderStatus } from '../../../src/model/order.js';

/** Order statuses (S4 Data Definition), plus INVOICE_PENDING (BR) and PENDING (migration flag). */
export const WIRE_ORDER_STATUSES = [
  'UNPAID', 'READY_TO_SHIP', 'PROCESSED', 'RETRY_SHIP', 'SHIPPED', 'TO_CONFIRM_RECEIVE', 'COMPLETED', 'IN_CANCEL', 'CANCELLED',
  'TO_RETURN', 'INVOICE_PENDING', 'PENDING',
] as const;
export type WireOrderStatus = (typeof WIRE_ORDER_STATUSES)[number];

interface Mapped {
  status: OrderStatus;
  holds: OrderHold[];
  shippable: boolean;
}

/**
 * PROCESSED = shipment arranged (ship_order done) but the parcel is not handed over yet: still
 * `unshipped` (not shippable again; the next step is the carrier's pickup or the seller's drop-off).
 * Source: research/shopee-aliexpress.md "Order status (S4 DOC)": PROCESSED = shipment arranged,
 * SHIPPED after the 3PL has the parcel (RETRY_SHIP = 3PL pickup failed), so only SHIPPED is `shipped`.
 * IN_CANCEL = the buyer asked to cancel: not shippable until the seller answers.
 * TO_RETURN is after delivery; returns are per-line entities, not an order status.
 */
const STATUS = {
  UNPAID: { status: 'pending', holds: ['unpaid'], shippable: false },
  READY_TO_SHIP: { status: 'unshipped', holds: [], shippable: true },
  RETRY_SHIP: { status: 'unshipped', holds: [], shippable: true },
  PROCESSED: { status: 'unshipped', holds: [], shippable: false },
  SHIPPED: { status: 'shipped', holds: [], shippable: false },
  TO_CONFIRM_RECEIVE: { status: 'delivered', holds: [], shippable: false },
  COMPLETED: { status: 'delivered', holds: [], shippable: false },
  TO_RETURN: { status: 'delivered', holds: [], shippable: false },
  IN_CANCEL: { status: 'unshipped', holds: ['pending_buyer_cancellation'], shippable: false },
  CANCELLED: { status: 'cancelled', holds: [], shippable: false },
  INVOICE_PENDING: { status: 'pending', holds: ['marketplace_hold'], shippable: false },
  PENDING: { status: 'pending', holds: ['marketplace_hold'], shippable: false },
} as const satisfies Record<WireOrderStatus, Mapped>;

export function mapOrderStatus(wire: string): Mapped {
  const m = (STATUS as Record<string, Mapped>)[wire];
  return m ? { ...m, holds: [...m.holds] } : { status: 'unknown', holds: [], shippable: false };
}

/** What get_order_list's order_status filter accepts (one per call). */
const LIST_FILTERS = ['UNPAID', 'READY_TO_SHIP', 'PROCESSED', 'SHIPPED', 'COMPLETED', 'IN_CANCEL', 'CANCELLED', 'INVOICE_PENDING'] as const;

/** The single wire filter for these unified statuses, when exactly one exists; else filter locally. */
export function singleListFilter(statuses: readonly OrderStatus[]): string | undefined {
  const wire = LIST_FILTERS.filter((w) => statuses.includes(STATUS[w].status));
  const exact = WIRE_ORDER_STATUSES.filter((w) => statuses.includes(STATUS[w].status));
  return wire.length === 1 && exact.length === 1 ? wire[0] : undefined;
}

/** Item status (get_item_base_info) → listing status. */
const ITEM_STATUS = {
  NORMAL: 'active',
  UNLIST: 'inactive',
  REVIEWING: 'pending',
  BANNED: 'invalid',
  SELLER_DELETE: 'deleted',
  SHOPEE_DELETE: 'deleted',
} as const satisfies Record<string, ListingStatus>;

export function mapItemStatus(wire: string | undefined): ListingStatus {
  return (ITEM_STATUS as Record<string, ListingStatus>)[wire ?? ''] ?? 'pending';
}

/** Package logistics statuses (S4) in which get_shipping_parameter / ship_order apply. */
export const SHIPPABLE_PACKAGE = new Set(['LOGISTICS_READY', 'LOGISTICS_PICKUP_RETRY']);
/** Statuses meaning the shipment was already arranged (a replayed ship is a no-op). */
export const ARRANGED_PACKAGE = new Set([
  'LOGISTICS_REQUEST_CREATED', 'LOGISTICS_PICKUP_DONE', 'LOGISTICS_DELIVERY_DONE', 'LOGISTICS_DELIVERY_FAILED', 'LOGISTICS_LOST',
]);
export const PICKED_UP_PACKAGE = new Set(['LOGISTICS_PICKUP_DONE', 'LOGISTICS_DELIVERY_DONE', 'LOGISTICS_DELIVERY_FAILED', 'LOGISTICS_LOST']);
