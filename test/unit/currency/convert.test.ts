import { describe, expect, it } from 'vitest';
import { convert, crossRate, rateTable } from '../../../src/currency/index.js';
import { ValidationError } from '../../../src/errors/index.js';
import { money, type Rounding } from '../../../src/model/money.js';

// ECB 2024-06-28 for USD/JPY/IDR (research B4.3); KWD and VND are illustrative (ECB publishes neither).
const T = rateTable({
  base: 'EUR',
  asOf: '2024-06-28',
  source: 'ecb',
  rates: { USD: '1.0705', JPY: '171.94', IDR: '17487.21', KWD: '0.3290', VND: '27345' },
});

describe('cross rates through the base', () => {
  it('USD→JPY = 171.94 / 1.0705 = 160.616534329752…, shown to 12 significant digits', () => {
    expect(crossRate(T, 'USD', 'JPY')).toBe('160.61653433'); // 160.616534330 with the trailing 0 trimmed
  });

  it('is exact when one side is the base or the ratio terminates', () => {
    expect(crossRate(T, 'EUR', 'JPY')).toBe('171.94');
    // 1 / 1.0705 does not terminate; 1.0705 / 0.3290 neither; KWD→EUR = 1/0.329 neither.
    expect(crossRate(T, 'USD', 'EUR')).toBe('0.934142923867');
    const t = rateTable({ base: 'EUR', asOf: '2024-06-28', source: 's', rates: { USD: '1.25', GBP: '0.5' } });
    expect(crossRate(t, 'USD', 'GBP')).toBe('0.4'); // 0.5 / 1.25 exactly
  });

  it('100.00 USD → JPY: 16,061.653… rounds halfEven to ¥16,062 and reports rate, asOf, source', () => {
    expect(convert(money('100.00', 'USD'), 'JPY', T)).toEqual({
      money: { amount: 16062, currency: 'JPY' },
      rate: '160.61653433',
      asOf: '2024-06-28',
      source: 'ecb',
    });
  });

  it('JPY → KWD keeps 3 decimals: ¥10,000 × 0.3290 / 171.94 = 19.13458… → KWD 19.135', () => {
    const r = convert(money('10000', 'JPY'), 'KWD', T);
    expect(r.money).toEqual({ amount: 19135, currency: 'KWD' });
    expect(r.rate).toBe('0.00191345818309');
  });

  it('respects target exponents: USD 12.34 → JPY 0, KWD 3, CLP 0 decimals', () => {
    const t = rateTable({ base: 'USD', asOf: '2026-11-20', source: 's', rates: { JPY: '150', KWD: '0.30745', CLP: '950.25' } });
    expect(convert(money('12.34', 'USD'), 'JPY', t).money).toEqual({ amount: 1851, currency: 'JPY' }); // 1851.00
    expect(convert(money('12.34', 'USD'), 'KWD', t).money).toEqual({ amount: 3794, currency: 'KWD' }); // 3.793933
    expect(convert(money('12.34', 'USD'), 'CLP', t).money).toEqual({ amount: 11726, currency: 'CLP' }); // 11726.085
  });

  it('same currency returns the amount unchanged at rate 1', () => {
    expect(convert(money('5.00', 'USD'), 'USD', T)).toMatchObject({ money: { amount: 500, currency: 'USD' }, rate: '1' });
  });
});

describe('very large IDR / VND amounts (intermediate products past 2^53)', () => {
  it('Rp 1,000,000,000 → USD 61,216.1688… → $61,216.17', () => {
    expect(convert(money('1000000000', 'IDR'), 'USD', T).money).toEqual({ amount: 6121617, currency: 'USD' });
  });

  it('₫9,000,000,000,000 → IDR 5,755,527,153,044.4322… → Rp 5,755,527,153,044.43', () => {
    expect(convert(money('9000000000000', 'VND'), 'IDR', T).money).toEqual({ amount: 575552715304443, currency: 'IDR' });
  });

  it('Rp 123,456,789,012.34 → VND 193,051,143,981.369… → ₫193,051,143,981', () => {
    expect(convert(money('123456789012.34', 'IDR'), 'VND', T).money).toEqual({ amount: 193051143981, currency: 'VND' });
  });

  it('a result beyond the safe integer range is a ValidationError, not a silent float', () => {
    const t = rateTable({ base: 'USD', asOf: '2026-11-20', source: 's', rates: { VND: '25000000' } });
    expect(() => convert({ amount: 9_000_000_000_000_000, currency: 'USD' } as never, 'VND', t)).toThrow(ValidationError);
    expect(() => convert({ amount: 1_000_000_000_000, currency: 'USD' }, 'VND', t)).toThrow(/safe integer/);
  });
});

