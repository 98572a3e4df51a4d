import { money } from '../../model/money.js';
import type { Destination } from '../rule-schema.js';
import { SRC } from './sources.js';

/** Food chapters 01–24 are outside VOEC (with restricted and excise goods). */
const FOOD = Array.from({ length: 24 }, (_, i) => String(i + 1).padStart(2, '0'));

/** Norway (research §1.20). */
export const NO: Destination = {
  country: 'NO', name: 'Norway', territory: 'NO', currencies: [{ code: 'NOK', validFrom: '2024-01-01' }],
  coverageFrom: '2024-01-01', reviewed: '2026-11-21', rounding: 'halfUp',
  fx: { id: 'no.fx.customs', method: 'Norwegian Customs rate (Norges Bank)', validFrom: '2024-01-01', source: SRC.noToll, confidence: 'likely' },
  valuation: [{ id: 'no.valuation.cif', freight: true, insurance: true, validFrom: '2024-01-01', source: SRC.noToll, confidence: 'likely' }],
  taxes: [{ id: 'no.vat', kind: 'VAT', rate: '25', base: { freight: true, insurance: true, duty: true }, validFrom: '2005-01-01', source: SRC.noToll, confidence: 'confirmed' }],
  deMinimis: [{ id: 'no.de-minimis.none', relieves: 'both', threshold: null, validFrom: '2024-01-01', source: SRC.noToll, confidence: 'confirmed', note: 'the NOK 350 exemption ended 1 Jan 2024: VAT (and duty where the tariff has one) from the first krone' }],
  saleRegimes: [{
    id: 'no.voec', name: 'Norway VOEC (< NOK 3,000 per item)', scheme: 'VOEC', ceiling: money('3000', 'NOK'), inclusive: false, basis: 'intrinsic', scope: 'item',
    collectors: ['amazon', 'ebay', 'aliexpress', 'temu', 'shein'], collectorsConfidence: 'unconfirmed', mandatory: false,
    taxBase: { freight: true, insurance: true, duty: false }, relievesDuty: true, exceptHs: FOOD,
    validFrom: '2020-04-01', source: SRC.noVoec, confidence: 'confirmed', note: 'VAT at checkout, no customs duty, simplified clearance; excludes foodstuffs, restricted and excise goods',
  }],
  amountThresholds: [], fees: [], methods: [], notices: [],
};
