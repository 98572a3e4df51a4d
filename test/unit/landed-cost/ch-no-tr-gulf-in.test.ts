import { describe, expect, it } from 'vitest';
import { estimateLandedCostSync, type LandedCostInput } from '../../../src/landed-cost/index.js';
import { EUR_TABLE } from '../../fixtures/landed-cost/rates.js';
import { codes, d, m } from './helpers.js';

type Over = Partial<LandedCostInput>;
const est = (destination: string, asOf: string, value: string, cur: string, over: Over = {}, hsCode = '851830') =>
  estimateLandedCostSync({ origin: 'CN', destination, asOf, shipping: m('0', cur), items: [{ hsCode, value: m(value, cur) }], ...over });

describe('Switzerland: VAT ≤ CHF 5 not levied; platforms are deemed suppliers from 2025', () => {
  // BAZG online shopping: https://www.bazg.admin.ch/bazg/en/home/information-individuals/shopping-online.html
  // "import VAT ≤ CHF 5 not levied (≈ CHF 62 of goods at 8.1%)"; industrial goods duty-free since 1 Jan 2024.
  const ch = (value: string, asOf = '2026-03-01', marketplace = 'direct') => est('CH', asOf, value, 'CHF', { channel: { marketplace } });

  it('VAT 4.99 and 5.00 waived, 5.01 levied', () => {
    expect(ch('61.60').taxes[0]).toMatchObject({ amount: m('0', 'CHF'), waivedBy: 'ch.threshold.vat-5' }); // 8.1% × 61.60 = 4.9896
    expect(ch('61.73').taxes[0]).toMatchObject({ amount: m('0', 'CHF'), waivedBy: 'ch.threshold.vat-5' }); // 5.00013
    expect(ch('61.85').taxes[0]!.amount).toEqual(m('5.01', 'CHF')); // 5.00985
    expect(d(ch('61.85').duty)).toBe('0.00');
  });

  it('31 Dec 2024 → 1 Jan 2025: the platform charges the VAT', () => {
    expect(ch('100', '2024-12-31', 'amazon').taxes[0]).toMatchObject({ amount: m('8.10', 'CHF'), collectedBy: 'at-import' });
    const e = ch('100', '2025-01-01', 'amazon');
    expect([e.taxes[0]!.collectedBy, d(e.total)]).toEqual(['marketplace', '0.00']);
  });
});

describe('Norway: VOEC below NOK 3,000 per item; VAT from the first krone otherwise', () => {
  // Skatteetaten VOEC: https://www.skatteetaten.no/en/business-and-organisation/vat-and-duties/vat/foreign/e-commerce-voec/
  const no = (value: string, marketplace = 'amazon', hsCode = '851830') => est('NO', '2026-03-01', value, 'NOK', { channel: { marketplace } }, hsCode);

  it('NOK 2,999.99 under VOEC (no duty), 3,000.00 and 3,000.01 at the border', () => {
    const under = no('2999.99');
    expect(under.taxes[0]).toMatchObject({ amount: m('750', 'NOK'), collectedBy: 'marketplace' });
    expect(under.dutyLines).toEqual([]);
    expect(codes(under)).toContain('UNCONFIRMED_RULE'); // VOEC collector list
    expect(no('3000.00').taxes[0]).toMatchObject({ amount: m('750', 'NOK'), collectedBy: 'at-import' });
    expect(no('3000.01').taxes[0]).toMatchObject({ amount: m('750', 'NOK'), collectedBy: 'at-import' });
  });

  it('non-VOEC seller pays 25% from the first krone; food is outside VOEC', () => {
    expect(no('100', 'direct').taxes[0]!.amount).toEqual(m('25', 'NOK'));
    const food = no('100', 'amazon', '210690');
    expect(food.taxes[0]!.collectedBy).toBe('at-import');
    expect(food.complete).toBe(false); // agricultural duty not bundled
  });
});

