import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { calculator, down, halfEven, halfUp, up } from 'dinero.js/bigint';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/index.js';
import { prepareShipment, quoteShipping, rateCard } from '../../../src/shipping/index.js';
import { roundDiv } from '../../../src/shipping/rate-card/exact.js';
import { card, general, request } from './helpers.js';

function pathOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).path;
  }
  throw new Error('expected a ValidationError');
}

const perKg = { model: 'per-kg', zones: { US: { perKg: '10' } } };

describe('rateCard(json): ValidationError names the field', () => {
  it.each([
    ['a bad decimal', card({ tariffs: general({ model: 'per-kg', zones: { US: { perKg: 'ten' } } }) }), 'services[0].tariffs[0].pricing.zones.US.perKg'],
    ['an unknown pricing model', card({ tariffs: general({ model: 'per-cbm', zones: {} }) }), 'services[0].tariffs[0].pricing.model'],
    ['a band with both price and perKg', card({ tariffs: general({ model: 'bands', zones: { US: { bands: [{ upTo: 1, price: 1, perKg: 1 }] } } }) }), 'services[0].tariffs[0].pricing.zones.US.bands[0]'],
    ['bands out of order', card({ tariffs: general({ model: 'bands', zones: { US: { bands: [{ upTo: 2, price: 1 }, { upTo: 1, price: 1 }] } } }) }), 'services[0].tariffs[0].pricing.zones.US.bands[1].upTo'],
    ['a priced zone that is not defined', card({ tariffs: general({ model: 'per-kg', zones: { EU: { perKg: 1 } } }) }), 'services[0].tariffs[0].pricing.zones.EU'],
    ['no volumetric rule anywhere (Karrio never applied it)', { ...card({ tariffs: general(perKg) }), volumetric: undefined }, 'services[0].volumetric'],
    ['no weight rounding anywhere', { ...card({ tariffs: general(perKg) }), weightRounding: undefined }, 'services[0].weightRounding'],
    ['an unknown currency', card({ tariffs: general(perKg) }, { currency: 'XXY' }), 'currency'],
    ['an unknown cargo class', card({ tariffs: [{ cargoClasses: ['food'], pricing: perKg }] }), 'services[0].tariffs[0].cargoClasses[0]'],
    ['a cargo/incoterm pair priced twice', card({ tariffs: [{ cargoClasses: ['general'], pricing: perKg }, { cargoClasses: ['general'], pricing: perKg }] }), 'services[0].tariffs[1].cargoClasses'],
    ['fuel with neither percent nor table', card({ tariffs: general(perKg), fuel: { appliesTo: ['base'] } }), 'services[0].fuel'],
    ['a bad fuel date', card({ tariffs: general(perKg), fuel: { appliesTo: ['base'], table: [{ from: '2026-13-01', percent: 1 }] } }), 'services[0].fuel.table[0].from'],
    ['two zones claiming a country', card({ tariffs: general(perKg) }, { zones: [{ id: 'A', countries: ['US'] }, { id: 'B', countries: ['US'] }] }), 'zones[1]'],
    ['a negative price', card({ tariffs: general({ model: 'per-kg', zones: { US: { perKg: -1 } } }) }), 'services[0].tariffs[0].pricing.zones.US.perKg'],
  ])('%s', (_name, json, path) => {
    expect(pathOf(() => rateCard(json))).toBe(path);
  });

  it('accepts an explicit null volumetric (lines that bill actual weight)', () => {
    expect(rateCard(card({ tariffs: general(perKg) })).carrier).toBe('test-line');
  });
});

describe('quote input: ValidationError names the field', () => {
  const r = request();
  it.each([
    ['missing weight', { ...r, parcels: [{}] }, 'parcels[0].weight'],
    ['negative weight', { ...r, parcels: [{ weight: { value: -1, unit: 'kg' } }] }, 'parcels[0].weight.value'],
    ['zero weight', { ...r, parcels: [{ weight: { value: 0, unit: 'kg' } }] }, 'parcels[0].weight.value'],
    ['unknown weight unit', { ...r, parcels: [{ weight: { value: 1, unit: 'stone' } }] }, 'parcels[0].weight.unit'],
    ['unknown length unit', { ...r, parcels: [{ weight: { value: 1, unit: 'kg' }, dimensions: { length: 1, width: 1, height: 1, unit: 'ft' } }] }, 'parcels[0].dimensions.unit'],
    ['no parcels', { ...r, parcels: [] }, 'parcels'],
    ['an absurd weight (typo guard)', { ...r, parcels: [{ weight: { value: 1e9, unit: 'kg' } }] }, 'parcels[0].weight.value'],
    ['unknown country', { ...r, to: { country: 'XX' } }, 'to.country'],
    ['a region, not a country', { ...r, from: { country: 'EU' } }, 'from.country'],
    ['lower-case country', { ...r, to: { country: 'de' } }, 'to.country'],
    ['bad ship date', { ...r, shipDate: '2026-02-30' }, 'shipDate'],
    ['unknown cargo class', { ...r, cargoClass: 'food' }, 'cargoClass'],
    ['declared value with too many decimals', { ...r, declaredValue: { amount: '1.005', currency: 'USD' } }, 'declaredValue'],
  ])('%s', (_name, input, path) => {
    expect(pathOf(() => prepareShipment(input))).toBe(path);
  });

  it('quoteShipping rejects bad input before calling any carrier', async () => {
    const c = rateCard(card({ tariffs: general(perKg) }));
    await expect(quoteShipping({ ...r, parcels: [{ weight: { value: -2, unit: 'kg' } }] }, { carriers: [c] })).rejects.toMatchObject({ path: 'parcels[0].weight.value' });
    await expect(quoteShipping(r, { carriers: [] })).rejects.toMatchObject({ path: 'options.carriers' });
    await expect(quoteShipping(r, { carriers: [c], timeoutMs: -5 })).rejects.toMatchObject({ path: 'options.timeoutMs' });
  });
});

describe('exact rounding', () => {
  it('roundDiv gives exactly dinero.js results for halfUp / halfEven / up / down', () => {
    const modes = { halfUp, halfEven, up, down } as const;
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.constantFrom(...(Object.keys(modes) as Array<keyof typeof modes>)), (n, d, mode) => {
        expect(roundDiv(n, d, mode)).toBe(modes[mode](n, d, calculator));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('sample cards in examples/rate-cards', () => {
  const dir = fileURLToPath(new URL('../../../examples/rate-cards/', import.meta.url));
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

  it('there are two or three, each labelled as sample prices', () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const f of files) {
      const json = JSON.parse(readFileSync(dir + f, 'utf8'));
      expect(`${json.name} ${json.notes}`).toMatch(/SAMPLE PRICES/);
      expect(f).toMatch(/\.sample\.json$/);
    }
  });

  it.each(files)('%s loads and quotes 1.2 kg 30×20×10 cm CN → US', (f) => {
    const c = rateCard(JSON.parse(readFileSync(dir + f, 'utf8')));
    const res = c.quote(prepareShipment(request({ parcels: [{ weight: { value: 1.2, unit: 'kg' }, dimensions: { length: 30, width: 20, height: 10, unit: 'cm' } }] })));
    expect(res.quotes.length).toBeGreaterThan(0);
  });
});
