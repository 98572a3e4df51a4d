import { money } from '../../model/money.js';
import type { Destination, TaxRule } from '../rule-schema.js';
import { SRC } from './sources.js';

const base = { freight: false, insurance: false, duty: true };
const tax = (id: string, kind: string, rate: string, validFrom: string, regions?: string[], extra: Partial<TaxRule> = {}): TaxRule =>
  ({ id, kind, rate, base, validFrom, source: SRC.caGst, confidence: 'confirmed', ...(regions ? { regions } : {}), ...extra });
const CUSMA_COURIER = { transport: ['courier' as const], shipFrom: ['US', 'MX'] };

/** Canada (research §1.4). Value for duty excludes freight from the place of direct shipment; tax base = VFD + duty. */
export const CA: Destination = {
  country: 'CA', name: 'Canada', territory: 'CA', currencies: [{ code: 'CAD', validFrom: '2024-01-01' }],
  coverageFrom: '2025-01-01', reviewed: '2026-11-21', rounding: 'halfUp',
  fx: { id: 'ca.fx.boc', method: 'Bank of Canada rate for the date of direct shipment', validFrom: '2024-01-01', source: SRC.caLvs, confidence: 'likely' },
  valuation: [{ id: 'ca.valuation.vfd', freight: false, insurance: false, validFrom: '2024-01-01', source: SRC.caLvs, confidence: 'confirmed', note: 'value for duty at the place of direct shipment to Canada' }],
  taxes: [
    tax('ca.hst.on', 'HST', '13', '2024-01-01', ['ON']),
    tax('ca.hst.atlantic', 'HST', '15', '2024-01-01', ['NB', 'NL', 'PE']),
    tax('ca.hst.ns-15', 'HST', '15', '2024-01-01', ['NS'], { validTo: '2025-03-31' }),
    tax('ca.hst.ns-14', 'HST', '14', '2025-04-01', ['NS'], { confidence: 'unconfirmed', note: 'the research table lists NS at 15%; Nova Scotia announced a cut to 14% from 1 Apr 2025 — verify' }),
    tax('ca.gst', 'GST', '5', '2024-01-01', undefined, { note: 'GST only: provincial PST/QST on casual imports not included' }),
  ],
  deMinimis: [
    { id: 'ca.de-minimis.cusma-duty-150', relieves: 'duty', threshold: money('150', 'CAD'), inclusive: true, basis: 'customs', scope: 'consignment', when: CUSMA_COURIER, validFrom: '2020-07-01', source: SRC.caCn2018, confidence: 'confirmed', note: 'courier shipped from the US/MX (place of direct shipment): duty-free ≤ C$150' },
    { id: 'ca.de-minimis.cusma-tax-40', relieves: 'tax', threshold: money('40', 'CAD'), inclusive: true, basis: 'customs', scope: 'consignment', when: CUSMA_COURIER, validFrom: '2020-07-01', source: SRC.caCn2018, confidence: 'confirmed', note: 'courier shipped from the US/MX: tax-free ≤ C$40' },
    { id: 'ca.de-minimis.20', relieves: 'both', threshold: money('20', 'CAD'), inclusive: true, basis: 'customs', scope: 'consignment', validFrom: '2020-07-01', source: SRC.caLvs, confidence: 'confirmed', note: 'mail from anywhere and courier from elsewhere: duty and tax free ≤ C$20' },
  ],
  saleRegimes: [], amountThresholds: [], fees: [], methods: [],
  notices: [{
    id: 'ca.notice.pst', validFrom: '2025-01-01', when: { regions: ['QC', 'BC', 'SK', 'MB'] }, source: SRC.caLvs, confidence: 'unconfirmed',
    message: 'Provincial PST/QST collection by CBSA on casual imports is unconfirmed per province: only GST is included.',
  }],
};
