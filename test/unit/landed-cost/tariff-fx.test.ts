import { describe, expect, it, vi } from 'vitest';
import { ValidationError } from '../../../src/errors/index.js';
import { bundledTariff, estimateLandedCost, estimateLandedCostSync, type DutyLayer, type TariffProvider } from '../../../src/landed-cost/index.js';
import { EUR_TABLE, USD_TABLE } from '../../fixtures/landed-cost/rates.js';
import { codes, d, m, ruleIds } from './helpers.js';

const frAbove150 = { origin: 'CN', destination: 'FR', asOf: '2026-08-01', shipping: m('0', 'EUR') } as const;

describe('duty rates', () => {
  it('an explicit dutyRate wins over the tariff data (the whole stack)', () => {
    const e = estimateLandedCostSync({ ...frAbove150, items: [{ hsCode: '610910', value: m('200', 'EUR'), dutyRate: '5' }] });
    expect(e.dutyLines).toEqual([expect.objectContaining({ ruleId: 'caller.duty-rate', rate: '5', amount: m('10', 'EUR') })]);
    const us = estimateLandedCostSync({ origin: 'CN', destination: 'US', asOf: '2026-03-01', shipping: m('0', 'USD'), items: [{ hsCode: '610910', value: m('100', 'USD'), dutyRate: 12.5 }] });
    expect(us.dutyLines.map((l) => [l.ruleId, d(l.amount)])).toEqual([['caller.duty-rate', '12.50']]);
  });

  it('a range of national lines is an explicit unknown with a warning, never a pick or a zero', () => {
    const e = estimateLandedCostSync({ ...frAbove150, items: [{ hsCode: '950300', value: m('200', 'EUR') }] });
    expect(e.dutyLines[0]).toMatchObject({ rate: 'unknown', amount: null });
    expect(e.complete).toBe(false);
    expect(e.warnings.find((w) => w.code === 'UNKNOWN_DUTY_RATE')!.message).toContain('0–4.7%');
  });

  it('the bundled provider matches national codes by their HS-6 prefix and applies preferences only with proof', () => {
    const q = { territory: 'AU', hsCode: '6109100010', origin: 'CN', asOf: '2026-03-01', originProof: false };
    expect((bundledTariff.lookup(q) as DutyLayer[]).map((l) => [l.id, l.rate])).toEqual([['au.mfn.610910', '5']]);
    expect((bundledTariff.lookup({ ...q, originProof: true }) as DutyLayer[]).map((l) => l.id)).toEqual(['au.pref.chafta']);
  });

  it('a custom TariffProvider (sync) is used and cited', () => {
    const tariff: TariffProvider = {
      name: 'my-tariff',
      lookup: (q) => [{ id: 'my.fr.610910', label: 'my rate', kind: 'base', rate: q.hsCode.startsWith('6109') ? '8' : 'unknown', validFrom: '2026-01-01', source: 'https://example.com/tariff', confidence: 'confirmed' }],
    };
    const e = estimateLandedCostSync({ ...frAbove150, tariff, items: [{ hsCode: '610910', value: m('200', 'EUR') }] });
    expect(d(e.duty)).toBe('16.00');
    expect(ruleIds(e)).toContain('my.fr.610910');
  });

  it('an asynchronous TariffProvider works through estimateLandedCost', async () => {
    const tariff: TariffProvider = { name: 'remote', lookup: async () => [{ id: 'remote.x', label: 'remote', kind: 'base', rate: '10', validFrom: '2026-01-01', source: 'https://example.com', confidence: 'likely' }] };
    const e = await estimateLandedCost({ ...frAbove150, tariff, items: [{ hsCode: '610910', value: m('200', 'EUR') }] });
    expect(d(e.duty)).toBe('20.00');
  });
});

describe('customs exchange rates', () => {
  it('converts item values with the caller table and records rate, date and source', () => {
    // US$250 → €200 at 1 EUR = 1.25 USD; above €150 → 12% TARIC.
    const e = estimateLandedCostSync({ ...frAbove150, rates: EUR_TABLE, items: [{ hsCode: '610910', value: m('250', 'USD') }] });
    expect(d(e.customsValue)).toBe('200.00');
    expect(d(e.duty)).toBe('24.00');
    expect(e.exchange).toEqual([{ from: 'USD', to: 'EUR', rate: '0.8', asOf: '2026-07-22', source: EUR_TABLE.source }]);
    expect(e.declaration.lines[0]).toMatchObject({ value: m('250', 'USD'), customsValue: m('200', 'EUR') });
    expect(ruleIds(e)).toContain('eu.fx.customs-rate');
  });

  it('a RateProvider is asked for the import date', async () => {
    const getRates = vi.fn(async () => USD_TABLE);
    const e = await estimateLandedCost({ ...frAbove150, rates: { name: 'customs', getRates }, items: [{ hsCode: '610910', value: m('250', 'USD') }] });
    expect(getRates).toHaveBeenCalledWith({ asOf: '2026-08-01' });
    expect(d(e.customsValue)).toBe('200.00');
    expect(e.exchange[0]!.source).toBe(USD_TABLE.source);
  });

  it('a provider returning a malformed table is a ValidationError on rates', async () => {
    const rates = { name: 'broken', getRates: async () => ({ base: 'EUR', asOf: 'today', source: 'x', rates: {} }) as never };
    await expect(estimateLandedCost({ ...frAbove150, rates, items: [{ hsCode: '610910', value: m('10', 'EUR') }] })).rejects.toBeInstanceOf(ValidationError);
  });

  it('no conversion needed, no rates needed and none recorded', () => {
    const e = estimateLandedCostSync({ ...frAbove150, items: [{ hsCode: '610910', value: m('10', 'EUR') }] });
    expect(e.exchange).toEqual([]);
    expect(codes(e)).not.toContain('UNKNOWN_DUTY_RATE');
  });
});
