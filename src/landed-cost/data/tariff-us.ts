import type { DutyLayer, TariffQuery } from '../tariff-provider.js';
import { inWindow } from '../dates.js';
import { SRC } from './sources.js';

type Conf = DutyLayer['confidence'];

/**
 * Section 301 list membership of the bundled HS-6 headings for China origin (research §2,
 * "US ch.99 on CN" column). The exact list is per 8-digit line (HTS ch. 99 note 20), so a
 * heading missing here is reported as unknown, not as "not listed".
 */
const S301_LISTS: Record<string, [list: '3' | '4A' | '4B', conf: Conf]> = {
  '610910': ['4A', 'likely'], '611020': ['4A', 'likely'], '620462': ['4A', 'likely'], '640411': ['4A', 'likely'],
  '640299': ['4A', 'likely'], '420232': ['3', 'unconfirmed'], '420299': ['3', 'unconfirmed'], '392690': ['3', 'likely'],
  '420222': ['3', 'unconfirmed'], '420292': ['3', 'unconfirmed'], '851713': ['4B', 'likely'], '851830': ['4A', 'likely'],
  '847130': ['4B', 'likely'], '850440': ['3', 'unconfirmed'], '950300': ['4B', 'likely'], '330499': ['4A', 'likely'],
  '711719': ['4A', 'likely'], '910211': ['4A', 'likely'], '650500': ['4A', 'likely'],
};

const S301_RATES = {
  '3': { rate: '25', validFrom: '2019-05-10', label: 'Section 301 List 3 (9903.88.03)' },
  '4A': { rate: '7.5', validFrom: '2020-02-14', label: 'Section 301 List 4A (9903.88.15)' },
  '4B': { rate: '0', validFrom: '2019-12-15', label: 'Section 301 List 4B (suspended)' },
} as const;

interface Window {
  id: string;
  label: string;
  group: string;
  rate: string;
  validFrom: string;
  validTo?: string;
  origins?: string[];
  confidence: Conf;
  source: string;
  note?: string;
}

/** IEEPA layers on CN/HK origin (ended for entries from 24 Feb 2026, SCOTUS / CSMS 67834313). */
const IEEPA: Window[] = [
  { id: 'us.ieepa.cn-fentanyl-10', label: 'IEEPA fentanyl (CN/HK) 10%', group: 'ieepa', rate: '10', validFrom: '2025-02-04', validTo: '2025-03-03', origins: ['CN', 'HK'], confidence: 'confirmed', source: SRC.usChinaEos },
  { id: 'us.ieepa.cn-fentanyl-20', label: 'IEEPA fentanyl (CN/HK) 20%', group: 'ieepa', rate: '20', validFrom: '2025-03-04', validTo: '2025-11-09', origins: ['CN', 'HK'], confidence: 'confirmed', source: SRC.usChinaEos },
  { id: 'us.ieepa.cn-fentanyl-10b', label: 'IEEPA fentanyl (CN/HK) 10%', group: 'ieepa', rate: '10', validFrom: '2025-11-10', validTo: '2026-02-23', origins: ['CN', 'HK'], confidence: 'confirmed', source: SRC.usChinaEos },
  { id: 'us.ieepa.cn-reciprocal-baseline', label: 'IEEPA reciprocal baseline (CN/HK) 10%', group: 'ieepa', rate: '10', validFrom: '2025-04-05', validTo: '2025-04-09', origins: ['CN', 'HK'], confidence: 'unconfirmed', source: SRC.usChinaEos, note: 'research gives "34%→125% (Apr 2025)" without days; 9 Apr briefly 34%/84%' },
  { id: 'us.ieepa.cn-reciprocal-125', label: 'IEEPA reciprocal (CN/HK) 125%', group: 'ieepa', rate: '125', validFrom: '2025-04-10', validTo: '2025-05-13', origins: ['CN', 'HK'], confidence: 'unconfirmed', source: SRC.usChinaEos, note: 'start day not in the research notes' },
  { id: 'us.ieepa.cn-reciprocal-10', label: 'IEEPA reciprocal (CN/HK) 10%', group: 'ieepa', rate: '10', validFrom: '2025-05-14', validTo: '2026-02-23', origins: ['CN', 'HK'], confidence: 'confirmed', source: SRC.usChinaEos },
];

/** Section 122 surcharge, HTS 9903.03.01 (Proclamation 11012; CSMS 67844987): all origins. */
const S122: Window = {
  id: 'us.s122.surcharge', label: 'Section 122 surcharge (9903.03.01) 10%', group: 's122', rate: '10',
  validFrom: '2026-02-24', validTo: '2026-07-23', confidence: 'confirmed', source: SRC.usCsms,
  note: 'CIT held it unlawful on 7 May 2026 (relief limited to plaintiffs); collected until 24 Jul 2026',
};

/** Electronics carved out of the reciprocal and Section 122 surcharges; exact HTS list not in the research. */
const EXEMPT_ELECTRONICS = ['8471', '851713'];

function toLayer(w: Window, rate = w.rate, extra?: { confidence: Conf; note: string }): DutyLayer {
  return {
    id: w.id, label: w.label, kind: 'surcharge', group: w.group, rate, validFrom: w.validFrom,
    ...(w.validTo ? { validTo: w.validTo } : {}), source: w.source,
    confidence: extra?.confidence ?? w.confidence, ...(extra?.note ?? w.note ? { note: extra?.note ?? w.note } : {}),
  };
}

/** Chapter 99 layers stacked on the MFN rate for a US entry. */
export function usSurcharges(q: TariffQuery): DutyLayer[] {
  const out: DutyLayer[] = [];
  const electronics = EXEMPT_ELECTRONICS.some((p) => q.hsCode.startsWith(p));
  if (q.origin === 'CN') {
    const listed = S301_LISTS[q.hsCode.slice(0, 6)];
    if (listed) {
      const [list, confidence] = listed;
      const r = S301_RATES[list];
      if (q.asOf >= r.validFrom) out.push({ id: `us.s301.list-${list.toLowerCase()}`, label: r.label, kind: 'surcharge', group: 's301', rate: r.rate, validFrom: r.validFrom, source: SRC.usS301, confidence });
    } else {
      out.push({ id: 'us.s301.unknown', label: 'Section 301 (list membership of this line not bundled)', kind: 'surcharge', group: 's301', rate: 'unknown', validFrom: '2018-07-06', source: SRC.usS301, confidence: 'unconfirmed' });
    }
  }
  for (const w of IEEPA) {
    if (!w.origins?.includes(q.origin) || !inWindow(w, q.asOf)) continue;
    if (electronics && w.id.includes('reciprocal')) out.push(toLayer(w, '0', { confidence: 'unconfirmed', note: 'electronics exemption (11 Apr 2025) assumed for this heading' }));
    else out.push(toLayer(w));
  }
  if (inWindow(S122, q.asOf)) {
    if ((q.origin === 'CA' || q.origin === 'MX') && q.originProof) out.push(toLayer(S122, '0', { confidence: 'confirmed', note: 'USMCA-qualifying goods exempt (9903.03.02–.11)' }));
    else if (electronics) out.push(toLayer(S122, '0', { confidence: 'unconfirmed', note: '"certain electronics" exempt; this heading assumed to be among them' }));
    else out.push(toLayer(S122));
  }
  return out;
}
