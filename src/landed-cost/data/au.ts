import { money } from '../../model/money.js';
import type { Destination } from '../rule-schema.js';
import { SRC } from './sources.js';

const AUD1000 = money('1000', 'AUD');

/** Australia (research §1.5). Customs value FOB; GST on the value of the taxable importation (CV + duty + transport & insurance). */
export const AU: Destination = {
  country: 'AU', name: 'Australia', territory: 'AU', currencies: [{ code: 'AUD', validFrom: '2024-01-01' }],
  coverageFrom: '2025-01-01', reviewed: '2026-11-21', rounding: 'halfUp',
  fx: { id: 'au.fx.customs', method: 'Customs rate on the day of export', validFrom: '2024-01-01', source: SRC.auTariff, confidence: 'confirmed' },
  valuation: [{ id: 'au.valuation.fob', freight: false, insurance: false, validFrom: '2024-01-01', source: SRC.auGstAct, confidence: 'confirmed' }],
  taxes: [{ id: 'au.gst', kind: 'GST', rate: '10', base: { freight: true, insurance: true, duty: true }, validFrom: '2000-07-01', source: SRC.auGstAct, confidence: 'confirmed', note: 'GST Act s13-20: VoTI = customs value + duty + international transport & insurance' }],
  deMinimis: [{
    id: 'au.de-minimis.1000', relieves: 'both', threshold: AUD1000, inclusive: true, basis: 'customs', scope: 'consignment', exceptHs: ['22', '24'],
    validFrom: '2018-07-01', source: SRC.auLvig, confidence: 'confirmed', note: 'no duty or GST collected at the border ≤ A$1,000 (except alcohol/tobacco)',
  }],
  saleRegimes: [{
    id: 'au.lvig', name: 'Australian GST on low-value imported goods (≤ A$1,000)', scheme: 'ARN', ceiling: AUD1000, inclusive: true, basis: 'customs', scope: 'consignment',
    collectors: ['*'], collectorsConfidence: 'confirmed', mandatory: true, scopeChoice: true,
    taxBase: { freight: true, insurance: true, duty: false }, relievesDuty: false, exceptHs: ['22', '24'],
    validFrom: '2018-07-01', source: SRC.auLvig, confidence: 'confirmed', note: 'electronic distribution platforms take over liability from the vendor; vendors register above A$75k; per consignment by default, per item with input.lowValueScope "item" (the ATO lets the supplier choose)',
  }],
  amountThresholds: [], fees: [], methods: [],
  notices: [{
    id: 'au.notice.ipc', validFrom: '2025-01-01', entryOnly: true, source: SRC.auTariff, confidence: 'unconfirmed',
    message: 'An import processing charge applies to import declarations above A$1,000; its current amount is unconfirmed and not included.',
  }],
};
