import type { Destination } from '../rule-schema.js';
import { AE } from './ae.js';
import { AU } from './au.js';
import { BR } from './br.js';
import { CA } from './ca.js';
import { CH } from './ch.js';
import { CL } from './cl.js';
import { CO } from './co.js';
import { EU_UNION } from './eu.js';
import { EU_MEMBERS_VAT, memberTaxRules, type MemberVat } from './eu-vat.js';
import { GB } from './gb.js';
import { ID } from './id.js';
import { IN } from './in.js';
import { JP } from './jp.js';
import { KR } from './kr.js';
import { MX } from './mx.js';
import { MY } from './my.js';
import { NO } from './no.js';
import { NZ } from './nz.js';
import { PH } from './ph.js';
import { SA } from './sa.js';
import { SG } from './sg.js';
import { TH } from './th.js';
import { TR } from './tr.js';
import { US } from './us.js';
import { VN } from './vn.js';

/** One EU member = union rules + its VAT periods + national extras. */
function euMember(m: MemberVat): Destination {
  const currencies = m.euroFrom
    ? [{ code: m.currency, validFrom: '2024-01-01', validTo: dayBefore(m.euroFrom) }, { code: 'EUR', validFrom: m.euroFrom }]
    : [{ code: m.currency, validFrom: '2024-01-01' }];
  return {
    ...EU_UNION,
    country: m.country,
    name: m.name,
    currencies,
    taxes: memberTaxRules(m),
    amountThresholds: [...EU_UNION.amountThresholds, ...(m.amountThresholds ?? [])],
    notices: [...EU_UNION.notices, ...(m.notices ?? [])],
  };
}

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

const ALL: Destination[] = [
  ...EU_MEMBERS_VAT.map(euMember),
  GB, US, CA, AU, NZ, JP, KR, SG, MY, TH, ID, PH, VN, BR, MX, CL, CO, CH, NO, SA, AE, TR, IN,
];

/** The bundled destination rules (effective-dated, each citing its source), by ISO country code. */
export const DESTINATIONS: ReadonlyMap<string, Destination> = new Map(ALL.map((d) => [d.country, d]));

/** The ISO country codes the bundled rules cover, sorted. */
export function supportedDestinations(): string[] {
  return [...DESTINATIONS.keys()].sort();
}
