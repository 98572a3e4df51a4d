import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ValidationError,
} from '../../../src/errors/index.js';
import {
  addMoney, allocateMoney, convertMoney, currencyExponent, fromWire, money, multiplyMoney, sumMoney, toDecimal, MoneySchema,
} from '../../../src/model/index.js';

describe('money() — strict caller input', () => {
  it('reads decimal strings and numbers into minor units with the ISO exponent', () => {
    expect(money('12.99', 'EUR')).toEqual({ amount: 1299, currency: 'EUR' });
    expect(money(12.99, 'EUR')).toEqual({ amount: 1299, currency: 'EUR' });
    expect(money('1500', 'JPY')).toEqual({ amount: 1500, currency: 'JPY' });
    expect(money('1.250', 'KWD')).toEqual({ amount: 1250, currency: 'KWD' });
    expect(money('12.500', 'EUR')).toEqual({ amount: 1250, currency: 'EUR' }); // trailing zeros are not precision
  });

  it('refuses more decimals than the currency allows instead of rounding silently', () => {
    for (const [value, cur] of [[0.1 + 0.2, 'USD'], ['1.005', 'EUR'], ['1.5', 'JPY'], ['0.0001', 'KWD']] as const) {
      const err = (() => { try { money(value, cur); } catch (e) { return e; } })();
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).path).toBe('amount');
    }
  });

  it('names the currency field for an unknown code and rejects non-numbers', () => {
    // @ts-expect-error unknown codes fail to compile; the run-time check is for values typed string
    expect(() => money('1', 'EURO')).toThrow(ValidationError);
    // @ts-expect-error as above
    try { money('1', 'XYZ'); } catch (e) { expect((e as ValidationError).path).toBe('currency'); }
    expect(() => money('1e3', 'EUR')).toThrow(ValidationError);
    expect(() => money(Number.NaN, 'EUR')).toThrow(ValidationError);
  });

  it('exponents come from ISO 4217', () => {
    expect([currencyExponent('JPY'), currencyExponent('KRW'), currencyExponent('VND'), currencyExponent('CLP')]).toEqual([0, 0, 0, 0]);
    expect(['KWD', 'BHD', 'OMR', 'JOD', 'TND'].map((c) => currencyExponent(c))).toEqual([3, 3, 3, 3, 3]);
    expect(currencyExponent('EUR')).toBe(2);
  });
});

describe('fromWire() — lenient marketplace payloads', () => {
  it('parses floats, decimal strings, minor units and locale strings exactly', () => {
    expect(fromWire(12.99, 'SGD')).toEqual({ amount: 1299, currency: 'SGD' });
    expect(fromWire('35,65', 'EUR')).toEqual({ amount: 3565, currency: 'EUR' });
    expect(fromWire('1.234,56', 'EUR')).toEqual({ amount: 123456, currency: 'EUR' });
    expect(fromWire('1,234.56', 'USD')).toEqual({ amount: 123456, currency: 'USD' });
    expect(fromWire('1,234', 'USD')).toEqual({ amount: 123400, currency: 'USD' });
    expect(fromWire('€ 12,99', 'EUR')).toEqual({ amount: 1299, currency: 'EUR' });
    expect(fromWire(1299, 'EUR', { unit: 'minor' })).toEqual({ amount: 1299, currency: 'EUR' });
    expect(fromWire(150000, 'IDR')).toEqual({ amount: 15000000, currency: 'IDR' }); // ISO 4217 gives IDR 2 decimals
  });

  it('rounds half-even by default and honours an explicit mode', () => {
    expect(fromWire(0.1 + 0.2, 'USD').amount).toBe(30);
    expect(fromWire('1.005', 'EUR').amount).toBe(100); // tie → even
    expect(fromWire('1.015', 'EUR').amount).toBe(102); // tie → even
    expect(fromWire('1.005', 'EUR', { rounding: 'halfUp' }).amount).toBe(101);
    expect(fromWire('1.001', 'EUR', { rounding: 'up' }).amount).toBe(101);
    expect(fromWire('1.5', 'JPY').amount).toBe(2);
    expect(fromWire('2.5', 'JPY').amount).toBe(2);
  });
});

describe('arithmetic through dinero.js', () => {
  it('formats with the exponent', () => {
    expect(toDecimal({ amount: 1299, currency: 'EUR' })).toBe('12.99');
    expect(toDecimal({ amount: -5, currency: 'EUR' })).toBe('-0.05');
    expect(toDecimal({ amount: 1500, currency: 'JPY' })).toBe('1500');
    expect(toDecimal({ amount: 1250, currency: 'KWD' })).toBe('1.250');
  });

  it('multiplies past 2^53 without losing precision (bigint calculator)', () => {
    // 1,000,000,000 IDR × 0.00006123 USD/IDR = 61,230.00 USD; the intermediate is 10^11 × 6123 > 2^53.
    expect(convertMoney(money('1000000000', 'IDR'), 'USD', '0.00006123', 'halfEven')).toEqual({ amount: 6123000, currency: 'USD' });
    // 9,007,199,254,740.99 USD × 1.1 → intermediate beyond 2^53, result rounded once.
    expect(multiplyMoney({ amount: 900719925474099, currency: 'USD' }, '1.1', 'halfEven')).toEqual({ amount: 990791918021509, currency: 'USD' });
  });

  it('adds, sums and allocates without losing a minor unit', () => {
    expect(addMoney(money('0.10', 'USD'), money('0.20', 'USD'))).toEqual({ amount: 30, currency: 'USD' });
    expect(sumMoney([money('1', 'JPY'), money('2', 'JPY')], 'JPY')).toEqual({ amount: 3, currency: 'JPY' });
    expect(allocateMoney(money('1.00', 'EUR'), [1, 1, 1]).map((m) => m.amount)).toEqual([34, 33, 33]);
    expect(() => addMoney(money('1', 'EUR'), money('1', 'USD'))).toThrow(ValidationError);
  });

  it('property: toDecimal and money() round-trip every safe amount at its exponent', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom('EUR', 'JPY', 'KWD', 'USD', 'VND'), (amount, currency) => {
        const m = { amount, currency };
        expect(money(toDecimal(m), currency)).toEqual(m);
      }),
    );
  });

  it('property: allocation always sums back to the whole', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 8 }), (amount, ratios) => {
        const parts = allocateMoney({ amount, currency: 'EUR' }, ratios);
        expect(parts.reduce((s, p) => s + p.amount, 0)).toBe(amount);
      }),
    );
  });

  it('MoneySchema refuses floats in the model', () => {
    expect(MoneySchema.safeParse({ amount: 12.99, currency: 'EUR' }).success).toBe(false);
    expect(MoneySchema.safeParse({ amount: 1299, currency: 'EUR' }).success).toBe(true);
  });
});
