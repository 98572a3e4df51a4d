import { money } from '../../model/money.js';
import type { Destination } from '../rule-schema.js';
import { SRC } from './sources.js';

const courier = {
  kind: 'mx-courier' as const, ceiling: money('2500', 'USD'), ftaOrigins: ['US', 'CA'], ftaExemptUpTo: money('50', 'USD'),
  ftaBands: [{ upTo: money('117', 'USD'), rate: '17' }, { rate: '19' }], when: { transport: ['courier' as const] },
};

/** Mexico (research §1.16): courier simplified procedure, RGCE rule 3.7.35, consignments ≤ US$2,500. */
export const MX: Destination = {
  country: 'MX', name: 'Mexico', territory: 'MX', currencies: [{ code: 'MXN', validFrom: '2024-01-01' }],
  coverageFrom: '2025-01-01', reviewed: '2026-11-21', rounding: 'halfUp',
  fx: { id: 'mx.fx.dof', method: 'Banxico FIX rate published in the DOF', validFrom: '2024-01-01', source: SRC.mxDof, confidence: 'likely' },
  valuation: [{ id: 'mx.valuation.cif', freight: true, insurance: true, validFrom: '2024-01-01', source: SRC.mxRgce, confidence: 'likely' }],
  taxes: [{ id: 'mx.iva', kind: 'IVA', rate: '16', base: { freight: true, insurance: true, duty: true }, validFrom: '2010-01-01', source: SRC.mxRgce, confidence: 'confirmed' }],
  deMinimis: [{ id: 'mx.de-minimis.none', relieves: 'both', threshold: null, validFrom: '2025-01-01', source: SRC.mxRgce, confidence: 'confirmed', note: 'Jan 2025 removed the US$50 exemption for non-FTA courier goods' }],
  saleRegimes: [], amountThresholds: [], fees: [],
  methods: [
    { id: 'mx.courier-19', ...courier, rate: '19', validFrom: '2025-01-01', validTo: '2025-08-14', source: SRC.mxRgce, confidence: 'confirmed', note: 'tasa global 19% (duty + IVA) for non-FTA origins' },
    { id: 'mx.courier-33-5', ...courier, rate: '33.5', validFrom: '2025-08-15', source: SRC.mxDof, confidence: 'confirmed', note: 'DOF 28 Jul 2025: tasa global 33.5% for non-FTA origins (incl. China) from 15 Aug 2025' },
  ],
  notices: [
    { id: 'mx.notice.dta', validFrom: '2025-01-01', when: { transport: ['courier'] }, source: SRC.mxRgce, confidence: 'unconfirmed', message: 'The customs processing fee (DTA) is not included; its amount for courier consignments is unconfirmed.' },
    { id: 'mx.notice.post', validFrom: '2025-01-01', when: { transport: ['post'] }, source: SRC.mxRgce, confidence: 'unconfirmed', message: 'The postal regime is not modelled: general tariff + IVA shown.' },
  ],
};
