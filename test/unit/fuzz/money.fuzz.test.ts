import fc from 'fast-check';
import { describe, it } from 'vitest';
import {
  addMoney, allocateMoney, compareMoney, convertMoney, currencyExponent, formatDecimal, fromMinor, fromWire, isZeroMoney, maxMoney,
  money, multiplyMoney, negateMoney, normalizeLocale, parseDecimal, subtractMoney, sumMoney, toDecimal, toScaled, trimDecimal, zeroMoney,
  MoneyInputSchema,
} from '../../../src/index.js';
import { assertOnlyValidation, hostile, hostileOr } from './harness.js';

const M = { amount: 1299, currency: 'EUR' };
const amountText = fc.oneof(fc.constantFrom('12.99', '-0.5', '1,234.56', '€ 12,99', '1e3', '9'.repeat(400)), fc.string({ maxLength: 12 }), hostile);
const currency = fc.oneof(fc.constantFrom('EUR', 'JPY', 'KWD', 'eur', 'XXX', '__proto__', 'constructor', 'toString'), hostile);
const money$ = hostileOr(M);
const call = <F extends (...a: never[]) => unknown>(f: F) => (...a: unknown[]) => (f as unknown as (...x: unknown[]) => unknown)(...a);

describe('fuzz: money helpers only ever throw ValidationError with a path', () => {
  it('money / fromMinor / fromWire / normalizeLocale / parseDecimal', () => {
    assertOnlyValidation([amountText, currency, hostile], call(money));
    assertOnlyValidation([hostile, currency], call(fromMinor));
    assertOnlyValidation([amountText, currency, hostileOr({ rounding: 'halfUp', unit: 'minor', decimalSeparator: ',' })], call(fromWire));
    assertOnlyValidation([amountText, hostile], call(normalizeLocale));
    assertOnlyValidation([amountText, hostile], call(parseDecimal));
    assertOnlyValidation([hostileOr({ units: 5n, scale: 2 })], call(trimDecimal));
    assertOnlyValidation([hostile, hostile], call(formatDecimal));
    assertOnlyValidation([currency, hostile], call(currencyExponent));
    assertOnlyValidation([hostile], (v) => { MoneyInputSchema.safeParse(v); });
  });

  it('money arithmetic', () => {
    assertOnlyValidation([money$, money$], call(addMoney));
    assertOnlyValidation([money$, money$], call(subtractMoney));
    assertOnlyValidation([money$, money$], call(compareMoney));
    assertOnlyValidation([money$, money$], call(maxMoney));
    assertOnlyValidation([fc.oneof(fc.array(money$, { maxLength: 3 }), hostile), currency], call(sumMoney));
    assertOnlyValidation([currency], call(zeroMoney));
    assertOnlyValidation([money$, fc.oneof(amountText, hostileOr({ units: 19n, scale: 2 })), hostile], call(multiplyMoney));
    assertOnlyValidation([money$, currency, fc.oneof(amountText, hostile), hostile], call(convertMoney));
    assertOnlyValidation([money$, fc.oneof(fc.array(fc.oneof(fc.integer(), hostile), { maxLength: 4 }), hostile)], call(allocateMoney));
    assertOnlyValidation([money$], call(toDecimal));
    assertOnlyValidation([money$], call(toScaled));
    assertOnlyValidation([money$], call(negateMoney));
    assertOnlyValidation([money$], call(isZeroMoney));
  });
});
