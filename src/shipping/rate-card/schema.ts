import { z } from 'zod';
import { CountryCodeSchema } from '../../model/address.js';
import { CurrencyCodeSchema } from '../../model/money.js';
import { CARGO_CLASSES, INCOTERMS } from '../types.js';

/**
 * The rate-card format ("xborder.rate-card/v1"): the price sheet a forwarder or line sends,
 * written as JSON. Weights are in the card's `weightUnit`, lengths in its `dimensionUnit`, prices
 * in its `currency`; a `perKg` price is per `weightUnit` (per lb on a pound card). Every number may
 * be a JSON number or a decimal string ("25.5"); strings are read exactly. Settings marked "card or service" may sit on the card (default for every service)
 * or on one service (overrides the card).
 *
 * Deliberate differences from Karrio's rate sheets (research A1.1):
 * - weight bands include their upper bound by default (`bracketBounds`), as carriers price
 *   "up to and including"; 0.5 kg lands in the "≤ 0.5 kg" band;
 * - the volumetric rule is mandatory (a divisor, or `null` for lines that bill actual weight), and
 *   bands are looked up with the chargeable weight, never the actual one;
 * - fuel names what it applies to (`fuel.appliesTo`), so it can include surcharges.
 */

const DECIMAL = /^\d+(\.\d+)?$/;
/** A non-negative decimal as string ("12.50") or JSON number. */
export const DecimalSchema = z.union([
  z.string().regex(DECIMAL, 'expected a decimal like "12.5"'),
  z.number().nonnegative().finite(),
]);
const PositiveDecimal = DecimalSchema.refine((v) => Number(v) > 0, 'must be greater than 0');
const DateSchema = z.iso.date();
const Countries = z.array(CountryCodeSchema).min(1);
/** Postal-code prefixes, compared after removing spaces and dashes and upper-casing ("995", "SW1"). */
const Prefixes = z.array(z.string().trim().min(1).max(12)).min(1);

export const TransitSchema = z.object({
  minDays: z.number().int().nonnegative(),
  maxDays: z.number().int().nonnegative(),
  kind: z.enum(['business', 'calendar']),
}).refine((t) => t.maxDays >= t.minDays, { message: 'maxDays must be ≥ minDays', path: ['maxDays'] });

/** A destination zone: countries, optionally narrowed to postal prefixes (longest prefix wins). */
export const ZoneSchema = z.object({
  id: z.string().min(1).max(40),
  countries: Countries,
  postalPrefixes: Prefixes.optional(),
  /** Overrides the service transit for this zone. */
  transit: TransitSchema.optional(),
});

export const VolumetricSchema = z
  .object({
    /** Volume per weight unit: 5000/6000/8000 for cm³/kg, 139/166 for in³/lb. */
    divisor: PositiveDecimal,
    /** Volumetric weight only applies above this volume (dimensionUnit³), e.g. 1728 in³. */
    minVolume: DecimalSchema.optional(),
    /** Round each side to a whole dimensionUnit first (DHL: nearest). */
    roundSides: z.enum(['none', 'nearest', 'up']).default('none'),
    /**
     * Volumetric weight applies only when some side is strictly longer than this (dimensionUnit),
     * as sheets say "单边超 60cm 计泡" (any side > 60 cm); otherwise the parcel bills actual weight.
     */
    onlyIfSideOver: PositiveDecimal.optional(),
    /**
     * 分泡 / 计泡比例: only this percentage (0 < share ≤ 100) of the volumetric excess over the
     * actual weight is billed: chargeable = actual + (volumetric − actual) × share / 100.
     */
    billedShare: PositiveDecimal.refine((v) => Number(v) <= 100, 'must be at most 100 (a percentage)').optional(),
  })
  .nullable();

/** One rounding step: weights up to and including `upTo` round up to `increment`; the last step has no `upTo`. */
export const WeightStepSchema = z.object({ upTo: PositiveDecimal.optional(), increment: PositiveDecimal });

