import { describe, expect, it } from 'vitest';
import { estimateLandedCostSync } from '../../../src/landed-cost/index.js';
import { EUR_TABLE, USD_TABLE } from '../../fixtures/landed-cost/rates.js';
import { codes, d, m, ruleIds, run } from './helpers.js';

const amazon = { marketplace: 'amazon' };
const direct = { marketplace: 'direct' };

describe('EU €3 flat duty per tariff classification (from 1 Jul 2026)', () => {
  // Expected counts from the Commission guidance as reported by Baker McKenzie, 2 Jul 2026:
  // https://globalimportblog.bakermckenzie.com/2026/07/02/eu-low-value-consignment-relief-abolished
  // "5 T-shirts → 1 item → €3; 1 T-shirt + 1 watch → €6; 1 silk blouse + 2 wool blouses → 2 items → €6".
  const fr = (items: Array<{ hsCode: string; value: ReturnType<typeof m>; quantity?: number }>) =>
    estimateLandedCostSync({ origin: 'CN', destination: 'FR', asOf: '2026-08-01', items, shipping: m('0', 'EUR'), channel: amazon });

  it('5 T-shirts are one item: €3', () => {
    expect(d(fr([{ hsCode: '6109100010', value: m('8', 'EUR'), quantity: 5 }]).duty)).toBe('3.00');
  });
  it('a T-shirt and a watch are two items: €6', () => {
    expect(d(fr([{ hsCode: '610910', value: m('10', 'EUR') }, { hsCode: '910211', value: m('40', 'EUR') }]).duty)).toBe('6.00');
  });
  it('a silk blouse and two wool blouses are two items: €6', () => {
    const e = fr([{ hsCode: '620610', value: m('30', 'EUR') }, { hsCode: '620620', value: m('25', 'EUR'), quantity: 2 }]);
    expect(d(e.duty)).toBe('6.00');
    expect(e.declaration.classifications).toBe(2);
  });

  it('VAT is charged on top of the duty; IOSS VAT is the marketplace\u2019s, the duty stays with the seller', () => {
    // Glopal: "€6 duty + 20% FR VAT on it = €7.20" — https://merchants.glopal.com/en-us/blog/eu-customs-changes-on-1st-july-2026
    // T-shirt €10 + watch €40 + shipping €5: VAT base 50 + 5 + 6 = 61 → 12.20 (of which 1.20 on the duty).
    const e = estimateLandedCostSync({
      origin: 'CN', destination: 'FR', asOf: '2026-08-01', shipping: m('5', 'EUR'), channel: { ...amazon, registrationNumber: 'IM2500000001' },
      items: [{ hsCode: '610910', value: m('10', 'EUR') }, { hsCode: '910211', value: m('40', 'EUR') }],
    });
    expect(d(e.duty)).toBe('6.00');
    expect(e.dutyCollectedBy).toBe('at-import');
    expect(e.taxes).toEqual([expect.objectContaining({ kind: 'VAT', rate: '20', base: m('61', 'EUR'), amount: m('12.20', 'EUR'), collectedBy: 'marketplace' })]);
    expect(d(e.total)).toBe('6.00');
    expect(d(e.marketplaceCollected)).toBe('12.20');
    expect(e.regime).toEqual({ id: 'eu.ioss-2026', name: expect.any(String), scheme: 'IOSS' });
    expect(e.declaration).toMatchObject({ scheme: 'IOSS', registrationNumber: 'IM2500000001', incoterm: 'DDP' });
  });

  it('without IOSS the same consignment pays the VAT at import too', () => {
    const e = estimateLandedCostSync({
      origin: 'CN', destination: 'FR', asOf: '2026-08-01', shipping: m('5', 'EUR'), channel: direct,
      items: [{ hsCode: '610910', value: m('10', 'EUR') }, { hsCode: '910211', value: m('40', 'EUR') }],
    });
    expect(e.taxes).toEqual([expect.objectContaining({ amount: m('12.20', 'EUR'), collectedBy: 'at-import' })]);
    expect(d(e.total)).toBe('18.20');
    expect(e.regime.id).toBe('eu.flat-duty-3');
    expect(e.declaration.scheme).toBeUndefined();
  });

  it('a seller\u2019s own IOSS number: VAT collected by the seller, duty at import; DAP splits who pays', () => {
    const e = estimateLandedCostSync({
      origin: 'CN', destination: 'FR', asOf: '2026-08-01', shipping: m('5', 'EUR'), incoterm: 'DAP',
      channel: { marketplace: 'direct', collectsTax: true, registrationNumber: 'IM2500000099' },
      items: [{ hsCode: '610910', value: m('10', 'EUR') }, { hsCode: '910211', value: m('40', 'EUR') }],
    });
    expect(e.taxes[0]!.collectedBy).toBe('seller');
    expect(d(e.total)).toBe('18.20');
    expect(d(e.payableBy.seller)).toBe('12.20');
    expect(d(e.payableBy.buyer)).toBe('6.00');
    expect(e.declaration.registrationNumber).toBe('IM2500000099');
  });
});

