import { describe, expect, it } from 'vitest';
import { box, card, general, kg, quoteWith } from './helpers.js';

const matrix = { model: 'bands', zones: { US: { bands: [{ upTo: '0.5', price: '210' }, { upTo: '1', price: '268' }, { upTo: '1.5', price: '322' }] } } };
const perKg10 = { model: 'per-kg', zones: { US: { perKg: '10' } } };

describe('rate card: brackets, chargeable weight, limits', () => {
  it('a weight exactly on a band bound belongs to that band when bounds are inclusive (0.5 kg → 210.00)', () => {
    expect(quoteWith(card({ tariffs: general(matrix) }), { parcels: [kg(0.5)] }).quotes[0]!.total.amount).toBe(21000);
    expect(quoteWith(card({ tariffs: general(matrix) }), { parcels: [kg(1)] }).quotes[0]!.total.amount).toBe(26800);
  });

  it('…and to the next band when the card says upper-exclusive (0.5 kg → 268.00; 1 kg → 322.00)', () => {
    const c = card({ tariffs: general(matrix) }, { bracketBounds: 'upper-exclusive' });
    expect(quoteWith(c, { parcels: [kg(0.5)] }).quotes[0]!.total.amount).toBe(26800);
    expect(quoteWith(c, { parcels: [kg(1)] }).quotes[0]!.total.amount).toBe(32200);
  });

  it('a weight past the last band is "not serviceable: weight", never priced', () => {
    const r = quoteWith(card({ tariffs: general(matrix) }), { parcels: [kg(1.501)] });
    expect(r.quotes).toEqual([]);
    expect(r.unavailable[0]).toMatchObject({ carrier: 'test-line', service: 'S1', reason: 'weight' });
    expect(r.unavailable[0]!.message).toContain('up to and including 1.5 kg');
  });

  it('volumetric beats actual: 30×20×15 cm, 1.2 kg. ÷5000 = 1.8 kg → 18.00; ÷6000 = 1.5 kg → 15.00; ÷8000 = 1.125 kg < actual → 12.00', () => {
    const at = (divisor: number) =>
      quoteWith(card({ tariffs: general(perKg10), volumetric: { divisor }, weightRounding: { increment: '0.1' } }), { parcels: [box(1.2, 30, 20, 15)] }).quotes[0]!;
    expect([at(5000).total.amount, at(5000).chargeableWeight!.value]).toEqual([1800, 1.8]);
    expect([at(6000).total.amount, at(6000).chargeableWeight!.value]).toEqual([1500, 1.5]);
    expect([at(8000).total.amount, at(8000).chargeableWeight!.value]).toEqual([1200, 1.2]);
  });

  it('volumetric weight picks the band (Karrio looked bands up with actual weight): 0.4 kg in a 30×20×10 box ÷5000 = 1.2 kg → 1.5 band 322.00', () => {
    const c = card({ tariffs: general(matrix), volumetric: { divisor: 5000 }, weightRounding: { increment: '0.5' } });
    const q = quoteWith(c, { parcels: [box(0.4, 30, 20, 10)] }).quotes[0]!;
    expect(q.total.amount).toBe(32200);
    expect(q.chargeableWeight).toEqual({ value: 1.5, unit: 'kg' });
  });

  it('DHL-style side rounding: 30.4×20.4×10.4 cm → 30×20×10 (nearest) = 1.2 kg, → 31×21×11 (up) = 1.4322 kg → 1.5', () => {
    const q = (roundSides: string) =>
      quoteWith(card({ tariffs: general(perKg10), volumetric: { divisor: 5000, roundSides }, weightRounding: { increment: '0.1' } }), { parcels: [box(0.1, 30.4, 20.4, 10.4)] }).quotes[0]!;
    expect(q('nearest').chargeableWeight!.value).toBe(1.2);
    expect(q('up').chargeableWeight!.value).toBe(1.5);
  });

  it('volumetric only above minVolume (e.g. 1 ft³): a 20×20×20 cm box (8000 cm³) under a 10000 cm³ threshold bills actual', () => {
    const c = card({ tariffs: general(perKg10), volumetric: { divisor: 1000, minVolume: 10000 } });
    expect(quoteWith(c, { parcels: [box(1, 20, 20, 20)] }).quotes[0]!.chargeableWeight!.value).toBe(1);
    expect(quoteWith(c, { parcels: [box(1, 30, 20, 20)] }).quotes[0]!.chargeableWeight!.value).toBe(12); // 12000 / 1000
  });

  it('a volumetric service without parcel dimensions refuses (size) instead of under-quoting', () => {
    const r = quoteWith(card({ tariffs: general(perKg10), volumetric: { divisor: 5000 } }), { parcels: [kg(1)] });
    expect(r.unavailable[0]).toMatchObject({ reason: 'size' });
    expect(r.unavailable[0]!.message).toContain('needs dimensions');
  });

  it('rounding increments: 1.234 kg → 1.24 kg at 10 g; 1.01 kg → 1.5 kg at 0.5 kg; 1 lb → 0.454 kg at 1 g', () => {
    const at = (increment: string, weight: { value: number; unit: 'kg' | 'lb' }) =>
      quoteWith(card({ tariffs: general(perKg10), weightRounding: { increment } }), { parcels: [{ weight }] }).quotes[0]!;
    expect(at('0.01', { value: 1.234, unit: 'kg' }).chargeableWeight!.value).toBe(1.24);
    expect(at('0.5', { value: 1.01, unit: 'kg' }).total.amount).toBe(1500); // 1.5 × 10
    const lb = at('0.001', { value: 1, unit: 'lb' }); // 0.45359237 kg → 0.454 → 4.54
    expect([lb.chargeableWeight!.value, lb.total.amount]).toEqual([0.454, 454]);
  });

  it('minimum billable weight: 0.02 kg bills 0.05 kg → 0.05 × 10 = 0.50', () => {
    const q = quoteWith(card({ tariffs: general(perKg10), limits: { minBillableWeight: '0.05' } }), { parcels: [kg(0.02)] }).quotes[0]!;
    expect([q.chargeableWeight!.value, q.total.amount]).toEqual([0.05, 50]);
  });

  it('maximum actual weight: exactly 2 kg is accepted, 2.001 kg is not serviceable (weight)', () => {
    const c = card({ tariffs: general(perKg10), limits: { maxActualWeight: '2' } });
    expect(quoteWith(c, { parcels: [kg(2)] }).quotes[0]!.total.amount).toBe(2000);
    const r = quoteWith(c, { parcels: [kg(2.001)] });
    expect(r.quotes).toEqual([]);
    expect(r.unavailable[0]).toMatchObject({ reason: 'weight', message: 'parcel 1 weighs 2.001 kg; Test line takes at most 2 kg' });
  });

  it('maximum billable weight applies to the chargeable (volumetric) weight: 1 kg in 60×50×50 cm ÷6000 = 25 kg > 20 kg', () => {
    const c = card({ tariffs: general(perKg10), volumetric: { divisor: 6000 }, limits: { maxBillableWeight: '20' } });
    expect(quoteWith(c, { parcels: [box(1, 60, 50, 50)] }).unavailable[0]).toMatchObject({ reason: 'weight' });
  });

  it('size refusal: longest side, L+W+H, length + girth (L+2W+2H)', () => {
    const c = card({ tariffs: general(perKg10), limits: { refuse: { longest: '60', sumOfSides: '90', lengthPlusGirth: '140' } } });
    expect(quoteWith(c, { parcels: [box(1, 60, 20, 10)] }).quotes).toHaveLength(1); // longest exactly 60, sum 90, 60+2·30 = 120: allowed
    expect(quoteWith(c, { parcels: [box(1, 61, 10, 10)] }).unavailable[0]!.message).toContain('longest side');
    expect(quoteWith(c, { parcels: [box(1, 50, 30, 11)] }).unavailable[0]!.message).toContain('L+W+H'); // 91
    expect(quoteWith(c, { parcels: [box(1, 30, 30, 30)] }).unavailable[0]!.message).toContain('length + girth'); // sum 90 ok; 30 + 2·60 = 150 > 140
  });

  it('oversize: 120×30×30 cm, 5 kg, over 100 cm → fee 155.00 and at least 18 kg billed: 18 × 10 + 155 = 335.00', () => {
    const c = card({ tariffs: general(perKg10), limits: { oversize: { above: { longest: '100' }, fee: '155', minBillableWeight: '18' } } });
    const q = quoteWith(c, { parcels: [box(5, 120, 30, 30)] }).quotes[0]!;
    expect(q.total.amount).toBe(33500);
    expect(q.breakdown.map((l) => [l.kind, l.amount.amount])).toEqual([['base', 18000], ['oversize', 15500]]);
    // two pieces, one oversize: 18 kg + 5 kg billed = 230.00 + one fee 155.00 = 385.00
    expect(quoteWith(c, { parcels: [box(5, 120, 30, 30), box(5, 50, 30, 30)] }).quotes[0]!.total.amount).toBe(38500);
  });

  it('max parcels per shipment', () => {
    const c = card({ tariffs: general(perKg10), limits: { maxParcels: 2 } });
    expect(quoteWith(c, { parcels: [kg(1), kg(1), kg(1)] }).unavailable[0]).toMatchObject({ reason: 'parcel-count' });
  });
});
