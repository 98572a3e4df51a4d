import { money } from '../../model/money.js';
import type { Destination } from '../rule-schema.js';
import { SRC } from './sources.js';

const NZD1000 = money('1000', 'NZD');

/** New Zealand (research §1.6). */
export const NZ: Destination = {
  country: 'NZ', name: 'New Zealand', territory: 'NZ', currencies: [{ code: 'NZD', validFrom: '2024-01-01' }],
  coverageFrom: '2025-01-01', reviewed: '2026-11-21', rounding: 'halfUp',
  fx: { id: 'nz.fx.customs', method: 'NZ Customs exchange rate for the date of export', validFrom: '2024-01-01', source: SRC.nzFaq, confidence: 'likely' },
  valuation: [{ id: 'nz.valuation.fob', freight: false, insurance: false, validFrom: '2024-01-01', source: SRC.nzFaq, confidence: 'likely' }],
  taxes: [{ id: 'nz.gst', kind: 'GST', rate: '15', base: { freight: true, insurance: true, duty: true }, validFrom: '2010-10-01', source: SRC.nzFaq, confidence: 'confirmed', note: 'GST on customs value + duty + freight + insurance' }],
  deMinimis: [{
    id: 'nz.de-minimis.1000', relieves: 'both', threshold: NZD1000, inclusive: true, basis: 'customs', scope: 'consignment', exceptHs: ['22', '24'],
    validFrom: '2019-12-01', source: SRC.nzFaq, confidence: 'unconfirmed', note: 'duty generally not collected ≤ NZ$1,000 (~, confirm); GST collected at sale',
  }],
  saleRegimes: [{
    id: 'nz.low-value', name: 'NZ GST on low-value imported goods (≤ NZ$1,000 per item)', scheme: 'NZ GST', ceiling: NZD1000, inclusive: true, basis: 'customs', scope: 'item',
    collectors: ['*'], collectorsConfidence: 'confirmed', mandatory: true, importTaxOnDuty: true,
    taxBase: { freight: true, insurance: true, duty: false }, relievesDuty: false, exceptHs: ['22', '24'],
    validFrom: '2019-12-01', source: SRC.nzLvg, confidence: 'confirmed',
    note: 'offshore suppliers and electronic marketplaces registered for GST collect 15% at sale on each item ≤ NZ$1,000; where duty is assessed at the border, GST is charged there on the duty only',
  }],
  amountThresholds: [{
    id: 'nz.threshold.60', applies: ['duty', 'tax'], threshold: money('60', 'NZD'), inclusive: false,
    validFrom: '2019-12-01', source: SRC.nzFaq, confidence: 'confirmed', note: 'not collected when duty + GST total less than NZ$60',
  }],
  fees: [
    { id: 'nz.fee.ietf', name: 'Import entry transaction fee', kind: 'fixed', amount: money('29.26', 'NZD'), entryOnly: true, validFrom: '2025-01-01', source: SRC.nzFaq, confidence: 'unconfirmed', note: 'historic amount incl. GST; current value unconfirmed' },
    { id: 'nz.fee.mpi-levy', name: 'MPI biosecurity system entry levy', kind: 'fixed', amount: money('19.98', 'NZD'), entryOnly: true, validFrom: '2025-01-01', source: SRC.nzFaq, confidence: 'unconfirmed', note: 'historic amount incl. GST; current value unconfirmed' },
  ],
  methods: [], notices: [],
};