export const WeightRoundingSchema = z
  .object({
    /** Chargeable weight is rounded UP to a multiple of this (e.g. 0.5 kg, 0.01 kg = 10 g). Per parcel. */
    increment: PositiveDecimal.optional(),
    /**
     * Stepped rounding ("20kg 以下按 0.5kg 进位，20kg 以上按 1kg 进位"): ascending `upTo` bounds, the
     * last step open-ended. The step is chosen by the weight before rounding.
     */
    steps: z.array(WeightStepSchema).min(2).optional(),
  })
  .refine((r) => (r.increment === undefined) !== (r.steps === undefined), 'give either increment or steps');

/** Size thresholds; a parcel is over a limit when any given measure is strictly greater. */
export const SizeLimitsSchema = z.object({
  longest: PositiveDecimal.optional(),
  secondLongest: PositiveDecimal.optional(),
  /** L + W + H */
  sumOfSides: PositiveDecimal.optional(),
  /** L + 2W + 2H (what size rules call "girth" / "length plus girth"). */
  lengthPlusGirth: PositiveDecimal.optional(),
});

export const LimitsSchema = z.object({
  /** Per parcel, after rounding (e.g. 0.05 kg on postal packets, 11 kg per piece on some lines). */
  minBillableWeight: PositiveDecimal.optional(),
  /** Per parcel chargeable weight above which the service refuses the parcel. */
  maxBillableWeight: PositiveDecimal.optional(),
  /** Per parcel actual weight above which the service refuses the parcel. */
  maxActualWeight: PositiveDecimal.optional(),
  maxParcels: z.number().int().positive().optional(),
  /** Over `refuse` → not serviceable. Over `oversize.above` → fee per parcel (+ a minimum billable weight). */
  refuse: SizeLimitsSchema.optional(),
  oversize: z
    .object({ above: SizeLimitsSchema, fee: DecimalSchema, minBillableWeight: PositiveDecimal.optional(), label: z.string().optional() })
    .optional(),
});

const FuelKind = z.enum(['base', 'registration', 'remote', 'oversize', 'other']);
/** Fuel surcharge: one percentage, or a dated table (the row in force on the ship date applies). */
export const FuelSchema = z
  .object({
    /** Charge kinds the percentage is applied to. Express carriers: base + transport surcharges. */
    appliesTo: z.array(FuelKind).min(1),
    percent: DecimalSchema.optional(),
    table: z
      .array(z.object({ from: DateSchema, until: DateSchema.optional(), percent: DecimalSchema }))
      .min(1)
      .optional(),
  })
  .refine((f) => (f.percent === undefined) !== (f.table === undefined), 'give either percent or table');

/** Remote-area surcharge (偏远): per shipment, max(perKg × chargeable, minimum), or perParcel × parcels. */
export const RemoteAreaSchema = z
  .object({
    label: z.string().optional(),
    countries: Countries,
    /** Omit to make the whole country remote. */
    postalPrefixes: Prefixes.optional(),
    perKg: DecimalSchema.optional(),
    minimum: DecimalSchema.optional(),
    perParcel: DecimalSchema.optional(),
  })
  .refine((r) => r.perKg !== undefined || r.perParcel !== undefined, 'give perKg (with an optional minimum) or perParcel');

/** Extra fixed charges, e.g. a battery fee per parcel or a DDP handling fee. Per weight unit for perKg. */
export const SurchargeSchema = z
  .object({
    code: z.string().min(1),
    label: z.string().optional(),
    kind: z.enum(['registration', 'other']).default('other'),
    perParcel: DecimalSchema.optional(),
    perKg: DecimalSchema.optional(),
    minimum: DecimalSchema.optional(),
    when: z.object({ cargoClasses: z.array(z.enum(CARGO_CLASSES)).min(1).optional(), incoterms: z.array(z.enum(INCOTERMS)).min(1).optional() }).optional(),
  })
  .refine((s) => s.perKg !== undefined || s.perParcel !== undefined, 'give perParcel or perKg');

const MinimumCharge = DecimalSchema.optional();

/** 首重/续重: price of the first weight, then `additional.price` per started `additional.step`. */
export const FirstAdditionalSchema = z.object({
  first: z.object({ weight: PositiveDecimal, price: DecimalSchema }),
  additional: z.object({ step: PositiveDecimal, price: DecimalSchema }),
  minimumCharge: MinimumCharge,
});

