import { money } from '../../model/money.js';
import type { Destination } from '../rule-schema.js';
import { SRC } from './sources.js';

/** Japan (research §1.7). Personal-use imports are valued at 60% of the overseas retail price. */
export const JP: Destination = {
  country: 'JP', name: 'Japan', territory: 'JP', currencies: [{ code: 'JPY', validFrom: '2024-01-01' }],
  coverageFrom: '2025-01-01', reviewed: '2026-11-21', rounding: 'halfUp',
  fx: { id: 'jp.fx.customs-weekly', method: 'Japan Customs weekly rate (week before the declaration)', validFrom: '2024-01-01', source: SRC.jpTariff, confidence: 'likely' },
  valuation: [{
    id: 'jp.valuation.personal-60', freight: true, insurance: true, goodsFactor: '60', validFrom: '2024-01-01', source: SRC.jpPersonal, confidence: 'confirmed',
    note: 'CIF; goods for personal use at 60% of the overseas retail price (B2C sales); freight added at 100% (~)',
  }],
  taxes: [{ id: 'jp.consumption-tax', kind: 'CT', rate: '10', base: { freight: true, insurance: true, duty: true }, validFrom: '2019-10-01', source: SRC.jpPersonal, confidence: 'confirmed', note: 'import consumption tax (7.8% national + 2.2% local) on CIF + duty' }],
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
    { id: 'jp.notice.simplified-rates', validFrom: '2025-01-01', source: SRC.jpSimplified, confidence: 'unconfirmed', entryOnly: true, message: 'Simplified flat duty rates apply to consignments ≤ ¥200,000; their category rates are unconfirmed and not used (general tariff shown).' },
    { id: 'jp.notice.platform-2028', validFrom: '2028-04-01', source: SRC.jpReform, confidence: 'likely', message: 'Platforms with > ¥5 bn intermediated sales are liable for JCT on cross-border mail-order sales from 1 Apr 2028; pass channel.collectsTax when yours collects.' },
  ],
};
