import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastShipmentRequest } from '../../../src/shipping/fast-request.js';
import { ShipmentRequestSchema } from '../../../src/shipping/request.js';

// Mostly valid values (so the fast path is exercised), with the invalid and edge cases mixed in.
const country = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('CN', 'DE', 'US', 'SG', 'GB') }, { weight: 1, arbitrary: fc.constantFrom('XX', 'de', 'ZZ', 'DEU') });
const text = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('518000', 'Berlin', 'SW1A 1AA', 'NY') },
  { weight: 1, arbitrary: fc.constantFrom('', ' 10115', 'x'.repeat(50)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);
const address = fc.oneof(
  { weight: 8, arbitrary: fc.record({ country, postalCode: text, city: text, state: text }, { requiredKeys: ['country'] }) },
  { weight: 1, arbitrary: fc.record({ country, lines: fc.array(fc.string(), { maxLength: 2 }), residential: fc.boolean() }, { requiredKeys: ['country'] }) },
);
const num = fc.oneof(
  { weight: 8, arbitrary: fc.double({ min: 0.001, max: 500, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, Number.NaN, Number.POSITIVE_INFINITY) },
);
const parcel = fc.record(
  {
    weight: fc.record({ value: num, unit: fc.constantFrom('kg', 'g', 'lb', 'oz', 'ton') }),
    dimensions: fc.record({ length: num, width: num, height: num, unit: fc.constantFrom('cm', 'mm', 'in', 'm', 'ft') }),
  },
  { requiredKeys: ['weight'] },
);
const request = fc.record(
  {
    from: address, to: address, parcels: fc.array(parcel, { maxLength: 3 }),
    shipDate: fc.constantFrom('2026-11-23', '2026-02-29', '2028-02-29', '2026-13-01', '23/11/2026'),
    cargoClass: fc.constantFrom('general', 'battery', 'plutonium'),
    incoterm: fc.constantFrom('DDP', 'DAP', 'EXW'),
  },
  { requiredKeys: ['from', 'to', 'parcels'] },
);

describe('quoteShipping validation fast path', () => {
  it('accepts only what the schema accepts, and builds exactly the schema output', () => {
    let fast = 0;
    fc.assert(
      fc.property(request, (input) => {
        const quick = fastShipmentRequest(input);
        const full = ShipmentRequestSchema.safeParse(input);
        if (quick) {
          fast++;
          expect(full.success).toBe(true);
          expect(quick).toEqual(full.data);
        }
      }),
      { numRuns: 3000 },
    );
    expect(fast).toBeGreaterThan(0); // the generator does reach the fast path
  });

  it('takes the fast path for the common request shape', () => {
    const input = { from: { country: 'CN', postalCode: '518000' }, to: { country: 'DE', postalCode: '10115', city: 'Berlin' }, parcels: [{ weight: { value: 1.2, unit: 'kg' }, dimensions: { length: 30, width: 20, height: 10, unit: 'cm' } }], shipDate: '2026-11-23' };
    expect(fastShipmentRequest(input)).toEqual(ShipmentRequestSchema.parse(input));
    expect(fastShipmentRequest({ ...input, declaredValue: { amount: 100, currency: 'USD' } })).toBeUndefined();
  });
});