describe('Türkiye: simplified regime flat tax; €30 allowance removed ~6 Feb 2026', () => {
  // Hürriyet Daily News, 7 Jan 2026: https://www.hurriyetdailynews.com/turkey-scraps-duty-free-limit-on-e-commerce-imports
  const tr = (value: string, asOf: string, origin = 'CN') => est('TR', asOf, value, 'TRY', { origin, rates: EUR_TABLE });

  it('5 → 6 Feb 2026: a €20 parcel goes from free to 60% (unconfirmed rule)', () => {
    expect(tr('1000', '2026-02-05').taxes).toEqual([]);
    const e = tr('1000', '2026-02-06');
    expect(e.taxes[0]).toMatchObject({ kind: 'flat-import-tax', rate: '60', amount: m('600', 'TRY') });
    expect(codes(e)).toContain('UNCONFIRMED_RULE');
  });

  it('€29.99 / €30.00 allowance, €30.01 taxed', () => {
    expect(tr('1499.50', '2025-06-01').taxes).toEqual([]);
    expect(tr('1500.00', '2025-06-01').deMinimis.tax.applied).toBe('all');
    expect(tr('1500.50', '2025-06-01').taxes[0]!.amount).toEqual(m('900.30', 'TRY'));
  });

  it('shipped directly from the EU: 30%', () => {
    expect(tr('1000', '2026-03-01', 'DE').taxes[0]).toMatchObject({ rate: '30', amount: m('300', 'TRY') });
  });
});

describe('Saudi Arabia: duty-free under SAR 1,000; customs service fee', () => {
  // Deloitte on ZATCA customs service fees: https://www.deloitte.com/middle-east/en/services/tax/perspectives/zatca-customs-service-fees.html
  const sa = (value: string) => est('SA', '2026-03-01', value, 'SAR');

  it('SAR 999.99 duty-free; 1,000.00 and 1,000.01 pay 5% duty; fee SAR 15 (flat ≤ 1,000, minimum above); fees are in the VAT base', () => {
    const a = sa('999.99');
    expect([d(a.duty), d(a.taxes[0]!.amount), d(a.fees[0]!.amount), d(a.total)]).toEqual(['0.00', '152.25', '15.00', '167.25']); // 15% × (1,000 + 15)
    const b = sa('1000.00');
    expect([d(b.duty), d(b.taxes[0]!.amount), b.fees[0]!.ruleId, d(b.total)]).toEqual(['50.00', '159.75', 'sa.fee.ecommerce-15', '224.75']); // 15% × (1,000 + 50 + 15)
    const c = sa('1000.01');
    expect([d(c.duty), d(c.taxes[0]!.amount), c.fees[0]!.ruleId, d(c.fees[0]!.amount)]).toEqual(['50.00', '159.75', 'sa.fee.customs-service', '15.00']);
    expect(sa('400000').fees[0]!.amount).toEqual(m('500', 'SAR'));
  });
});

describe('UAE: duty-free to AED 1,000', () => {
  // EY tax news 2023-0485 (Dubai AED 300 cut suspended): https://taxnews.ey.com/news/2023-0485
  it('AED 999.99 / 1,000.00 VAT only; 1,000.01 duty 5% + VAT on CIF + duty', () => {
    expect(est('AE', '2026-03-01', '999.99', 'AED').taxes[0]!.amount).toEqual(m('50', 'AED'));
    const at = est('AE', '2026-03-01', '1000.00', 'AED');
    expect([d(at.duty), d(at.taxes[0]!.amount)]).toEqual(['0.00', '50.00']);
    const above = est('AE', '2026-03-01', '1000.01', 'AED');
    expect([d(above.duty), d(above.taxes[0]!.amount)]).toEqual(['50.00', '52.50']);
  });
});

describe('India: CTH 9804 personal imports', () => {
  // Mumbai Customs ICT FAQ: https://www.mumbaicustomszone3.gov.in/apsc-ict-faq — BCD 10% + SWS 10% of BCD + IGST 18% = 30.98%.
  const ind = (value: string, over: Over = {}) => est('IN', '2026-03-01', value, 'INR', { insurance: m('0', 'INR'), ...over });

  it('₹10,000 assessable value → ₹3,098 (30.98%)', () => {
    const e = ind('10000');
    expect(e.dutyLines.map((l) => d(l.amount))).toEqual(['1000.00', '100.00']);
    expect(e.taxes[0]).toMatchObject({ kind: 'IGST', base: m('11100', 'INR'), amount: m('1998', 'INR') });
    expect(d(e.total)).toBe('3098.00');
  });

  it('duty + IGST ≤ ₹100 not collected (99.98 and 100.00 waived; 100.01 collected — 99.99 is unreachable)', () => {
    expect(d(ind('322.74').total)).toBe('0.00');
    expect(d(ind('322.75').total)).toBe('0.00');
    expect(d(ind('322.80').total)).toBe('100.01');
  });

  it('insurance not given: deemed 1.125% of FOB', () => {
    expect(d(est('IN', '2026-03-01', '10000', 'INR').total)).toBe('3132.86');
  });
});
