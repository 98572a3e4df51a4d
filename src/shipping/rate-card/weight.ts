import type { PreparedParcel } from '../request.js';
import { ceilDiv, toDisplay } from '../units.js';
import type { CompiledCard, CompiledService, SizeLimitsNm, WeightStep } from './compiled.js';

export type ParcelWeight =
  | { ok: true; chargeableNg: bigint; oversize: boolean }
  | { ok: false; reason: 'weight' | 'size'; message: string };

/**
 * Chargeable weight of one parcel under one service (research A3.1):
 * limits → volumetric (if the service applies it) → max(actual, volumetric) → round up to the
 * increment → minimum billable → maximum billable. Volumetric is computed before any band lookup.
 */
export function parcelWeight(card: CompiledCard, svc: CompiledService, parcel: PreparedParcel, n: number): ParcelWeight {
  if (svc.maxActualNg !== undefined && parcel.weightNg > svc.maxActualNg) {
    return refuse('weight', `parcel ${n} weighs ${fmtW(card, parcel.weightNg)}; ${svc.name} takes at most ${fmtW(card, svc.maxActualNg)}`);
  }
  const sides = parcel.sidesNm;
  let oversize = false;
  if (sides) {
    const over = exceeded(sides, svc.refuse);
    if (over) return refuse('size', `parcel ${n} is over the ${over} limit of ${svc.name}`);
    oversize = svc.oversize !== undefined && exceeded(sides, svc.oversize.above) !== undefined;
  }

  let volumetricNg = 0n;
  const vol = svc.volumetric;
  if (vol) {
    if (!sides) return refuse('size', `${svc.name} bills volumetric weight: parcel ${n} needs dimensions`);
    const mode = vol.roundSides;
    let volume = parcel.volumeNm3!;
    if (mode !== 'none') {
      const [l, w, h] = sides.map((s) => roundSide(s, card.dimNm, mode));
      volume = l! * w! * h!;
    }
    // Sides are sorted longest first: "any side over X" is the longest one over X.
    const sideRuleHolds = vol.minLongestNm === undefined || sides[0] > vol.minLongestNm;
    if (sideRuleHolds && (vol.minVolumeNm3 === undefined || volume > vol.minVolumeNm3)) {
      // Divide (the costly bigint step) only when volumetric weight can beat the actual weight.
      const scaled = volume * vol.num;
      if (scaled > parcel.weightNg * vol.den) volumetricNg = ceilDiv(scaled, vol.den);
    }
    if (vol.share && volumetricNg > parcel.weightNg) {
      // 分泡: bill actual + share × (volumetric − actual), rounded up to the ng before weight rounding.
      volumetricNg = parcel.weightNg + ceilDiv((volumetricNg - parcel.weightNg) * vol.share.num, vol.share.den);
    }
  }

  const heavier = volumetricNg > parcel.weightNg ? volumetricNg : parcel.weightNg;
  const step = stepFor(svc.steps, heavier);
  let chargeable = ceilDiv(heavier, step) * step;
  if (svc.minBillableNg !== undefined && chargeable < svc.minBillableNg) chargeable = svc.minBillableNg;
  const oversizeMin = oversize ? svc.oversize?.minBillableNg : undefined;
  if (oversizeMin !== undefined && chargeable < oversizeMin) chargeable = oversizeMin;
  if (svc.maxBillableNg !== undefined && chargeable > svc.maxBillableNg) {
    return refuse('weight', `parcel ${n} bills ${fmtW(card, chargeable)}; ${svc.name} takes at most ${fmtW(card, svc.maxBillableNg)}`);
  }
  return { ok: true, chargeableNg: chargeable, oversize };
}

/** The increment in force for a weight: the first step whose bound it does not exceed. */
function stepFor(steps: readonly WeightStep[], ng: bigint): bigint {
  for (const s of steps) if (s.upToNg === undefined || ng <= s.upToNg) return s.incrementNg;
  return steps[steps.length - 1]!.incrementNg;
}

function fmtW(card: CompiledCard, ng: bigint): string {
  return `${toDisplay(ng, card.unitNg)} ${card.weightUnit}`;
}

function refuse(reason: 'weight' | 'size', message: string): ParcelWeight {
  return { ok: false, reason, message };
}

/** Name of the first limit the (longest-first) sides exceed, or undefined. */
function exceeded(sides: readonly [bigint, bigint, bigint], limits: SizeLimitsNm | undefined): string | undefined {
  if (!limits) return undefined;
  const [l, w, h] = sides;
  if (limits.longest !== undefined && l > limits.longest) return 'longest side';
  if (limits.secondLongest !== undefined && w > limits.secondLongest) return 'second-longest side';
  if (limits.sumOfSides !== undefined && l + w + h > limits.sumOfSides) return 'L+W+H';
  if (limits.lengthPlusGirth !== undefined && l + 2n * (w + h) > limits.lengthPlusGirth) return 'length + girth';
  return undefined;
}

function roundSide(side: bigint, unit: bigint, mode: 'nearest' | 'up'): bigint {
  const whole = mode === 'up' ? ceilDiv(side, unit) : (side * 2n + unit) / (unit * 2n);
  return whole * unit;
}
