import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/index.js';
import { rateCard } from '../../../src/shipping/index.js';
import { box, card, general, kg, quoteWith } from './helpers.js';

/** Price sheets of Chinese lines (专线/小包) state these rules in their 计费规则 block; see examples/rate-cards/README.md. */
const perKg10 = { model: 'per-kg', zones: { US: { perKg: '10' } } };
const chargeable = (service: Record<string, unknown>, parcel: ReturnType<typeof box> | ReturnType<typeof kg>) =>
  quoteWith(card({ tariffs: general(perKg10), ...service }), { parcels: [parcel] }).quotes[0]!.chargeableWeight!.value;

describe('rate card: volumetric only above a side length (单边超 60cm 计泡)', () => {
  const svc = { volumetric: { divisor: 6000, onlyIfSideOver: '60' }, weightRounding: { increment: '0.1' } };

  it('a 60×40×40 box (16 kg volumetric) bills its actual 5 kg: no side exceeds 60 cm', () => {
    expect(chargeable(svc, box(5, 60, 40, 40))).toBe(5);
  });

  it('a 61×40×40 box bills volumetric 61·40·40/6000 = 16.27 → 16.3 kg', () => {
    expect(chargeable(svc, box(5, 61, 40, 40))).toBe(16.3);
  });

  it('any side counts, not only the one given as length (40×61×40)', () => {
    expect(chargeable(svc, box(5, 40, 40, 61))).toBe(16.3);
  });

  it('without the rule the same 60×40×40 box bills 16 kg (the rule is what changes it)', () => {
    expect(chargeable({ volumetric: { divisor: 6000 }, weightRounding: { increment: '0.1' } }, box(5, 60, 40, 40))).toBe(16);
  });
});

describe('rate card: partial volumetric billing (分泡, 计泡比例)', () => {
  // Worked example: 10 kg actual, 60×50×40 cm ÷6000 = 20 kg volumetric; "泡货分泡 50%": 10 + (20 − 10) × 50% = 15 kg.
  const svc = (share: string) => ({ volumetric: { divisor: 6000, billedShare: share }, weightRounding: { increment: '0.5' } });

  it('50 % of the excess: 10 kg actual, 20 kg volumetric → 15 kg', () => {
    expect(chargeable(svc('50'), box(10, 60, 50, 40))).toBe(15);
  });

  it('30 % of the excess: 10 + 10 × 30 % = 13 kg', () => {
    expect(chargeable(svc('30'), box(10, 60, 50, 40))).toBe(13);
  });

  it('the share is applied before weight rounding: 40 % → 14 kg → stays 14 at 0.5 steps; 45 % → 14.5', () => {
    expect(chargeable(svc('40'), box(10, 60, 50, 40))).toBe(14);
    expect(chargeable(svc('45'), box(10, 60, 50, 40))).toBe(14.5);
  });

  it('no excess, nothing billed extra: a dense 25 kg parcel in the same box bills 25 kg', () => {
    expect(chargeable(svc('50'), box(25, 60, 50, 40))).toBe(25);
  });

  it('100 % is ordinary volumetric billing', () => {
    expect(chargeable(svc('100'), box(10, 60, 50, 40))).toBe(20);
  });

  it('a share outside (0, 100] is refused naming the field', () => {
    expect(() => rateCard(card({ tariffs: general(perKg10), ...svc('0') }))).toThrow(ValidationError);
    try {
      rateCard(card({ tariffs: general(perKg10), ...svc('120') }));
      expect.unreachable();
    } catch (e) {
      expect((e as ValidationError).path).toContain('billedShare');
    }
  });
});

describe('rate card: stepped weight rounding (0.5 kg steps up to 20 kg, then 1 kg)', () => {
  const svc = { weightRounding: { steps: [{ upTo: '20', increment: '0.5' }, { increment: '1' }] } };

  it('up to 20 kg the step is 0.5 kg: 0.3 → 0.5, 12.2 → 12.5, 19.6 → 20', () => {
    expect(chargeable(svc, kg(0.3))).toBe(0.5);
    expect(chargeable(svc, kg(12.2))).toBe(12.5);
    expect(chargeable(svc, kg(19.6))).toBe(20);
  });

  it('exactly 20 kg stays 20 (the bound belongs to the lower step)', () => {
    expect(chargeable(svc, kg(20))).toBe(20);
  });

  it('above 20 kg the step is 1 kg: 20.001 → 21, 20.6 → 21, 33.01 → 34', () => {
    expect(chargeable(svc, kg(20.001))).toBe(21);
    expect(chargeable(svc, kg(20.6))).toBe(21);
    expect(chargeable(svc, kg(33.01))).toBe(34);
  });

  it('property: the result is ≥ the weight, less than one step above it, and a multiple of the step in force', () => {
    const c = rateCard(card({ tariffs: general(perKg10), ...svc }));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60_000 }), (grams) => {
        const w = grams / 1000;
        const q = c.quote(prepare(w)).quotes[0]!;
        const got = Math.round(q.chargeableWeight!.value * 1000);
        const step = grams <= 20_000 ? 500 : 1000;
        return got >= grams && got - grams < step && got % step === 0;
      }),
      { numRuns: 500 },
    );
  });

  it('steps must ascend and only the last may be open-ended', () => {
    const bad = (steps: unknown) => () => rateCard(card({ tariffs: general(perKg10), weightRounding: { steps } }));
    expect(bad([{ increment: '1' }, { upTo: '20', increment: '0.5' }])).toThrow(/weightRounding\.steps/);
    expect(bad([{ upTo: '20', increment: '0.5' }, { upTo: '10', increment: '1' }])).toThrow(/weightRounding\.steps/);
    expect(bad([{ upTo: '20', increment: '0.5' }])).toThrow(/weightRounding\.steps/);
    expect(() => rateCard(card({ tariffs: general(perKg10), weightRounding: { increment: '0.5', steps: [{ increment: '1' }] } }))).toThrow(/weightRounding/);
  });
});

import { prepareShipment } from '../../../src/shipping/index.js';
import { request } from './helpers.js';
function prepare(weightKg: number) {
  return prepareShipment(request({ parcels: [kg(weightKg)] }));
}
