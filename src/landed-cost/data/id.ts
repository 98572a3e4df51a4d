import { money } from '../../model/money.js';
import type { Destination } from '../rule-schema.js';
import { SRC } from './sources.js';

/** Indonesia (research §1.12): PMK 96/2023 as amended by PMK 4/2025 (from 5 Mar 2025). */
export const ID: Destination = {
  country: 'ID', name: 'Indonesia', territory: 'ID', currencies: [{ code: 'IDR', validFrom: '2024-01-01' }],
  coverageFrom: '2025-03-05', reviewed: '2026-11-21', rounding: 'halfUp',
  fx: { id: 'id.fx.kmk', method: 'Ministry of Finance weekly customs rate (KMK)', validFrom: '2024-01-01', source: SRC.idPmk, confidence: 'likely' },
  valuation: [{ id: 'id.valuation.cif', freight: true, insurance: true, validFrom: '2024-01-01', source: SRC.idPmk, confidence: 'confirmed', note: 'nilai pabean = FOB + insurance + freight' }],
  taxes: [{ id: 'id.vat-11', kind: 'VAT', rate: '11', base: { freight: true, insurance: true, duty: true }, validFrom: '2025-01-01', source: SRC.idVat, confidence: 'confirmed', note: '12% nominal on 11/12 of the value for non-luxury goods = 11% effective; base CIF + duty' }],
  deMinimis: [{ id: 'id.de-minimis.tax-none', relieves: 'tax', threshold: null, validFrom: '2025-03-05', source: SRC.idPmk, confidence: 'confirmed', note: 'VAT due from the first dollar' }],
  saleRegimes: [], amountThresholds: [], fees: [],
  // PMK 190/2022 art. 22(4): duty rounded up to the thousand rupiah per levy (Rp1,506,882.069 →
  // Rp1,507,000); import taxes follow tax law: VAT to the full rupiah, down. Stated for import
  // declarations (PIB); that consignments (CN/PIBK) round alike is our reading: 'likely'.
  roundingRules: [
    { id: 'id.round.duty', applies: 'duty', step: '1000', direction: 'up', validFrom: '2025-03-05', source: SRC.idRounding, confidence: 'likely', note: 'import duty rounded up to the thousand rupiah' },
    { id: 'id.round.vat', applies: 'tax', kinds: ['VAT'], step: '1', direction: 'down', validFrom: '2025-03-05', source: SRC.idRounding, confidence: 'likely', note: 'import VAT rounded down to the full rupiah' },
  ],
  methods: [{
    id: 'id.pmk-4-2025', kind: 'id-pmk', noDutyUpTo: money('3', 'USD'), flatUpTo: money('1500', 'USD'), flatRate: '7.5',
    // PMK 4/2025 replaced the MFN rates of PMK 96/2023 art. 29 for these groups (source idPmk4Rates);
    // HS scope as listed for PMK 96/2023 (source idCommodityHs).
    mfnHs: [],
    fixedRates: [
      { label: 'books (PMK 4/2025)', rate: '0', hs: ['4901', '4902', '4903', '4904'] },
      { label: 'watches, cosmetics, iron/steel (PMK 4/2025)', rate: '15', hs: ['9101', '9102', '3303', '3304', '3305', '3306', '3307', '73'] },
      { label: 'bags, textile products, footwear, bicycles (PMK 4/2025)', rate: '25', hs: ['4202', '61', '62', '63', '64', '8712', '87116092', '87116093', '87116094', '87116095', '87116099'] },
    ],
    validFrom: '2025-03-05', source: SRC.idPmk4Rates, confidence: 'confirmed',
    note: 'FOB ≤ US$3 no duty; ≤ US$1,500 flat 7.5% (no PPh); books 0%, watches/cosmetics/steel 15%, bags/textile products/footwear/bicycles 25%, without additional duties',
  }],
  notices: [
    { id: 'id.notice.pph-commodities', validFrom: '2025-03-05', when: { hsAny: ['9101', '9102', '3303', '3304', '3305', '3306', '3307', '73', '4202', '61', '62', '63', '64', '8712', '871160'] }, source: SRC.idPmk4Ddtc, confidence: 'likely', message: 'The eight PMK 4/2025 commodity groups (books excepted) also owe 5% income tax (PPh) at import, which is not computed.' },
  ],
};
