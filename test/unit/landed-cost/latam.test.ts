import { describe, expect, it } from 'vitest';
import { estimateLandedCostSync, type LandedCostInput } from '../../../src/landed-cost/index.js';
import { USD_TABLE } from '../../fixtures/landed-cost/rates.js';
import { codes, d, m } from './helpers.js';

type Over = Partial<LandedCostInput>;
const est = (destination: string, asOf: string, value: string, cur: string, over: Over = {}, hsCode = '851830') =>
  estimateLandedCostSync({ origin: 'CN', destination, asOf, shipping: m('0', cur), rates: USD_TABLE, items: [{ hsCode, value: m(value, cur) }], ...over });

describe('Brazil: RTS / Remessa Conforme with ICMS "por dentro"', () => {
  // Receita Federal, remessas: https://www.gov.br/receitafederal/pt-br/assuntos/aduana-e-comercio-exterior/manuais/remessas-postal-e-expressa
  // II = 20% ≤ US$50; 60% × V − US$20 up to US$3,000; ICMS = (V + II) / (1 − r) × r. US$1 = R$5 in the test table.
  const br = (value: string, over: Over = {}, asOf = '2026-03-01') => est('BR', asOf, value, 'BRL', { channel: { marketplace: 'aliexpress' }, region: 'SP', ...over });

  it('US$100 CIF via a certified platform: II R$200, ICMS 17% R$143.37, all collected at checkout', () => {
    const e = br('450', { shipping: m('50', 'BRL') });
    expect(e.dutyLines).toEqual([expect.objectContaining({ item: null, amount: m('200', 'BRL'), collectedBy: 'marketplace' })]);
    expect(e.taxes[0]).toMatchObject({ kind: 'ICMS', rate: '17', base: m('843.37', 'BRL'), amount: m('143.37', 'BRL'), collectedBy: 'marketplace' });
    expect([d(e.total), d(e.marketplaceCollected), e.regime.scheme]).toEqual(['0.00', '343.37', 'Remessa Conforme']);
  });

  it('US$49.99 / US$50.00 at 20%, US$50.01 at 60% − US$20', () => {
    expect([d(br('249.95').duty), d(br('249.95').taxes[0]!.amount)]).toEqual(['49.99', '61.43']);
    expect([d(br('250.00').duty), d(br('250.00').taxes[0]!.amount)]).toEqual(['50.00', '61.45']);
    expect([d(br('250.05').duty), d(br('250.05').taxes[0]!.amount)]).toEqual(['50.03', '61.46']);
  });

  it('not certified: 60% with no tier or deduction, collected at import', () => {
    const e = br('500', { channel: { marketplace: 'ebay' } });
    expect([d(e.duty), d(e.taxes[0]!.amount), e.taxes[0]!.collectedBy, d(e.total)]).toEqual(['300.00', '163.86', 'at-import', '463.86']);
  });

  it('ICMS 20% in Bahia from 1 Apr 2025', () => {
    expect(d(br('500', { region: 'BA' }, '2025-03-31').taxes[0]!.amount)).toBe('143.37');
    expect(d(br('500', { region: 'BA' }, '2025-04-01').taxes[0]!.amount)).toBe('175.00'); // 700 × 20/80
    expect(codes(br('500', { region: undefined }))).toContain('REGION_MISSING');
  });

  it('US$3,000.00 is RTS; US$3,000.01 leaves it (flagged, incomplete)', () => {
    expect(d(br('15000.00').duty)).toBe('8900.00');
    const e = br('15000.05');
    expect(e.complete).toBe(false);
    expect(codes(e)).toContain('NOT_MODELLED');
  });
});

describe('Mexico: courier simplified procedure (RGCE 3.7.35)', () => {
  // DOF 28 Jul 2025 (33.5% from 15 Aug 2025): https://www.dof.gob.mx/nota_detalle.php?codigo=2025-07-28 ; RGCE 3.7.35: https://www.asnews.mx/regla-3-7-35-rgce-tasa-global
  const mx = (value: string, asOf = '2025-09-01', over: Over = {}) => est('MX', asOf, value, 'MXN', over);

  it('China origin: tasa global 19% → 33.5% on 15 Aug 2025', () => {
    expect(mx('2000', '2025-08-14').taxes[0]).toMatchObject({ kind: 'global-rate', rate: '19', amount: m('380', 'MXN') });
    expect(mx('2000', '2025-08-15').taxes[0]).toMatchObject({ rate: '33.5', amount: m('670', 'MXN') });
    expect(d(mx('2000').duty)).toBe('0.00');
  });

  it('T-MEC goods: exempt ≤ US$50, 17% to US$117, 19% above', () => {
    const us = (v: string) => mx(v, '2025-09-01', { origin: 'US' });
    expect(us('1000.00').taxes).toEqual([]);
    expect(us('1000.20').taxes[0]!.amount).toEqual(m('170.03', 'MXN'));
    expect(us('2340.00').taxes[0]!.amount).toEqual(m('397.80', 'MXN'));
    expect(us('2340.20').taxes[0]).toMatchObject({ rate: '19', amount: m('444.64', 'MXN') });
  });

  it('US$2,500.00 inside, US$2,500.01 general import', () => {
    expect(mx('50000.00').taxes[0]!.amount).toEqual(m('16750', 'MXN'));
    const e = mx('50000.20');
    expect(e.taxes[0]).toMatchObject({ kind: 'IVA', rate: '16' });
    expect(e.complete).toBe(false);
  });
});

