import { money } from '../../model/money.js';
import type { Destination, FeeRule } from '../rule-schema.js';
import { SRC } from './sources.js';

const USD2500 = money('2500', 'USD');

/** MPF per fiscal year: informal flat fee ≤ US$2,500, formal 0.3464% with min/max above. */
function mpf(fy: string, from: string, to: string | undefined, informal: string, min: string, max: string, confidence: FeeRule['confidence'], note?: string): FeeRule[] {
  const common = { validFrom: from, ...(to ? { validTo: to } : {}), source: SRC.usFees, confidence, when: { transport: ['courier' as const] }, entryOnly: true, ...(note ? { note } : {}) };
  return [
    { id: `us.fee.mpf-informal-${fy}`, name: 'Merchandise processing fee (informal entry)', kind: 'fixed', amount: money(informal, 'USD'), valueAtMost: USD2500, ...common },
    { id: `us.fee.mpf-formal-${fy}`, name: 'Merchandise processing fee (formal entry)', kind: 'percent', rate: '0.3464', min: money(min, 'USD'), max: money(max, 'USD'), valueAbove: USD2500, ...common },
  ];
}

/**
 * United States (research §1.3). No import VAT; duty = HTS + Chapter 99 layers (tariff-us.ts);
 * CBP fees. State sales tax is not an import tax (marketplace facilitators collect it) and is not added.
 */
export const US: Destination = {
  country: 'US', name: 'United States', territory: 'US', currencies: [{ code: 'USD', validFrom: '2024-01-01' }],
  coverageFrom: '2025-01-01', reviewed: '2026-11-21', rounding: 'halfUp',
  fx: { id: 'us.fx.frbny', method: 'Rates certified by the Federal Reserve Bank of New York: quarterly, or the daily rate of the date of exportation when it differs by ≥ 5% (19 CFR 159.31–159.34)', validFrom: '2024-01-01', source: SRC.usFx, confidence: 'confirmed' },
  valuation: [{ id: 'us.valuation.fob', freight: false, insurance: false, validFrom: '2024-01-01', source: SRC.usHts, confidence: 'confirmed', note: 'transaction value excludes international freight and insurance' }],
  taxes: [],
  deMinimis: [
    { id: 'us.de-minimis.cn-hk-ended', relieves: 'both', threshold: null, when: { originAny: ['CN', 'HK'] }, validFrom: '2025-05-02', validTo: '2025-08-28', source: SRC.usChinaEos, confidence: 'likely', note: 'research states the removal for CN/HK postal goods; EO 14256 ended it for all CN/HK goods, applied to every mode here' },
    { id: 'us.de-minimis.800', relieves: 'both', threshold: money('800', 'USD'), inclusive: true, basis: 'intrinsic', scope: 'consignment', validFrom: '2016-03-10', validTo: '2025-08-28', source: SRC.usDeMinimisLaw, confidence: 'confirmed', note: '19 U.S.C. 1321: fair retail value per person per day' },
    { id: 'us.de-minimis.suspended-eo14324', relieves: 'both', threshold: null, validFrom: '2025-08-29', validTo: '2026-02-23', source: SRC.usEo14324, confidence: 'confirmed', note: 'EO 14324: suspended for all countries' },
    { id: 'us.de-minimis.suspended-eo14388', relieves: 'both', threshold: null, validFrom: '2026-02-24', validTo: '2026-06-23', source: SRC.usIfr, confidence: 'confirmed', note: 'EO 14388 continued the suspension after the IEEPA ruling' },
    { id: 'us.de-minimis.suspended-ifr', relieves: 'both', threshold: null, validFrom: '2026-06-24', validTo: '2027-06-30', source: SRC.usIfr, confidence: 'confirmed', note: 'CBP interim final rules (91 FR 37789, 37801) under 19 U.S.C. 1321(b)' },
    { id: 'us.de-minimis.repealed', relieves: 'both', threshold: null, validFrom: '2027-07-01', source: SRC.usIfr, confidence: 'likely', note: 'statutory de minimis repealed for all by the 2025 reconciliation act (~)' },
  ],
  saleRegimes: [],
  amountThresholds: [],
  fees: [
    ...mpf('fy2025', '2024-10-01', '2025-09-30', '2.62', '32.71', '634.62', 'unconfirmed', 'FY2025 figures are not in the research notes'),
    ...mpf('fy2026', '2025-10-01', '2026-09-30', '2.69', '33.58', '651.50', 'confirmed', '90 FR 34665; informal entry limit US$2,500'),
    ...mpf('fy2027', '2026-10-01', undefined, '2.69', '33.58', '651.50', 'unconfirmed', 'FY2027 figures unpublished in the research: FY2026 carried forward'),
  ],
  methods: [
    {
      id: 'us.postal.ieepa', kind: 'us-postal', dutyGroups: ['ieepa'], when: { transport: ['post'] }, validFrom: '2025-08-29', validTo: '2026-02-23', source: SRC.usPostalMethods, confidence: 'likely',
      note: 'ad valorem method: effective IEEPA rate × value (CSMS 65934463)',
      warning: 'The carrier may have elected the specific postal duty instead ($80/$160/$200 per item by IEEPA rate band, until 28 Feb 2026); the ad valorem method is shown.',
    },
    { id: 'us.postal.s122', kind: 'us-postal', dutyGroups: ['s122'], when: { transport: ['post'] }, validFrom: '2026-02-24', validTo: '2026-07-23', source: SRC.usPostalEntry, confidence: 'confirmed', note: 'postal duty = Section 122 rate until the postal informal entry (24 Jul 2026)' },
  ],
  notices: [
    { id: 'us.notice.s122-after', validFrom: '2026-07-24', source: SRC.usCsms, confidence: 'unconfirmed', message: 'Status of the Section 122 surcharge after 24 Jul 2026 (expired, extended or replaced by new Section 301 actions) is unconfirmed: no surcharge is applied.' },
    { id: 'us.notice.ieepa-other-origins', validFrom: '2025-04-05', validTo: '2026-02-23', when: { originOutside: ['CN', 'HK'] }, source: SRC.usScotus, confidence: 'unconfirmed', message: 'IEEPA duties are bundled for CN/HK origin only; other origins\u2019 IEEPA rates (Apr 2025–Feb 2026) are not included.' },
    { id: 'us.notice.cn-postal-2025', validFrom: '2025-05-02', validTo: '2025-08-28', when: { transport: ['post'], originAny: ['CN', 'HK'] }, source: SRC.usChinaEos, confidence: 'unconfirmed', message: 'Postal duty rates for CN/HK mail between 2 May and 28 Aug 2025 are not bundled; the standard duty stack is shown.' },
    { id: 'us.notice.s232', validFrom: '2025-01-01', when: { hsAny: ['72', '73', '74', '76', '44'] }, source: SRC.usCsms, confidence: 'likely', message: 'Section 232 duties on steel/aluminium/copper/lumber content (50% on metals) are not computed.' },
  ],
};
