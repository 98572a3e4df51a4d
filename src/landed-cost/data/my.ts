import { money } from '../../model/money.js';
import type { Destination } from '../rule-schema.js';
import { SRC } from './sources.js';

const MYR500 = money('500', 'MYR');

/** Malaysia (research §1.10). */
export const MY: Destination = {
  country: 'MY', name: 'Malaysia', territory: 'MY', currencies: [{ code: 'MYR', validFrom: '2024-01-01' }],
  coverageFrom: '2025-01-01', reviewed: '2026-11-21', rounding: 'halfUp',
  fx: { id: 'my.fx.customs', method: 'Royal Malaysian Customs exchange rate', validFrom: '2024-01-01', source: SRC.myDeMinimis, confidence: 'likely' },
  valuation: [{ id: 'my.valuation.cif', freight: true, insurance: true, validFrom: '2024-01-01', source: SRC.myDeMinimis, confidence: 'confirmed' }],
  taxes: [{ id: 'my.sales-tax.import', kind: 'sales tax', rate: '10', base: { freight: true, insurance: true, duty: true }, validFrom: '2018-09-01', source: SRC.myDeMinimis, confidence: 'likely', note: 'import sales tax 5% or 10% by goods; 10% used' }],
  deMinimis: [{
    id: 'my.de-minimis.500', relieves: 'both', threshold: MYR500, inclusive: true, basis: 'cif', scope: 'consignment', when: { transport: ['courier', 'post'] }, exceptHs: ['22', '24'],
    validFrom: '2024-01-01', source: SRC.myDeMinimis, confidence: 'confirmed', note: 'air courier/post consignments with CIF ≤ RM500 exempt from import duty and sales tax',
  }],
  saleRegimes: [{
    id: 'my.lvg', name: 'Malaysia LVG sales tax (≤ RM500)', scheme: 'MY LVG', ceiling: MYR500, inclusive: true, basis: 'intrinsic', scope: 'item',
    collectors: ['shopee', 'lazada', 'aliexpress', 'amazon', 'temu', 'shein'], collectorsConfidence: 'unconfirmed', mandatory: false,
    rate: '10', taxKind: 'LVG sales tax', taxBase: { freight: false, insurance: false, duty: false }, relievesDuty: false,
    validFrom: '2024-01-01', source: SRC.myLvg, confidence: 'confirmed', note: 'base = sale value excluding shipping, insurance and other charges; per-item assessment (~)',
  }],
  amountThresholds: [], fees: [], methods: [], notices: [],
};
