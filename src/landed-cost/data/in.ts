import { money } from '../../model/money.js';
import type { Destination } from '../rule-schema.js';
import { SRC } from './sources.js';

/** India (research §1.24): courier/postal personal imports under CTH 9804 with a commercial transaction. */
export const IN: Destination = {
  country: 'IN', name: 'India', territory: 'IN', currencies: [{ code: 'INR', validFrom: '2024-01-01' }],
  coverageFrom: '2025-01-01', reviewed: '2026-11-21', rounding: 'halfUp',
  fx: { id: 'in.fx.cbic', method: 'CBIC notified customs exchange rate', validFrom: '2024-01-01', source: SRC.inFaq, confidence: 'likely' },
  valuation: [{ id: 'in.valuation.cif', freight: true, insurance: true, deemedInsurance: '1.125', validFrom: '2024-01-01', source: SRC.inFaq, confidence: 'likely', note: 'assessable value CIF; insurance deemed 1.125% of FOB when unknown (~)' }],
  taxes: [{ id: 'in.igst-9804', kind: 'IGST', rate: '18', base: { freight: true, insurance: true, duty: true }, validFrom: '2024-01-01', source: SRC.inFaq, confidence: 'confirmed', note: 'IGST 18% on (AV + BCD + SWS) for CTH 9804' }],
  deMinimis: [{ id: 'in.de-minimis.none', relieves: 'both', threshold: null, validFrom: '2024-01-01', source: SRC.inFaq, confidence: 'confirmed', note: 'no general de minimis for purchased goods' }],
  saleRegimes: [],
  amountThresholds: [{ id: 'in.threshold.100', applies: ['duty', 'tax'], threshold: money('100', 'INR'), inclusive: true, validFrom: '2024-01-01', source: SRC.inFaq, confidence: 'likely', note: 's.25(9): duty (incl. IGST) ≤ ₹100 not collected (~)' }],
  fees: [],
  methods: [{ id: 'in.9804', kind: 'in-9804', bcd: '10', sws: '10', validFrom: '2024-01-01', source: SRC.inFaq, confidence: 'confirmed', note: 'BCD 10% + SWS 10% of BCD + IGST 18% = 30.98% of assessable value (Mumbai Customs ICT FAQ)' }],
  notices: [],
};