describe('Chile: Ley 21.713 from 25 Oct 2025', () => {
  // SII: https://www.sii.cl/destacados/ley_21713/ — ≤ US$500 by registered platforms: 19% IVA at checkout, no 6% duty.
  const cl = (value: string, asOf: string, marketplace = 'aliexpress') => est('CL', asOf, value, 'CLP', { channel: { marketplace } });

  it('24 → 25 Oct 2025: the US$41 exemption ends, IVA is charged at checkout', () => {
    expect(cl('30000', '2025-10-24').taxes).toEqual([]);
    const e = cl('30000', '2025-10-25');
    expect(e.taxes[0]).toMatchObject({ amount: m('5700', 'CLP'), collectedBy: 'marketplace' });
    expect(d(e.duty)).toBe('0');
  });

  it('US$41 boundary before the change', () => {
    expect(cl('40990', '2025-06-01', 'direct').taxes).toEqual([]);
    expect(cl('41000', '2025-06-01', 'direct').taxes).toEqual([]);
    const e = cl('41010', '2025-06-01', 'direct');
    expect([d(e.duty), d(e.taxes[0]!.amount)]).toEqual(['2461', '8259']); // 6% × 41,010; 19% × 43,471
  });

  it('US$500 boundary after the change', () => {
    expect(cl('499990', '2025-11-01').taxes[0]!.collectedBy).toBe('marketplace');
    expect(cl('500000', '2025-11-01').taxes[0]).toMatchObject({ amount: m('95000', 'CLP'), collectedBy: 'marketplace' });
    const e = cl('500010', '2025-11-01');
    expect([d(e.duty), d(e.taxes[0]!.amount), e.taxes[0]!.collectedBy]).toEqual(['30001', '100702', 'at-import']);
    expect(codes(cl('30000', '2025-11-01', 'direct'))).toContain('NOTICE'); // unregistered ≤ US$500 duty unconfirmed
  });
});

describe('Colombia: postal/express traffic', () => {
  // DIAN tráfico postal y envíos urgentes: https://www.dian.gov.co/aduanas/trafico-postal-y-envios-urgentes ;
  // IVA exclusion ≤ US$200 for US goods (Ley 2155/2021): https://www.decconsultores.com/iva-envios-urgentes-ley-2155
  const co = (usd: string, over: Over = {}) => est('CO', '2026-03-01', usd, 'USD', over);

  it('China origin: no duty to FOB US$200.00, flat 10% above; IVA 19% on CIF + duty', () => {
    expect([d(co('199.99').duty), d(co('199.99').taxes[0]!.amount)]).toEqual(['0.00', '151992.40']);
    expect([d(co('200.00').duty), d(co('200.00').taxes[0]!.amount)]).toEqual(['0.00', '152000.00']);
    expect([d(co('200.01').duty), d(co('200.01').taxes[0]!.amount)]).toEqual(['80004.00', '167208.36']);
  });

  it('US goods: no IVA either up to US$200', () => {
    expect(co('200.00', { origin: 'US' }).taxes).toEqual([]);
    expect(co('200.01', { origin: 'US' }).taxes.length).toBe(1);
  });

  it('above US$2,000 or 50 kg: general tariff (unknown)', () => {
    expect(d(co('2000.00').duty)).toBe('800000.00');
    expect(co('2000.01').complete).toBe(false);
    const heavy = (kg: string) => estimateLandedCostSync({ origin: 'CN', destination: 'CO', asOf: '2026-03-01', shipping: m('0', 'USD'), rates: USD_TABLE, items: [{ hsCode: '851830', value: m('300', 'USD'), weightKg: kg }] });
    expect(heavy('50').complete).toBe(true);
    expect(heavy('50.001').complete).toBe(false);
  });
});