/** 挂号费 + 公斤价: perKg × chargeable weight + a registration fee per parcel. */
export const PerKgSchema = z.object({ perKg: DecimalSchema, registration: DecimalSchema.optional(), minimumCharge: MinimumCharge });

/** 阶梯价: weight bands, each a flat `price` or a `perKg` rate for the whole weight, plus registration. */
export const BandSchema = z
  .object({ upTo: PositiveDecimal, price: DecimalSchema.optional(), perKg: DecimalSchema.optional(), registration: DecimalSchema.optional() })
  .refine((b) => (b.price === undefined) !== (b.perKg === undefined), 'give either price (flat) or perKg');
export const BandsSchema = z.object({ bands: z.array(BandSchema).min(1), minimumCharge: MinimumCharge });

const zoneMap = <T extends z.ZodType>(entry: T) => z.record(z.string().min(1), entry);

export const PricingSchema = z.discriminatedUnion('model', [
  z.object({ model: z.literal('first-additional'), zones: zoneMap(FirstAdditionalSchema) }),
  z.object({ model: z.literal('per-kg'), zones: zoneMap(PerKgSchema) }),
  z.object({ model: z.literal('bands'), zones: zoneMap(BandsSchema) }),
]);

/** Prices for the cargo classes and incoterm variants (DDP = duties included, 包税) they list. */
export const TariffSchema = z.object({
  cargoClasses: z.array(z.enum(CARGO_CLASSES)).min(1),
  incoterms: z.array(z.enum(INCOTERMS)).min(1).default(['DAP']),
  pricing: PricingSchema,
});

/** Settings a card gives as defaults and a service may override. */
const shared = {
  zones: z.array(ZoneSchema).min(1).optional(),
  volumetric: VolumetricSchema.optional(),
  weightRounding: WeightRoundingSchema.optional(),
  limits: LimitsSchema.optional(),
  fuel: FuelSchema.optional(),
  remote: z.array(RemoteAreaSchema).optional(),
  surcharges: z.array(SurchargeSchema).optional(),
  /**
   * 'parcel' (default): each parcel priced on its own (postal lines). 'shipment': the summed chargeable
   * weight priced once (express). Registration fees are per parcel in both.
   */
  basis: z.enum(['parcel', 'shipment']).optional(),
  transit: TransitSchema.optional(),
};

export const ServiceSchema = z.object({
  code: z.string().min(1).max(60),
  name: z.string().min(1).max(200),
  /** Tried in order: the first tariff that accepts the cargo class (and the incoterm asked for) prices the parcel. */
  tariffs: z.array(TariffSchema).min(1),
  ...shared,
});

/** Schema of a rate card (zones, weight bands, volumetric rules, surcharges), as JSON files declare it. */
export const RateCardSchema = z.object({
  format: z.literal('xborder.rate-card/v1'),
  /** Carrier id used in quotes: lower-case letters, digits and dashes ("yanwen", "forwarder-czl"). */
  carrier: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and dashes'),
  name: z.string().optional(),
  notes: z.string().optional(),
  currency: CurrencyCodeSchema,
  weightUnit: z.enum(['kg', 'g', 'lb']),
  dimensionUnit: z.enum(['cm', 'mm', 'in']),
  /** Origin countries the card prices from; any origin when omitted. */
  origins: Countries.optional(),
  validFrom: DateSchema.optional(),
  validUntil: DateSchema.optional(),
  /** Whether a weight exactly equal to a band's `upTo` belongs to that band. */
  bracketBounds: z.enum(['upper-inclusive', 'upper-exclusive']).default('upper-inclusive'),
  /** How each charge line is rounded to the currency's minor unit. */
  moneyRounding: z.enum(['halfUp', 'halfEven', 'up', 'down']).default('halfUp'),
  services: z.array(ServiceSchema).min(1),
  ...shared,
});

/** A rate card as written (JSON or object), before defaults. */
export type RateCardInput = z.input<typeof RateCardSchema>;
/** A validated rate card with defaults filled in. */
export type RateCardJson = z.output<typeof RateCardSchema>;
export type ServiceJson = z.output<typeof ServiceSchema>;
export type PricingJson = z.output<typeof PricingSchema>;
