import { money } from '../../model/money.js';
import type { Destination } from '../rule-schema.js';
import { SRC } from './sources.js';

const ICMS_BASE = { freight: true, insurance: true, duty: true };
const ICMS20 = ['AC', 'AL', 'BA', 'CE', 'MG', 'PB', 'PI', 'RN', 'RR', 'SE'];

/** Brazil (research §1.15): Regime de Tributação Simplificada / Remessa Conforme (Lei 14.902/2024). */
export const BR: Destination = {
  country: 'BR', name: 'Brazil', territory: 'BR', currencies: [{ code: 'BRL', validFrom: '2024-01-01' }],
  coverageFrom: '2025-01-01', reviewed: '2026-11-21', rounding: 'halfUp',
  fx: { id: 'br.fx.receita', method: 'Receita Federal rate for the registration date', validFrom: '2024-01-01', source: SRC.brRts, confidence: 'likely' },
  valuation: [{ id: 'br.valuation.cif', freight: true, insurance: true, validFrom: '2024-08-01', source: SRC.brRts, confidence: 'confirmed' }],
  taxes: [
    { id: 'br.icms.20', kind: 'ICMS', rate: '20', regions: ICMS20, base: ICMS_BASE, validFrom: '2025-04-01', source: SRC.brIcms, confidence: 'confirmed', note: 'Comsefaz: 20% in AC, AL, BA, CE, MG, PB, PI, RN, RR, SE from 1 Apr 2025; computed "por dentro"' },
    { id: 'br.icms.17', kind: 'ICMS', rate: '17', base: ICMS_BASE, validFrom: '2024-08-01', source: SRC.brIcms, confidence: 'confirmed', note: 'ICMS = (V + II) / (1 − r) × r' },
  ],
  deMinimis: [{ id: 'br.de-minimis.none', relieves: 'both', threshold: null, validFrom: '2024-08-01', source: SRC.brRts, confidence: 'confirmed', note: 'no exemption under the RTS: 20% from the first dollar' }],
  saleRegimes: [], amountThresholds: [], fees: [],
  methods: [{
    id: 'br.rts', kind: 'br-rts', ceiling: money('3000', 'USD'), lowTierUpTo: money('50', 'USD'), lowRate: '20', highRate: '60', deduction: money('20', 'USD'), uncertifiedRate: '60',
    certified: ['aliexpress', 'shopee', 'shein', 'amazon', 'mercadolivre', 'temu'],
    validFrom: '2024-08-01', source: SRC.brRts, confidence: 'confirmed',
    note: 'II 20% ≤ US$50; 60% − US$20 from US$50.01 to US$3,000 via certified platforms, which collect II + ICMS at checkout; others 60% (no 20% tier, no deduction ~)',
  }],
  notices: [{ id: 'br.notice.cbs-ibs', validFrom: '2026-01-01', source: SRC.brRtsPress, confidence: 'unconfirmed', message: 'The 2026 CBS/IBS test phase of the tax reform: its effect on the RTS is unconfirmed and not modelled.' }],
};
