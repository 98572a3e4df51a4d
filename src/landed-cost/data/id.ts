import { money } from '../../model/money.js';
import type { Destination } from '../rule-schema.js';
import { SRC } from './sources.js';

const textiles = Array.from({ length: 14 }, (_, i) => String(50 + i));

/** Indonesia (research §1.12): PMK 96/2023 as amended by PMK 4/2025 (from 5 Mar 2025). */
export const ID: Destination = {
  country: 'ID', name: 'Indonesia', territory: 'ID', currencies: [{ code: 'IDR', validFrom: '2024-01-01' }],
  coverageFrom: '2025-03-05', reviewed: '2026-11-21', rounding: 'halfUp',
  fx: { id: 'id.fx.kmk', method: 'Ministry of Finance weekly customs rate (KMK)', validFrom: '2024-01-01', source: SRC.idPmk, confidence: 'likely' },
  valuation: [{ id: 'id.valuation.cif', freight: true, insurance: true, validFrom: '2024-01-01', source: SRC.idPmk, confidence: 'confirmed', note: 'nilai pabean = FOB + insurance + freight' }],
  taxes: [{ id: 'id.vat-11', kind: 'VAT', rate: '11', base: { freight: true, insurance: true, duty: true }, validFrom: '2025-01-01', source: SRC.idVat, confidence: 'confirmed', note: '12% nominal on 11/12 of the value for non-luxury goods = 11% effective; base CIF + duty' }],
  deMinimis: [{ id: 'id.de-minimis.tax-none', relieves: 'tax', threshold: null, validFrom: '2025-03-05', source: SRC.idPmk, confidence: 'confirmed', note: 'VAT due from the first dollar' }],
  saleRegimes: [], amountThresholds: [], fees: [],
  // Reported practice: duty and import taxes of consignments are rounded up to the full thousand
  // rupiah. Not found in the text of PMK 96/2023 / 4/2025 available to us: unconfirmed (warns).
  roundingRules: [
    { id: 'id.round.duty', applies: 'duty', step: '1000', direction: 'up', validFrom: '2025-03-05', source: SRC.idPmk, confidence: 'unconfirmed', note: 'import duty rounded up to the thousand rupiah' },
    { id: 'id.round.vat', applies: 'tax', kinds: ['VAT'], step: '1000', direction: 'up', validFrom: '2025-03-05', source: SRC.idPmk, confidence: 'unconfirmed', note: 'import VAT rounded up to the thousand rupiah' },
  ],
  methods: [{
    id: 'id.pmk-4-2025', kind: 'id-pmk', noDutyUpTo: money('3', 'USD'), flatUpTo: money('1500', 'USD'), flatRate: '7.5',
    mfnHs: ['4202', ...textiles, '64', '33', '49', '72', '73', '8712', '91'],
    validFrom: '2025-03-05', source: SRC.idPmk, confidence: 'confirmed',
    note: 'FOB ≤ US$3 no duty; ≤ US$1,500 flat 7.5% (no PPh); bags, textiles/apparel, footwear, cosmetics, books, steel, bicycles and watches at MFN rates',
  }],
  notices: [{ id: 'id.notice.safeguards', validFrom: '2025-03-05', when: { hsAny: ['4202', ...textiles, '64'] }, source: SRC.idPmk, confidence: 'likely', message: 'Safeguard duties on some bags/textiles/footwear lines are not computed.' }],
};
