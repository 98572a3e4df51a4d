import { money } from '../../model/money.js';
import type { Destination } from '../rule-schema.js';
import { SRC } from './sources.js';

/** Switzerland (research §1.19). Industrial goods are duty-free since 2024 (tariff-defaults.ts). */
export const CH: Destination = {
  country: 'CH', name: 'Switzerland', territory: 'CH', currencies: [{ code: 'CHF', validFrom: '2024-01-01' }],
  coverageFrom: '2024-01-01', reviewed: '2026-11-21', rounding: 'halfUp',
  fx: { id: 'ch.fx.forex-sell', method: 'Forex sell rate of the last trading day before the tax liability arises', validFrom: '2024-01-01', source: SRC.chBazg, confidence: 'confirmed' },
  valuation: [{ id: 'ch.valuation.delivered', freight: true, insurance: true, validFrom: '2024-01-01', source: SRC.chBazg, confidence: 'confirmed', note: 'VAT base includes all costs to the Swiss destination; duty itself is per gross weight' }],
  taxes: [{ id: 'ch.vat-8-1', kind: 'VAT', rate: '8.1', base: { freight: true, insurance: true, duty: true }, validFrom: '2024-01-01', source: SRC.chVatRates, confidence: 'confirmed', note: 'consideration + costs to destination + import duties; foreign VAT excluded' }],
  deMinimis: [],
  saleRegimes: [{
    id: 'ch.platforms', name: 'Swiss VAT charged by the platform (deemed supplier)', scheme: 'CH VAT', ceiling: null,
    collectors: ['*'], collectorsConfidence: 'confirmed', mandatory: false,
    taxBase: { freight: true, insurance: true, duty: false }, relievesDuty: false,
    validFrom: '2025-01-01', source: SRC.chPlatforms, confidence: 'confirmed', note: 'platforms are deemed suppliers from 1 Jan 2025; registered mail-order sellers (≥ CHF 100,000/yr) charge Swiss VAT themselves',
  }],
  amountThresholds: [
    { id: 'ch.threshold.vat-5', applies: ['tax'], threshold: money('5', 'CHF'), inclusive: true, validFrom: '2024-01-01', source: SRC.chBazg, confidence: 'confirmed', note: 'import VAT ≤ CHF 5 per declaration not levied (≈ CHF 62 of goods at 8.1%)' },
    { id: 'ch.threshold.duty-5', applies: ['duty'], threshold: money('5', 'CHF'), inclusive: true, validFrom: '2024-01-01', source: SRC.chBazg, confidence: 'likely', note: 'customs duty ≤ CHF 5 not levied (~)' },
  ],
  fees: [], methods: [],
  notices: [{ id: 'ch.notice.carrier-fees', validFrom: '2025-01-01', entryOnly: true, source: SRC.chBazg, confidence: 'likely', message: 'Carrier clearance fees (e.g. Swiss Post from CHF 11.50) are not government charges and are not included.' }],
};
