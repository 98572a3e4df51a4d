import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DESTINATIONS } from '../../../src/landed-cost/data/index.js';
import { estimateLandedCostSync } from '../../../src/landed-cost/index.js';
import { roundToStep } from '../../../src/landed-cost/rounding.js';
import { currencyExponent } from '../../../src/model/currencies.js';
import { USD_TABLE } from '../../fixtures/landed-cost/rates.js';
import { codes, d, m } from './helpers.js';

const amounts = (e: ReturnType<typeof estimateLandedCostSync>) => e.taxes.map((t) => [t.kind, d(t.amount)]);

describe('Japan: Customs Answer 1111 worked example (tax bases to ¥1,000, duty and taxes to ¥100, local CT 22/78)', () => {
  // https://www.customs.go.jp/english/c-answer_e/imtsukan/1111_e.htm — item A CIF ¥534,795 at 14 % (standard CT),
  // item B CIF ¥126,258 at 14 % (reduced CT): duty ¥92,400, consumption tax ¥56,400, local consumption tax ¥15,900.
  const example = (importer?: 'personal' | 'business') =>
    estimateLandedCostSync({
      origin: 'US', destination: 'JP', asOf: '2026-03-01', shipping: m('0', 'JPY'), ...(importer ? { importer } : {}),
      items: [
        { hsCode: '950300', value: m('534795', 'JPY'), dutyRate: 14, taxClass: 'standard' },
        { hsCode: '950300', value: m('126258', 'JPY'), dutyRate: 14, taxClass: 'reduced' },
      ],
    });

  it('business import: the authority figures exactly', () => {
    const e = example('business');
    expect(d(e.customsValue)).toBe('661053');
    expect(d(e.duty)).toBe('92400');
    const total = (kind: string) => e.taxes.filter((t) => t.kind === kind).reduce((s, t) => s + t.amount.amount, 0);
    expect([total('CT'), total('LCT')]).toEqual([56400, 15900]);
    expect(d(e.total)).toBe(String(92400 + 56400 + 15900));
    expect(e.rules.map((r) => r.id)).toEqual(expect.arrayContaining(['jp.round.duty-base', 'jp.round.ct-base', 'jp.round.ct', 'jp.local-consumption-tax']));
  });

  it('the 60 % taxable value is for personal imports only (default personal)', () => {
    expect(d(example().customsValue)).toBe(String(Math.floor(534795 * 0.6) + Math.floor(126258 * 0.6)));
    expect(d(example('personal').customsValue)).toBe(d(example().customsValue));
  });

  it('food is taxed at 8 % (6.24 % + local) without a taxClass, alcohol is not', () => {
    const one = (hsCode: string) =>
      estimateLandedCostSync({ origin: 'US', destination: 'JP', asOf: '2026-03-01', shipping: m('0', 'JPY'), importer: 'business', items: [{ hsCode, value: m('100000', 'JPY'), dutyRate: 0 }] });
    expect(one('210690').taxes[0]!.rate).toBe('6.24'); // food preparations
    expect(one('220421').taxes[0]!.rate).toBe('7.8'); // wine
    expect(amounts(one('210690'))).toEqual([['CT', '6200'], ['LCT', '1700']]); // 6,240 → 6,200; 22/78 × 6,200 = 1,748 → 1,700
  });

  it('±1 yen at the ¥1,000 tax-base step: ¥100,999 → base ¥100,000; ¥101,000 → ¥101,000', () => {
    const base = (v: string) =>
      estimateLandedCostSync({ origin: 'US', destination: 'JP', asOf: '2026-03-01', shipping: m('0', 'JPY'), importer: 'business', items: [{ hsCode: '950300', value: m(v, 'JPY'), dutyRate: 0 }] }).taxes[0]!.base;
    expect([d(base('100999')), d(base('101000')), d(base('101001'))]).toEqual(['100000', '101000', '101000']);
  });
});

describe('South Korea: duty under ₩10,000 is not collected (Customs Act art. 40); ₩10 fractions dropped', () => {
  const kr = (value: string) =>
    estimateLandedCostSync({ origin: 'CN', destination: 'KR', asOf: '2026-03-01', shipping: m('0', 'KRW'), rates: USD_TABLE, items: [{ hsCode: '851830', value: m(value, 'KRW'), dutyRate: 2 }] });

  it('duty ₩9,999 → ₩9,990 (< ₩10,000): waived; ₩10,000: collected', () => {
    const below = kr('499950'); // 2 % = 9,999
    expect(below.dutyLines.find((l) => l.waivedBy)?.waivedBy).toBe('kr.threshold.duty-10000');
    expect(d(below.duty)).toBe('0');
    expect(amounts(below)).toEqual([['VAT', '49990']]); // 10 % × 499,950 = 49,995 → 49,990
    const at = kr('500000');
    expect(d(at.duty)).toBe('10000');
    expect(amounts(at)).toEqual([['VAT', '51000']]);
  });
});

