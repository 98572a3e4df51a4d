import { describe, expect, it } from 'vitest';
import { card, general, kg, quoteWith } from './helpers.js';

const flat180 = { model: 'bands', zones: { US: { bands: [{ upTo: '5', price: '180' }] } } };
const remote172 = [{ label: 'remote area', countries: ['US'], postalPrefixes: ['995', '996'], perKg: '4', minimum: '172' }];

describe('rate card: fuel and remote-area surcharges', () => {
  it('fuel on base + surcharges (carriers): base 180 + remote 172, fuel 18 % of 352 = 63.36 → 415.36 (research A3.2)', () => {
    const c = card({ tariffs: general(flat180), remote: remote172, fuel: { appliesTo: ['base', 'remote'], percent: '18' } });
    const q = quoteWith(c, { to: { country: 'US', postalCode: '99501' }, parcels: [kg(2)] }).quotes[0]!;
    // remote: max(4 × 2 kg = 8.00, 172.00) = 172.00
    expect(q.breakdown.map((l) => [l.kind, l.amount.amount])).toEqual([['base', 18000], ['remote', 17200], ['fuel', 6336]]);
    expect(q.total.amount).toBe(41536);
  });

  it('fuel on base only when the card says so: 18 % of 180 = 32.40 → 384.40', () => {
    const c = card({ tariffs: general(flat180), remote: remote172, fuel: { appliesTo: ['base'], percent: '18' } });
    expect(quoteWith(c, { to: { country: 'US', postalCode: '99501' }, parcels: [kg(2)] }).quotes[0]!.total.amount).toBe(38440);
  });

  describe('dated fuel table: the percentage in force on the ship date', () => {
    const table = [
      { from: '2026-10-01', until: '2026-10-31', percent: '23.75' },
      { from: '2026-11-01', until: '2026-11-30', percent: '24.5' },
      { from: '2026-12-01', until: '2026-12-31', percent: '25.25' },
    ];
    const c = card({ tariffs: general({ model: 'bands', zones: { US: { bands: [{ upTo: '5', price: '322' }] } } }), fuel: { appliesTo: ['base'], table } });
    const fuelOn = (shipDate: string) => quoteWith(c, { shipDate }).quotes[0]!.breakdown.find((l) => l.kind === 'fuel');

    it('23 Nov → 24.5 % × 322 = 78.89', () => expect(fuelOn('2026-11-23')).toEqual({ kind: 'fuel', amount: { amount: 7889, currency: 'CNY' }, label: 'fuel surcharge 24.5%' }));
    it('30 Nov (last day of the row) → still 24.5 %', () => expect(fuelOn('2026-11-30')!.amount.amount).toBe(7889));
    it('1 Dec → 25.25 % × 322 = 81.305 → 81.31 (halfUp)', () => expect(fuelOn('2026-12-01')!.amount.amount).toBe(8131));
    it('31 Oct → 23.75 % × 322 = 76.475 → 76.48', () => expect(fuelOn('2026-10-31')!.amount.amount).toBe(7648));
    it('no row in force (after the table ends, or before it starts) → not serviceable (date), no guess', () => {
      expect(quoteWith(c, { shipDate: '2027-01-05' }).unavailable[0]).toMatchObject({ reason: 'date' });
      expect(quoteWith(c, { shipDate: '2026-09-30' }).unavailable[0]).toMatchObject({ reason: 'date' });
    });
  });

  it('remote area per kg with a minimum: 60 kg × 4 = 240.00 > 172.00', () => {
    const c = card({ tariffs: general({ model: 'per-kg', zones: { US: { perKg: '10' } } }), remote: remote172 });
    const q = quoteWith(c, { to: { country: 'US', postalCode: '99601' }, parcels: [kg(60)] }).quotes[0]!;
    expect(q.breakdown.find((l) => l.kind === 'remote')!.amount.amount).toBe(24000);
  });

  it('remote area per parcel, whole country; a non-remote postcode pays nothing extra', () => {
    const c = card({ tariffs: general(flat180), remote: [{ countries: ['US'], postalPrefixes: ['967'], perParcel: '35' }, { countries: ['PR'], perParcel: '50' }] }, {
      zones: [{ id: 'US', countries: ['US', 'PR'] }],
    });
    expect(quoteWith(c, { to: { country: 'US', postalCode: '96701' }, parcels: [kg(1), kg(1)] }).quotes[0]!.total.amount).toBe(36000 + 7000);
    expect(quoteWith(c, { to: { country: 'PR', postalCode: '00901' } }).quotes[0]!.total.amount).toBe(18000 + 5000);
    expect(quoteWith(c, { to: { country: 'US', postalCode: '10001' } }).quotes[0]!.breakdown).toHaveLength(1);
  });

  it('postal prefixes are matched without spaces/dashes and the longest prefix wins', () => {
    const c = card(
      { tariffs: general({ model: 'per-kg', zones: { WEST: { perKg: '10' }, LA: { perKg: '8' }, REST: { perKg: '12' } } }) },
      { zones: [{ id: 'WEST', countries: ['US'], postalPrefixes: ['9'] }, { id: 'LA', countries: ['US'], postalPrefixes: ['900'] }, { id: 'REST', countries: ['US'] }] },
    );
    expect(quoteWith(c, { to: { country: 'US', postalCode: '90012-3456' } }).quotes[0]!.zone).toBe('LA');
    expect(quoteWith(c, { to: { country: 'US', postalCode: '94103' } }).quotes[0]!.zone).toBe('WEST');
    expect(quoteWith(c, { to: { country: 'US', postalCode: '10001' } }).quotes[0]!.zone).toBe('REST');
  });
});

