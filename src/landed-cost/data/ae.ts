import { money } from '../../model/money.js';
import type { Destination } from '../rule-schema.js';
import { SRC } from './sources.js';

/** United Arab Emirates (research §1.22). */
export const AE: Destination = {
  country: 'AE', name: 'United Arab Emirates', territory: 'AE', currencies: [{ code: 'AED', validFrom: '2024-01-01' }],
  coverageFrom: '2025-01-01', reviewed: '2026-11-21', rounding: 'halfUp',
  fx: { id: 'ae.fx.cbuae', method: 'UAE customs rate (AED pegged to USD)', validFrom: '2024-01-01', source: SRC.aeUae, confidence: 'likely' },
  valuation: [{ id: 'ae.valuation.cif', freight: true, insurance: true, validFrom: '2024-01-01', source: SRC.aeEy, confidence: 'confirmed' }],
  taxes: [{ id: 'ae.vat', kind: 'VAT', rate: '5', base: { freight: true, insurance: true, duty: true }, validFrom: '2018-01-01', source: SRC.aeUae, confidence: 'confirmed', note: 'VAT on all non-document imports; base CIF (+ duty and fees above AED 1,000, ~)' }],
  deMinimis: [{
    id: 'ae.de-minimis.duty-1000', relieves: 'duty', threshold: money('1000', 'AED'), inclusive: true, basis: 'cif', scope: 'consignment',
    validFrom: '2023-03-01', source: SRC.aeEy, confidence: 'confirmed', note: "GCC AED 1,000 threshold; Dubai's AED 300 cut suspended from 1 Mar 2023",
  }],
  saleRegimes: [], amountThresholds: [], fees: [], methods: [], notices: [],
};
