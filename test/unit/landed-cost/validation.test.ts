import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/index.js';
import { fastParse } from '../../../src/landed-cost/fast-input.js';
import { estimateLandedCost, estimateLandedCostSync, LandedCostInputSchema, type LandedCostInput } from '../../../src/landed-cost/index.js';
import { EUR_TABLE, USD_TABLE } from '../../fixtures/landed-cost/rates.js';
import { m } from './helpers.js';

const base: LandedCostInput = { origin: 'CN', destination: 'FR', asOf: '2026-08-01', items: [{ hsCode: '610910', value: m('10', 'EUR') }], shipping: m('5', 'EUR') };

function pathOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).path;
  }
  return undefined;
}
const bad = (over: Record<string, unknown>) => pathOf(() => estimateLandedCostSync({ ...base, ...over } as LandedCostInput));
const badItem = (over: Record<string, unknown>) => bad({ items: [{ ...base.items[0], ...over }] });

describe('bad input → ValidationError naming the field', () => {
  it('unknown countries, and destinations without rules', () => {
    expect(bad({ destination: 'XX' })).toBe('destination');
    expect(bad({ destination: 'AR' })).toBe('destination'); // a real country with no rules bundled
    expect(bad({ origin: 'QQ' })).toBe('origin');
    expect(bad({ origin: 'cn' })).toBe('origin');
    expect(badItem({ originCountry: 'ZZ' })).toBe('items[0].originCountry');
  });

  it('HS codes must be 6–10 digits (dots and spaces allowed as separators)', () => {
    for (const hs of ['61091', '61091000001', 'ABCDEF', '', '6109-10']) expect(badItem({ hsCode: hs })).toBe('items[0].hsCode');
    const ok = estimateLandedCostSync({ ...base, items: [{ hsCode: '6109.10.00 10', value: m('10', 'EUR') }] });
    expect(ok.declaration.lines[0]!.hsCode).toBe('6109100010');
  });

  it('negative values and quantities', () => {
    expect(badItem({ value: { amount: -1, currency: 'EUR' } })).toBe('items[0].value');
    expect(bad({ shipping: { amount: -100, currency: 'EUR' } })).toBe('shipping');
    expect(bad({ insurance: { amount: -1, currency: 'EUR' } })).toBe('insurance');
    expect(badItem({ quantity: 0 })).toBe('items[0].quantity');
    expect(badItem({ dutyRate: -1 })).toBe('items[0].dutyRate');
    expect(badItem({ dutyRate: 0.1 + 0.2 })).toBe('items[0].dutyRate'); // float noise refused, not rounded
    expect(badItem({ weightKg: '-2' })).toBe('items[0].weightKg');
    expect(badItem({ value: { amount: 1.5, currency: 'EUR' } })).toBe('items[0].value.amount');
  });

  it('dates: not a calendar day, or before the data covers the destination', () => {
    expect(bad({ asOf: '2026-02-30' })).toBe('asOf');
    expect(bad({ asOf: '2026-8-1' })).toBe('asOf');
    expect(bad({ asOf: '2020-01-01' })).toBe('asOf');
  });

  it('a needed conversion without rates names `rates`; a missing currency names it', () => {
    expect(badItem({ value: m('10', 'USD') })).toBe('rates');
    expect(pathOf(() => estimateLandedCostSync({ ...base, destination: 'KR', rates: EUR_TABLE }))).toBe('rates.rates.KRW');
    // The threshold check alone needs USD for KR even when values are in KRW.
    expect(pathOf(() => estimateLandedCostSync({ ...base, destination: 'KR', items: [{ hsCode: '851830', value: m('100000', 'KRW') }], shipping: m('0', 'KRW') }))).toBe('rates');
    expect(bad({ rates: { base: 'EUR', asOf: '2026-07-01', source: 'x', rates: { USD: '-1' } } })).toBe('rates');
  });

  it('the sync variant refuses asynchronous providers', () => {
    const provider = { name: 'p', getRates: async () => USD_TABLE };
    expect(bad({ rates: provider })).toBe('rates');
    const tariff = { name: 't', lookup: async () => [] };
    expect(bad({ tariff })).toBe('tariff');
  });

  it('async API rejects with the same error', async () => {
    await expect(estimateLandedCost({ ...base, destination: 'XX' })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('validation fast path', () => {
  // Mostly valid values with a sprinkle of invalid ones, so both paths are exercised.
  const mostly = <T, U>(good: fc.Arbitrary<T>, badOnes: fc.Arbitrary<U>) => fc.oneof({ arbitrary: good, weight: 12 }, { arbitrary: badOnes, weight: 1 });
  const country = mostly(fc.constantFrom('CN', 'FR', 'US', 'DE'), fc.constantFrom('XX', 'cn', ''));
  const cur = mostly(fc.constantFrom('EUR', 'USD'), fc.constantFrom('XXX', 'eur'));
  const amount = mostly(fc.integer({ min: 0, max: 100000 }), fc.constantFrom(-1, 1.5, Number.MAX_SAFE_INTEGER + 2));
  const moneyArb = mostly(fc.record({ amount, currency: cur }), fc.oneof(fc.constant(null), fc.record({ amount, currency: cur, extra: fc.string() })));
  const opt = <T>(a: fc.Arbitrary<T>) => fc.oneof(fc.constant(undefined), a);
  const item = fc.record(
    {
      hsCode: mostly(fc.constantFrom('610910', '6109.10', '6109 10 00 10'), fc.constantFrom('61091', 'ABCDEF', '61091000001')),
      value: moneyArb,
      quantity: opt(mostly(fc.integer({ min: 1, max: 5 }), fc.constantFrom(0, -1, 2.5))),
      sku: opt(mostly(fc.string(), fc.constant(3))),
      originCountry: opt(country),
      originProof: opt(mostly(fc.boolean(), fc.constant('yes'))),
      junk: opt(fc.string()),
    },
    { requiredKeys: ['hsCode', 'value'] },
  );
  const input = fc.record(
    {
      origin: country,
      destination: country,
      asOf: mostly(fc.constantFrom('2026-08-01', '2024-02-29', '0000-01-01'), fc.constantFrom('2025-02-29', '2026-13-01', '2026-8-1')),
      items: mostly(fc.array(item, { minLength: 1, maxLength: 3 }), fc.constant([])),
      shipping: moneyArb,
      insurance: opt(moneyArb),
      incoterm: opt(mostly(fc.constantFrom('DDP', 'DAP'), fc.constant('EXW'))),
      transport: opt(mostly(fc.constantFrom('courier', 'post'), fc.constant('sea'))),
      region: opt(mostly(fc.constantFrom('ON', 'SP'), fc.constantFrom('on', 'ABCD'))),
      channel: opt(fc.record({
        marketplace: mostly(fc.constantFrom('amazon', 'direct'), fc.constantFrom('Amazon', '')),
        collectsTax: opt(mostly(fc.boolean(), fc.constant('no'))),
        registrationNumber: opt(mostly(fc.constant('IM1'), fc.constant(''))),
      }, { requiredKeys: ['marketplace'] })),
      rates: opt(mostly(fc.constant(USD_TABLE), fc.constantFrom({ getRates: () => undefined, name: 'x' }, { base: 'EUR' }))),
    },
    { requiredKeys: ['origin', 'destination', 'asOf', 'items', 'shipping'] },
  );

  it('accepts only what the zod schema accepts, with the same output', () => {
    LandedCostInputSchema.parse({ ...base, rates: USD_TABLE });
    let accepted = 0;
    fc.assert(
      fc.property(input, (raw) => {
        const fast = fastParse(raw);
        if (fast === undefined) return true;
        accepted++;
        const slow = LandedCostInputSchema.safeParse(raw);
        expect(slow.success).toBe(true);
        expect(fast).toEqual(slow.data);
        return true;
      }),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(300); // the property is not vacuous
  });

  it('takes the common shape (a table is validated once, then trusted as immutable)', () => {
    LandedCostInputSchema.parse({ ...base, rates: USD_TABLE });
    expect(fastParse({ ...base, rates: USD_TABLE, channel: { marketplace: 'amazon' } })).toBeDefined();
  });
});
