import { describe, expect, it } from 'vitest';
import { estimateLandedCostSync, type LandedCostInput } from '../../../src/landed-cost/index.js';
import { USD_TABLE } from '../../fixtures/landed-cost/rates.js';
import { d, m } from './helpers.js';

/** Remaining thresholds, one minor unit below / at / above (the others sit with their destination's tests). */
const est = (destination: string, asOf: string, value: ReturnType<typeof m>, over: Partial<LandedCostInput> = {}, hsCode = '851830') =>
  estimateLandedCostSync({ origin: 'CN', destination, asOf, rates: USD_TABLE, shipping: m('0', value.currency), items: [{ hsCode, value }], ...over });

describe('threshold boundaries', () => {
  it('TH: duty and VAT both relieved ≤ THB 1,500 until 4 Jul 2024', () => {
    // https://www.nationthailand.com/business/economy/40057798
    expect(est('TH', '2024-06-01', m('1499.99', 'THB')).taxes).toEqual([]);
    expect(est('TH', '2024-06-01', m('1500.00', 'THB')).taxes).toEqual([]);
    const above = est('TH', '2024-06-01', m('1500.01', 'THB'));
    expect(above.duty).toEqual(m('150.00', 'THB')); // indicative 10% for electricals (unconfirmed)
    expect(above.taxes[0]!.amount).toEqual(m('115.50', 'THB')); // 7% × 1,650.01
  });

  it('KR from the US: US$199.99 free', () => {
    expect(est('KR', '2026-03-01', m('199.99', 'USD'), { origin: 'US' }).taxes).toEqual([]);
  });

  it('MX T-MEC: US$49.99 exempt', () => {
    expect(est('MX', '2025-09-01', m('999.80', 'MXN'), { origin: 'US' }).taxes).toEqual([]);
  });

  it('CO US goods: IVA excluded at US$199.99', () => {
    expect(est('CO', '2026-03-01', m('199.99', 'USD'), { origin: 'US' }).taxes).toEqual([]);
  });

  it('CH: customs duty ≤ CHF 5 not levied (4.99 / 5.00 waived, 5.01 levied)', () => {
    // https://www.bazg.admin.ch/bazg/en/home/information-individuals/shopping-online.html
    const ch = (v: string) => estimateLandedCostSync({ origin: 'CN', destination: 'CH', asOf: '2026-03-01', shipping: m('0', 'CHF'), items: [{ hsCode: '070200', value: m(v, 'CHF'), dutyRate: 10 }] });
    expect(ch('49.90').dutyLines[0]).toMatchObject({ amount: m('0', 'CHF'), waivedBy: 'ch.threshold.duty-5' });
    expect(ch('50.00').dutyLines[0]!.waivedBy).toBe('ch.threshold.duty-5');
    const above = ch('50.10');
    expect(above.dutyLines[0]!.amount).toEqual(m('5.01', 'CHF'));
    expect(above.taxes[0]!.base).toEqual(m('55.11', 'CHF')); // a levied duty enters the VAT base
    expect(ch('49.90').taxes[0]!.base).toEqual(m('49.90', 'CHF')); // a waived one does not
  });
});

describe('per item vs per consignment', () => {
  const two = (destination: string, cur: string, each: string) =>
    estimateLandedCostSync({ origin: 'CN', destination, asOf: '2026-03-01', shipping: m('0', cur), channel: { marketplace: 'amazon' },
      items: [{ hsCode: '851830', value: m(each, cur) }, { hsCode: '392690', value: m(each, cur) }] });

  it('EU IOSS looks at the consignment: two €100 items (€200) leave IOSS', () => {
    // https://vat-one-stop-shop.ec.europa.eu/one-stop-shop/import-one-stop-shop-ioss_en — €150 per consignment.
    const e = two('FR', 'EUR', '100');
    expect(e.taxes[0]!.collectedBy).toBe('at-import');
    expect(d(e.duty)).toBe('8.50'); // TARIC: headphones 2% × 100 + plastic article 6.5% × 100
  });

  it('Norway VOEC looks at each item: two NOK 2,000 items (NOK 4,000) stay under VOEC', () => {
    // https://www.skatteetaten.no/en/business-and-organisation/vat-and-duties/vat/foreign/e-commerce-voec/ — < NOK 3,000 per item.
    const e = two('NO', 'NOK', '2000');
    expect(e.taxes).toEqual([expect.objectContaining({ collectedBy: 'marketplace', amount: m('1000', 'NOK') })]); // 25% × 4,000
  });
});
