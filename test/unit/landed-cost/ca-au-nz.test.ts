import { describe, expect, it } from 'vitest';
import { estimateLandedCostSync, type LandedCostInput } from '../../../src/landed-cost/index.js';
import { codes, d, m } from './helpers.js';

describe('Canada: courier/postal low-value thresholds (CBSA)', () => {
  // CBSA "Courier Low Value Shipment Program" / CN 20-18: https://www.cbsa-asfc.gc.ca/services/cusma-aceum/lvs-efv-eng.html
  // Mail any origin and courier from outside US/MX: ≤ C$20 free. Courier shipped from the US/MX: ≤ C$40 free,
  // C$40.01–150 duty-free but taxed, > C$150 duty + tax. Tax base = value for duty + duty.
  const ca = (value: string, over: Partial<LandedCostInput> = {}, hsCode = '610910') =>
    estimateLandedCostSync({ origin: 'CN', destination: 'CA', asOf: '2026-03-01', items: [{ hsCode, value: m(value, 'CAD') }], shipping: m('15', 'CAD'), ...over });

  it('CN courier: C$19.99 and C$20.00 free, C$20.01 fully assessed (GST only without a region)', () => {
    for (const v of ['19.99', '20.00']) expect([d(ca(v).duty), ca(v).taxes.length]).toEqual(['0.00', 0]);
    const e = ca('20.01');
    expect(d(e.duty)).toBe('3.60'); // 18% × 20.01 (freight excluded from VFD)
    expect(e.taxes[0]).toMatchObject({ kind: 'GST', amount: m('1.18', 'CAD') }); // 5% × 23.61
    expect(codes(e)).toContain('REGION_MISSING');
    expect(ca('20.01', { region: 'ON' }).taxes[0]).toMatchObject({ kind: 'HST', amount: m('3.07', 'CAD') }); // 13% × 23.61
  });

  it('courier from the US: tax from C$40.01, duty from C$150.01', () => {
    const us = (v: string) => ca(v, { origin: 'US', region: 'ON' }, '851830');
    expect(us('39.99').taxes).toEqual([]);
    expect(us('40.00').deMinimis.tax).toMatchObject({ applied: 'all', ruleId: 'ca.de-minimis.cusma-tax-40' });
    expect(us('40.01').taxes[0]!.amount).toEqual(m('5.20', 'CAD')); // 13% × 40.01
    expect(us('150.00').deMinimis.duty).toMatchObject({ applied: 'all', ruleId: 'ca.de-minimis.cusma-duty-150' });
    const above = us('150.01');
    expect(above.deMinimis.duty.applied).toBe('none');
    expect(above.taxes[0]!.amount).toEqual(m('19.50', 'CAD')); // 13% × 150.01
  });

  it('mail from the US keeps the C$20 threshold', () => {
    const post = (v: string) => ca(v, { origin: 'US', region: 'ON', transport: 'post' }, '851830');
    expect(post('20.00').taxes).toEqual([]);
    expect(post('20.01').taxes[0]!.amount).toEqual(m('2.60', 'CAD')); // 13% × 20.01
  });

  it('Nova Scotia HST 15% → 14% on 1 Apr 2025 (flagged unconfirmed)', () => {
    expect(ca('100', { region: 'NS', asOf: '2025-03-31' }).taxes[0]!.amount).toEqual(m('17.70', 'CAD')); // 15% × 118
    const after = ca('100', { region: 'NS', asOf: '2025-04-01' });
    expect(after.taxes[0]!.amount).toEqual(m('16.52', 'CAD')); // 14% × 118
    expect(codes(after)).toContain('UNCONFIRMED_RULE');
  });
});

