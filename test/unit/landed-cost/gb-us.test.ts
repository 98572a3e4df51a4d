import { describe, expect, it } from 'vitest';
import { estimateLandedCostSync, type LandedCostEstimate } from '../../../src/landed-cost/index.js';
import { codes, d, m, ruleIds } from './helpers.js';

describe('UK ≤ £135: VAT at the point of sale', () => {
  // gov.uk "VAT and overseas goods sold to customers in the UK using online marketplaces":
  // https://www.gov.uk/guidance/vat-and-overseas-goods-sold-to-customers-in-the-uk-using-online-marketplaces
  // ≤ £135 (intrinsic, per consignment): no import VAT, no duty; the marketplace (or the seller) charges 20% at sale.
  const gb = (value: string, marketplace = 'amazon', collectsTax?: boolean) =>
    estimateLandedCostSync({
      origin: 'CN', destination: 'GB', asOf: '2026-03-01', shipping: m('10', 'GBP'),
      items: [{ hsCode: '610910', value: m(value, 'GBP') }], channel: { marketplace, ...(collectsTax === undefined ? {} : { collectsTax }) },
    });

  it('£100 + £10 delivery via a marketplace: £22 VAT charged by the marketplace, nothing for the seller', () => {
    const e = gb('100');
    expect(e.taxes).toEqual([expect.objectContaining({ kind: 'VAT', base: m('110', 'GBP'), amount: m('22', 'GBP'), collectedBy: 'marketplace' })]);
    expect([d(e.duty), d(e.total)]).toEqual(['0.00', '0.00']);
    expect(e.regime.scheme).toBe('UK VAT');
  });

  it('sold directly: the seller charges it (and keeps liability even if it says it does not collect)', () => {
    expect(gb('100', 'direct').taxes[0]).toMatchObject({ amount: m('22', 'GBP'), collectedBy: 'seller' });
    const e = gb('100', 'direct', false);
    expect(e.taxes[0]!.collectedBy).toBe('seller');
    expect(codes(e)).toContain('CHANNEL_IGNORED');
  });

  it('boundary £134.99 / £135.00 / £135.01 (freight excluded from the test)', () => {
    expect(gb('134.99').taxes[0]!.collectedBy).toBe('marketplace');
    const at = gb('135.00');
    expect(at.taxes[0]).toMatchObject({ amount: m('29', 'GBP'), collectedBy: 'marketplace' }); // 20% × 145
    const above = gb('135.01');
    expect(d(above.duty)).toBe('17.40'); // 12% × CIF 145.01
    expect(above.taxes[0]).toMatchObject({ amount: m('32.48', 'GBP'), collectedBy: 'at-import' }); // 20% × 162.41
    expect(d(above.total)).toBe('49.88');
  });
});