describe('every rounding mode', () => {
  // 1 EUR = 2 USD, so 1 US cent = 0.5 euro cent: an exact tie.
  const half = rateTable({ base: 'EUR', asOf: '2026-11-20', source: 's', rates: { USD: '2' } });
  // 1 EUR = 2.5 USD, so 1 US cent = 0.4 euro cent: below the tie.
  const below = rateTable({ base: 'EUR', asOf: '2026-11-20', source: 's', rates: { USD: '2.5' } });
  const cases: Array<[Rounding, number, number, number, number, number]> = [
    // mode,            +0.005, +0.015, −0.005, −0.015, +0.004
    ['halfEven', 0, 2, 0, -2, 0],
    ['halfUp', 1, 2, 0, -1, 0],
    ['halfDown', 0, 1, -1, -2, 0],
    ['halfAwayFromZero', 1, 2, -1, -2, 0],
    ['halfTowardsZero', 0, 1, 0, -1, 0],
    ['up', 1, 2, 0, -1, 1],
    ['down', 0, 1, -1, -2, 0],
  ];
  it.each(cases)('%s', (rounding, p5, p15, m5, m15, p4) => {
    const c = (cents: string, t = half) => convert(money(cents, 'USD'), 'EUR', t, { rounding }).money.amount;
    expect([c('0.01'), c('0.03'), c('-0.01'), c('-0.03'), c('0.01', below)]).toEqual([p5, p15, m5, m15, p4]);
  });

  it('defaults to halfEven', () => {
    expect(convert(money('0.01', 'USD'), 'EUR', half).money.amount).toBe(0);
    expect(convert(money('0.03', 'USD'), 'EUR', half).money.amount).toBe(2);
  });
});

describe('validation', () => {
  it('rates must be positive decimal strings; the error names rates.XXX', () => {
    const bad = (rates: Record<string, unknown>) => () => rateTable({ base: 'EUR', asOf: '2026-11-20', source: 's', rates } as never);
    for (const v of ['0', '0.000', '-1.2', 'abc', '1e3', '']) expect(bad({ USD: v })).toThrow(expect.objectContaining({ path: 'rates.USD' }));
    expect(bad({ USD: 1.07 })).toThrow(expect.objectContaining({ path: 'rates.USD' }));
    expect(bad({ JPY: '171.94', XXQ: '1' })).toThrow(expect.objectContaining({ name: 'ValidationError', path: 'rates.XXQ' }));
  });

  it('unknown base, bad date and a base rate other than 1 are ValidationErrors', () => {
    expect(() => rateTable({ base: 'ABC', asOf: '2026-11-20', source: 's', rates: {} })).toThrow(expect.objectContaining({ path: 'base' }));
    expect(() => rateTable({ base: 'EUR', asOf: '2026-02-30', source: 's', rates: {} })).toThrow(expect.objectContaining({ path: 'asOf' }));
    expect(() => rateTable({ base: 'EUR', asOf: '2026-11-20', source: 's', rates: { EUR: '1.1' } })).toThrow(ValidationError);
    expect(rateTable({ base: 'EUR', asOf: '2026-11-20', source: 's', rates: { EUR: '1.000' } }).base).toBe('EUR');
  });

  it('unknown target currency → ValidationError naming "to"; a missing rate → ValidationError naming it (issue 12.3)', () => {
    expect(() => convert(money('1.00', 'USD'), 'XXQ', T)).toThrow(expect.objectContaining({ name: 'ValidationError', path: 'to' }));
    const err = (() => { try { convert(money('1.00', 'USD'), 'TWD', T); } catch (e) { return e; } })();
    expect(err).toBeInstanceOf(ValidationError);
    expect(err).toMatchObject({ path: 'table.rates.TWD' });
    expect(() => convert(money('1.00', 'USD'), 'EUR', null as never)).toThrow(expect.objectContaining({ name: 'ValidationError', path: 'table' }));
    expect(() => convert(null as never, 'EUR', T)).toThrow(expect.objectContaining({ name: 'ValidationError', path: 'money' }));
    expect((err as Error).message).toContain('TWD');
  });

  it('a non-integer or unknown-currency Money is refused', () => {
    expect(() => convert({ amount: 1.5, currency: 'USD' }, 'JPY', T)).toThrow(ValidationError);
    expect(() => convert({ amount: 1, currency: 'ZZZ' }, 'JPY', T)).toThrow(expect.objectContaining({ path: 'money.currency' }));
    expect(() => money('1.005', 'USD')).toThrow(ValidationError);
  });
});
