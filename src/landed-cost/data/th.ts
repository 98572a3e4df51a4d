import { money } from '../../model/money.js';
import type { Destination } from '../rule-schema.js';
import { SRC } from './sources.js';

const THB1500 = money('1500', 'THB');

/** Thailand (research §1.11): VAT from the first baht since 5 Jul 2024, duty from the first baht since 1 Jan 2026. */
export const TH: Destination = {
  country: 'TH', name: 'Thailand', territory: 'TH', currencies: [{ code: 'THB', validFrom: '2024-01-01' }],
  coverageFrom: '2024-01-01', reviewed: '2026-11-21', rounding: 'halfUp',
  fx: { id: 'th.fx.customs', method: 'Thai Customs exchange rate (Bank of Thailand)', validFrom: '2024-01-01', source: SRC.thVat2024, confidence: 'likely' },
  valuation: [{ id: 'th.valuation.cif', freight: true, insurance: true, validFrom: '2024-01-01', source: SRC.thVat2024, confidence: 'confirmed' }],
  taxes: [{ id: 'th.vat', kind: 'VAT', rate: '7', base: { freight: true, insurance: true, duty: true }, validFrom: '2024-01-01', source: SRC.thVat2024, confidence: 'confirmed' }],
  deMinimis: [
    { id: 'th.de-minimis.1500', relieves: 'both', threshold: THB1500, inclusive: true, basis: 'cif', scope: 'consignment', validFrom: '2024-01-01', validTo: '2024-07-04', source: SRC.thVat2024, confidence: 'likely', note: 'value basis (CIF) not stated in the research' },
    { id: 'th.de-minimis.vat-none', relieves: 'tax', threshold: null, validFrom: '2024-07-05', source: SRC.thVat2024, confidence: 'confirmed', note: 'VAT exemption ≤ THB 1,500 removed 5 Jul 2024' },
    { id: 'th.de-minimis.duty-1500', relieves: 'duty', threshold: THB1500, inclusive: true, basis: 'cif', scope: 'consignment', validFrom: '2024-07-05', validTo: '2025-12-31', source: SRC.thVat2024, confidence: 'likely', note: 'duty still exempt ≤ THB 1,500; value basis (CIF) not stated' },
    { id: 'th.de-minimis.duty-none', relieves: 'duty', threshold: null, validFrom: '2026-01-01', source: SRC.thDuty2026, confidence: 'confirmed', note: 'duty charged from the first baht from 1 Jan 2026' },
  ],
  saleRegimes: [{
    id: 'th.mou-platforms', name: 'Thai Customs MoU platforms (duty + VAT in the checkout price)', scheme: 'TH Customs MoU', ceiling: null,
    collectors: ['lazada', 'shopee', 'tiktok', 'shein', 'temu'], collectorsConfidence: 'confirmed', mandatory: false,
    taxBase: { freight: true, insurance: true, duty: true }, relievesDuty: false, collectsImportCharges: true,
    validFrom: '2026-01-01', source: SRC.thDuty2026, confidence: 'likely', note: 'MoUs reported with the 2026 change; start date assumed 1 Jan 2026',
  }],
  amountThresholds: [], fees: [], methods: [], notices: [],
};
