import type { PreparedParcel, PreparedShipment } from '../request.js';
import { fromBase, NG_PER, NM_PER } from '../units.js';

export type UnitSystem = 'metric' | 'imperial';

/**
 * Metric (kg/cm) unless the caller gave the first parcel in pounds/ounces: carriers rate in the
 * unit system the shipper uses, and we never convert a caller's imperial numbers for no reason.
 */
export function unitSystemOf(s: PreparedShipment): UnitSystem {
  const u = s.request.parcels[0]!.weight.unit;
  return u === 'lb' || u === 'oz' ? 'imperial' : 'metric';
}

export interface CarrierParcel {
  /** Weight as decimal text in kg or lb, rounded UP at `weightDecimals`. */
  weight: string;
  /** Longest, middle, shortest side in cm or in, rounded UP at `dimDecimals`. */
  sides?: [string, string, string];
}

/** Parcels in the carrier's units; weights and sides round up (a carrier never bills less than sent). */
export function carrierParcels(s: PreparedShipment, system: UnitSystem, weightDecimals: number, dimDecimals: number): CarrierParcel[] {
  const wUnit = system === 'metric' ? NG_PER.kg : NG_PER.lb;
  const dUnit = system === 'metric' ? NM_PER.cm : NM_PER.in;
  return s.parcels.map((p: PreparedParcel) => ({
    weight: fromBase(p.weightNg, wUnit, weightDecimals),
    sides: p.sidesNm
      ? [fromBase(p.sidesNm[0], dUnit, dimDecimals), fromBase(p.sidesNm[1], dUnit, dimDecimals), fromBase(p.sidesNm[2], dUnit, dimDecimals)]
      : undefined,
  }));
}
