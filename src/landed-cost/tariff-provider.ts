import type { Confidence } from './types.js';
import { MFN_ROWS, MFN_SOURCES, PREFERENTIAL, type Territory } from './data/tariff-mfn.js';
import { TARIFF_DEFAULTS } from './data/tariff-defaults.js';
import { usSurcharges } from './data/tariff-us.js';
import { inWindow } from './dates.js';

/** What a tariff provider is asked: the tariff territory, the classification and the origin of the goods. */
export interface TariffQuery {
  /** Tariff territory: 'EU' for every member state, else the ISO country ('GB', 'US'...). */
  territory: string;
  /** 6–10 digits, no dots. */
  hsCode: string;
  /** Country of origin of the goods. */
  origin: string;
  /** Import date YYYY-MM-DD. */
  asOf: string;
  /** Proof of preferential origin is available. */
  originProof: boolean;
}

/**
 * One dated layer of the duty stack. Exactly one `base` layer (MFN, preferential or a
 * territory default) is used; `surcharge` layers (US Chapter 99...) are added on top.
 */
export interface DutyLayer {
  id: string;
  label: string;
  kind: 'base' | 'surcharge';
  /** Groups a special method can select (US postal: 'ieepa', 's122'). */
  group?: string;
  /** Percent ad valorem, or `unknown` (specific duty, range of national lines, no data). */
  rate: string | 'unknown';
  range?: { min: string; max: string };
  validFrom: string;
  validTo?: string;
  source: string;
  confidence: Confidence;
  note?: string;
}

/** Pluggable duty-rate source. May answer synchronously (bundled table) or asynchronously (a tariff API). */
export interface TariffProvider {
  readonly name: string;
  /** The duty layers (MFN, preferential, surcharges) for one classification; empty when unknown. */
  lookup(query: TariffQuery): readonly DutyLayer[] | Promise<readonly DutyLayer[]>;
}

const CONF: Record<string, Confidence> = { c: 'confirmed', l: 'likely', u: 'unconfirmed' };
const CELL = /^(specific|\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?))? ([clu])(?:;(.*))?$/;

/** Parses a table cell such as "12 c", "7.4-10.9 u" or "20 l;most lines" into a base layer. */
export function parseCell(territory: string, hs6: string, goods: string, cell: string): DutyLayer {
  const m = CELL.exec(cell);
  if (!m) throw new Error(`bad tariff cell ${territory} ${hs6}: "${cell}"`);
  const [, first, max, conf, note] = m;
  const layer: DutyLayer = {
    id: `${territory.toLowerCase()}.mfn.${hs6}`,
    label: `MFN ${hs6} (${goods})`,
    kind: 'base',
    rate: first === 'specific' || max !== undefined ? 'unknown' : first!,
    validFrom: '2025-01-01',
    source: MFN_SOURCES[territory as Territory] ?? MFN_SOURCES.EU,
    confidence: CONF[conf!]!,
  };
  if (max !== undefined) {
    layer.range = { min: first!, max };
    layer.note = `rate depends on the national tariff line (${first}–${max}%)`;
  } else if (first === 'specific') layer.note = 'specific duty (per unit/weight): not computed';
  if (note) layer.note = layer.note ? `${layer.note}; ${note}` : note;
  return layer;
}

// Parsed once: the table is static.
const PARSED = new Map<string, DutyLayer>();
for (const [hs6, row] of Object.entries(MFN_ROWS)) {
  for (const [territory, cell] of Object.entries(row.rates)) PARSED.set(`${territory}:${hs6}`, parseCell(territory, hs6, row.goods, cell));
}

function baseLayer(q: TariffQuery): DutyLayer | undefined {
  if (q.originProof) {
    const pref = PREFERENTIAL.find((p) => p.territory === q.territory && p.origins.includes(q.origin) && inWindow(p, q.asOf));
    if (pref) return pref.layer;
  }
  const hit = PARSED.get(`${q.territory}:${q.hsCode.slice(0, 6)}`);
  if (hit && inWindow(hit, q.asOf)) return hit;
  const chapter = Number(q.hsCode.slice(0, 2));
  for (const d of TARIFF_DEFAULTS) {
    if (d.territory !== q.territory || !inWindow(d.layer, q.asOf)) continue;
    const byPrefix = d.prefixes?.some((p) => q.hsCode.startsWith(p)) ?? false;
    const byChapter = d.chapters?.some(([a, b]) => chapter >= a && chapter <= b) ?? false;
    if (byPrefix || byChapter) return d.layer;
  }
  return undefined;
}

/** The bundled table: MFN for common cross-border headings (research §2), territory defaults, US Chapter 99. */
export const bundledTariff: TariffProvider = {
  name: 'xborder-bundled',
  lookup(q) {
    const out: DutyLayer[] = [];
    const base = baseLayer(q);
    if (base) out.push(base);
    if (q.territory === 'US') out.push(...usSurcharges(q));
    return out;
  },
};
