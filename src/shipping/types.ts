import type { Money } from '../model/money.js';
import type { XborderError } from '../errors/xborder-error.js';

/** Cargo classes Chinese lines price separately: 普货 (general), 带电 (battery), 特货 (the rest). */
export const CARGO_CLASSES = ['general', 'battery', 'liquid', 'powder', 'magnetic', 'cosmetics'] as const;
export type CargoClass = (typeof CARGO_CLASSES)[number];

export const INCOTERMS = ['DDP', 'DAP'] as const;
export type Incoterm = (typeof INCOTERMS)[number];

export type ChargeKind = 'base' | 'fuel' | 'remote' | 'oversize' | 'registration' | 'tax' | 'other';

export interface ChargeLine {
  kind: ChargeKind;
  amount: Money;
  /** The carrier's (or card's) own name for the charge, e.g. "FUEL SURCHARGE". */
  label?: string;
}

/** Transit time as the source states it; `kind` says whether weekends count. */
export interface Transit {
  minDays: number;
  maxDays: number;
  kind: 'business' | 'calendar';
}

export interface QuoteWeight {
  value: number;
  unit: 'kg' | 'g' | 'lb' | 'oz';
}

export interface ShippingQuote {
  carrier: string;
  /** Carrier service code (DHL product code, FedEx serviceType, UPS service code, card service code). */
  service: string;
  serviceName: string;
  /** Sum of `breakdown`, in the carrier's (or card's) currency unless converted. */
  total: Money;
  breakdown: ChargeLine[];
  /** Billable weight for the whole shipment as the carrier/card computed it. */
  chargeableWeight: QuoteWeight | null;
  transit: Transit | null;
  source: 'rate-card' | 'live';
  incoterm?: Incoterm;
  /** Rate-card zone that priced the destination. */
  zone?: string;
  /** Present when `total`/`breakdown` were converted with a RateTable: the original total and rate used. */
  converted?: { from: Money; rate: string; asOf: string; source: string };
}

/** Why a service gave no price (instead of a wrong one). */
export type UnavailableReason = 'destination' | 'origin' | 'weight' | 'size' | 'parcel-count' | 'cargo-class' | 'incoterm' | 'date';

export interface UnavailableService {
  carrier: string;
  service: string;
  serviceName: string;
  reason: UnavailableReason;
  message: string;
}

export interface CarrierError {
  carrier: string;
  error: XborderError;
}

export interface QuoteResult {
  /** Sorted by total (after conversion when a RateTable was given); one per (carrier, service). */
  quotes: ShippingQuote[];
  /** Carriers that failed (auth, timeout, carrier error...). The others still answered. */
  errors: CarrierError[];
  /** Services that cannot carry this shipment, with the reason. */
  unavailable: UnavailableService[];
}

/** What one connector returns for one shipment. */
export interface CarrierQuotes {
  quotes: ShippingQuote[];
  unavailable?: UnavailableService[];
}

/** A rate card always says which services could not carry the shipment. */
export interface CardQuotes extends CarrierQuotes {
  unavailable: UnavailableService[];
}
