import type { PreparedShipment } from './request.js';
import type { CarrierQuotes } from './types.js';

/** What a connector receives besides the request: the signal that ends its time budget. */
export interface QuoteContext {
  /** Fires when the caller aborts or the per-carrier timeout elapses; pass it to every request. */
  signal: AbortSignal;
}

/**
 * What `quoteShipping` fans out to: rate cards and live carrier APIs alike (Karrio's "gateway").
 * A connector returns quotes plus the services that cannot carry the shipment; it throws a typed
 * XborderError when the carrier itself fails, and quoteShipping turns that into a per-carrier error.
 */
export interface ShippingConnector {
  /** Stable carrier id used in quotes and errors: 'dhl-express', 'fedex', 'ups', 'yanwen'... */
  readonly carrier: string;
  readonly source: 'rate-card' | 'live';
  /** Rate cards answer synchronously (no I/O, so no timer is armed for them). */
  quote(shipment: PreparedShipment, ctx: QuoteContext): CarrierQuotes | Promise<CarrierQuotes>;
}

/** Whether a value looks like a ShippingConnector (a `carrier` name and a `quote` function). */
export function isShippingConnector(value: unknown): value is ShippingConnector {
  const c = value as Partial<ShippingConnector> | null;
  return typeof c === 'object' && c !== null && typeof c.carrier === 'string' && typeof c.quote === 'function';
}
