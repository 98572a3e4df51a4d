import { describe, expect, it } from 'vitest';
import { estimateLandedCostSync, type LandedCostInput } from '../../../src/landed-cost/index.js';
import type { Money } from '../../../src/model/money.js';
import { USD_TABLE } from '../../fixtures/landed-cost/rates.js';
import { codes, d, m } from './helpers.js';

type Over = Partial<LandedCostInput>;
const one = (destination: string, asOf: string, value: Money, shipping: Money, over: Over = {}, hsCode = '851830', dutyRate?: number) =>
  estimateLandedCostSync({
    origin: 'CN', destination, asOf, shipping, rates: USD_TABLE,
    items: [{ hsCode, value, ...(dutyRate === undefined ? {} : { dutyRate }) }], ...over,
  });

describe('Japan: 60% personal-use valuation and the ¥10,000 exemption', () => {
  // importsquare / Japan Customs: https://www.importsquare.com/japan-import-duty-and-tax — "US$90 → taxable US$54 < ¥10,000 → exempt".
  it('US$90 headphones: ¥13,500 × 60% = ¥8,100 ≤ ¥10,000, no duty and no consumption tax', () => {
    const e = one('JP', '2026-03-01', m('90', 'USD'), m('0', 'USD'));
    expect(d(e.customsValue)).toBe('8100');
    expect([d(e.duty), e.taxes.length, e.deMinimis.duty.applied, e.deMinimis.tax.applied]).toEqual(['0', 0, 'all', 'all']);
  });

  it('boundary on the taxable value ¥9,999 / ¥10,000 / ¥10,001', () => {
    const jp = (ship: string) => one('JP', '2026-03-01', m('10000', 'JPY'), m(ship, 'JPY'));
    expect(jp('3999').taxes).toEqual([]);
    expect(jp('4000').taxes).toEqual([]);
    const above = jp('4001');
    expect(d(above.customsValue)).toBe('10001');
    // Customs Answer 1111: base ¥10,000 (¥1,000 steps) × 7.8 % = ¥780 → ¥700; local 22/78 × ¥700 = ¥197 → ¥100.
    expect(above.taxes.map((t) => [t.kind, t.amount.amount])).toEqual([['CT', 700], ['LCT', 100]]);
  });

  it('listed goods (knitted apparel) stay taxable under ¥10,000', () => {
    const e = one('JP', '2026-03-01', m('10000', 'JPY'), m('1000', 'JPY'), {}, '610910', 10);
    expect([d(e.duty), d(e.taxes[0]!.amount)]).toEqual(['700', '500']); // CIF 7,000; CT 7.8% × ¥7,000 (7,700 in ¥1,000 steps) = 546 → 500
  });

  it('the exemption ends for cross-border mail order on 1 Apr 2028', () => {
    expect(one('JP', '2028-03-31', m('10000', 'JPY'), m('0', 'JPY')).taxes).toEqual([]);
    expect(one('JP', '2028-04-01', m('10000', 'JPY'), m('0', 'JPY')).taxes[0]!.amount).toEqual(m('400', 'JPY')); // 7.8% × 6,000 = 468 → 400
  });
});

describe('South Korea: US$150 (US$200 from the US) list clearance', () => {
  // Korea customs guide 2026: https://krutils.com/korea-customs-guide-2026 — above the limit the whole consignment is taxed on CIF.
  const kr = (value: string, over: Over = {}, hsCode = '851830', dutyRate = 13) => one('KR', '2026-03-01', m(value, 'USD'), m('10', 'USD'), over, hsCode, dutyRate);

  it('CN: US$149.99 and US$150.00 free; US$150.01 duty + VAT on CIF', () => {
    expect(kr('149.99').taxes).toEqual([]);
    expect(kr('150.00').taxes).toEqual([]);
    const e = kr('150.01');
    expect(d(e.customsValue)).toBe('224014'); // (150.01 + 10) × 1,400
    expect(d(e.duty)).toBe('29120'); // 13% = 29,122 → ₩10 fractions dropped (National Treasury Management Act art. 47)
    expect(e.taxes[0]!.amount).toEqual(m('25310', 'KRW')); // 10% × (224,014 + 29,120) = 25,313 → 25,310
    expect(codes(e)).toContain('UNCONFIRMED_RULE'); // freight-in-threshold basis conflicting
  });

  it('shipped from the US: US$200, but cosmetics keep US$150', () => {
    expect(kr('200.00', { origin: 'US' }, '851830', 0).taxes).toEqual([]);
    expect(kr('200.01', { origin: 'US' }, '851830', 0).taxes[0]!.amount).toEqual(m('29400', 'KRW')); // 10% × 294,014 = 29,401 → 29,400
    expect(kr('150.01', { origin: 'US' }, '330499', 0).taxes.length).toBe(1);
  });
});

