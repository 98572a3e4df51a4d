import type { DutyLayer } from '../tariff-provider.js';
import { SRC } from './sources.js';

export type Territory = 'EU' | 'GB' | 'US' | 'CA' | 'AU' | 'JP';

export const MFN_SOURCES: Record<Territory, string> = {
  EU: SRC.taric,
  GB: SRC.gbTariff,
  US: SRC.usHts,
  CA: SRC.caTariff,
  AU: SRC.auTariff,
  JP: SRC.jpTariff,
};

/**
 * MFN ad valorem rates for common small-parcel headings (research §2), by HS-6. A cell is
 * "<rate> <c|l|u>" (confirmed / likely / unconfirmed), "<min>-<max> <conf>" when the heading
 * splits into national lines with different rates (reported as unknown, never averaged), or
 * "specific <conf>" for per-unit duties. Text after ";" is a note. HS-6 defaults are indicative:
 * the national 8–10 digit line decides.
 */
export const MFN_ROWS: Record<string, { goods: string; rates: Partial<Record<Territory, string>> }> = {
  '610910': { goods: 'T-shirt, knit, cotton', rates: { EU: '12 c', GB: '12 c', US: '16.5 c', CA: '18 c', AU: '5 l', JP: '7.4-10.9 u' } },
  '611020': { goods: 'sweater/hoodie, knit, cotton', rates: { EU: '12 c', GB: '12 c', US: '16.5 l', CA: '18 l', AU: '5 l', JP: '7.4-10.9 u' } },
  '620462': { goods: "women's trousers, woven cotton", rates: { EU: '12 c', GB: '12 c', US: '16.6 l', CA: '17-18 u', AU: '5 l', JP: '7.4-9.1 u' } },
  '640411': { goods: 'sports shoes, textile upper', rates: { EU: '16.9 c', GB: '16 l', US: '20 l;most 8-digit lines', CA: '16-18 u', AU: '5 l', JP: '6.7-30 u' } },
  '640299': { goods: 'shoes, rubber/plastic', rates: { EU: '16.9 l', GB: '16 l', US: '6-48 l', CA: '18-20 u', AU: '5 l' } },
  '420232': { goods: 'phone case, plastic/textile', rates: { EU: '3.7 l', GB: '4 l', CA: '6.5-8 u', AU: '5 l' } },
  '420299': { goods: 'phone case / other container', rates: { EU: '3.7 l', GB: '4 l', US: '20 l;4202.99.90 (Otter Products)', CA: '6.5-8 u', AU: '5 l' } },
  '392690': { goods: 'other plastic articles (silicone cases, accessories)', rates: { EU: '6.5 c', GB: '6 l', US: '5.3 c', CA: '6.5 l', AU: '5 l', JP: '3.9 u' } },
  '420222': { goods: 'handbag, plastic/textile outer', rates: { EU: '3.7-9.7 l', GB: '4-8 u', US: '16-17.6 l', CA: '10.5 u', AU: '5 l' } },
  '420292': { goods: 'backpack/bag, textile outer', rates: { EU: '2.7-9.7 l', GB: '2-8 u', US: '17.6 c', CA: '7-10.5 u', AU: '5 l' } },
  '851713': { goods: 'smartphone', rates: { EU: '0 c', GB: '0 c', US: '0 c', CA: '0 c', AU: '0 c', JP: '0 c' } },
  '851830': { goods: 'headphones/earbuds', rates: { EU: '2 c', GB: '2 l', US: '4.9 l', CA: '0 l', AU: '0-5 u', JP: '0 c' } },
  '847130': { goods: 'laptop/tablet', rates: { EU: '0 c', GB: '0 c', US: '0 c', CA: '0 c', AU: '0 c', JP: '0 c' } },
  '850440': { goods: 'chargers/power adapters', rates: { EU: '0-3.3 l', GB: '0-2 u', US: '0-1.5 l', CA: '0 l', AU: '0-5 u', JP: '0 l' } },
  '950300': { goods: 'toys', rates: { EU: '0-4.7 l', GB: '0 l', US: '0 c', CA: '0 l', AU: '0-5 u', JP: '0 l' } },
  '330499': { goods: 'skin-care/make-up', rates: { EU: '0 c', GB: '0 c', US: '0 c', CA: '6.5 l', AU: '5 u', JP: '0 l' } },
  '711719': { goods: 'imitation jewellery, base metal', rates: { EU: '4 c', GB: '4 l', US: '11 l;most 8-digit lines', CA: '8.5 l', AU: '5 l', JP: '5.2 u' } },
  '910211': { goods: 'wrist-watch, battery, display hands', rates: { EU: '4.5 c', GB: '4 l', US: 'specific c;cents per unit + % on case/strap/battery', CA: '5 u', AU: '5 u', JP: '0 l' } },
  '650500': { goods: 'hats/caps, knitted', rates: { EU: '2.7 l', GB: '2 u', US: '7.5-20 u', CA: '15.5 u', AU: '5 u' } },
};

/** Preferential base rates that replace MFN when proof of origin is given. */
export const PREFERENTIAL: Array<{ territory: string; origins: string[]; validFrom: string; validTo?: string; layer: DutyLayer }> = [
  {
    territory: 'AU',
    origins: ['CN'],
    validFrom: '2015-12-20',
    layer: {
      id: 'au.pref.chafta',
      label: 'ChAFTA preferential rate (China origin, proof of origin given)',
      kind: 'base',
      rate: '0',
      validFrom: '2015-12-20',
      source: SRC.auTariff,
      confidence: 'likely',
      note: 'research §1.5: 0% for China-origin goods under ChAFTA with origin evidence (~)',
    },
  },
];
