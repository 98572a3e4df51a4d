import { describe, expect, it } from 'vitest';
import { DESTINATIONS, DestinationSchema, euVatRates, estimateLandedCostSync, supportedDestinations } from '../../../src/landed-cost/index.js';
import { MFN_ROWS } from '../../../src/landed-cost/data/tariff-mfn.js';
import { parseCell } from '../../../src/landed-cost/tariff-provider.js';
import { inWindow } from '../../../src/landed-cost/dates.js';
import { USD_TABLE } from '../../fixtures/landed-cost/rates.js';
import { m } from './helpers.js';

const EU27 = ['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK'];
const OTHERS = ['GB', 'US', 'CA', 'AU', 'NZ', 'JP', 'KR', 'SG', 'MY', 'TH', 'ID', 'PH', 'VN', 'BR', 'MX', 'CL', 'CO', 'CH', 'NO', 'SA', 'AE', 'TR', 'IN'];

/** The 1st of every month from the destination's coverage to 2028-12, plus every rule boundary. */
function sampleDates(dest: { coverageFrom: string } & Record<string, unknown>): string[] {
  const out = new Set<string>();
  for (let y = 2024; y <= 2028; y++) for (let mo = 1; mo <= 12; mo++) out.add(`${y}-${String(mo).padStart(2, '0')}-01`);
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const r = v as { validFrom?: string; validTo?: string };
      if (r.validFrom) out.add(r.validFrom);
      if (r.validTo) out.add(r.validTo);
      Object.values(v).forEach(walk);
    }
  };
  walk(dest);
  return [...out].filter((x) => x >= dest.coverageFrom).sort();
}

describe('rule data', () => {
  it('covers the EU-27 and the 23 other destinations of the issue', () => {
    expect(supportedDestinations()).toEqual([...EU27, ...OTHERS].sort());
  });

  it('every destination validates against the schema', () => {
    for (const d of DESTINATIONS.values()) {
      const r = DestinationSchema.safeParse(d);
      expect(r.success, `${d.country}: ${r.success ? '' : JSON.stringify(r.error.issues.slice(0, 3))}`).toBe(true);
    }
  });

  it('rule ids are unique per destination and windows are ordered', () => {
    for (const d of DESTINATIONS.values()) {
      const rules = [d.fx, ...d.valuation, ...d.taxes, ...d.deMinimis, ...d.saleRegimes, ...d.amountThresholds, ...d.fees, ...d.methods, ...d.notices];
      const ids = rules.map((r) => r.id);
      expect(new Set(ids).size, `${d.country} duplicate ids`).toBe(ids.length);
      for (const r of rules) if (r.validTo) expect(r.validFrom <= r.validTo, `${r.id}`).toBe(true);
    }
  });

  it('exactly one valuation rule and at most one default tax rate per region on every date', () => {
    for (const d of DESTINATIONS.values()) {
      for (const day of sampleDates(d)) {
        expect(d.valuation.filter((v) => inWindow(v, day)).length, `${d.country} valuation ${day}`).toBe(1);
        const keys = d.taxes.filter((t) => inWindow(t, day)).flatMap((t) => t.regions ?? ['*']);
        expect(new Set(keys).size, `${d.country} tax ${day}`).toBe(keys.length);
        expect(d.currencies.filter((c) => inWindow(c, day)).length, `${d.country} currency ${day}`).toBe(1);
      }
    }
  });

  it('facts the research marks unconfirmed are flagged unconfirmed in the data', () => {
    const all = new Map([...DESTINATIONS.values()].flatMap((d) =>
      [...d.deMinimis, ...d.saleRegimes, ...d.fees, ...d.methods, ...d.notices, ...d.taxes].map((r) => [r.id, r] as const)));
    for (const id of [
      'kr.de-minimis.150', 'kr.de-minimis.us-200', 'nz.de-minimis.1000', 'nz.fee.ietf', 'nz.fee.mpi-levy', 'us.fee.mpf-informal-fy2027',
      'us.notice.s122-after', 'tr.flat-2026', 'eu.notice.handling-fee', 'be.notice.parcel-fee', 'ca.notice.pst', 'jp.notice.simplified-rates',
      'vn.notice.vat-8', 'br.notice.cbs-ibs', 'co.notice.reform', 'mx.notice.dta', 'au.notice.ipc', 'cl.notice.unregistered-duty',
    ]) {
      expect(all.get(id)?.confidence, id).toBe('unconfirmed');
    }
    const regimes = new Map([...DESTINATIONS.values()].flatMap((d) => d.saleRegimes.map((r) => [r.id, r] as const)));
    expect(regimes.get('my.lvg')?.collectorsConfidence).toBe('unconfirmed');
    expect(regimes.get('no.voec')?.collectorsConfidence).toBe('unconfirmed');
  });

  it('every MFN cell of the bundled table parses; ranges and specific duties are unknown, never a number', () => {
    for (const [hs, row] of Object.entries(MFN_ROWS)) {
      for (const [t, cell] of Object.entries(row.rates)) {
        const layer = parseCell(t, hs, row.goods, cell);
        const head = cell.split(';')[0]!;
        if (head.includes('-') || head.startsWith('specific')) expect(layer.rate, `${t} ${hs}`).toBe('unknown');
        else expect(layer.rate).toMatch(/^\d+(\.\d+)?$/);
      }
    }
  });

  it('EU member VAT tables: standard and reduced rates by date', () => {
    expect(euVatRates('FI', '2025-12-31')).toEqual({ standard: '25.5', reduced: ['14', '10'] });
    expect(euVatRates('FI', '2026-01-01')).toEqual({ standard: '25.5', reduced: ['13.5', '10'] });
    expect(euVatRates('RO', '2025-08-01')).toEqual({ standard: '21', reduced: ['11'] });
    expect(euVatRates('XX', '2026-01-01')).toBeUndefined();
  });
});

