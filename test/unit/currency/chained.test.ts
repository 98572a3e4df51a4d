import { describe, expect, it, vi } from 'vitest';
import { chainRates, convert, staticRates, type RateProvider } from '../../../src/currency/index.js';
import { NetworkError, NotFoundError, ValidationError } from '../../../src/errors/index.js';
import { money } from '../../../src/model/money.js';

const ecbLike = staticRates({ base: 'EUR', asOf: '2024-06-28', source: 'ecb', rates: { USD: '1.0705', JPY: '171.94' } }, 'ecb');
// Illustrative fallback rates for currencies the ECB does not publish.
const usdTable = staticRates({ base: 'USD', asOf: '2024-06-27', source: 'fallback', rates: { TWD: '32.5', AED: '3.6725', JPY: '999' } }, 'fallback');
const eurOther = staticRates({ base: 'EUR', asOf: '2024-06-20', source: 'other', rates: { USD: '1.2', VND: '27345' } }, 'other');

function failing(name: string, error: Error): RateProvider {
  return { name, getRates: vi.fn(async () => { throw error; }) };
}

describe('chainRates().getRates(): merged table, first provider wins', () => {
  it('keeps the first provider’s base, asOf and rates; earlier providers win per currency', async () => {
    const t = await chainRates(ecbLike, eurOther).getRates();
    expect(t.base).toBe('EUR');
    expect(t.asOf).toBe('2024-06-28');
    expect(t.rates.USD).toBe('1.0705'); // not 1.2 from "other"
    expect(t.rates.VND).toBe('27345');
    expect(t.origins.VND).toEqual({ source: 'other', asOf: '2024-06-20' });
    expect(t.origins.USD).toEqual({ source: 'ecb', asOf: '2024-06-28' });
    expect(t.source).toBe('ecb+other');
  });

  it('re-expresses a fallback with another base exactly through a shared currency', async () => {
    const t = await chainRates(ecbLike, usdTable).getRates();
    // 1 EUR = 1.0705 USD and 1 USD = 32.5 TWD → 1 EUR = 34.79125 TWD; AED: 1.0705 × 3.6725 = 3.93141125
    expect(t.rates.TWD).toBe('34.79125');
    expect(t.rates.AED).toBe('3.93141125');
    expect(t.rates.JPY).toBe('171.94');
    expect(convert(money('10.00', 'USD'), 'TWD', t).money).toEqual({ amount: 32500, currency: 'TWD' });
  });

  it('falls back when the first provider fails, in order', async () => {
    const down = failing('ecb', new NetworkError({ message: 'Network failure (ECONNRESET)', marketplace: 'ecb' }));
    const t = await chainRates(down, eurOther, ecbLike).getRates();
    expect(t).toMatchObject({ asOf: '2024-06-20', rates: { USD: '1.2' } });
    expect(down.getRates).toHaveBeenCalledTimes(1);
  });

  it('with `currencies`, stops asking once they are covered', async () => {
    const spy = { name: 'spy', getRates: vi.fn(usdTable.getRates) };
    await chainRates(ecbLike, spy).getRates({ currencies: ['USD', 'JPY'] });
    expect(spy.getRates).not.toHaveBeenCalled();
    const t = await chainRates(ecbLike, spy).getRates({ currencies: ['TWD'] });
    expect(spy.getRates).toHaveBeenCalledTimes(1);
    expect(t.rates.TWD).toBe('34.79125');
  });

  it('names the missing currency and every provider tried', async () => {
    const err = await chainRates(ecbLike, eurOther).getRates({ currencies: ['SAR'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as Error).message).toMatch(/SAR/);
    expect((err as Error).message).toMatch(/ecb \(no SAR\).*other \(no SAR\)/);
  });

  it('all providers down → retryable NetworkError listing each failure', async () => {
    const a = failing('ecb', new NetworkError({ message: 'Network failure (ETIMEDOUT)' }));
    const b = failing('frankfurter', new NotFoundError({ message: 'HTTP 404' }));
    const err = await chainRates(a, b).getRates().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect(err).toMatchObject({ retryable: true });
    expect((err as Error).message).toContain('ecb (NETWORK: Network failure (ETIMEDOUT))');
    expect((err as Error).message).toContain('frankfurter (NOT_FOUND: HTTP 404)');
  });

  it('a ValidationError (bad input) stops the chain instead of falling back', async () => {
    const bad = failing('ecb', new ValidationError({ message: 'Invalid options.asOf', path: 'options.asOf' }));
    const next = { name: 'next', getRates: vi.fn(ecbLike.getRates) };
    await expect(chainRates(bad, next).getRates({ asOf: 'x' })).rejects.toBeInstanceOf(ValidationError);
    expect(next.getRates).not.toHaveBeenCalled();
  });

  it('needs at least one provider', () => {
    expect(() => chainRates()).toThrow(ValidationError);
  });
});

describe('chainRates().convert(): one provider per pair', () => {
  it('uses the first provider holding both currencies, with its own asOf and source', async () => {
    const chain = chainRates(ecbLike, usdTable);
    const jpy = await chain.convert(money('100.00', 'USD'), 'JPY');
    expect(jpy).toMatchObject({ money: { amount: 16062, currency: 'JPY' }, source: 'ecb', asOf: '2024-06-28' }); // 100 × 171.94/1.0705
    const twd = await chain.convert(money('10.00', 'USD'), 'TWD', { rounding: 'up' });
    expect(twd).toEqual({ money: { amount: 32500, currency: 'TWD' }, rate: '32.5', source: 'fallback', asOf: '2024-06-27' });
  });

  it('throws NotFoundError naming the pair and the providers tried', async () => {
    await expect(chainRates(ecbLike, usdTable).convert(money('1.00', 'USD'), 'SAR')).rejects.toThrow(
      /No provider has a USD→SAR rate; providers tried: ecb \(no SAR\); fallback \(no SAR\)/,
    );
  });
});
