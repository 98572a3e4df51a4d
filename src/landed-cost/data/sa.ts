import { money } from '../../model/money.js';
import type { Destination } from '../rule-schema.js';
import { SRC } from './sources.js';

const SAR1000 = money('1000', 'SAR');

/** Saudi Arabia (research §1.21). */
export const SA: Destination = {
  country: 'SA', name: 'Saudi Arabia', territory: 'SA', currencies: [{ code: 'SAR', validFrom: '2024-01-01' }],
  coverageFrom: '2025-01-01', reviewed: '2026-11-21', rounding: 'halfUp',
  fx: { id: 'sa.fx.sama', method: 'ZATCA rate (SAMA reference; SAR pegged to USD)', validFrom: '2024-01-01', source: SRC.saZatca, confidence: 'likely' },
  valuation: [{ id: 'sa.valuation.cif', freight: true, insurance: true, validFrom: '2024-01-01', source: SRC.saZatca, confidence: 'confirmed' }],
  taxes: [{ id: 'sa.vat', kind: 'VAT', rate: '15', base: { freight: true, insurance: true, duty: true }, validFrom: '2020-07-01', source: SRC.saDeMinimis, confidence: 'confirmed', note: 'VAT on all imports from the first riyal (CIF + duty + customs fees)' }],
  deMinimis: [{
    id: 'sa.de-minimis.duty-1000', relieves: 'duty', threshold: SAR1000, inclusive: false, basis: 'cif', scope: 'consignment',
    validFrom: '2021-01-01', source: SRC.saDeMinimis, confidence: 'confirmed', note: 'customs duty exemption for personal shipments < SAR 1,000 incl. shipping (ZATCA 2021)',
  }],
  saleRegimes: [], amountThresholds: [],
  fees: [
    // Customs fees are part of the import VAT base (value for customs + duty + fees), so they are computed before VAT.
    { id: 'sa.fee.ecommerce-15', name: 'Customs service fee (e-commerce ≤ SAR 1,000)', kind: 'fixed', amount: money('15', 'SAR'), valueAtMost: SAR1000, inTaxBase: true, validFrom: '2024-10-06', source: SRC.saZatca, confidence: 'confirmed' },
    { id: 'sa.fee.customs-service', name: 'Customs service fee (0.15% of CIF)', kind: 'percent', rate: '0.15', min: money('15', 'SAR'), max: money('500', 'SAR'), valueAbove: SAR1000, inTaxBase: true, validFrom: '2024-10-06', source: SRC.saZatca, confidence: 'confirmed' },
  ],
  methods: [], notices: [],
};