describe('rate card: cargo classes, incoterms, serviceability', () => {
  const lines = card({
    tariffs: [
      { cargoClasses: ['general'], incoterms: ['DAP'], pricing: { model: 'per-kg', zones: { US: { perKg: '90', registration: '15' } } } },
      { cargoClasses: ['battery'], incoterms: ['DAP'], pricing: { model: 'per-kg', zones: { US: { perKg: '101', registration: '17' } } } },
      { cargoClasses: ['general'], incoterms: ['DDP'], pricing: { model: 'per-kg', zones: { US: { perKg: '110', registration: '15' } } } },
    ],
    surcharges: [
      { code: 'BAT', label: 'battery fee', perParcel: '5', when: { cargoClasses: ['battery'] } },
      { code: 'DDP', label: 'DDP clearance', perParcel: '8', when: { incoterms: ['DDP'] } },
    ],
  });

  it('general cargo, no incoterm asked: first tariff (DAP) → 1 × 90 + 15 = 105.00', () => {
    const q = quoteWith(lines).quotes[0]!;
    expect([q.total.amount, q.incoterm]).toEqual([10500, 'DAP']);
  });

  it('battery cargo uses the 带电 prices and its fee: 101 + 17 + 5 = 123.00', () => {
    const q = quoteWith(lines, { cargoClass: 'battery' }).quotes[0]!;
    expect(q.breakdown.map((l) => [l.kind, l.amount.amount, l.label])).toEqual([
      ['base', 10100, 'Test line'], ['registration', 1700, 'registration fee'], ['other', 500, 'battery fee'],
    ]);
  });

  it('DDP picks the duties-included tariff and its fee: 110 + 15 + 8 = 133.00', () => {
    const q = quoteWith(lines, { incoterm: 'DDP' }).quotes[0]!;
    expect([q.total.amount, q.incoterm]).toEqual([13300, 'DDP']);
  });

  it('a class the service does not carry is not quoted, with a reason', () => {
    const r = quoteWith(lines, { cargoClass: 'liquid' });
    expect(r.quotes).toEqual([]);
    expect(r.unavailable).toEqual([{ carrier: 'test-line', service: 'S1', serviceName: 'Test line', reason: 'cargo-class', message: 'Test line does not carry liquid cargo' }]);
  });

  it('an incoterm the service does not offer for that class is not quoted (battery has no DDP)', () => {
    expect(quoteWith(lines, { cargoClass: 'battery', incoterm: 'DDP' }).unavailable[0]).toMatchObject({ reason: 'incoterm', message: 'Test line does not offer DDP for battery cargo' });
  });

  it('destination, origin and card validity are reasons too', () => {
    expect(quoteWith(lines, { to: { country: 'DE', postalCode: '10115' } }).unavailable[0]).toMatchObject({ reason: 'destination' });
    const dated = card({ tariffs: general(flat180) }, { origins: ['CN'], validFrom: '2026-11-01', validUntil: '2026-11-30' });
    expect(quoteWith(dated, { from: { country: 'HK' } }).unavailable[0]).toMatchObject({ reason: 'origin' });
    expect(quoteWith(dated, { shipDate: '2026-12-01' }).unavailable[0]).toMatchObject({ reason: 'date' });
    expect(quoteWith(dated, { shipDate: '2026-11-30' }).quotes).toHaveLength(1);
  });

  it('a zone that this tariff does not price is "destination"', () => {
    const c = card({ tariffs: general({ model: 'per-kg', zones: { US: { perKg: '1' } } }) }, { zones: [{ id: 'US', countries: ['US'] }, { id: 'CA', countries: ['CA'] }] });
    expect(quoteWith(c, { to: { country: 'CA', postalCode: 'M5V 2T6' } }).unavailable[0]).toMatchObject({ reason: 'destination', message: 'Test line does not serve CA M5V2T6' });
  });
});