describe('every EU member: €100 T-shirt, €3 duty, import VAT at the member standard rate (1 Aug 2026)', () => {
  // Standard rates: EC TEDB via vatnode/eu-vat-rates-data https://github.com/vatnode/eu-vat-rates-data and
  // ibericode/vat-rates https://github.com/ibericode/vat-rates (research §1.1 table). Non-euro members convert
  // €100 and the €3 at the test table's cross rate (1 USD = 0.8 EUR).
  const expected: Array<[string, string, string, string]> = [
    ['AT', '20', 'EUR', '20.60'], ['BE', '21', 'EUR', '21.63'], ['BG', '20', 'EUR', '20.60'], ['CY', '19', 'EUR', '19.57'],
    ['CZ', '21', 'CZK', '540.75'], ['DE', '19', 'EUR', '19.57'], ['DK', '25', 'DKK', '193.13'], ['EE', '24', 'EUR', '24.72'],
    ['ES', '21', 'EUR', '21.63'], ['FI', '25.5', 'EUR', '26.27'], ['FR', '20', 'EUR', '20.60'], ['GR', '24', 'EUR', '24.72'],
    ['HR', '25', 'EUR', '25.75'], ['HU', '27', 'HUF', '12166.88'], ['IE', '23', 'EUR', '23.69'], ['IT', '22', 'EUR', '22.66'],
    ['LT', '21', 'EUR', '21.63'], ['LU', '17', 'EUR', '17.51'], ['LV', '21', 'EUR', '21.63'], ['MT', '18', 'EUR', '18.54'],
    ['NL', '21', 'EUR', '21.63'], ['PL', '23', 'PLN', '94.76'], ['PT', '23', 'EUR', '23.69'], ['RO', '21', 'RON', '108.15'],
    ['SE', '25', 'SEK', '321.88'], ['SI', '22', 'EUR', '22.66'], ['SK', '23', 'EUR', '23.69'],
  ];
  it.each(expected)('%s %s%% in %s → VAT %s', (cc, rate, cur, vat) => {
    const e = estimateLandedCostSync({ origin: 'CN', destination: cc, asOf: '2026-08-01', items: [{ hsCode: '610910', value: m('100', 'EUR') }], shipping: m('0', 'EUR'), rates: USD_TABLE, channel: { marketplace: 'direct' } });
    expect(e.currency).toBe(cur);
    expect(e.taxes[0]).toMatchObject({ rate, amount: m(vat, cur), collectedBy: 'at-import' });
  });
});
