import { ceilDiv, toDisplay } from '../units.js';
import { perWeight, roundDiv, roundRatio } from './exact.js';
import type { CompiledBand, CompiledCard, ZonePrice } from './compiled.js';

export type BasePrice = { ok: true; base: bigint; registration: bigint } | { ok: false; message: string };

/** Freight (and registration fee) in minor units for one chargeable weight, by the card's pricing model. */
export function priceWeight(card: CompiledCard, zp: ZonePrice, weightNg: bigint): BasePrice {
  const mode = card.rounding;
  let base: bigint;
  let registration = 0n;
  switch (zp.model) {
    case 'first-additional': {
      // 首重 + ceil((W − first) / step) × 续重, summed exactly then rounded once.
      const steps = weightNg > zp.firstNg ? ceilDiv(weightNg - zp.firstNg, zp.stepNg) : 0n;
      base = roundDiv(zp.first.n * zp.step.d + steps * zp.step.n * zp.first.d, zp.first.d * zp.step.d, mode);
      break;
    }
    case 'per-kg':
      base = perWeight(zp.perUnit, weightNg, card.unitNg, mode);
      if (zp.registration) registration = roundRatio(zp.registration, mode);
      break;
    case 'bands': {
      const band = findBand(zp.bands, weightNg, card.inclusiveBounds);
      if (!band) {
        const last = zp.bands[zp.bands.length - 1]!;
        const bound = card.inclusiveBounds ? 'up to and including' : 'below';
        return { ok: false, message: `chargeable weight ${toDisplay(weightNg, card.unitNg)} ${card.weightUnit} is beyond the last band (${bound} ${toDisplay(last.upToNg, card.unitNg)} ${card.weightUnit})` };
      }
      base = band.flat ? roundRatio(band.flat, mode) : perWeight(band.perUnit!, weightNg, card.unitNg, mode);
      if (band.registration) registration = roundRatio(band.registration, mode);
      break;
    }
  }
  if (zp.minimum) {
    const min = roundRatio(zp.minimum, mode);
    if (base < min) base = min;
  }
  return { ok: true, base, registration };
}

/** The band a weight falls in; a weight exactly on `upTo` belongs to that band only when bounds are inclusive. */
export function findBand(bands: readonly CompiledBand[], weightNg: bigint, inclusive: boolean): CompiledBand | undefined {
  for (const b of bands) {
    if (inclusive ? weightNg <= b.upToNg : weightNg < b.upToNg) return b;
  }
  return undefined;
}