describe('Singapore: LVG per item ≤ S$400; import GST relief for air/post ≤ S$400 CIF', () => {
  // IRAS LVG: https://www.iras.gov.sg/taxes/goods-services-tax-(gst)/gst-and-digital-economy/low-value-goods
  const sg = (value: string, marketplace = 'shopee', ship = '10') => one('SG', '2026-03-01', m(value, 'SGD'), m(ship, 'SGD'), { channel: { marketplace } });

  it('item S$399.99 / S$400.00 under LVG at checkout, S$400.01 taxed at import', () => {
    expect(sg('399.99').taxes[0]!.collectedBy).toBe('marketplace');
    expect(sg('400.00').taxes[0]).toMatchObject({ amount: m('36.90', 'SGD'), collectedBy: 'marketplace' }); // 9% × 410
    expect(sg('400.01').taxes[0]).toMatchObject({ amount: m('36.90', 'SGD'), collectedBy: 'at-import' }); // 9% × 410.01
  });

  it('per item, not per parcel: a S$300 and a S$500 item in one box', () => {
    const e = estimateLandedCostSync({
      origin: 'CN', destination: 'SG', asOf: '2026-03-01', shipping: m('10', 'SGD'), channel: { marketplace: 'shopee' },
      items: [{ hsCode: '851830', value: m('300', 'SGD') }, { hsCode: '851830', value: m('500', 'SGD') }],
    });
    expect(e.taxes.map((t) => [t.collectedBy, d(t.amount)])).toEqual([['marketplace', '27.34'], ['at-import', '45.56']]); // 9% × 303.75; 9% × 506.25
    expect(d(e.total)).toBe('45.56');
  });

  it('unregistered seller: relief up to S$400.00 CIF', () => {
    expect(sg('389.99', 'direct').taxes).toEqual([]);
    expect(sg('390.00', 'direct').taxes).toEqual([]);
    expect(sg('390.01', 'direct').taxes[0]!.amount).toEqual(m('36.00', 'SGD')); // 9% × 400.01
  });
});

describe('Malaysia: RM500 de minimis and LVG sales tax', () => {
  // Skrine, LVG sales tax: https://www.skrine.com/insights/alerts/december-2023/low-value-goods-sales-tax
  const my = (value: string, marketplace = 'direct') => one('MY', '2026-03-01', m(value, 'MYR'), m('10', 'MYR'), { channel: { marketplace } }, '851830', 0);

  it('air courier CIF RM499.99 / RM500.00 exempt, RM500.01 taxed 10% at import', () => {
    expect(my('489.99').taxes).toEqual([]);
    expect(my('490.00').taxes).toEqual([]);
    expect(my('490.01').taxes[0]!.amount).toEqual(m('50.00', 'MYR')); // 10% × 500.01
  });

  it('LVG: ≤ RM500 per item at checkout on the sale value without shipping', () => {
    expect(my('499.99', 'shopee').taxes[0]!.collectedBy).toBe('marketplace');
    const e = my('500.00', 'shopee');
    expect(e.taxes[0]).toMatchObject({ kind: 'LVG sales tax', base: m('500', 'MYR'), amount: m('50', 'MYR'), collectedBy: 'marketplace' });
    expect(codes(e)).toContain('UNCONFIRMED_RULE'); // collector list unconfirmed
    expect(my('500.01', 'shopee').taxes[0]).toMatchObject({ amount: m('51.00', 'MYR'), collectedBy: 'at-import' }); // 10% × 510.01
  });
});

describe('Thailand: VAT from the first baht (5 Jul 2024), duty from the first baht (1 Jan 2026)', () => {
  // Thairath, 1 Jan 2026: https://en.thairath.co.th/news/politic/2905312 ; Nation: https://www.nationthailand.com/business/economy/40057798
  const th = (asOf: string, value = '1000', marketplace = 'direct') => one('TH', asOf, m(value, 'THB'), m('0', 'THB'), { channel: { marketplace } }, '610910');

  it('4 → 5 Jul 2024: VAT starts, duty still relieved', () => {
    expect(th('2024-07-04').taxes).toEqual([]);
    const e = th('2024-07-05');
    expect([d(e.duty), d(e.taxes[0]!.amount)]).toEqual(['0.00', '70.00']);
  });

  it('31 Dec 2025 → 1 Jan 2026: duty from the first baht (indicative 30% apparel rate, unconfirmed)', () => {
    expect(d(th('2025-12-31').total)).toBe('70.00');
    const e = th('2026-01-01');
    expect([d(e.duty), d(e.taxes[0]!.amount), d(e.total)]).toEqual(['300.00', '91.00', '391.00']);
    expect(codes(e)).toContain('UNCONFIRMED_RULE');
  });

  it('THB 1,500 duty boundary in 2025', () => {
    expect(d(th('2025-06-01', '1499.99').duty)).toBe('0.00');
    expect(d(th('2025-06-01', '1500.00').duty)).toBe('0.00');
    const e = th('2025-06-01', '1500.01');
    expect([d(e.duty), d(e.taxes[0]!.amount)]).toEqual(['450.00', '136.50']);
  });

  it('MoU platforms collect duty and VAT at checkout from 2026', () => {
    const e = th('2026-01-01', '1000', 'shopee');
    expect([e.dutyCollectedBy, e.taxes[0]!.collectedBy, d(e.total), d(e.marketplaceCollected)]).toEqual(['marketplace', 'marketplace', '0.00', '391.00']);
  });
});

