import { ValidationError } from '../errors/classes.js';
import { currencyExponent } from '../model/currencies.js';
import { parseDecimal } from '../model/decimal.js';
import { pow10 } from './ratio.js';

/**
 * A price ending rule in major units: the price becomes the smallest `k × step + ending ≥ raw`
 * (k integer, ending one of `endings`, each in [0, step)). `below` limits the rule to raw prices
 * under that amount, so a currency can list brackets (JPY: tens under ¥1,000, then x80/x00).
 */
export interface EndingRule {
  step: string;
  endings: readonly string[];
  below?: string;
}

/** A price ending: 'auto' (the market's default), 'none', one rule, or rules tried in order. */
export type Ending = 'auto' | 'none' | EndingRule | readonly EndingRule[];

const CHARM_99: EndingRule[] = [{ step: '1', endings: ['0.99'] }];
const WHOLE: EndingRule[] = [{ step: '1', endings: ['0'] }];

/**
 * Default market endings (research B6: SHOPLINE/LSEG tables and retail practice). Data, not code:
 * a currency missing here only rounds up to its smallest allowed unit.
 */
export const DEFAULT_ENDINGS: Readonly<Record<string, readonly EndingRule[]>> = {
  USD: CHARM_99,
  EUR: CHARM_99,
  GBP: CHARM_99,
  AUD: CHARM_99,
  CAD: CHARM_99,
  // ¥ tens for small prices, then the x80 / x00 retail style (¥2,980, ¥3,000).
  JPY: [{ below: '1000', step: '10', endings: ['0'] }, { step: '100', endings: ['0', '80'] }],
  KRW: [{ step: '100', endings: ['0'] }],
  IDR: [{ step: '1000', endings: ['0'] }],
  VND: [{ step: '1000', endings: ['0'] }],
  TWD: WHOLE,
  CLP: WHOLE,
  COP: WHOLE,
  HUF: WHOLE,
};

interface MinorRule {
  below?: bigint;
  step: bigint;
  endings: bigint[];
}

const compiled = new Map<string, MinorRule[]>();

/** The rules for a currency in minor units (validated: endings within [0, step), ISO precision). */
export function endingRules(currency: string, ending: Ending): MinorRule[] {
  const exponent = currencyExponent(currency, 'to');
  if (ending === 'none') return [];
  const key = ending === 'auto' ? `auto:${currency}` : '';
  const hit = key ? compiled.get(key) : undefined;
  if (hit) return hit;
  const raw = ending === 'auto' ? (DEFAULT_ENDINGS[currency] ?? []) : Array.isArray(ending) ? ending : [ending as EndingRule];
  const rules = raw.map((r, i) => compileRule(r, exponent, currency, raw.length > 1 ? `ending[${i}]` : 'ending'));
  if (key) compiled.set(key, rules);
  return rules;
}

function compileRule(r: EndingRule, exponent: number, currency: string, path: string): MinorRule {
  const step = minor(r.step, exponent, currency, `${path}.step`);
  if (step <= 0n) throw new ValidationError({ message: `${path}.step must be greater than zero`, path: `${path}.step` });
  if (r.endings.length === 0) throw new ValidationError({ message: `${path}.endings must not be empty`, path: `${path}.endings` });
  const endings = r.endings.map((e, i) => {
    const v = minor(e, exponent, currency, `${path}.endings[${i}]`);
    if (v < 0n || v >= step) {
      throw new ValidationError({ message: `${path}.endings[${i}] must be ≥ 0 and below the step ${r.step}`, path: `${path}.endings[${i}]` });
    }
    return v;
  });
  return { step, endings, ...(r.below !== undefined ? { below: minor(r.below, exponent, currency, `${path}.below`) } : {}) };
}

function minor(text: string, exponent: number, currency: string, path: string): bigint {
  const d = parseDecimal(text, path);
  if (d.scale > exponent) {
    const trimmed = d.units % pow10(d.scale - exponent) === 0n;
    if (!trimmed) throw new ValidationError({ message: `${path} "${text}" has more decimals than ${currency} allows (${exponent})`, path });
    return d.units / pow10(d.scale - exponent);
  }
  return d.units * pow10(exponent - d.scale);
}

/**
 * Rounds a non-negative minor-unit amount UP to the first price allowed by the rules (the first
 * rule whose `below` exceeds the amount applies). No rule → the amount unchanged.
 */
export function applyEnding(amount: bigint, rules: readonly MinorRule[]): bigint {
  const rule = rules.find((r) => r.below === undefined || amount < r.below);
  if (!rule) return amount;
  const k = amount / rule.step;
  let best: bigint | undefined;
  for (const base of [k * rule.step, (k + 1n) * rule.step]) {
    for (const e of rule.endings) {
      const v = base + e;
      if (v >= amount && (best === undefined || v < best)) best = v;
    }
  }
  return best ?? amount;
}

/** Rounds a minor-unit amount up to a multiple of `unit` (a marketplace exponent below ISO). */
export function roundUpToUnit(amount: bigint, unit: bigint): bigint {
  const r = amount % unit;
  return r === 0n ? amount : amount - r + unit;
}