describe('Australia: LVIG ≤ A$1,000, GST on the value of the taxable importation above', () => {
  // ATO LVIG: https://www.ato.gov.au/businesses-and-organisations/international-tax-for-business/gst-on-low-value-imported-goods
  // GST Act s13-20 (VoTI = customs value + duty + international transport & insurance):
  // http://www.austlii.edu.au/au/legis/cth/consol_act/ntsa1999261/s13.20.html
  const au = (value: string, over: Partial<LandedCostInput> = {}) =>
    estimateLandedCostSync({ origin: 'CN', destination: 'AU', asOf: '2026-03-01', items: [{ hsCode: '610910', value: m(value, 'AUD') }], shipping: m('20', 'AUD'), channel: { marketplace: 'ebay' }, ...over });

  it('A$999.99 and A$1,000.00: GST 10% at checkout by the platform on price + delivery; nothing at the border', () => {
    expect(au('999.99').taxes[0]!.collectedBy).toBe('marketplace');
    const e = au('1000.00');
    expect(e.taxes[0]).toMatchObject({ amount: m('102', 'AUD'), collectedBy: 'marketplace' });
    expect([d(e.duty), d(e.total), e.regime.scheme]).toEqual(['0.00', '0.00', 'ARN']);
    expect(au('1000.00', { channel: { marketplace: 'direct', registrationNumber: 'ARN-1' } }).taxes[0]).toMatchObject({ collectedBy: 'seller' });
  });

  it('A$1,000.01: 5% duty on the FOB value and GST on the VoTI, paid at import', () => {
    const e = au('1000.01');
    expect(d(e.customsValue)).toBe('1000.01');
    expect(d(e.duty)).toBe('50.00');
    expect(e.taxes[0]).toMatchObject({ base: m('1070.01', 'AUD'), amount: m('107', 'AUD'), collectedBy: 'at-import' });
    expect(codes(e)).toContain('NOTICE'); // import processing charge not included
  });

  it('ChAFTA rate with proof of origin', () => {
    const e = estimateLandedCostSync({ origin: 'CN', destination: 'AU', asOf: '2026-03-01', items: [{ hsCode: '610910', value: m('1000.01', 'AUD'), originProof: true }], shipping: m('20', 'AUD') });
    expect(e.dutyLines[0]).toMatchObject({ ruleId: 'au.pref.chafta', amount: m('0', 'AUD') });
    expect(e.taxes[0]!.amount).toEqual(m('102', 'AUD')); // 10% × 1020.01
  });
});

describe('New Zealand: ≤ NZ$1,000 at sale; above, duty + GST + entry fees; NZ$60 revenue de minimis', () => {
  // NZ Customs FAQ: https://www.customs.govt.nz/personal/duty-and-gst/faqs/
  const nz = (value: string, over: Partial<LandedCostInput> = {}, hsCode = '610910') =>
    estimateLandedCostSync({ origin: 'CN', destination: 'NZ', asOf: '2026-03-01', items: [{ hsCode, value: m(value, 'NZD'), dutyRate: 10 }], shipping: m('20', 'NZD'), channel: { marketplace: 'amazon' }, ...over });

  it('NZ$1,000.00 via a marketplace: 15% at sale on price + delivery', () => {
    expect(nz('999.99').taxes[0]!.collectedBy).toBe('marketplace');
    expect(nz('1000.00').taxes[0]).toMatchObject({ amount: m('153', 'NZD'), collectedBy: 'marketplace' });
  });

  it('NZ$1,000.01: duty on FOB, GST on CV + duty + freight, plus entry fees (amounts unconfirmed)', () => {
    const e = nz('1000.01');
    expect(d(e.duty)).toBe('100.00');
    expect(e.taxes[0]!.amount).toEqual(m('168', 'NZD')); // 15% × 1120.01
    expect(e.fees.map((f) => d(f.amount))).toEqual(['29.26', '19.98']);
    expect(d(e.total)).toBe('317.24');
    expect(codes(e)).toContain('UNCONFIRMED_RULE');
  });

  it('duty + GST under NZ$60 is not collected (alcohol stays outside the low-value rules)', () => {
    const wine = (v: string) => nz(v, { shipping: m('0', 'NZD'), channel: { marketplace: 'direct' }, items: [{ hsCode: '220421', value: m(v, 'NZD'), dutyRate: 0 }] });
    expect(wine('399.93').taxes[0]).toMatchObject({ amount: m('0', 'NZD'), waivedBy: 'nz.threshold.60' }); // 59.99 < 60
    expect(wine('400.00').taxes[0]!.amount).toEqual(m('60', 'NZD'));
    expect(wine('400.07').taxes[0]!.amount).toEqual(m('60.01', 'NZD'));
  });
});
