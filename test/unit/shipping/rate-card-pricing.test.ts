import { describe, expect, it } from 'vitest';
import { box, card, general, kg, quoteWith } from './helpers.js';

// Every expected price below is worked out by hand in the comment next to it (CNY, fen = 1/100).

describe('rate card: pricing models', () => {
  const firstAdditional = card({
    tariffs: general({ model: 'first-additional', zones: { US: { first: { weight: '0.5', price: '120' }, additional: { step: '0.5', price: '25' } } } }),
  });

  it('首重/续重: 1.8 kg = 120 + ceil(1.3 / 0.5) × 25 = 120 + 3 × 25 = 195.00', () => {
    const r = quoteWith(firstAdditional, { parcels: [kg(1.8)] });
    expect(r.quotes[0]!.total).toEqual({ amount: 19500, currency: 'CNY' });
    expect(r.quotes[0]!.breakdown).toEqual([{ kind: 'base', amount: { amount: 19500, currency: 'CNY' }, label: 'Test line' }]);
  });

  it('首重/续重 edges: exactly 0.5 kg is the first weight only (120.00); 0.501 kg starts a step (145.00)', () => {
    expect(quoteWith(firstAdditional, { parcels: [kg(0.5)] }).quotes[0]!.total.amount).toBe(12000);
    expect(quoteWith(firstAdditional, { parcels: [kg(0.501)] }).quotes[0]!.total.amount).toBe(14500);
    // 1.0 kg = 120 + 1 × 25 exactly on the step boundary = 145.00
    expect(quoteWith(firstAdditional, { parcels: [kg(1)] }).quotes[0]!.total.amount).toBe(14500);
  });

  it('挂号费 + 公斤价: 0.35 kg × 85 + 18 = 29.75 + 18.00 = 47.75, itemised', () => {
    const r = quoteWith(card({ tariffs: general({ model: 'per-kg', zones: { US: { perKg: '85', registration: '18' } } }) }), { parcels: [kg(0.35)] });
    const q = r.quotes[0]!;
    expect(q.total.amount).toBe(4775);
    expect(q.breakdown.map((l) => [l.kind, l.amount.amount])).toEqual([['base', 2975], ['registration', 1800]]);
    expect(q.chargeableWeight).toEqual({ value: 0.35, unit: 'kg' });
  });

  it('per-kg minimum charge: 0.05 kg × 66 = 3.30 < minimum 10.00 → 10.00 + 18.00 registration', () => {
    const c = card({ tariffs: general({ model: 'per-kg', zones: { US: { perKg: '66', registration: '18', minimumCharge: '10' } } }) });
    expect(quoteWith(c, { parcels: [kg(0.05)] }).quotes[0]!.total.amount).toBe(2800);
  });

  it('weight bands, per-kg inside a band: 12 kg × 73.58 = 882.96 (heavier express, research A3.4)', () => {
    const c = card({ tariffs: general({ model: 'bands', zones: { US: { bands: [{ upTo: '10', perKg: '80' }, { upTo: '20', perKg: '73.58' }] } } }) });
    expect(quoteWith(c, { parcels: [kg(12)] }).quotes[0]!.total.amount).toBe(88296);
  });

  it('weight bands with registration per band (阶梯价): 0.3 kg falls in ≤0.45 → 0.3 × 93 + 17 = 27.90 + 17 = 44.90', () => {
    const c = card({
      tariffs: general({ model: 'bands', zones: { US: { bands: [{ upTo: '0.1', perKg: '98', registration: '19' }, { upTo: '0.45', perKg: '93', registration: '17' }, { upTo: '2', perKg: '90', registration: '15' }] } } }),
    });
    const q = quoteWith(c, { parcels: [kg(0.3)] }).quotes[0]!;
    expect(q.total.amount).toBe(4490);
    expect(q.breakdown.map((l) => l.amount.amount)).toEqual([2790, 1700]);
  });

  it('money rounding: 0.125 kg × 85 = 10.625 → 10.63 halfUp (default), 10.62 halfEven (2 is even), 10.62 down', () => {
    const mk = (moneyRounding?: string) =>
      card({ tariffs: general({ model: 'per-kg', zones: { US: { perKg: '85' } } }) }, moneyRounding ? { moneyRounding } : {});
    expect(quoteWith(mk(), { parcels: [kg(0.125)] }).quotes[0]!.total.amount).toBe(1063);
    expect(quoteWith(mk('halfEven'), { parcels: [kg(0.125)] }).quotes[0]!.total.amount).toBe(1062);
    expect(quoteWith(mk('down'), { parcels: [kg(0.125)] }).quotes[0]!.total.amount).toBe(1062);
    expect(quoteWith(mk('up'), { parcels: [kg(0.121)] }).quotes[0]!.total.amount).toBe(1029); // 10.285 → 10.29
  });

  it('parcel basis prices each parcel (2 × 100 = 200.00); shipment basis prices the sum once (0.6 kg → 100 + 30 = 130.00)', () => {
    const pricing = { model: 'first-additional', zones: { US: { first: { weight: '0.5', price: '100' }, additional: { step: '0.5', price: '30' } } } };
    const parcels = [kg(0.3), kg(0.3)];
    expect(quoteWith(card({ tariffs: general(pricing), basis: 'parcel' }), { parcels }).quotes[0]!.total.amount).toBe(20000);
    const shipment = quoteWith(card({ tariffs: general(pricing), basis: 'shipment' }), { parcels }).quotes[0]!;
    expect(shipment.total.amount).toBe(13000);
    expect(shipment.chargeableWeight).toEqual({ value: 0.6, unit: 'kg' });
  });

  it('registration stays per parcel on a shipment-basis card: 0.6 kg × 85 = 51.00 + 2 × 18.00 = 87.00', () => {
    const c = card({ tariffs: general({ model: 'per-kg', zones: { US: { perKg: '85', registration: '18' } } }), basis: 'shipment' });
    expect(quoteWith(c, { parcels: [kg(0.3), kg(0.3)] }).quotes[0]!.breakdown.map((l) => l.amount.amount)).toEqual([5100, 3600]);
  });

  it('a per-kg card in pounds, parcel in kg: 1 kg = 2.20462… lb → up to 0.1 lb = 2.3 lb × 4 USD = 9.20', () => {
    const c = card(
      { tariffs: general({ model: 'per-kg', zones: { US: { perKg: '4' } } }), weightRounding: { increment: '0.1' } },
      { currency: 'USD', weightUnit: 'lb', dimensionUnit: 'in', weightRounding: undefined },
    );
    const q = quoteWith(c, { parcels: [kg(1)] }).quotes[0]!;
    expect(q.total).toEqual({ amount: 920, currency: 'USD' });
    expect(q.chargeableWeight).toEqual({ value: 2.3, unit: 'lb' });
  });

  it('exactness: 1.1 kg rounded up to 10 g stays 1.10 kg (no float drift to 1.11): 1.1 × 100 = 110.00', () => {
    const c = card({ tariffs: general({ model: 'per-kg', zones: { US: { perKg: '100' } } }), weightRounding: { increment: '0.01' } });
    const q = quoteWith(c, { parcels: [kg(1.1)] }).quotes[0]!;
    expect(q.total.amount).toBe(11000);
    expect(q.chargeableWeight!.value).toBe(1.1);
    // sanity: the box helper is unused here but parcels with dimensions work the same way
    expect(quoteWith(c, { parcels: [box(1.1, 10, 10, 10)] }).quotes[0]!.total.amount).toBe(11000);
  });
});
