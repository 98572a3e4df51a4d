import { money } from '../../model/money.js';
import type { Destination } from '../rule-schema.js';
import { SRC } from './sources.js';

/** Türkiye (research §1.23): simplified postal/express regime with a single flat tax covering duty and VAT. */
export const TR: Destination = {
  country: 'TR', name: 'Türkiye', territory: 'TR', currencies: [{ code: 'TRY', validFrom: '2024-01-01' }],
  coverageFrom: '2025-01-01', reviewed: '2026-11-21', rounding: 'halfUp',
  fx: { id: 'tr.fx.cbrt', method: 'Central Bank of the Republic of Türkiye rate', validFrom: '2024-01-01', source: SRC.trDecision, confidence: 'likely' },
  valuation: [{ id: 'tr.valuation.cif', freight: true, insurance: true, validFrom: '2024-08-02', source: SRC.trDecision, confidence: 'likely', note: 'transport costs added to the value since Aug 2024' }],
  taxes: [{ id: 'tr.vat', kind: 'VAT', rate: '20', base: { freight: true, insurance: true, duty: true }, validFrom: '2023-07-10', source: SRC.trDecision, confidence: 'confirmed' }],
  deMinimis: [], saleRegimes: [], amountThresholds: [], fees: [],
  methods: [
    {
      id: 'tr.flat-2024', kind: 'tr-flat', exemptUpTo: money('30', 'EUR'), euRate: '30', otherRate: '60',
      validFrom: '2024-08-02', validTo: '2026-02-05', source: SRC.trDecision, confidence: 'likely',
      note: '€30 allowance (value incl. transport); above it the single flat tax 30% (direct from the EU) / 60% (other origins) — simplified-regime ceiling unconfirmed',
    },
    {
      id: 'tr.flat-2026', kind: 'tr-flat', euRate: '30', otherRate: '60',
      validFrom: '2026-02-06', source: SRC.trDecision, confidence: 'unconfirmed',
      note: 'Presidential decision of 6–7 Jan 2026 removed the €30 allowance (effective ~6 Feb 2026); the remaining simplified-regime ceiling is unconfirmed',
    },
  ],
  notices: [{ id: 'tr.notice.otv', validFrom: '2025-01-01', when: { hsAny: ['33', '85', '91'] }, source: SRC.trDecision, confidence: 'unconfirmed', message: 'Goods on ÖTV list IV attract an extra 20% under the simplified regime; list membership is not bundled and the extra is not applied.' }],
};