describe('Indonesia: PMK 4/2025 consignment rates', () => {
  // Pos Indonesia import regulation: https://www.posindonesia.co.id/en/content/import-regulation
  const id = (value: string, hsCode = '851830') => one('ID', '2026-03-01', m(value, 'USD'), m('0', 'USD'), {}, hsCode);

  it('FOB US$2.99 / US$3.00: no duty, 11% VAT; US$3.01: 7.5% flat duty', () => {
    // Duty rounded up to the thousand rupiah, VAT down to the rupiah (PMK 190/2022 art. 22; indonesia.test.ts).
    expect([d(id('2.99').duty), d(id('2.99').taxes[0]!.amount)]).toEqual(['0.00', '5262.00']); // 5,262.40 ↓
    expect([d(id('3.00').duty), d(id('3.00').taxes[0]!.amount)]).toEqual(['0.00', '5280.00']);
    const e = id('3.01');
    expect([d(e.duty), d(e.taxes[0]!.amount)]).toEqual(['4000.00', '5694.00']); // 7.5% × 48,160 = 3,612 ↑; 11% × 51,772 = 5,694.92 ↓
    expect(codes(e)).not.toContain('UNCONFIRMED_RULE');
  });

  it('US$1,500.00 flat; US$1,500.01 normal import (rate unknown, never zero)', () => {
    expect(d(id('1500.00').duty)).toBe('1800000.00');
    const e = id('1500.01');
    expect(e.complete).toBe(false);
    expect(codes(e)).toContain('UNKNOWN_DUTY_RATE');
  });

  it('listed goods (apparel) pay the PMK 4/2025 group rate (25 %), not the flat 7.5 %', () => {
    const e = id('10', '610910');
    expect(e.complete).toBe(true);
    expect(e.dutyLines[0]!.rate).toBe('25');
  });
});

describe('Philippines: PHP 10,000 FOB de minimis', () => {
  // DOF / CMTA s.423: https://www.dof.gov.ph/de-minimis-value-for-imports
  const ph = (value: string) => one('PH', '2026-03-01', m(value, 'PHP'), m('500', 'PHP'), {}, '851830', 0);
  it('FOB PHP 9,999.99 / 10,000.00 free; 10,000.01 VAT 12% on the landed cost', () => {
    expect(ph('9999.99').taxes).toEqual([]);
    expect(ph('10000.00').taxes).toEqual([]);
    expect(ph('10000.01').taxes[0]!.amount).toEqual(m('1260.00', 'PHP')); // 12% × 10,500.01 = 1,260.0012
  });
});

describe('Vietnam: express exemption repealed on 18 Feb 2025', () => {
  // Decision 01/2025/QĐ-TTg: https://vneconomy.vn/decision-01-2025-qd-ttg-express-consignments.htm
  const vn = (asOf: string, value: string, over: Over = {}) => one('VN', asOf, m(value, 'VND'), m('0', 'VND'), over, '851830', 0);
  it('17 → 18 Feb 2025: a VND 900,000 express parcel becomes taxable', () => {
    expect(vn('2025-02-17', '900000').taxes).toEqual([]);
    expect(vn('2025-02-18', '900000').taxes[0]!.amount).toEqual(m('90000', 'VND'));
  });
  it('VND 1,000,000 boundary before the repeal; post never had it', () => {
    expect(vn('2025-01-10', '999999').taxes).toEqual([]);
    expect(vn('2025-01-10', '1000000').taxes).toEqual([]);
    expect(vn('2025-01-10', '1000001').taxes[0]!.amount).toEqual(m('100000', 'VND'));
    expect(vn('2025-01-10', '900000', { transport: 'post' }).taxes[0]!.amount).toEqual(m('90000', 'VND'));
  });
});
