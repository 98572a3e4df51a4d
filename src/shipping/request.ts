import { z } from 'zod';
import { ValidationError } from '../errors/classes.js';
import { parseInput } from '../errors/from-response.js';
import { MoneyInputSchema, type Money } from '../model/money.js';
import { CountryCodeSchema } from '../model/address.js';
import { DimensionsSchema, WeightSchema } from '../model/listing.js';
import { isKnownCountry } from './countries.js';
import { CARGO_CLASSES, INCOTERMS, type CargoClass, type Incoterm } from './types.js';
import { toNg, toNm } from './units.js';
import { fastShipmentRequest } from './fast-request.js';

const CountrySchema = CountryCodeSchema.refine(isKnownCountry, 'unknown ISO 3166-1 country code');

/** Schema of a ship-from or ship-to address as carriers need it (country, postcode, city...). */
export const ShippingAddressSchema = z.object({
  country: CountrySchema,
  postalCode: z.string().trim().min(1).max(20).optional(),
  /** Required by DHL Express (cityName); other carriers accept it when given. */
  city: z.string().trim().min(1).max(45).optional(),
  /** State/province code (UPS/FedEx use it for US/CA). */
  state: z.string().trim().min(1).max(35).optional(),
  lines: z.array(z.string().max(45)).max(3).optional(),
  residential: z.boolean().optional(),
});
/** A ship-from or ship-to address. */
export type ShippingAddress = z.infer<typeof ShippingAddressSchema>;

/** Schema of one parcel: weight and, optionally, dimensions. */
export const ParcelSchema = z.object({ weight: WeightSchema, dimensions: DimensionsSchema.optional() });
/** One parcel: weight and optional dimensions. */
export type Parcel = z.infer<typeof ParcelSchema>;

/** Schema of one line of the parcels' contents (description, HS code, value, quantity, origin). */
export const ContentLineSchema = z.object({
  description: z.string().trim().min(1).max(200),
  hsCode: z.string().regex(/^\d{6,10}$/, 'HS code has 6 to 10 digits').optional(),
  quantity: z.number().int().positive(),
  /** Value of the whole line (all units). */
  value: MoneyInputSchema,
  originCountry: CountrySchema.optional(),
});
/** One line of the shipment's contents, for customs and DDP quotes. */
export type ContentLine = z.infer<typeof ContentLineSchema>;

/** Schema of a quote request: from, to, parcels, contents, declared value, incoterm. */
export const ShipmentRequestSchema = z.object({
  from: ShippingAddressSchema,
  to: ShippingAddressSchema,
  parcels: z.array(ParcelSchema).min(1, 'at least one parcel').max(200),
  declaredValue: MoneyInputSchema.optional(),
  /** YYYY-MM-DD; today (UTC) when omitted. Picks the card and fuel rate in force. */
  shipDate: z.iso.date().optional(),
  contents: z.array(ContentLineSchema).max(999).optional(),
  cargoClass: z.enum(CARGO_CLASSES).default('general'),
  incoterm: z.enum(INCOTERMS).optional(),
});
/** A quote request as callers write it (validated by ShipmentRequestSchema; errors name the field). */
export type ShipmentRequest = z.input<typeof ShipmentRequestSchema>;
/** A quote request after validation (defaults filled in): what connectors receive. */
export type ValidShipmentRequest = z.output<typeof ShipmentRequestSchema>;

/** One parcel in exact base units, computed once per request and shared by every connector. */
export interface PreparedParcel {
  weightNg: bigint;
  /** Sides in nanometres, longest first; absent when the caller gave no dimensions. */
  sidesNm?: readonly [bigint, bigint, bigint];
  /** L·W·H in nm³ (shared by every service that bills volumetric weight). */
  volumeNm3?: bigint;
}

/** A validated request plus its exact, pre-normalised numbers (what connectors consume). */
export interface PreparedShipment {
  request: ValidShipmentRequest;
  parcels: PreparedParcel[];
  shipDate: string;
  /** Destination postal code upper-cased without spaces or dashes (zone/remote lookups). */
  toPostal: string;
  cargoClass: CargoClass;
  incoterm?: Incoterm;
  declaredValue?: Money;
}

/** Validates caller input (ValidationError names the field) and normalises units exactly. */
export function prepareShipment(input: unknown, today?: string): PreparedShipment {
  const request = fastShipmentRequest(input) ?? parseInput(ShipmentRequestSchema, input);
  const parcels = request.parcels.map((p, i): PreparedParcel => {
    const weightNg = toNg(p.weight.value, p.weight.unit, `parcels[${i}].weight.value`);
    if (weightNg > MAX_PARCEL_NG) tooLarge(`parcels[${i}].weight.value`, 'a parcel weighs at most 100 000 kg');
    if (!p.dimensions) return { weightNg };
    const d = p.dimensions;
    const path = `parcels[${i}].dimensions`;
    const sides = [toNm(d.length, d.unit, `${path}.length`), toNm(d.width, d.unit, `${path}.width`), toNm(d.height, d.unit, `${path}.height`)];
    sides.sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
    if (sides[0]! > MAX_SIDE_NM) tooLarge(path, 'a parcel side is at most 100 m');
    const [l, w, h] = sides as [bigint, bigint, bigint];
    return { weightNg, sidesNm: [l, w, h], volumeNm3: l * w * h };
  });
  return {
    request,
    parcels,
    shipDate: request.shipDate ?? today ?? utcToday(),
    toPostal: normalizePostal(request.to.postalCode),
    cargoClass: request.cargoClass,
    incoterm: request.incoterm,
    declaredValue: request.declaredValue,
  };
}

// Sanity bounds: past them a "parcel" is a typo, and money amounts would leave the safe-integer range.
const MAX_PARCEL_NG = 100_000n * 1_000_000_000_000n;
const MAX_SIDE_NM = 100n * 1_000_000_000n;

function tooLarge(path: string, message: string): never {
  throw new ValidationError({ message: `Invalid ${path}: ${message}`, path });
}

export function normalizePostal(code: string | undefined): string {
  return code ? code.toUpperCase().replace(/[\s-]/g, '') : '';
}

export function utcToday(): string {
  return new Date().toISOString().slice(0, 10);
}
