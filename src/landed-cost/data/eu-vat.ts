import { money } from '../../model/money.js';
import type { AmountThreshold, Notice, TaxRule } from '../rule-schema.js';
import type { Confidence } from '../types.js';
import { SRC } from './sources.js';

/**
 * EU member-state VAT (research §1.1 table: ibericode/vat-rates cross-checked with the EC TEDB
 * feed and 2026 change summaries). A period without a known start begins at 2024-01-01, the
 * start of this table, not at the day the rate was introduced.
 */
interface Period {
  from: string;
  to?: string;
  standard: string;
  reduced: string[];
  confidence?: Confidence;
  source?: string;
}

export interface MemberVat {
  country: string;
  name: string;
  currency: string;
  /** Euro adoption date for members changing currency (BG). */
  euroFrom?: string;
  periods: Period[];
  amountThresholds?: AmountThreshold[];
  notices?: Notice[];
}

const P = (standard: string, reduced: string[], from = '2024-01-01', to?: string, extra: Partial<Period> = {}): Period => ({ from, ...(to ? { to } : {}), standard, reduced, ...extra });

const parcelFee = (cc: string): Notice => ({
  id: `${cc.toLowerCase()}.notice.parcel-fee`, validFrom: '2026-01-01', source: SRC.euHandlingFee, confidence: 'unconfirmed',
  message: `A national fee on e-commerce parcels was reported in ${cc} for 2026; amount unconfirmed and not included.`,
});

export const EU_MEMBERS_VAT: MemberVat[] = [
  { country: 'AT', name: 'Austria', currency: 'EUR', periods: [P('20', ['13', '10'])] },
  { country: 'BE', name: 'Belgium', currency: 'EUR', periods: [P('21', ['12', '6'])], notices: [parcelFee('BE')] },
  { country: 'BG', name: 'Bulgaria', currency: 'BGN', euroFrom: '2026-01-01', periods: [P('20', ['9'])] },
  { country: 'CY', name: 'Cyprus', currency: 'EUR', periods: [P('19', ['9', '5'])] },
  { country: 'CZ', name: 'Czechia', currency: 'CZK', periods: [P('21', ['12'])] },
  {
    country: 'DE', name: 'Germany', currency: 'EUR', periods: [P('19', ['7'])],
    amountThresholds: [{
      id: 'de.threshold.import-vat-1', applies: ['tax'], threshold: money('1', 'EUR'), inclusive: false,
      validFrom: '2024-01-01', source: SRC.deZoll, confidence: 'confirmed', note: 'Zoll: import VAT under €1 is not levied',
    }],
  },
  { country: 'DK', name: 'Denmark', currency: 'DKK', periods: [P('25', [])] },
  { country: 'EE', name: 'Estonia', currency: 'EUR', periods: [P('22', ['9'], '2024-01-01', '2025-06-30'), P('24', ['13', '9'], '2025-07-01')] },
  { country: 'ES', name: 'Spain', currency: 'EUR', periods: [P('21', ['10', '4'])] },
  {
    country: 'FI', name: 'Finland', currency: 'EUR',
    periods: [P('24', ['14', '10'], '2024-01-01', '2024-08-31'), P('25.5', ['14', '10'], '2024-09-01', '2025-12-31'), P('25.5', ['13.5', '10'], '2026-01-01')],
  },
  { country: 'FR', name: 'France', currency: 'EUR', periods: [P('20', ['10', '5.5', '2.1'])] },
  { country: 'GR', name: 'Greece', currency: 'EUR', periods: [P('24', ['13', '6'])] },
  { country: 'HR', name: 'Croatia', currency: 'EUR', periods: [P('25', ['13', '5'])] },
  { country: 'HU', name: 'Hungary', currency: 'HUF', periods: [P('27', ['18', '5'])] },
  { country: 'IE', name: 'Ireland', currency: 'EUR', periods: [P('23', ['13.5', '9', '4.8'])] },
  { country: 'IT', name: 'Italy', currency: 'EUR', periods: [P('22', ['10', '5', '4'])], notices: [parcelFee('IT')] },
  {
    country: 'LT', name: 'Lithuania', currency: 'EUR',
    periods: [P('21', ['9', '5'], '2024-01-01', '2025-12-31'), P('21', ['12', '5'], '2026-01-01', undefined, { confidence: 'likely' })],
  },
  { country: 'LU', name: 'Luxembourg', currency: 'EUR', periods: [P('17', ['14', '8', '3'])] },
  { country: 'LV', name: 'Latvia', currency: 'EUR', periods: [P('21', ['12', '5'])] },
  { country: 'MT', name: 'Malta', currency: 'EUR', periods: [P('18', ['7', '5'])] },
  { country: 'NL', name: 'Netherlands', currency: 'EUR', periods: [P('21', ['9'])] },
  { country: 'PL', name: 'Poland', currency: 'PLN', periods: [P('23', ['8', '5'])] },
  { country: 'PT', name: 'Portugal (mainland)', currency: 'EUR', periods: [P('23', ['13', '6'])] },
  { country: 'RO', name: 'Romania', currency: 'RON', periods: [P('19', ['9', '5'], '2024-01-01', '2025-07-31'), P('21', ['11'], '2025-08-01')], notices: [parcelFee('RO')] },
  { country: 'SE', name: 'Sweden', currency: 'SEK', periods: [P('25', ['12', '6'])] },
  { country: 'SI', name: 'Slovenia', currency: 'EUR', periods: [P('22', ['9.5', '5'])] },
  { country: 'SK', name: 'Slovakia', currency: 'EUR', periods: [P('20', ['10', '5'], '2024-01-01', '2024-12-31', { confidence: 'likely' }), P('23', ['19', '5'], '2025-01-01')] },
];

/** The VAT rules of a member (standard rate; reduced rates for items with taxClass 'reduced') (import VAT base: customs value + duty + transport, VAT Directive art. 85–86). */
export function memberTaxRules(m: MemberVat): TaxRule[] {
  return m.periods.map((p) => ({
    id: `${m.country.toLowerCase()}.vat.standard-${p.from}`,
    kind: 'VAT',
    rate: p.standard,
    ...(p.reduced.length ? { reduced: [...p.reduced] } : {}),
    base: { freight: true, insurance: true, duty: true },
    validFrom: p.from,
    ...(p.to ? { validTo: p.to } : {}),
    source: p.source ?? (p.from >= '2025-01-01' ? SRC.euVatRatesTedb : SRC.euVatRates),
    confidence: p.confidence ?? 'confirmed',
    note: `standard rate; reduced: ${p.reduced.length ? p.reduced.join('%, ') + '%' : 'none'}`,
  }));
}

/** Standard and reduced VAT rates of an EU member on a date (for callers pricing reduced-rate goods). */
export function euVatRates(country: string, asOf: string): { standard: string; reduced: string[] } | undefined {
  const m = EU_MEMBERS_VAT.find((x) => x.country === country);
  const p = m?.periods.find((x) => asOf >= x.from && (!x.to || asOf <= x.to));
  return p ? { standard: p.standard, reduced: [...p.reduced] } : undefined;
}
