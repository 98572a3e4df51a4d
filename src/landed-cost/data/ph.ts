import { money } from '../../model/money.js';
import type { Destination } from '../rule-schema.js';
import { SRC } from './sources.js';

/** Philippines (research §1.13). */
export const PH: Destination = {
  country: 'PH', name: 'Philippines', territory: 'PH', currencies: [{ code: 'PHP', validFrom: '2024-01-01' }],
  coverageFrom: '2025-01-01', reviewed: '2026-11-21', rounding: 'halfUp',
  fx: { id: 'ph.fx.customs', method: 'Bureau of Customs weekly rate (BSP reference)', validFrom: '2024-01-01', source: SRC.phDeMinimis, confidence: 'likely' },
  valuation: [{ id: 'ph.valuation.cif', freight: true, insurance: true, validFrom: '2024-01-01', source: SRC.phDeMinimis, confidence: 'confirmed', note: 'dutiable value CIF' }],
  taxes: [{ id: 'ph.vat', kind: 'VAT', rate: '12', base: { freight: true, insurance: true, duty: true }, validFrom: '2006-02-01', source: SRC.phDeMinimis, confidence: 'confirmed', note: 'VAT on landed cost (CIF + duty; excise and fees not modelled)' }],
  deMinimis: [{
    id: 'ph.de-minimis.10000', relieves: 'both', threshold: money('10000', 'PHP'), inclusive: true, basis: 'fob', scope: 'consignment', exceptHs: ['22', '24'],
    validFrom: '2024-01-01', source: SRC.phDeMinimis, confidence: 'confirmed', note: 'CMTA s.423 / CAO 02-2016: FOB/FCA ≤ PHP 10,000, all modes; excise goods excluded',
  }],
  saleRegimes: [], amountThresholds: [], fees: [], methods: [], notices: [],
};