describe('EU €150 intrinsic-value boundary', () => {
  const at = (value: string, asOf: string, channel = amazon) => run({ destination: 'FR', asOf, channel }, m(value, 'EUR'));

  it('from 1 Jul 2026: €3 up to €150.00, TARIC 12% above (IOSS no longer available)', () => {
    expect(d(at('149.99', '2026-08-01').duty)).toBe('3.00');
    const atLimit = at('150.00', '2026-08-01');
    expect(d(atLimit.duty)).toBe('3.00');
    expect(atLimit.taxes[0]).toMatchObject({ amount: m('30.60', 'EUR'), collectedBy: 'marketplace' }); // 20% × (150 + 3)
    const above = at('150.01', '2026-08-01');
    expect(d(above.duty)).toBe('18.00'); // 12% × 150.01 = 18.0012
    expect(above.taxes[0]).toMatchObject({ amount: m('33.60', 'EUR'), collectedBy: 'at-import' }); // 20% × 168.01
    expect(above.regime.id).toBe('fr.standard-import');
  });

  it('until 30 Jun 2026: duty relief up to €150.00', () => {
    for (const v of ['149.99', '150.00']) {
      const e = at(v, '2026-06-30');
      expect(d(e.duty)).toBe('0.00');
      expect(e.deMinimis.duty).toMatchObject({ applied: 'all', ruleId: 'eu.de-minimis.duty-150' });
    }
    const e = at('150.01', '2026-06-30');
    expect(d(e.duty)).toBe('18.00');
    expect(e.deMinimis.duty.applied).toBe('none');
  });

  it('an explicit collectsTax above the ceiling is ignored with a warning', () => {
    const e = at('150.01', '2026-08-01', { marketplace: 'amazon', collectsTax: true } as typeof amazon);
    expect(codes(e)).toContain('CHANNEL_IGNORED');
    expect(e.taxes[0]!.collectedBy).toBe('at-import');
  });
});

describe('EU date switches', () => {
  const tee = (asOf: string, value = '20') =>
    estimateLandedCostSync({ origin: 'CN', destination: 'FR', asOf, items: [{ hsCode: '610910', value: m(value, 'EUR') }], shipping: m('5', 'EUR'), channel: amazon });

  it('30 Jun → 1 Jul 2026: relief → €3, and VAT on the duty', () => {
    const before = tee('2026-06-30');
    expect([d(before.duty), d(before.taxes[0]!.amount), d(before.total)]).toEqual(['0.00', '5.00', '0.00']); // 20% × 25
    const after = tee('2026-07-01');
    expect([d(after.duty), d(after.taxes[0]!.amount), d(after.total)]).toEqual(['3.00', '5.60', '3.00']); // 20% × 28
  });

  it('30 Jun → 1 Jul 2028: the interim €3 ends, TARIC rates apply', () => {
    expect(d(tee('2028-06-30', '30').duty)).toBe('3.00');
    const after = tee('2028-07-01', '30');
    expect(d(after.duty)).toBe('4.20'); // 12% × (30 + 5)
    expect(d(after.taxes[0]!.amount)).toBe('7.84'); // 20% × 39.20
    expect(ruleIds(after)).toContain('eu.notice.flat-duty-end');
  });

  it('member VAT rate changes: EE 22% → 24% on 1 Jul 2025, RO 19% → 21% on 1 Aug 2025', () => {
    const ee = (asOf: string) => run({ destination: 'EE', asOf, channel: direct }, m('100', 'EUR'));
    expect(d(ee('2025-06-30').taxes[0]!.amount)).toBe('22.00');
    expect(d(ee('2025-07-01').taxes[0]!.amount)).toBe('24.00');
    // RO customs currency RON: €100 → RON 500 (cross rate 4 / 0.8).
    const ro = (asOf: string) => run({ destination: 'RO', asOf, channel: direct, rates: USD_TABLE }, m('100', 'EUR'));
    expect(d(ro('2025-07-31').taxes[0]!.amount)).toBe('95.00');
    expect(d(ro('2025-08-01').taxes[0]!.amount)).toBe('105.00');
    expect(ro('2025-08-01').currency).toBe('RON');
  });

  it('product identifiers are required on the declaration from 1 Nov 2026', () => {
    expect(codes(tee('2026-10-31'))).not.toContain('DECLARATION_DATA');
    expect(codes(tee('2026-11-01'))).toContain('DECLARATION_DATA');
    const withSku = estimateLandedCostSync({ origin: 'CN', destination: 'FR', asOf: '2026-11-01', items: [{ sku: 'TEE-1', hsCode: '610910', value: m('20', 'EUR') }], shipping: m('5', 'EUR') });
    expect(codes(withSku)).not.toContain('DECLARATION_DATA');
  });
});

describe('EU member specifics', () => {
  it('DE: import VAT under €1 is not levied (0.99 waived, 1.00 and 1.01 levied)', () => {
    // Zoll: "taxes under €1 are not levied" — https://www.zoll.de/EN/Private-individuals/Postal-consignments-internet-orders/Internet-orders/internet-orders_node.html
    const vat = (v: string) => run({ destination: 'DE', asOf: '2026-06-30', channel: direct }, m(v, 'EUR')).taxes[0]!;
    expect(vat('5.21')).toMatchObject({ amount: m('0', 'EUR'), waivedBy: 'de.threshold.import-vat-1' }); // 19% × 5.21 = 0.9899
    expect(vat('5.26').amount).toEqual(m('1.00', 'EUR')); // 0.9994
    expect(vat('5.32').amount).toEqual(m('1.01', 'EUR')); // 1.0108
  });

  it('PL: the €3 and the values are converted to PLN with the customs rate, which is recorded', () => {
    const e = run({ destination: 'PL', asOf: '2026-08-01', channel: direct, rates: EUR_TABLE }, m('20', 'EUR'));
    expect(e.currency).toBe('PLN');
    expect(d(e.duty)).toBe('12.00');
    expect(e.taxes[0]).toMatchObject({ base: m('92', 'PLN'), amount: m('21.16', 'PLN') }); // 23% × (80 + 12)
    expect(e.exchange).toEqual([{ from: 'EUR', to: 'PLN', rate: '4', asOf: '2026-07-22', source: EUR_TABLE.source }]);
  });
});
