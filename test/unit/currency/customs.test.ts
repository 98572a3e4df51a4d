import { readFileSync } from 'node:fs';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ecbRates, euCustomsRateDate, euCustomsRates, nationalCustomsRates, penultimateWednesday, rateTable,
  type GetRatesOptions, type RateProvider,
} from '../../../src/currency/index.js';
import { NotFoundError, ValidationError } from '../../../src/errors/index.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/currency/${name}`, import.meta.url), 'utf8');

/** An ECB-history stand-in: days it "published", answering the last one on or before asOf. */
function history(days: Record<string, string>): RateProvider & { asked: string[] } {
  const asked: string[] = [];
  return {
    name: 'ecb-stub',
    asked,
    async getRates(opts: GetRatesOptions = {}) {
      asked.push(opts.asOf ?? 'latest');
      const date = Object.keys(days).sort().reverse().find((d) => d <= (opts.asOf ?? '9999'))!;
      return rateTable({ base: 'EUR', asOf: date, source: 'ecb', rates: { USD: days[date]! } });
    },
  };
}
const at = (iso: string) => ({ now: () => Date.parse(iso) });

describe('penultimate Wednesday of a month', () => {
  it.each([
    ['2024-06', '2024-06-19'], // Wednesdays 5, 12, 19, 26
    ['2024-02', '2024-02-21'], // 7, 14, 21, 28 (leap February)
    ['2026-10', '2026-10-21'], // 7, 14, 21, 28
    ['2026-12', '2026-12-23'], // 2, 9, 16, 23, 30
    ['2025-04', '2025-04-23'], // 2, 9, 16, 23, 30
  ])('%s → %s', (month, wed) => expect(penultimateWednesday(month)).toBe(wed));

  it('the rate for a month comes from the previous month (also across a year boundary)', () => {
    expect(euCustomsRateDate('2024-07-01')).toBe('2024-06-19');
    expect(euCustomsRateDate('2024-07-31')).toBe('2024-06-19');
    expect(euCustomsRateDate('2024-03-15')).toBe('2024-02-21');
    expect(euCustomsRateDate('2027-01-10')).toBe('2026-12-23');
  });
});

describe('euCustomsRates()', () => {
  it('applies the ECB rate of the penultimate Wednesday of the previous month for the whole month', async () => {
    const ecb = history({ '2024-06-18': '1.0740', '2024-06-19': '1.0746', '2024-06-20': '1.0732' });
    const customs = euCustomsRates({ ecb, clock: at('2024-07-10T10:00:00Z') });
    const t = await customs.getRates({ asOf: '2024-07-31' });
    expect(t).toMatchObject({ base: 'EUR', asOf: '2024-06-19', source: 'eu-customs', rates: { USD: '1.0746' }, validFrom: '2024-07-01', validTo: '2024-07-31' });
    expect(ecb.asked).toEqual(['2024-06-19']);
  });

  it('when no rate was published that Wednesday, the last rate published before it applies (Art. 146(2))', async () => {
    const ecb = history({ '2024-06-17': '1.0729', '2024-06-18': '1.0740', '2024-06-20': '1.0732' });
    const t = await euCustomsRates({ ecb, clock: at('2024-07-10T10:00:00Z') }).getRates({ asOf: '2024-07-05' });
    expect(t).toMatchObject({ asOf: '2024-06-18', rates: { USD: '1.0740' } });
  });

  it('a month whose rate is not published yet → NotFoundError (before the Wednesday, or that day before 16:00)', async () => {
    const ecb = history({ '2024-07-23': '1.0890', '2024-07-24': '1.0845' });
    const early = euCustomsRates({ ecb, clock: at('2024-07-01T10:00:00Z') });
    await expect(early.getRates({ asOf: '2024-08-05' })).rejects.toBeInstanceOf(NotFoundError);
    const sameDay = euCustomsRates({ ecb, clock: at('2024-07-24T13:59:00Z') }); // 15:59 CEST
    await expect(sameDay.getRates({ asOf: '2024-08-05' })).rejects.toThrow(/2024-07-24/);
    const after = euCustomsRates({ ecb, clock: at('2024-07-24T14:00:00Z') });
    expect((await after.getRates({ asOf: '2024-08-05' })).asOf).toBe('2024-07-24');
  });

  it('defaults asOf to today and builds on the real ECB feed shape (90-day history)', async () => {
    nock.disableNetConnect();
    const scope = nock('https://www.ecb.europa.eu').get('/stats/eurofxref/eurofxref-hist-90d.xml').reply(200, fixture('eurofxref-hist-90d.xml'));
    const clock = at('2024-07-01T10:00:00Z');
    const t = await euCustomsRates({ ecb: ecbRates({ clock }), clock }).getRates();
    expect(t).toMatchObject({ asOf: '2024-06-19', rates: { USD: '1.0746', JPY: '169.89' }, validFrom: '2024-07-01' });
    scope.done();
  });

  it('a malformed asOf is a ValidationError', async () => {
    await expect(euCustomsRates({ ecb: history({}) }).getRates({ asOf: '07/2024' })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('nationalCustomsRates()', () => {
  // Illustrative numbers in the shape of US CBP certified rates: quarterly, plus a daily override.
  const cbp = nationalCustomsRates({
    source: 'us-cbp',
    base: 'USD',
    periods: [
      { from: '2026-10-01', to: '2026-12-31', rates: { CNY: '7.1200', JPY: '150.25' } },
      { from: '2026-11-12', to: '2026-11-12', rates: { JPY: '158.40' } },
    ],
  });

  it('returns the quarterly table for a date inside the quarter', async () => {
    const t = await cbp.getRates({ asOf: '2026-11-20' });
    expect(t).toMatchObject({ base: 'USD', asOf: '2026-10-01', source: 'us-cbp', rates: { CNY: '7.1200', JPY: '150.25' } });
  });

  it('a daily override wins for its day and keeps the other currencies of the quarter', async () => {
    const t = await cbp.getRates({ asOf: '2026-11-12' });
    expect(t).toMatchObject({ asOf: '2026-11-12', rates: { CNY: '7.1200', JPY: '158.40' } });
  });

  it('a date outside every period → NotFoundError; bad data → ValidationError naming the field', async () => {
    await expect(cbp.getRates({ asOf: '2027-01-02' })).rejects.toBeInstanceOf(NotFoundError);
    expect(() => nationalCustomsRates({ source: 'x', base: 'USD', periods: [{ from: '2026-10-01', rates: { CNY: '-7' } }] })).toThrow(
      expect.objectContaining({ path: 'data.periods[0].rates.CNY' }),
    );
  });
});

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(() => nock.cleanAll());
