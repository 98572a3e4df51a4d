import { isCalendarDate } from '../model/calendar-date.js';
import { CARGO_CLASSES, INCOTERMS } from './types.js';
import { isKnownCountry } from './countries.js';
import type { ValidShipmentRequest } from './request.js';

/**
 * Validation fast path for quoteShipping. zod costs about half of a rate-card quote; this accepts
 * only plainly valid input of the common shape (addresses, parcels, date, cargo class, incoterm —
 * no money, no contents) and builds exactly what ShipmentRequestSchema would output. Anything else
 * goes through zod, which stays the single source of error messages. Equivalence is property-tested.
 */
const COUNTRY = /^[A-Z]{2}$/;
const WEIGHT_UNITS = new Set(['kg', 'g', 'lb', 'oz']);
const LENGTH_UNITS = new Set(['cm', 'mm', 'in', 'm']);
const ADDRESS_KEYS = new Set(['country', 'postalCode', 'city', 'state']);
const REQUEST_KEYS = new Set(['from', 'to', 'parcels', 'shipDate', 'cargoClass', 'incoterm']);
const CARGO = new Set<string>(CARGO_CLASSES);
const TERMS = new Set<string>(INCOTERMS);

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const positive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;
const trimmed = (v: unknown, max: number): v is string => typeof v === 'string' && v.length > 0 && v.length <= max && v.trim() === v;

function onlyKeys(o: Record<string, unknown>, allowed: Set<string>): boolean {
  for (const k in o) if (!allowed.has(k)) return false;
  return true;
}

function address(v: unknown): ValidShipmentRequest['from'] | undefined {
  if (!isObj(v) || !onlyKeys(v, ADDRESS_KEYS)) return undefined;
  const { country, postalCode, city, state } = v;
  if (typeof country !== 'string' || !COUNTRY.test(country) || !isKnownCountry(country)) return undefined;
  if (postalCode !== undefined && !trimmed(postalCode, 20)) return undefined;
  if (city !== undefined && !trimmed(city, 45)) return undefined;
  if (state !== undefined && !trimmed(state, 35)) return undefined;
  const out: ValidShipmentRequest['from'] = { country };
  if (postalCode !== undefined) out.postalCode = postalCode;
  if (city !== undefined) out.city = city;
  if (state !== undefined) out.state = state;
  return out;
}

function parcel(v: unknown): ValidShipmentRequest['parcels'][number] | undefined {
  if (!isObj(v)) return undefined;
  const { weight, dimensions } = v;
  for (const k in v) if (k !== 'weight' && k !== 'dimensions') return undefined;
  if (!isObj(weight) || !positive(weight.value) || typeof weight.unit !== 'string' || !WEIGHT_UNITS.has(weight.unit)) return undefined;
  const w = { value: weight.value, unit: weight.unit as 'kg' };
  if (dimensions === undefined) return { weight: w };
  if (!isObj(dimensions)) return undefined;
  const { length, width, height, unit } = dimensions;
  if (!positive(length) || !positive(width) || !positive(height) || typeof unit !== 'string' || !LENGTH_UNITS.has(unit)) return undefined;
  return { weight: w, dimensions: { length, width, height, unit: unit as 'cm' } };
}

/** The parsed request, or undefined when the input needs the full schema. */
export function fastShipmentRequest(input: unknown): ValidShipmentRequest | undefined {
  if (!isObj(input) || !onlyKeys(input, REQUEST_KEYS)) return undefined;
  const from = address(input.from);
  const to = address(input.to);
  if (!from || !to) return undefined;
  const raw = input.parcels;
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > 200) return undefined;
  const parcels: ValidShipmentRequest['parcels'] = [];
  for (const p of raw) {
    const parsed = parcel(p);
    if (!parsed) return undefined;
    parcels.push(parsed);
  }
  const { shipDate, cargoClass, incoterm } = input;
  if (shipDate !== undefined && (typeof shipDate !== 'string' || !isCalendarDate(shipDate))) return undefined;
  if (cargoClass !== undefined && (typeof cargoClass !== 'string' || !CARGO.has(cargoClass))) return undefined;
  if (incoterm !== undefined && (typeof incoterm !== 'string' || !TERMS.has(incoterm))) return undefined;
  const out = { from, to, parcels, cargoClass: (cargoClass ?? 'general') } as ValidShipmentRequest;
  if (shipDate !== undefined) out.shipDate = shipDate;
  if (incoterm !== undefined) out.incoterm = incoterm as ValidShipmentRequest['incoterm'];
  return out;
}
