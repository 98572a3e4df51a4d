import * as iso from 'dinero.js/currencies';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { CURRENCY_CODES, knownCurrencies, money, type CurrencyCode } from '../../../src/model/index.js';

describe('currency codes as a literal union', () => {
  it('lists exactly the codes the run-time table knows (dinero.js ISO table + HRK, VEF)', () => {
    const isoCodes = Object.keys(iso).filter((k) => /^[A-Z]{3}$/.test(k));
    expect([...CURRENCY_CODES].sort()).toEqual([...new Set([...isoCodes, 'HRK', 'VEF'])].sort());
    expect([...CURRENCY_CODES].sort()).toEqual([...knownCurrencies()].sort());
  });

  it('a literal typo does not compile; a string value is checked at run time', () => {
    expectTypeOf<'EUR'>().toExtend<CurrencyCode>();
    // @ts-expect-error 'EURO' is not an ISO 4217 code
    expect(() => money('1', 'EURO')).toThrow(/currency/);
    const fromFile: string = 'EURO';
    expect(() => money('1', fromFile)).toThrow(/currency/);
    expect(money('1', 'JPY')).toEqual({ amount: 1, currency: 'JPY' });
  });
});
