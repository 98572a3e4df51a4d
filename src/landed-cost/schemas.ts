import { z } from 'zod';
import { IsoDateSchema, RateTableSchema } from '../currency/rate-table.js';
import type { RateProvider, RateTable } from '../currency/types.js';
import { formatDecimal, parseDecimal } from '../model/decimal.js';
import { MoneySchema } from '../model/money.js';
import { isKnownCountry } from './countries.js';
import type { TariffProvider } from './tariff-provider.js';

const CountrySchema = z
  .string()
  .regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code like "DE"')
  .refine(isKnownCountry, 'unknown country code');

/** "6109.10" and "6109 10 00" are accepted; what remains must be 6–10 digits. */
export const HsCodeSchema = z
  .string()
  .transform((s) => s.replace(/[.\s]/g, ''))
  .pipe(z.string().regex(/^\d{6,10}$/, 'HS code must be 6–10 digits'));

/** A caller percentage (12, "12.5") kept as an exact decimal string; floats like 0.1+0.2 are refused. */
const PercentInput = z.union([z.number(), z.string()]).transform((v, ctx) => {
  try {
    const d = parseDecimal(v, 'rate');
    if (d.units < 0n) throw new Error('must not be negative');
    if (d.scale > 6) throw new Error('more than 6 decimals');
    return formatDecimal(d.units, d.scale);
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: `expected a non-negative percentage: ${(e as Error).message}` });
    return z.NEVER;
  }
});

const NonNegativeMoney = MoneySchema.refine((m) => m.amount >= 0, 'must not be negative');

const DecimalKg = z.union([z.number(), z.string()]).transform((v, ctx) => {
  try {
    const d = parseDecimal(v, 'weightKg');
    if (d.units < 0n) throw new Error('negative');
    return formatDecimal(d.units, d.scale);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'expected a non-negative weight in kg' });
    return z.NEVER;
  }
});

/** One item of a landed-cost request: classification, value, quantity, origin, weight and tax class. */
export const LandedCostItemSchema = z.object({
  sku: z.string().optional(),
  description: z.string().optional(),
  hsCode: HsCodeSchema,
  /** Unit value (price of one unit as sold); the line value is value × quantity. */
  value: NonNegativeMoney,
  quantity: z.number().int().positive().default(1),
  /** Country of origin of the goods; defaults to `origin`. */
  originCountry: CountrySchema.optional(),
  /** Gross weight of one unit. */
  weightKg: DecimalKg.optional(),
  /** Percent; overrides the tariff data (not the flat low-value regimes such as the EU €3). */
  dutyRate: PercentInput.optional(),
  /** Proof of preferential origin is available (FTA rates such as ChAFTA apply). */
  originProof: z.boolean().default(false),
  /**
   * VAT/GST rate class: 'standard', 'reduced' (the destination's main reduced rate), 'zero', or an
   * explicit percentage. Omitted: the destination's data decides (e.g. JP food at 8 %).
   */
  taxClass: z.union([z.enum(['standard', 'reduced', 'zero']), PercentInput]).optional(),
});

// Tables are immutable by contract (rateTable() freezes them): validate each object once.
const checkedTables = new WeakSet<object>();
export const isCheckedTable = (v: object): boolean => checkedTables.has(v);
const RatesSchema = z.custom<RateTable | RateProvider>((v) => {
  if (typeof v !== 'object' || v === null) return false;
  if (typeof (v as RateProvider).getRates === 'function') return true;
  if (checkedTables.has(v)) return true;
  const ok = RateTableSchema.safeParse(v).success;
  if (ok) checkedTables.add(v);
  return ok;
}, 'expected a RateTable { base, asOf, source, rates } or a RateProvider');

const TariffSchema = z.custom<TariffProvider>(
  (v) => typeof v === 'object' && v !== null && typeof (v as TariffProvider).lookup === 'function',
  'expected a TariffProvider { name, lookup() }',
);

/** The zod schema `estimateLandedCost` validates its input with (errors name the field path). */
export const LandedCostInputSchema = z.object({
  /** Place of direct shipment (ship-from country). */
  origin: CountrySchema,
  destination: CountrySchema,
  /** Import date (YYYY-MM-DD): rules are chosen by it. */
  asOf: IsoDateSchema,
  items: z.array(LandedCostItemSchema).min(1).max(1000),
  /** International freight charged for the consignment. */
  shipping: NonNegativeMoney,
  insurance: NonNegativeMoney.optional(),
  incoterm: z.enum(['DDP', 'DAP']).default('DDP'),
  channel: z
    .object({
      marketplace: z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a lower-case marketplace name like "amazon" or "direct"'),
      /** Explicit: the channel collects (true) or does not collect (false) the destination's tax at checkout. */
      collectsTax: z.boolean().optional(),
      /** IOSS / UK VAT / VOEC / ARN... number to quote on the declaration. */
      registrationNumber: z.string().min(1).optional(),
    })
    .optional(),
  transport: z.enum(['courier', 'post']).default('courier'),
  /** Province/state where it matters (CA, BR). */
  region: z.string().regex(/^[A-Z]{2,3}$/, 'expected a region code like "ON" or "SP"').optional(),
  rates: RatesSchema.optional(),
  tariff: TariffSchema.optional(),
  /** Who imports: personal imports may be valued differently (JP 60 % rule). Omitted: personal. */
  importer: z.enum(['personal', 'business']).optional(),
  /** Where a destination lets the seller choose (AU low-value GST): assess the ceiling per item or per consignment. */
  lowValueScope: z.enum(['consignment', 'item']).optional(),
});

/** The input of `estimateLandedCost`: origin, destination, items, shipping, insurance, incoterm and channel. */
export type LandedCostInput = z.input<typeof LandedCostInputSchema>;
export type ParsedLandedCostInput = z.output<typeof LandedCostInputSchema>;
export type ParsedItem = ParsedLandedCostInput['items'][number];
