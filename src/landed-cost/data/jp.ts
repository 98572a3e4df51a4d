import { money } from '../../model/money.js';
import type { Destination } from '../rule-schema.js';
import { SRC } from './sources.js';

/** Japan (research §1.7). Personal-use imports are valued at 60% of the overseas retail price. */
export const JP: Destination = {
  country: 'JP', name: 'Japan', territory: 'JP', currencies: [{ code: 'JPY', validFrom: '2024-01-01' }],
  coverageFrom: '2025-01-01', reviewed: '2026-12-04', rounding: 'down', // Customs Answer 1111: fractions smaller than a yen omitted
  fx: { id: 'jp.fx.customs-weekly', method: 'Japan Customs weekly rate (week before the declaration)', validFrom: '2024-01-01', source: SRC.jpTariff, confidence: 'likely' },
  valuation: [{
    id: 'jp.valuation.personal-60', freight: true, insurance: true, goodsFactor: '60', personalOnly: true, validFrom: '2024-01-01', source: SRC.jpPersonal, confidence: 'confirmed',
    note: 'CIF; goods for personal use at 60% of the overseas retail price (B2C sales); freight added at 100% (~). Business imports (input.importer "business") are valued in full',
  }],
  // Customs Answer 1111: national consumption tax 7.8 % (reduced 6.24 %) on CIF + duty, local
  // consumption tax 22/78 of the national tax (2.2 % / 1.76 %): 10 % / 8 % in all.
  taxes: [{
    id: 'jp.consumption-tax', kind: 'CT', rate: '7.8', reduced: ['6.24'], base: { freight: true, insurance: true, duty: true },
    // Reduced rate for food and non-alcoholic beverages (HS 02–21, 2201–2202, 2209; alcohol 2203–2208 excluded).
    reducedHs: ['02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20', '21', '2201', '2202', '2209'],
    validFrom: '2019-10-01', source: SRC.jpCalc, confidence: 'confirmed', note: 'national consumption tax on imports; food and non-alcoholic beverages at the reduced rate (HS scope: likely)',
  }],
  surtaxes: [{ id: 'jp.local-consumption-tax', kind: 'LCT', of: 'CT', num: 22, den: 78, validFrom: '2019-10-01', source: SRC.jpCalc, confidence: 'confirmed', note: 'local consumption tax = 22/78 of the national consumption tax' }],
  roundingRules: [
    { id: 'jp.round.duty-base', applies: 'dutyBase', step: '1000', direction: 'down', validFrom: '2019-10-01', source: SRC.jpCalc, confidence: 'confirmed', note: 'tax base of duty: fractions below ¥1,000 omitted' },
    { id: 'jp.round.duty', applies: 'duty', step: '100', direction: 'down', validFrom: '2019-10-01', source: SRC.jpCalc, confidence: 'confirmed', note: 'duty: fractions below ¥100 omitted' },
    { id: 'jp.round.duty-in-ct-base', applies: 'dutyInTaxBase', step: '100', direction: 'down', validFrom: '2019-10-01', source: SRC.jpCalc, confidence: 'confirmed', note: 'the CT base adds the duty after rounding (worked example: ¥74,760 → ¥74,700)' },
    { id: 'jp.round.ct-base', applies: 'taxBase', kinds: ['CT'], step: '1000', direction: 'down', validFrom: '2019-10-01', source: SRC.jpCalc, confidence: 'confirmed', note: 'consumption tax base: fractions below ¥1,000 omitted' },
    { id: 'jp.round.ct', applies: 'tax', kinds: ['CT'], step: '100', direction: 'down', validFrom: '2019-10-01', source: SRC.jpCalc, confidence: 'confirmed', note: 'consumption tax: fractions below ¥100 omitted' },
    { id: 'jp.round.lct-base', applies: 'taxBase', kinds: ['LCT'], step: '100', direction: 'down', validFrom: '2019-10-01', source: SRC.jpCalc, confidence: 'confirmed', note: 'local CT is 22/78 of the national CT rounded to ¥100' },
    { id: 'jp.round.lct', applies: 'tax', kinds: ['LCT'], step: '100', direction: 'down', validFrom: '2019-10-01', source: SRC.jpCalc, confidence: 'confirmed', note: 'local consumption tax: fractions below ¥100 omitted' },
  ],
  deMinimis: [
    {
      id: 'jp.de-minimis.10000', relieves: 'both', threshold: money('10000', 'JPY'), inclusive: true, basis: 'customs', scope: 'consignment',
      exceptHs: ['61', '64', '420211', '420221', '420231', '420291'], validFrom: '2024-01-01', validTo: '2028-03-31', source: SRC.jpPersonal, confidence: 'likely',
      note: 'total taxable value ≤ ¥10,000 exempt from duty and CT, except listed goods (knitted apparel, footwear, leather bags) which stay taxable',
    },
    { id: 'jp.de-minimis.abolished-2028', relieves: 'both', threshold: null, validFrom: '2028-04-01', source: SRC.jpReform, confidence: 'confirmed', note: 'FY2026 reform: ¥10,000 exemption abolished for cross-border mail-order sales from 1 Apr 2028' },
  ],
  saleRegimes: [], amountThresholds: [], fees: [], methods: [],
  notices: [
    { id: 'jp.notice.simplified-rates', validFrom: '2025-01-01', source: SRC.jpSimplified, confidence: 'unconfirmed', entryOnly: true, message: 'Simplified flat duty rates (Customs Answer 1001: six categories plus alcohol) apply to consignments ≤ ¥200,000; the category rates could not be confirmed from the published table and are not used (general tariff shown).' },
    { id: 'jp.notice.platform-2028', validFrom: '2028-04-01', source: SRC.jpReform, confidence: 'likely', message: 'Platforms with > ¥5 bn intermediated sales are liable for JCT on cross-border mail-order sales from 1 Apr 2028; pass channel.collectsTax when yours collects.' },
  ],
};
