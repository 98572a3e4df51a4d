import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { marketplaceExponent, priceForMarket, rateTable, type Ending } from '../../../src/currency/index.js';
import { ValidationError } from '../../../src/errors/index.js';
import { money } from '../../../src/model/money.js';

// ECB 2024-06-28 (research B4.3 / B6.2 worked example).
const T = rateTable({ base: 'EUR', asOf: '2024-06-28', source: 'ecb', rates: { USD: '1.0705', JPY: '171.94', CNY: '7.7748' } });
const sameCurrency = (amount: string, currency: string, ending: Ending, marketplace?: string) =>
  priceForMarket(money(amount, currency), { to: currency, rates: T, ending, marketplace }).price;

describe('priceForMarket(): the formula', () => {
  it('research B6.2 example: CNY 85.20, fees 12 % + 2 %, margin 20 %, buffer 2 % → USD 18.13 → $18.99', () => {
    const p = priceForMarket(money('85.20', 'CNY'), { to: 'USD', rates: T, fees: ['0.12', '0.02'], margin: '0.20', fxBuffer: '0.02', ending: 'auto' });
    // 85.20 / 0.66 × (1.0705 / 7.7748) × 1.02 = 18.1298…
    expect(p.price).toEqual({ amount: 1899, currency: 'USD' });
    expect(p.breakdown).toEqual({
      cost: { amount: 8520, currency: 'CNY' },
      costConverted: { amount: 1173, currency: 'USD' }, // 11.7310 at the mid rate
      fixedFees: { amount: 0, currency: 'USD' },
      fees: { amount: 266, currency: 'USD' }, // 14 % of 18.99 = 2.6586
      vat: { amount: 0, currency: 'USD' },
      margin: { amount: 460, currency: 'USD' }, // 18.99 − 11.73 − 2.66
      marginRate: '0.2422', // 4.60 / 18.99
      unrounded: { amount: 1813, currency: 'USD' },
    });
    expect(p).toMatchObject({ asOf: '2024-06-28', source: 'ecb' });
  });

  it('same example in JPY: ¥2,911.9… → ¥2,912 → x80 ending → ¥2,980', () => {
    const p = priceForMarket(money('85.20', 'CNY'), { to: 'JPY', rates: T, fees: ['0.12', '0.02'], margin: '0.20', fxBuffer: '0.02', ending: 'auto' });
    expect(p.breakdown.unrounded.amount).toBe(2912);
    expect(p.price).toEqual({ amount: 2980, currency: 'JPY' });
  });

  it('tax-inclusive store: the referral fee is charged on the VAT-inclusive price', () => {
    // P = cost·(1+v) / (1 − m − p·(1+v)) = (12.40/1.0705)·1.19 / (1 − 0.25 − 0.15·1.19) = 24.1194 → 24.12 → €24.99
    const p = priceForMarket(money('12.40', 'USD'), { to: 'EUR', rates: T, fees: '0.15', margin: '0.25', vatRate: '0.19', ending: 'auto' });
    expect(p.breakdown.unrounded).toEqual({ amount: 2412, currency: 'EUR' });
    expect(p.price).toEqual({ amount: 2499, currency: 'EUR' });
    expect(p.breakdown).toMatchObject({
      vat: { amount: 399 }, // 24.99 × 0.19 / 1.19 = 3.99
      fees: { amount: 375 }, // 15 % of 24.99 = 3.7485
      costConverted: { amount: 1158 }, // 11.5834
      margin: { amount: 567 },
      marginRate: '0.2700', // 5.67 / 21.00 net
    });
  });

  it('taxInclusive: false leaves VAT out even when a rate is given', () => {
    const p = priceForMarket(money('12.40', 'USD'), { to: 'EUR', rates: T, vatRate: '0.19', taxInclusive: false, ending: 'none' });
    expect(p.price.amount).toBe(1159); // 11.5834 rounded up
    expect(p.breakdown.vat.amount).toBe(0);
  });

  it('fixed fees are covered before the division; foreign ones get the FX buffer', () => {
    const t = rateTable({ base: 'EUR', asOf: '2026-11-20', source: 's', rates: { USD: '1.25' } });
    // (10/1.25·1.04 + 0.50/1.25·1.04 + 0.30) / (1 − 0.10 − 0.10) = (8.32 + 0.416 + 0.30) / 0.8 = 11.295
    const p = priceForMarket(money('10.00', 'USD'), {
      to: 'EUR', rates: t, fees: '0.10', margin: '0.10', fxBuffer: '0.04', ending: 'auto',
      fixedFees: [money('0.50', 'USD'), money('0.30', 'EUR')],
    });
    expect(p.breakdown.unrounded.amount).toBe(1130);
    expect(p.price.amount).toBe(1199);
    expect(p.breakdown.fixedFees.amount).toBe(70); // 0.40 + 0.30 at the mid rate
    const b = p.breakdown;
    expect(b.costConverted.amount + b.fixedFees.amount + b.fees.amount + b.vat.amount + b.margin.amount).toBe(p.price.amount);
  });
});

