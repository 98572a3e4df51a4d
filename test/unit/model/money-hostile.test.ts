import { describe, expect, it } from 'vitest';
import {
  addMoney, allocateMoney, convertMoney, currencyExponent, fromMinor, fromWire, isKnownCurrency, money, multiplyMoney, sumMoney, toDecimal,
  ValidationError,
} from '../../../src/index.js';

const bad = (fn: () => unknown, path: string) => {
  let caught: unknown;
  try { fn(); } catch (e) { caught = e; }
  expect(caught).toBeInstanceOf(ValidationError);
  expect((caught as ValidationError).path).toBe(path);
};
const any = (v: unknown) => v as never;

describe('money helpers refuse hostile input with a ValidationError naming the path (issue 12.3)', () => {
  it('null / objects / bigints where a decimal is expected', () => {
    bad(() => money(any(null), 'EUR'), 'amount');
    bad(() => money(any({}), 'EUR'), 'amount');
    bad(() => fromWire(any({}), 'EUR'), 'amount');
    bad(() => fromWire(any(null), 'EUR', { unit: 'minor' }), 'amount');
    bad(() => fromWire('1', 'EUR', any({ rounding: 'constructor' })), 'options.rounding');
    bad(() => fromMinor(any('12'), 'EUR'), 'amount');
    bad(() => fromMinor(10n ** 30n, 'EUR'), 'amount');
    bad(() => money('9'.repeat(100), 'EUR'), 'amount');
  });

  it('prototype keys are not currencies', () => {
    expect(isKnownCurrency('constructor')).toBe(false);
    expect(isKnownCurrency('__proto__')).toBe(false);
    bad(() => currencyExponent('toString'), 'currency');
    // @ts-expect-error not a currency code (compile-time check); the run-time check answers too
    bad(() => money('1', 'constructor'), 'currency');
  });

  it('arithmetic on malformed Money never reaches BigInt()', () => {
    bad(() => addMoney(any({ currency: 'EUR' }), { amount: 1, currency: 'EUR' }), 'a.amount');
    bad(() => addMoney({ amount: 1, currency: 'EUR' }, any({ amount: 1.5, currency: 'EUR' })), 'b.amount');
    bad(() => toDecimal(any(null)), 'money');
    bad(() => sumMoney(any(null), 'EUR'), 'items');
    bad(() => sumMoney([{ amount: 1, currency: 'EUR' }, any({ amount: 1e21, currency: 'EUR' })], 'EUR'), 'items[1].amount');
    bad(() => multiplyMoney({ amount: 1, currency: 'EUR' }, any(null), 'halfEven'), 'factor.units');
    bad(() => multiplyMoney({ amount: 1, currency: 'EUR' }, '1.5', any('constructor')), 'rounding');
    bad(() => convertMoney({ amount: 1, currency: 'EUR' }, 'USD', '0', 'halfEven'), 'rate');
    bad(() => allocateMoney({ amount: 100, currency: 'EUR' }, any([1, 1.5])), 'ratios[1]');
    bad(() => allocateMoney({ amount: 100, currency: 'EUR' }, [0, 0]), 'ratios');
  });

  it('valid input still works', () => {
    expect(addMoney(money('1.10', 'EUR'), money('2', 'EUR'))).toEqual({ amount: 310, currency: 'EUR' });
    expect(allocateMoney(money('1', 'EUR'), [1, 2]).map((m) => m.amount)).toEqual([33, 67]);
    expect(fromMinor(12n, 'JPY')).toEqual({ amount: 12, currency: 'JPY' });
  });
});