describe('New Zealand: the NZ$1,000 test is per item; GST at the border only on duty for GST-collected lines', () => {
  // Inland Revenue, GST on low-value imported goods: the threshold applies to each item.
  const two = (value: string) =>
    estimateLandedCostSync({
      origin: 'CN', destination: 'NZ', asOf: '2026-03-01', shipping: m('0', 'NZD'), channel: { marketplace: 'direct' },
      items: [{ hsCode: '851830', value: m(value, 'NZD'), dutyRate: 10 }, { hsCode: '851830', value: m(value, 'NZD'), dutyRate: 10 }],
    });

  it('two NZ$600 items (NZ$1,200 parcel): GST at sale on each item, duty at the border, GST on the duty only', () => {
    const e = two('600');
    const sale = e.taxes.filter((t) => t.collectedBy === 'seller');
    const border = e.taxes.filter((t) => t.collectedBy === 'at-import');
    expect(sale.map((t) => d(t.amount))).toEqual(['180.00']); // 15 % × 1,200 at checkout
    expect(d(e.duty)).toBe('120.00');
    expect(border.map((t) => [d(t.base), d(t.amount)])).toEqual([['120.00', '18.00']]); // 15 % of the duty, not of the goods again
  });

  it('an item above NZ$1,000 is taxed at the border on goods + duty', () => {
    const e = two('1000.01');
    expect(e.taxes.every((t) => t.collectedBy === 'at-import')).toBe(true);
  });
});

describe('Australia: the seller may assess the A$1,000 low-value ceiling per item', () => {
  const parcel = (lowValueScope?: 'item' | 'consignment') =>
    estimateLandedCostSync({
      origin: 'CN', destination: 'AU', asOf: '2026-03-01', shipping: m('0', 'AUD'), channel: { marketplace: 'direct' }, ...(lowValueScope ? { lowValueScope } : {}),
      items: [{ hsCode: '851830', value: m('600', 'AUD'), dutyRate: 5 }, { hsCode: '851830', value: m('600', 'AUD'), dutyRate: 5 }],
    });

  it('per consignment (default): A$1,200 is not low value: GST at import on every line', () => {
    expect(parcel().taxes.map((t) => t.collectedBy)).toEqual(['at-import']);
  });

  it('per item: each A$600 item is low value: GST charged at sale, none again at import', () => {
    const e = parcel('item');
    expect(e.taxes.map((t) => [t.collectedBy, d(t.amount)])).toEqual([['seller', '120.00']]);
  });
});

describe('reduced VAT per item (taxClass)', () => {
  const de = (taxClass?: 'standard' | 'reduced' | 'zero' | string) =>
    estimateLandedCostSync({
      origin: 'CN', destination: 'DE', asOf: '2026-03-01', shipping: m('0', 'EUR'),
      items: [{ hsCode: '490199', value: m('200', 'EUR'), dutyRate: 0, ...(taxClass ? { taxClass } : {}) }],
    });

  it('a book at the German reduced rate 7 %, zero-rated goods 0 %, an explicit 5.5 %', () => {
    expect(de().taxes[0]!.rate).toBe('19');
    expect([de('reduced').taxes[0]!.rate, d(de('reduced').taxes[0]!.amount)]).toEqual(['7', '14.00']);
    expect(de('zero').taxes[0]!.rate).toBe('0');
    expect(de('5.5').taxes[0]!.rate).toBe('5.5');
  });

  it('reduced where the data has no reduced rate: standard rate with a warning', () => {
    const e = estimateLandedCostSync({ origin: 'CN', destination: 'AU', asOf: '2026-03-01', shipping: m('0', 'AUD'), items: [{ hsCode: '851830', value: m('2000', 'AUD'), dutyRate: 0, taxClass: 'reduced' }] });
    expect(e.taxes[0]!.rate).toBe('10');
    expect(codes(e)).toContain('UNCONFIRMED_RULE');
  });

  it('a bad taxClass is a ValidationError naming the item', () => {
    expect(() => de('half')).toThrow(/items\.0\.taxClass|items\[0\]\.taxClass/);
  });
});

describe('rounding rules are data: step, direction, source; each holds at ±1 minor unit', () => {
  const rules = [...DESTINATIONS.values()].flatMap((dest) => (dest.roundingRules ?? []).map((r) => ({ dest, r })));

  it('every rule names its source and a whole step of the currency', () => {
    expect(rules.length).toBeGreaterThanOrEqual(11);
    for (const { dest, r } of rules) {
      expect(r.source).toMatch(/^https:\/\//);
      const e = currencyExponent(dest.currencies[0]!.code);
      expect(Number.isInteger(Number(r.step) * 10 ** e)).toBe(true);
    }
  });

  it('boundaries: step−1 / step / step+1 minor units round as the direction says', () => {
    for (const { dest, r } of rules) {
      const step = Number(r.step) * 10 ** currencyExponent(dest.currencies[0]!.code);
      const at = (n: number) => roundToStep(n, step, r.direction);
      expect(at(step)).toBe(step);
      if (r.direction === 'down') expect([at(step - 1), at(step + 1)]).toEqual([0, step]);
      if (r.direction === 'up') expect([at(step - 1), at(step + 1)]).toEqual([step, 2 * step]);
    }
  });

  it('property: the result lies within one step of the amount, on the stated side, on a multiple of the step', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.constantFrom(1, 10, 100, 1000, 100000), fc.constantFrom('down', 'up', 'halfUp' as const), (n, step, dir) => {
        const r = roundToStep(n, step, dir);
        if (r % step !== 0 || Math.abs(r - n) >= step) return false;
        if (dir === 'down') return r <= n;
        if (dir === 'up') return r >= n;
        return Math.abs(r - n) * 2 <= step;
      }),
      { numRuns: 2000 },
    );
  });
});