describe('market endings', () => {
  it.each([
    ['12.40', 'USD', 1299], ['12.99', 'USD', 1299], ['13.00', 'USD', 1399], ['0.10', 'USD', 99],
    ['12.40', 'EUR', 1299], ['7.01', 'GBP', 799], ['19.50', 'AUD', 1999], ['19.991', 'CAD', 0],
  ])('%s %s → .99', (amount, currency, expected) => {
    if (expected === 0) return expect(() => sameCurrency(amount, currency, 'auto')).toThrow(ValidationError); // 3 decimals in CAD
    expect(sameCurrency(amount, currency, 'auto').amount).toBe(expected);
  });

  it.each([
    ['912', 920], ['995', 1000], ['1000', 1000], ['2912', 2980], ['2980', 2980], ['2981', 3000], ['3010', 3080],
  ])('JPY ¥%s → ¥%s (tens below ¥1,000, then x80 / x00)', (amount, expected) => {
    expect(sameCurrency(amount, 'JPY', 'auto').amount).toBe(expected);
  });

  it('KRW to 100, IDR and VND to 1,000', () => {
    expect(sameCurrency('12345', 'KRW', 'auto').amount).toBe(12400);
    expect(sameCurrency('123456.78', 'IDR', 'auto')).toEqual({ amount: 12400000, currency: 'IDR' }); // Rp 124,000.00
    expect(sameCurrency('123000', 'IDR', 'auto').amount).toBe(12300000);
    expect(sameCurrency('123456', 'VND', 'auto').amount).toBe(124000);
  });

  it('TWD, CLP, COP, HUF to whole units', () => {
    expect(sameCurrency('99.01', 'TWD', 'auto').amount).toBe(10000);
    expect(sameCurrency('1234', 'CLP', 'auto').amount).toBe(1234);
    expect(sameCurrency('1234.50', 'COP', 'auto').amount).toBe(123500);
    expect(sameCurrency('999.01', 'HUF', 'auto').amount).toBe(100000);
  });

  it('a currency without a rule only rounds up to its smallest unit', () => {
    expect(sameCurrency('12.34', 'SGD', 'auto').amount).toBe(1234);
  });

  it('custom { step, endings } and brackets', () => {
    expect(sameCurrency('12.40', 'USD', { step: '5', endings: ['4.95'] }).amount).toBe(1495);
    expect(sameCurrency('15.00', 'USD', { step: '5', endings: ['4.95'] }).amount).toBe(1995);
    expect(sameCurrency('12.40', 'USD', { step: '1', endings: ['0.49', '0.99'] }).amount).toBe(1249);
    const brackets = [{ below: '25', step: '1', endings: ['0.99'] }, { step: '5', endings: ['0'] }];
    expect(sameCurrency('24.50', 'USD', brackets).amount).toBe(2499);
    expect(sameCurrency('26.10', 'USD', brackets).amount).toBe(3000);
  });

  it('invalid custom rules are ValidationErrors', () => {
    expect(() => sameCurrency('1', 'USD', { step: '1', endings: ['1.00'] })).toThrow(ValidationError); // ending ≥ step
    expect(() => sameCurrency('1', 'JPY', { step: '10', endings: ['0.5'] })).toThrow(ValidationError); // JPY has no decimals
    expect(() => sameCurrency('1', 'USD', { step: '0', endings: ['0'] })).toThrow(ValidationError);
  });
});

