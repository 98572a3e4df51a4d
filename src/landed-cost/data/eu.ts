import { money } from '../../model/money.js';
import type { Destination } from '../rule-schema.js';
import { SRC } from './sources.js';

const EUR150 = money('150', 'EUR');
/** Any electronic interface facilitating the sale is the deemed supplier ≤ €150. */
const MARKETPLACES = ['*'];

/**
 * Union-level rules shared by the 27 member states (research §1.1). Member VAT rates and
 * national extras are in eu-vat.ts; data/index.ts merges them into one Destination per member.
 */
export const EU_UNION: Omit<Destination, 'country' | 'name' | 'currencies' | 'taxes'> = {
  territory: 'EU',
  coverageFrom: '2025-01-01',
  reviewed: '2026-11-21',
  fx: {
    id: 'eu.fx.customs-rate', method: 'ECB rate of the penultimate Wednesday of the month, applied for the whole following month (UCC-IA art. 146); also used for the €150 checks',
    validFrom: '2016-05-01', source: SRC.euCustomsRate, confidence: 'confirmed',
  },
  rounding: 'halfUp',
  valuation: [
    { id: 'eu.valuation.cif', freight: true, insurance: true, validFrom: '2016-05-01', source: SRC.euCustomsValue, confidence: 'confirmed', note: 'transaction value + transport + insurance to the EU border (UCC)' },
  ],
  deMinimis: [
    {
      id: 'eu.de-minimis.duty-150', relieves: 'duty', threshold: EUR150, inclusive: true, basis: 'intrinsic', scope: 'consignment',
      validFrom: '2021-07-01', validTo: '2026-06-30', source: SRC.euReliefReg, confidence: 'confirmed',
      note: 'Reg. 1186/2009 art. 23: intrinsic value (goods only) per consignment ≤ €150',
    },
    { id: 'eu.de-minimis.duty-none', relieves: 'duty', threshold: null, validFrom: '2026-07-01', source: SRC.euFlatDuty, confidence: 'confirmed', note: 'relief abolished: €3 flat duty per tariff classification instead' },
    { id: 'eu.de-minimis.vat-none', relieves: 'tax', threshold: null, validFrom: '2021-07-01', source: SRC.euIoss, confidence: 'confirmed', note: 'no import VAT exemption since 1 Jul 2021' },
  ],
  saleRegimes: [
    {
      id: 'eu.ioss', name: 'EU Import One-Stop Shop (≤ €150)', scheme: 'IOSS', ceiling: EUR150, inclusive: true, basis: 'intrinsic', scope: 'consignment',
      collectors: MARKETPLACES, collectorsConfidence: 'confirmed', mandatory: false,
      taxBase: { freight: true, insurance: true, duty: false }, relievesDuty: false,
      validFrom: '2021-07-01', validTo: '2026-06-30', source: SRC.euIoss, confidence: 'confirmed',
      note: 'electronic interfaces are the deemed supplier ≤ €150; VAT on the sale price incl. delivery',
    },
    {
      id: 'eu.ioss-2026', name: 'EU Import One-Stop Shop (≤ €150)', scheme: 'IOSS', ceiling: EUR150, inclusive: true, basis: 'intrinsic', scope: 'consignment',
      collectors: MARKETPLACES, collectorsConfidence: 'confirmed', mandatory: false,
      taxBase: { freight: true, insurance: true, duty: true }, relievesDuty: false,
      validFrom: '2026-07-01', source: SRC.euFlatDutyGlopal, confidence: 'likely',
      note: 'VAT also charged on the €3 duty (Glopal: €6 duty + 20% FR VAT = €7.20, ~); the duty itself is paid at import, not via IOSS',
    },
  ],
  amountThresholds: [],
  fees: [],
  methods: [
    {
      id: 'eu.flat-duty-3', kind: 'eu-flat-per-line', perLine: money('3', 'EUR'), ceiling: EUR150, classificationDigits: 6,
      validFrom: '2026-07-01', validTo: '2028-06-30', source: SRC.euFlatDuty, confidence: 'confirmed',
      note: 'Council Reg. (EU) 2026/382: €3 per distinct tariff classification (HS-6 in H7) in B2C consignments ≤ €150, any VAT scheme, owed at import',
    },
  ],
  notices: [
    {
      id: 'eu.notice.handling-fee', validFrom: '2026-07-01', source: SRC.euHandlingFee, confidence: 'unconfirmed',
      message: 'An EU handling fee on e-commerce parcels (~€2 reported) is expected around Nov 2026; amount and date are not final and it is not included.',
    },
    {
      id: 'eu.notice.product-ids', validFrom: '2026-11-01', source: SRC.euEasyPost, confidence: 'confirmed', requires: 'sku',
      message: 'Product identifiers (merchant SKU, manufacturer id or GTIN) are mandatory in H1/H6/H7 declarations from 1 Nov 2026: give every item a sku.',
    },
    {
      id: 'eu.notice.flat-duty-end', validFrom: '2028-07-01', source: SRC.euFlatDuty, confidence: 'likely',
      message: 'The interim €3 duty ran until 1 Jul 2028 unless extended; normal TARIC rates are applied to low-value goods.',
    },
  ],
};
