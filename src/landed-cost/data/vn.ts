import { money } from '../../model/money.js';
import type { Destination } from '../rule-schema.js';
import { SRC } from './sources.js';

/** Vietnam (research §1.14): Decision 01/2025/QĐ-TTg removed the express-consignment exemption from 18 Feb 2025. */
export const VN: Destination = {
  country: 'VN', name: 'Vietnam', territory: 'VN', currencies: [{ code: 'VND', validFrom: '2024-01-01' }],
  coverageFrom: '2024-01-01', reviewed: '2026-11-21', rounding: 'halfUp',
  fx: { id: 'vn.fx.customs', method: 'Customs rate (State Bank of Vietnam reference)', validFrom: '2024-01-01', source: SRC.vnDecision, confidence: 'likely' },
  valuation: [{ id: 'vn.valuation.cif', freight: true, insurance: true, validFrom: '2024-01-01', source: SRC.vnDecision, confidence: 'confirmed' }],
  taxes: [{ id: 'vn.vat', kind: 'VAT', rate: '10', base: { freight: true, insurance: true, duty: true }, validFrom: '2024-01-01', source: SRC.vnDecision, confidence: 'confirmed', note: 'standard 10% on CIF + duty' }],
  deMinimis: [
    {
      id: 'vn.de-minimis.express-1m', relieves: 'both', threshold: money('1000000', 'VND'), inclusive: true, basis: 'intrinsic', scope: 'consignment', when: { transport: ['courier'] },
      validFrom: '2024-01-01', validTo: '2025-02-17', source: SRC.vnDecision, confidence: 'likely', note: 'Decision 78/2010: express consignments ≤ VND 1,000,000 exempt from duty and VAT; value basis not stated',
    },
    { id: 'vn.de-minimis.none', relieves: 'both', threshold: null, validFrom: '2025-02-18', source: SRC.vnDecision, confidence: 'confirmed', note: 'Decision 01/2025/QĐ-TTg repealed Decision 78/2010' },
  ],
  saleRegimes: [], amountThresholds: [], fees: [], methods: [],
  notices: [{ id: 'vn.notice.vat-8', validFrom: '2025-01-01', source: SRC.vnDecision, confidence: 'unconfirmed', message: 'Many goods take a temporary 8% VAT under the VAT-reduction resolutions (extended through 2026); 10% is applied — confirm per HS code.' }],
};