describe('marketplace price exponents', () => {
  it('differ from ISO where marketplaces want whole units', () => {
    expect(marketplaceExponent('shopee', 'IDR')).toBe(0);
    expect(marketplaceExponent('shopee', 'TWD')).toBe(0);
    expect(marketplaceExponent('shopee', 'USD')).toBe(2);
    expect(marketplaceExponent(undefined, 'HUF')).toBe(0);
    expect(marketplaceExponent('amazon', 'HUF')).toBe(2);
    expect(marketplaceExponent('amazon', 'JPY')).toBe(0);
    expect(marketplaceExponent('ebay', 'KWD')).toBe(3);
  });

  it('"none" still rounds up to the marketplace exponent', () => {
    expect(sameCurrency('123456.78', 'IDR', 'none', 'shopee').amount).toBe(12345700); // Rp 123,457
    expect(sameCurrency('123456.78', 'IDR', 'none', 'amazon').amount).toBe(12345678);
  });
});

describe('priceForMarket() validation', () => {
  const base = money('10.00', 'USD');
  it.each([
    [{ margin: '1.2' }, 'margin'],
    [{ fees: ['0.1', '-0.1'] }, 'fees[1]'],
    [{ fees: '0.5', margin: '0.5' }, 'margin'],
    [{ taxInclusive: true }, 'vatRate'],
    [{ fxBuffer: '2%' }, 'fxBuffer'],
    [{ to: 'XXQ' }, 'to'],
  ])('%j → ValidationError at %s', (extra, path) => {
    expect(() => priceForMarket(base, { to: 'EUR', rates: T, ending: 'auto', ...extra } as never)).toThrow(expect.objectContaining({ name: 'ValidationError', path }));
  });

  it('a negative cost is refused', () => {
    expect(() => priceForMarket(money('-1.00', 'USD'), { to: 'EUR', rates: T, ending: 'auto' })).toThrow(ValidationError);
  });
});

describe('priceForMarket() properties', () => {
  it('the price always covers cost, fees, VAT and the target margin, and ends in .99', () => {
    const frac = (max: number) => fc.integer({ min: 0, max }).map((n) => ({ text: (n / 1000).toFixed(3), n: BigInt(n) }));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), frac(300), frac(300), frac(50), frac(250), (cents, fee, margin, buffer, vat) => {
        const p = priceForMarket({ amount: cents, currency: 'USD' }, {
          to: 'EUR', rates: T, fees: fee.text, margin: margin.text, fxBuffer: buffer.text, vatRate: vat.text, ending: 'auto',
        });
        const P = BigInt(p.price.amount); // euro cents
        expect(P % 100n).toBe(99n);
        // Need P·(1000 − m − f·(1000+v)/1000)/(1000+v) ≥ cost€ · (1000+b)/1000, all per-mille, cross-multiplied:
        // P·(10^6 − 1000m − f(1000+v))·1.0705·10^4·1000 ≥ cents·10^4·(1000+b)·(1000+v)·1000
        const lhs = P * (1_000_000n - 1000n * margin.n - fee.n * (1000n + vat.n)) * 10705n * 1000n;
        const rhs = BigInt(cents) * 10000n * (1000n + buffer.n) * (1000n + vat.n) * 1000n;
        expect(lhs >= rhs).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
