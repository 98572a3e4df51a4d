import { parseInput } from '../errors/from-response.js';
import { isKnownCurrency } from '../model/currencies.js';
import { isCalendarDate } from '../model/calendar-date.js';
import type { Money } from '../model/money.js';
import { isKnownCountry } from './countries.js';
import { isCheckedTable, LandedCostInputSchema, type ParsedItem, type ParsedLandedCostInput } from './schemas.js';

/**
 * Validation fast path. zod costs ~7 µs for a 3-item input, most of the 10 µs budget of an
 * estimate; this accepts only plainly valid input of the common shape and builds exactly what
 * the schema would output. Anything else (weights, dutyRate, errors...) goes through zod, which
 * stays the single source of error messages. Equivalence is property-tested.
 */
const COUNTRY = /^[A-Z]{2}$/;
const CURRENCY = /^[A-Z]{3}$/;
const HS = /^\d{6,10}$/;
const MARKETPLACE = /^[a-z][a-z0-9-]*$/;
const REGION = /^[A-Z]{2,3}$/;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const country = (v: unknown): v is string => typeof v === 'string' && COUNTRY.test(v) && isKnownCountry(v);
const optString = (v: unknown) => v === undefined || typeof v === 'string';


function money(v: unknown): Money | undefined {
  if (!isObj(v)) return undefined;
  const { amount, currency } = v;
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 0) return undefined;
  if (typeof currency !== 'string' || !CURRENCY.test(currency) || !isKnownCurrency(currency)) return undefined;
  return { amount, currency };
}

function item(v: unknown): ParsedItem | undefined {
  if (!isObj(v)) return undefined;
  if (v.weightKg !== undefined || v.dutyRate !== undefined || v.taxClass !== undefined) return undefined;
  if (!optString(v.sku) || !optString(v.description) || typeof v.hsCode !== 'string') return undefined;
  const hsCode = v.hsCode.replace(/[.\s]/g, '');
  if (!HS.test(hsCode)) return undefined;
  const value = money(v.value);
  if (!value) return undefined;
  const quantity = v.quantity === undefined ? 1 : v.quantity;
  if (typeof quantity !== 'number' || !Number.isSafeInteger(quantity) || quantity <= 0) return undefined;
  if (v.originCountry !== undefined && !country(v.originCountry)) return undefined;
  const originProof = v.originProof === undefined ? false : v.originProof;
  if (typeof originProof !== 'boolean') return undefined;
  const out: ParsedItem = { hsCode, value, quantity, originProof };
  if (v.sku !== undefined) out.sku = v.sku as string;
  if (v.description !== undefined) out.description = v.description as string;
  if (v.originCountry !== undefined) out.originCountry = v.originCountry as string;
  return out;
}

function fast(v: unknown): ParsedLandedCostInput | undefined {
  if (!isObj(v)) return undefined;
  if (!country(v.origin) || !country(v.destination)) return undefined;
  if (v.importer !== undefined || v.lowValueScope !== undefined) return undefined;
  if (typeof v.asOf !== 'string' || !isCalendarDate(v.asOf)) return undefined;
  if (!Array.isArray(v.items) || v.items.length < 1 || v.items.length > 1000) return undefined;
  const items: ParsedItem[] = [];
  for (const raw of v.items) {
    const it = item(raw);
    if (!it) return undefined;
    items.push(it);
  }
  const shipping = money(v.shipping);
  if (!shipping) return undefined;
  const insurance = v.insurance === undefined ? undefined : money(v.insurance);
  if (v.insurance !== undefined && !insurance) return undefined;
  const incoterm = v.incoterm ?? 'DDP';
  if (incoterm !== 'DDP' && incoterm !== 'DAP') return undefined;
  const transport = v.transport ?? 'courier';
  if (transport !== 'courier' && transport !== 'post') return undefined;
  if (v.region !== undefined && (typeof v.region !== 'string' || !REGION.test(v.region))) return undefined;
  const out: ParsedLandedCostInput = { origin: v.origin as string, destination: v.destination as string, asOf: v.asOf, items, shipping, incoterm, transport };
  if (insurance) out.insurance = insurance;
  if (v.region !== undefined) out.region = v.region as string;
  if (v.channel !== undefined) {
    const c = v.channel;
    if (!isObj(c) || typeof c.marketplace !== 'string' || !MARKETPLACE.test(c.marketplace)) return undefined;
    if (c.collectsTax !== undefined && typeof c.collectsTax !== 'boolean') return undefined;
    if (c.registrationNumber !== undefined && (typeof c.registrationNumber !== 'string' || c.registrationNumber.length === 0)) return undefined;
    out.channel = { marketplace: c.marketplace };
    if (c.collectsTax !== undefined) out.channel.collectsTax = c.collectsTax;
    if (c.registrationNumber !== undefined) out.channel.registrationNumber = c.registrationNumber;
  }
  if (v.rates !== undefined) {
    const r = v.rates;
    if (!isObj(r) || !(typeof r.getRates === 'function' || isCheckedTable(r))) return undefined;
    out.rates = r as unknown as ParsedLandedCostInput['rates'];
  }
  if (v.tariff !== undefined) {
    if (!isObj(v.tariff) || typeof v.tariff.lookup !== 'function') return undefined;
    out.tariff = v.tariff as unknown as ParsedLandedCostInput['tariff'];
  }
  return out;
}

/** Validated input: the fast path when it applies, else the zod schema (ValidationError naming the field). */
export function parseLandedCostInput(input: unknown): ParsedLandedCostInput {
  return fast(input) ?? parseInput(LandedCostInputSchema, input);
}

/** Exposed for the equivalence property test. */
export const fastParse = fast;
