import type { CargoClass, Incoterm, Transit } from '../types.js';
import type { PrefixIndex } from './prefix-index.js';
import type { CardRounding, Ratio } from './exact.js';

/**
 * A rate card after validation, with every weight in ng, length in nm and price as an exact
 * minor-unit ratio, so quoting does no parsing (the benchmark runs this path).
 */
export interface CompiledZone {
  id: string;
  transit?: Transit;
}

export interface SizeLimitsNm {
  longest?: bigint;
  secondLongest?: bigint;
  sumOfSides?: bigint;
  lengthPlusGirth?: bigint;
}

export type ZonePrice =
  | { model: 'first-additional'; firstNg: bigint; first: Ratio; stepNg: bigint; step: Ratio; minimum?: Ratio }
  | { model: 'per-kg'; perUnit: Ratio; registration?: Ratio; minimum?: Ratio }
  | { model: 'bands'; bands: CompiledBand[]; minimum?: Ratio };

export interface CompiledBand {
  upToNg: bigint;
  flat?: Ratio;
  perUnit?: Ratio;
  registration?: Ratio;
}

export interface CompiledTariff {
  cargoClasses: ReadonlySet<CargoClass>;
  incoterms: readonly Incoterm[];
  prices: ReadonlyMap<string, ZonePrice>;
}

export interface CompiledRemote {
  label: string;
  perUnit?: Ratio;
  minimum?: Ratio;
  perParcel?: Ratio;
}

export interface CompiledSurcharge {
  code: string;
  label: string;
  kind: 'registration' | 'other';
  perParcel?: Ratio;
  perUnit?: Ratio;
  minimum?: Ratio;
  cargoClasses?: ReadonlySet<CargoClass>;
  incoterms?: ReadonlySet<Incoterm>;
}

export interface FuelRow {
  from?: string;
  until?: string;
  rate: Ratio;
  /** The percentage as written on the card, for the breakdown label. */
  text: string;
}

export type FuelKind = 'base' | 'registration' | 'remote' | 'oversize' | 'other';

export interface CompiledVolumetric {
  /** volumetric ng = ceil(L·W·H [nm³] × num / den) */
  num: bigint;
  den: bigint;
  minVolumeNm3?: bigint;
  roundSides: 'none' | 'nearest' | 'up';
  /** Volumetric applies only when the longest side exceeds this. */
  minLongestNm?: bigint;
  /** 分泡: share of the volumetric excess billed, as a fraction (num/den). */
  share?: { num: bigint; den: bigint };
}

/** Chargeable weight rounds up to `incrementNg` for weights up to `upToNg` (the last step has none). */
export interface WeightStep {
  upToNg?: bigint;
  incrementNg: bigint;
}

export interface CompiledService {
  code: string;
  name: string;
  transit?: Transit;
  zones: PrefixIndex<CompiledZone>;
  volumetric: CompiledVolumetric | null;
  /** One step for a plain increment; ascending steps for stepped rounding. */
  steps: WeightStep[];
  minBillableNg?: bigint;
  maxBillableNg?: bigint;
  maxActualNg?: bigint;
  maxParcels?: number;
  refuse?: SizeLimitsNm;
  oversize?: { above: SizeLimitsNm; fee: Ratio; minBillableNg?: bigint; label: string };
  fuel: { appliesTo: ReadonlySet<FuelKind>; rows: FuelRow[] } | null;
  remote: PrefixIndex<CompiledRemote>;
  surcharges: CompiledSurcharge[];
  basis: 'parcel' | 'shipment';
  tariffs: CompiledTariff[];
}

export interface CompiledCard {
  carrier: string;
  name?: string;
  currency: string;
  weightUnit: 'kg' | 'g' | 'lb';
  /** ng per card weight unit; per-kg prices are "per card weight unit". */
  unitNg: bigint;
  /** nm per card dimension unit. */
  dimNm: bigint;
  origins?: ReadonlySet<string>;
  validFrom?: string;
  validUntil?: string;
  inclusiveBounds: boolean;
  rounding: CardRounding;
  services: CompiledService[];
}