describe('US duty stack and de minimis', () => {
  // Layers and dates: research §1.3 (EO 14324 https://www.federalregister.gov/d/2025-16802; CSMS 67834313 and
  // 67844987 via https://www.cbp.gov/trade/automated/cargo-systems-messaging-service; fees 90 FR 34665
  // https://www.federalregister.gov/d/2025-13869). CN T-shirt 6109.10: MFN 16.5% + Section 301 List 4A 7.5%.
  const us = (asOf: string, value: string, over: Partial<Parameters<typeof estimateLandedCostSync>[0]> = {}, hsCode = '610910', origin = 'CN'): LandedCostEstimate =>
    estimateLandedCostSync({ origin, destination: 'US', asOf, items: [{ hsCode, value: m(value, 'USD') }], shipping: m('20', 'USD'), ...over });
  const duty = (asOf: string) => d(us(asOf, '1000').duty);

  it('customs value excludes freight (FOB)', () => {
    expect(d(us('2026-03-01', '1000').customsValue)).toBe('1000.00');
  });

  it('CN stack on both sides of every layer date (US$1,000 T-shirt)', () => {
    expect(duty('2025-02-03')).toBe('240.00'); // 16.5 + 7.5
    expect(duty('2025-02-04')).toBe('340.00'); // + fentanyl 10
    expect(duty('2025-03-03')).toBe('340.00');
    expect(duty('2025-03-04')).toBe('440.00'); // fentanyl 20
    expect(duty('2025-04-04')).toBe('440.00');
    expect(duty('2025-04-05')).toBe('540.00'); // + reciprocal baseline 10 (unconfirmed)
    expect(duty('2025-04-09')).toBe('540.00');
    expect(duty('2025-04-10')).toBe('1690.00'); // reciprocal 125
    expect(duty('2025-05-13')).toBe('1690.00');
    expect(duty('2025-05-14')).toBe('540.00'); // reciprocal 10
    expect(duty('2025-11-09')).toBe('540.00');
    expect(duty('2025-11-10')).toBe('440.00'); // fentanyl back to 10
    expect(duty('2026-02-23')).toBe('440.00');
    expect(duty('2026-02-24')).toBe('340.00'); // IEEPA ends, Section 122 10%
    expect(duty('2026-07-23')).toBe('340.00');
    expect(duty('2026-07-24')).toBe('240.00'); // Section 122 ends; status after unconfirmed
    expect(codes(us('2026-07-24', '1000'))).toContain('NOTICE');
    expect(ruleIds(us('2026-07-24', '1000'))).toContain('us.notice.s122-after');
  });

  it('each layer is its own duty line citing its rule', () => {
    const e = us('2026-03-01', '1000');
    expect(e.dutyLines.map((l) => [l.ruleId, l.rate, d(l.amount)])).toEqual([
      ['us.mfn.610910', '16.5', '165.00'],
      ['us.s301.list-4a', '7.5', '75.00'],
      ['us.s122.surcharge', '10', '100.00'],
    ]);
  });

  it('de minimis: CN/HK lose it on 2 May 2025, everyone on 29 Aug 2025', () => {
    expect(d(us('2025-05-01', '100').duty)).toBe('0.00');
    expect(us('2025-05-01', '100').fees).toEqual([]);
    expect(d(us('2025-05-02', '100').duty)).toBe('169.00'); // 16.5 + 7.5 + fentanyl 20 + reciprocal 125
    const vn = (asOf: string) => us(asOf, '100', {}, '610910', 'VN');
    expect(d(vn('2025-08-28').duty)).toBe('0.00');
    const after = vn('2025-08-29');
    expect(d(after.duty)).toBe('16.50');
    expect(after.deMinimis.duty.ruleId).toBe('us.de-minimis.suspended-eo14324');
    expect(codes(after)).toContain('NOTICE'); // other origins' IEEPA rates not bundled
  });

  it('$800 boundary before the suspension (VN origin)', () => {
    const vn = (v: string) => us('2025-06-01', v, {}, '610910', 'VN');
    expect(d(vn('799.99').duty)).toBe('0.00');
    expect(d(vn('800.00').duty)).toBe('0.00');
    expect(d(vn('800.01').duty)).toBe('132.00'); // 16.5% × 800.01 = 132.0016
  });

  it('MPF: informal flat fee up to $2,500, formal 0.3464% with min/max; FY switches on 1 Oct', () => {
    expect(us('2025-09-30', '1000').fees).toEqual([{ name: expect.any(String), amount: m('2.62', 'USD'), ruleId: 'us.fee.mpf-informal-fy2025' }]);
    expect(us('2025-10-01', '1000').fees[0]!.amount).toEqual(m('2.69', 'USD'));
    expect(us('2026-10-01', '1000').fees[0]!.ruleId).toBe('us.fee.mpf-informal-fy2027');
    expect(codes(us('2026-10-01', '1000'))).toContain('UNCONFIRMED_RULE');
    expect(us('2026-03-01', '2499.99').fees[0]!.amount).toEqual(m('2.69', 'USD'));
    expect(us('2026-03-01', '2500.00').fees[0]!.amount).toEqual(m('2.69', 'USD'));
    expect(us('2026-03-01', '2500.01').fees[0]).toMatchObject({ amount: m('33.58', 'USD'), ruleId: 'us.fee.mpf-formal-fy2026' }); // 8.66 < min
    expect(us('2026-03-01', '200000').fees[0]!.amount).toEqual(m('651.50', 'USD')); // 692.80 > max
  });

  it('mail: IEEPA-only duty, then Section 122 only, then the full stack from 24 Jul 2026; no MPF', () => {
    const post = (asOf: string) => us(asOf, '100', { transport: 'post' });
    const a = post('2025-09-15');
    expect(d(a.duty)).toBe('30.00'); // fentanyl 20 + reciprocal 10
    expect(a.fees).toEqual([]);
    expect(codes(a)).toContain('NOTICE'); // specific per-item option
    expect(d(post('2026-03-15').duty)).toBe('10.00');
    expect(d(post('2026-07-24').duty)).toBe('24.00');
  });

  it('exemptions: USMCA goods with proof and (assumed) electronics skip Section 122', () => {
    const mx = estimateLandedCostSync({ origin: 'MX', destination: 'US', asOf: '2026-03-01', shipping: m('0', 'USD'), items: [{ hsCode: '392690', value: m('100', 'USD'), originProof: true }] });
    expect(d(mx.duty)).toBe('5.30'); // MFN 5.3 only
    const phone = us('2026-03-01', '1000', {}, '851713');
    expect(d(phone.duty)).toBe('0.00');
    expect(codes(phone)).toContain('UNCONFIRMED_RULE');
  });

  it('a heading outside the bundled table: unknown MFN and unknown 301 membership, never zero', () => {
    const e = us('2026-03-01', '100', {}, '940540');
    expect(e.complete).toBe(false);
    expect(e.dutyLines.filter((l) => l.rate === 'unknown').map((l) => l.amount)).toEqual([null, null]);
    expect(codes(e).filter((c) => c === 'UNKNOWN_DUTY_RATE').length).toBe(2);
    expect(d(e.duty)).toBe('10.00'); // only the known Section 122 layer
  });
});
