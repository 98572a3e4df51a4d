import { money } from '../../model/money.js';
import type { Destination } from '../rule-schema.js';
import { SRC } from './sources.js';

const USD200 = money('200', 'USD');
const POSTAL = { transport: ['courier' as const, 'post' as const] };

/** Colombia (research §1.18): tráfico postal y envíos urgentes (≤ US$2,000, ≤ 50 kg). */
export const CO: Destination = {
  country: 'CO', name: 'Colombia', territory: 'CO', currencies: [{ code: 'COP', validFrom: '2024-01-01' }],
  coverageFrom: '2025-01-01', reviewed: '2026-11-21', rounding: 'halfUp',
  fx: { id: 'co.fx.trm', method: 'TRM (Banco de la República) of the declaration date', validFrom: '2024-01-01', source: SRC.coPostal, confidence: 'likely' },
  valuation: [{ id: 'co.valuation.cif', freight: true, insurance: true, validFrom: '2024-01-01', source: SRC.coPostal, confidence: 'confirmed' }],
  taxes: [{ id: 'co.iva', kind: 'IVA', rate: '19', base: { freight: true, insurance: true, duty: true }, validFrom: '2017-01-01', source: SRC.coIva, confidence: 'confirmed', note: 'IVA on CIF + duty' }],
  deMinimis: [
    { id: 'co.de-minimis.duty-200', relieves: 'duty', threshold: USD200, inclusive: true, basis: 'fob', scope: 'consignment', when: POSTAL, validFrom: '2024-01-01', source: SRC.coPostal, confidence: 'confirmed', note: 'Decree 1090/2020: no duty if FOB ≤ US$200' },
    { id: 'co.de-minimis.iva-us-200', relieves: 'tax', threshold: USD200, inclusive: true, basis: 'fob', scope: 'consignment', when: { ...POSTAL, originAll: ['US'] }, validFrom: '2024-01-01', source: SRC.coIva, confidence: 'confirmed', note: 'Ley 2155/2021: IVA exclusion ≤ US$200 only for FTA partners with that clause (in practice the US)' },
  ],
  saleRegimes: [], amountThresholds: [], fees: [],
  methods: [{
    id: 'co.postal-flat', kind: 'co-postal', ceiling: money('2000', 'USD'), maxKg: '50', flatRate: '10', when: POSTAL,
    validFrom: '2024-01-01', source: SRC.coPostal, confidence: 'confirmed', note: 'above FOB US$200: flat 10% (subheadings 9807.10/20) instead of the HS rate',
  }],
  notices: [{ id: 'co.notice.reform', validFrom: '2025-10-01', source: SRC.coIva, confidence: 'unconfirmed', message: 'The 2025/26 financing bill that would end the remaining IVA exemption was reported sunk; final outcome unconfirmed.' }],
};
