import { money } from '../../model/money.js';
import type { Destination } from '../rule-schema.js';
import { SRC } from './sources.js';

/** Chile (research §1.17): Ley 21.713 from 25 Oct 2025. */
export const CL: Destination = {
  country: 'CL', name: 'Chile', territory: 'CL', currencies: [{ code: 'CLP', validFrom: '2024-01-01' }],
  coverageFrom: '2024-01-01', reviewed: '2026-11-21', rounding: 'halfUp',
  fx: { id: 'cl.fx.aduana', method: 'Aduanas rate (Banco Central dólar observado)', validFrom: '2024-01-01', source: SRC.clAduana, confidence: 'likely' },
  valuation: [{ id: 'cl.valuation.cif', freight: true, insurance: true, validFrom: '2024-01-01', source: SRC.clAduana, confidence: 'confirmed' }],
  taxes: [{ id: 'cl.iva', kind: 'IVA', rate: '19', base: { freight: true, insurance: true, duty: true }, validFrom: '2003-10-01', source: SRC.clAduana, confidence: 'confirmed', note: 'IVA on CIF + duty' }],
  deMinimis: [
    { id: 'cl.de-minimis.41', relieves: 'both', threshold: money('41', 'USD'), inclusive: true, basis: 'cif', scope: 'consignment', validFrom: '2024-01-01', validTo: '2025-10-24', source: SRC.clAduana, confidence: 'likely', note: 'US$41 exemption; value basis (CIF) not stated in the research' },
    { id: 'cl.de-minimis.none', relieves: 'both', threshold: null, validFrom: '2025-10-25', source: SRC.clLaw, confidence: 'confirmed', note: 'Ley 21.713 ended the US$41 exemption' },
  ],
  saleRegimes: [{
    id: 'cl.remote-sales', name: 'Chile IVA on remote sales ≤ US$500 (SII-registered)', scheme: 'SII', ceiling: money('500', 'USD'), inclusive: true, basis: 'intrinsic', scope: 'consignment',
    collectors: ['aliexpress', 'amazon', 'shein', 'temu', 'shopee', 'ebay'], collectorsConfidence: 'confirmed', mandatory: false,
    taxBase: { freight: true, insurance: true, duty: false }, relievesDuty: true,
    validFrom: '2025-10-25', source: SRC.clLaw, confidence: 'confirmed', note: '19% IVA at checkout on the price incl. shipping; exempt from the 6% duty at import',
  }],
  amountThresholds: [], fees: [], methods: [],
  notices: [{
    id: 'cl.notice.unregistered-duty', validFrom: '2025-10-25', withoutSaleRegime: true, valueAtMost: money('500', 'USD'), source: SRC.clLaw, confidence: 'unconfirmed',
    message: 'For parcels ≤ US$500 from sellers not registered with the SII, whether the 6% duty still applies is unconfirmed: it is applied.',
  }],
};
