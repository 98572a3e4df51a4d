import { money } from '../../model/money.js';
import type { Destination } from '../rule-schema.js';
import { SRC } from './sources.js';

const SGD400 = money('400', 'SGD');
const AIR_OR_POST = { transport: ['courier' as const, 'post' as const] };

/** Singapore (research §1.9). Courier is taken as air; sea/land imports pay import GST at any value. */
export const SG: Destination = {
  country: 'SG', name: 'Singapore', territory: 'SG', currencies: [{ code: 'SGD', validFrom: '2024-01-01' }],
  coverageFrom: '2025-01-01', reviewed: '2026-11-21', rounding: 'halfUp',
  fx: { id: 'sg.fx.customs', method: 'Singapore Customs exchange rate', validFrom: '2024-01-01', source: SRC.sgCustoms, confidence: 'likely' },
  valuation: [{ id: 'sg.valuation.cif', freight: true, insurance: true, validFrom: '2024-01-01', source: SRC.sgCustoms, confidence: 'confirmed' }],
  taxes: [{ id: 'sg.gst-9', kind: 'GST', rate: '9', base: { freight: true, insurance: true, duty: true }, validFrom: '2024-01-01', source: SRC.sgGst, confidence: 'confirmed', note: 'import GST on CIF + duty' }],
  deMinimis: [{
    id: 'sg.de-minimis.gst-400', relieves: 'tax', threshold: SGD400, inclusive: true, basis: 'cif', scope: 'consignment', when: AIR_OR_POST,
    validFrom: '2023-01-01', source: SRC.sgLvg, confidence: 'confirmed', note: 'import GST relief for air/post consignments with CIF ≤ S$400',
  }],
  saleRegimes: [{
    id: 'sg.lvg', name: 'Singapore GST on low-value goods (≤ S$400 per item)', scheme: 'SG GST (OVR)', ceiling: SGD400, inclusive: true, basis: 'intrinsic', scope: 'item', when: AIR_OR_POST,
    collectors: ['amazon', 'ebay', 'aliexpress', 'shopee', 'lazada', 'temu', 'shein'], collectorsConfidence: 'likely', mandatory: false,
    taxBase: { freight: true, insurance: true, duty: false }, relievesDuty: false,
    validFrom: '2023-01-01', source: SRC.sgLvg, confidence: 'confirmed', note: 'sales value per item excl. transport, insurance and GST; GST charged on the supply incl. delivery (~)',
  }],
  amountThresholds: [], fees: [], methods: [], notices: [],
};
