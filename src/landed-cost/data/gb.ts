import { money } from '../../model/money.js';
import type { Destination } from '../rule-schema.js';
import { SRC } from './sources.js';

const GBP135 = money('135', 'GBP');

/** United Kingdom (research §1.2). Northern Ireland (XI) follows EU rules for goods and is not covered. */
export const GB: Destination = {
  country: 'GB', name: 'United Kingdom', territory: 'GB', currencies: [{ code: 'GBP', validFrom: '2024-01-01' }],
  coverageFrom: '2025-01-01', reviewed: '2026-11-21', rounding: 'halfUp',
  fx: { id: 'gb.fx.hmrc-monthly', method: 'HMRC monthly customs and VAT exchange rates (weekly updates on big moves), by entry acceptance date', validFrom: '2021-01-01', source: SRC.gbRates, confidence: 'confirmed' },
  valuation: [{ id: 'gb.valuation.cif', freight: true, insurance: true, validFrom: '2021-01-01', source: SRC.gbValuation, confidence: 'confirmed' }],
  taxes: [{ id: 'gb.vat.standard', kind: 'VAT', rate: '20', base: { freight: true, insurance: true, duty: true }, validFrom: '2011-01-04', source: SRC.gbOmp, confidence: 'confirmed', note: 'import VAT value = customs value + duty + costs to destination' }],
  deMinimis: [
    { id: 'gb.de-minimis.duty-135', relieves: 'duty', threshold: GBP135, inclusive: true, basis: 'intrinsic', scope: 'consignment', validFrom: '2021-01-01', source: SRC.gbOmp, confidence: 'confirmed', note: 'customs duty relieved on consignments ≤ £135 (not excise goods)', exceptHs: ['22', '24'] },
    { id: 'gb.de-minimis.import-vat-135', relieves: 'tax', threshold: GBP135, inclusive: true, basis: 'intrinsic', scope: 'consignment', validFrom: '2021-01-01', source: SRC.gbOmp, confidence: 'confirmed', note: 'no import VAT ≤ £135: supply VAT is charged at the point of sale instead' },
  ],
  saleRegimes: [{
    id: 'gb.low-value', name: 'UK low-value goods (≤ £135): VAT at the point of sale', scheme: 'UK VAT', ceiling: GBP135, inclusive: true, basis: 'intrinsic', scope: 'consignment',
    collectors: ['*'], collectorsConfidence: 'confirmed', mandatory: true,
    taxBase: { freight: true, insurance: true, duty: false }, relievesDuty: false,
    validFrom: '2021-01-01', source: SRC.gbOmp, confidence: 'confirmed', note: 'the online marketplace is liable when it facilitates the sale; otherwise the overseas seller',
  }],
  amountThresholds: [], fees: [], methods: [],
  notices: [{
    id: 'gb.notice.relief-end', validFrom: '2025-11-26', source: SRC.gbReliefEnd, confidence: 'confirmed',
    message: 'Autumn Budget 2025: the ≤ £135 customs duty relief is to be abolished by March 2029 at the latest (date and design under consultation).',
  }],
};
