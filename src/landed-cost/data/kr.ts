import { money } from '../../model/money.js';
import type { Destination } from '../rule-schema.js';
import { SRC } from './sources.js';

/** South Korea (research §1.8). Same-day arrivals for one consignee are combined (one consignment). */
export const KR: Destination = {
  country: 'KR', name: 'South Korea', territory: 'KR', currencies: [{ code: 'KRW', validFrom: '2024-01-01' }],
  coverageFrom: '2025-01-01', reviewed: '2026-12-04', rounding: 'halfUp',
  fx: { id: 'kr.fx.kcs-weekly', method: 'Korea Customs Service weekly customs rate', validFrom: '2024-01-01', source: SRC.krGuide, confidence: 'likely' },
  valuation: [{ id: 'kr.valuation.cif', freight: true, insurance: true, validFrom: '2024-01-01', source: SRC.krGuide, confidence: 'confirmed' }],
  taxes: [{ id: 'kr.vat', kind: 'VAT', rate: '10', base: { freight: true, insurance: true, duty: true }, validFrom: '2024-01-01', source: SRC.krGuide, confidence: 'confirmed', note: 'VAT on CIF + duty' }],
  deMinimis: [
    {
      id: 'kr.de-minimis.us-200', relieves: 'both', threshold: money('200', 'USD'), inclusive: true, basis: 'intrinsic', scope: 'consignment',
      when: { shipFrom: ['US'], hsNone: ['21', '30', '33'] }, validFrom: '2024-01-01', source: SRC.krGuide, confidence: 'unconfirmed',
      note: 'US$200 for goods shipped from the US (KORUS, list clearance); whether international freight counts is conflicting across sources — goods price used',
    },
    {
      id: 'kr.de-minimis.150', relieves: 'both', threshold: money('150', 'USD'), inclusive: true, basis: 'intrinsic', scope: 'consignment',
      validFrom: '2024-01-01', source: SRC.krGuide, confidence: 'unconfirmed',
      note: 'personal imports; foods, supplements, cosmetics and medicines always US$150; freight inclusion conflicting across sources — goods price used',
    },
  ],
  saleRegimes: [],
  amountThresholds: [{
    id: 'kr.threshold.duty-10000', applies: ['duty'], threshold: money('10000', 'KRW'), inclusive: false,
    validFrom: '2024-01-01', source: SRC.krCustomsAct, confidence: 'confirmed', note: 'Customs Act art. 40: duty below ₩10,000 is not collected',
  }],
  roundingRules: [
    { id: 'kr.round.duty', applies: 'duty', step: '10', direction: 'down', validFrom: '2024-01-01', source: SRC.krTreasury, confidence: 'likely', note: 'fractions below ₩10 of a national revenue amount are dropped (art. 47)' },
    { id: 'kr.round.duty-in-vat-base', applies: 'dutyInTaxBase', step: '10', direction: 'down', validFrom: '2024-01-01', source: SRC.krTreasury, confidence: 'likely', note: 'the VAT base adds the duty as levied (₩10 fractions dropped)' },
    { id: 'kr.round.vat', applies: 'tax', kinds: ['VAT'], step: '10', direction: 'down', validFrom: '2024-01-01', source: SRC.krTreasury, confidence: 'likely', note: 'fractions below ₩10 of a national revenue amount are dropped (art. 47)' },
  ],
  fees: [], methods: [],
  notices: [{ id: 'kr.notice.pccc', validFrom: '2025-01-01', source: SRC.krGuide, confidence: 'confirmed', message: 'The consignee needs a personal customs clearance code (PCCC) on the declaration.' }],
};
