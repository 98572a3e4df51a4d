import type { Money } from '../model/money.js';
import type { XborderError } from '../errors/xborder-error.js';

/** Cargo classes Chinese lines price separately: 普货 (general), 带电 (battery), 特货 (the rest). */
export const CARGO_CLASSES = ['general', 'battery', 'liquid', 'powder', 'magnetic', 'cosmetics'] as const;
/** What a parcel contains, for carriers' acceptance rules (general, battery, liquid, powder, magnetic, cosmetics). */
export type CargoClass = (typeof CARGO_CLASSES)[number];

/** The incoterms quotes support: DDP (seller pays import charges) and DAP (buyer pays them). */
export const INCOTERMS = ['DDP', 'DAP'] as const;
/** DDP or DAP. */
export type Incoterm = (typeof INCOTERMS)[number];

/** The kind of one charge of a quote (base rate, fuel, remote area, oversize, registration, tax, other). */
export type ChargeKind = 'base' | 'fuel' | 'remote' | 'oversize' | 'registration' | 'tax' | 'other';

/** One charge of a quote with its kind and amount. */
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

/** The weights a quote was priced on: actual, volumetric and chargeable. */
export interface QuoteWeight {
  value: number;
  unit: 'kg' | 'g' | 'lb' | 'oz';
}

/** One carrier service's price for the shipment: total, charges, chargeable weight and transit time. */
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

/** A service that cannot carry this shipment, and why (lane, weight, size, contents). */
export interface UnavailableService {
  carrier: string;
  service: string;
  serviceName: string;
  reason: UnavailableReason;
  message: string;
}

/** A carrier that failed to answer (timeout, refusal, network), reported next to the quotes that did come. */
export interface CarrierError {
  carrier: string;
  error: XborderError;
}

/** What `quoteShipping` returns: quotes from every carrier that answered, unavailable services and carrier errors. */
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
