import { z } from 'zod';
import { MoneySchema, RoundingSchema } from '../model/money.js';

/**
 * Schema of the rule data in ./data. Every rule carries its validity window (validTo is the
 * last day it applies, inclusive), a source URL and a confidence; the data is checked against
 * this schema in test/unit/landed-cost/data.test.ts (not at load: estimates stay fast).
 */
export const ConfidenceSchema = z.enum(['confirmed', 'likely', 'unconfirmed']);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** A percentage as an exact decimal string ("20", "25.5", "0.3464"). */
export const PercentSchema = z.string().regex(/^\d+(\.\d+)?$/);
const HsPrefix = z.string().regex(/^\d{2,10}$/);
const Country = z.string().regex(/^[A-Z]{2}$/);

export const RuleMetaSchema = z.object({
  id: z.string().regex(/^[a-z]{2}(\.[a-z0-9-]+)+$/),
  validFrom: IsoDate,
  validTo: IsoDate.optional(),
  source: z.url(),
  confidence: ConfidenceSchema,
  note: z.string().optional(),
});
export type RuleMeta = z.infer<typeof RuleMetaSchema>;

/** When a rule applies beyond its dates. Every listed condition must hold. */
export const ConditionSchema = z.strictObject({
  transport: z.array(z.enum(['courier', 'post'])).optional(),
  /** Place of direct shipment (the input `origin`). */
  shipFrom: z.array(Country).optional(),
  shipFromNot: z.array(Country).optional(),
  /** At least one line originates in one of these. */
  originAny: z.array(Country).optional(),
  /** Every line originates in one of these. */
  originAll: z.array(Country).optional(),
  /** At least one line originates outside these. */
  originOutside: z.array(Country).optional(),
  /** No line is classified under these HS prefixes. */
  hsNone: z.array(HsPrefix).optional(),
  /** At least one line is classified under these HS prefixes. */
  hsAny: z.array(HsPrefix).optional(),
  /** The input region is one of these. */
  regions: z.array(z.string()).optional(),
});
export type Condition = z.infer<typeof ConditionSchema>;

/** intrinsic/fob: goods only (FOB adds nothing we know of); cif: + freight + insurance; customs: the destination's customs value. */
export const BasisSchema = z.enum(['intrinsic', 'fob', 'cif', 'customs']);
export type Basis = z.infer<typeof BasisSchema>;
export const ScopeSchema = z.enum(['consignment', 'item']);

export const ValuationRuleSchema = RuleMetaSchema.extend({
  freight: z.boolean(),
  insurance: z.boolean(),
  /** Share of the goods price that is the customs value (JP personal imports: 60). */
  goodsFactor: PercentSchema.optional(),
  /** Insurance deemed as % of FOB when the caller gives none (IN 1.125). */
  deemedInsurance: PercentSchema.optional(),
  /** goodsFactor applies to personal imports only (JP): a business import (input.importer) is valued in full. */
  personalOnly: z.boolean().optional(),
});
export type ValuationRule = z.infer<typeof ValuationRuleSchema>;

export const TaxBaseSchema = z.object({ freight: z.boolean(), insurance: z.boolean(), duty: z.boolean() });
export type TaxBase = z.infer<typeof TaxBaseSchema>;

export const TaxRuleSchema = RuleMetaSchema.extend({
  kind: z.string().min(2),
  rate: PercentSchema,
  /** Province/state codes this rate is for; rules without regions are the default. */
  regions: z.array(z.string()).optional(),
  base: TaxBaseSchema,
  /** Reduced rates, main one first; an item picks one with `taxClass: 'reduced'` (or an explicit rate). */
  reduced: z.array(PercentSchema).optional(),
  /** Lines classified here take reduced[0] unless the item says otherwise (JP food: 8 %). */
  reducedHs: z.array(HsPrefix).optional(),
});
export type TaxRule = z.infer<typeof TaxRuleSchema>;

export const DeMinimisRuleSchema = RuleMetaSchema.extend({
  relieves: z.enum(['duty', 'tax', 'both']),
  /** null: explicitly none (abolished or suspended) — cited, never guessed. */
  threshold: MoneySchema.nullable(),
  /** true: value ≤ threshold is relieved; false: value < threshold. */
  inclusive: z.boolean().optional(),
  basis: BasisSchema.optional(),
  scope: ScopeSchema.optional(),
  when: ConditionSchema.optional(),
  /** Lines that stay dutiable/taxable even under the threshold (JP listed goods). */
  exceptHs: z.array(HsPrefix).optional(),
});
export type DeMinimisRule = z.infer<typeof DeMinimisRuleSchema>;

/** A collect-at-sale regime: IOSS, UK ≤ £135, AU/NZ low-value GST, VOEC, SG/MY LVG, CL, CH platforms... */
export const SaleRegimeSchema = RuleMetaSchema.extend({
  name: z.string(),
  /** The registration scheme to quote on the declaration (IOSS, UK VAT, VOEC, ARN...). */
  scheme: z.string(),
  ceiling: MoneySchema.nullable(),
  inclusive: z.boolean().optional(),
  basis: BasisSchema.optional(),
  scope: ScopeSchema.optional(),
  /** Marketplaces that collect by default (deemed supplier / registered); '*' = any marketplace by law. */
  collectors: z.array(z.string()),
  collectorsConfidence: ConfidenceSchema,
  /** The seller must collect itself when no marketplace does (UK, AU, NZ). */
  mandatory: z.boolean(),
  /** Overrides the destination tax rate (MY LVG 10%). */
  rate: PercentSchema.optional(),
  taxKind: z.string().optional(),
  taxBase: TaxBaseSchema,
  /** No customs duty at the border for goods under the regime (VOEC, CL). */
  relievesDuty: z.boolean(),
  /** Platform collects duty and tax as assessed at import (TH MoU platforms). */
  collectsImportCharges: z.boolean().optional(),
  /** Tax was collected on the goods at sale; the border still charges the import tax on any duty (NZ). */
  importTaxOnDuty: z.boolean().optional(),
  /** The seller may assess the ceiling per item or per consignment (input.lowValueScope; AU). */
  scopeChoice: z.boolean().optional(),
  when: ConditionSchema.optional(),
  exceptHs: z.array(HsPrefix).optional(),
});
export type SaleRegime = z.infer<typeof SaleRegimeSchema>;

/** Thresholds on the amount of tax/duty, not the value (CH, DE, NZ, IN). */
export const AmountThresholdSchema = RuleMetaSchema.extend({
  applies: z.array(z.enum(['duty', 'tax'])).min(1),
  threshold: MoneySchema,
  inclusive: z.boolean(),
});
export type AmountThreshold = z.infer<typeof AmountThresholdSchema>;

export const FeeRuleSchema = RuleMetaSchema.extend({
  name: z.string(),
  kind: z.enum(['fixed', 'percent']),
  amount: MoneySchema.optional(),
  rate: PercentSchema.optional(),
  min: MoneySchema.optional(),
  max: MoneySchema.optional(),
  when: ConditionSchema.optional(),
  /** Customs value above / at most (in that currency). */
  valueAbove: MoneySchema.optional(),
  valueAtMost: MoneySchema.optional(),
  /** Only when a declaration assesses duty or tax at import (not under de minimis or a sale regime). */
  entryOnly: z.boolean().optional(),
  /** The fee is part of the import tax base (SA customs fees in the VAT base): computed before taxes. */
  inTaxBase: z.boolean().optional(),
});
export type FeeRule = z.infer<typeof FeeRuleSchema>;

/**
 * How an authority rounds one amount: to a multiple of `step` (major units of the customs
 * currency) in `direction`. `dutyBase`, `taxBase` and `dutyInTaxBase` round each line's amount;
 * `duty` and `tax` round the declaration's total (per tax kind). `kinds` narrows tax rules.
 */
export const RoundingRuleSchema = RuleMetaSchema.extend({
  applies: z.enum(['dutyBase', 'duty', 'taxBase', 'dutyInTaxBase', 'tax']),
  step: PercentSchema,
  direction: z.enum(['down', 'up', 'halfUp']),
  kinds: z.array(z.string()).optional(),
});
export type RoundingRule = z.infer<typeof RoundingRuleSchema>;

/** A tax levied as a fraction of another import tax (JP local consumption tax = 22/78 of the national tax). */
export const SurtaxRuleSchema = RuleMetaSchema.extend({
  kind: z.string().min(2),
  of: z.string().min(2),
  num: z.number().int().positive(),
  den: z.number().int().positive(),
});
export type SurtaxRule = z.infer<typeof SurtaxRuleSchema>;

export const NoticeSchema = RuleMetaSchema.extend({
  message: z.string(),
  when: ConditionSchema.optional(),
  /** Only when a declaration assesses duty or tax at import. */
  entryOnly: z.boolean().optional(),
  /** Only when no collect-at-sale regime applied. */
  withoutSaleRegime: z.boolean().optional(),
  /** Only when the customs value is at most this. */
  valueAtMost: MoneySchema.optional(),
  /** Declaration-data notice: only when an item lacks this field. */
  requires: z.enum(['sku']).optional(),
});
export type Notice = z.infer<typeof NoticeSchema>;

const MethodMeta = RuleMetaSchema.extend({ when: ConditionSchema.optional() });
export const MethodRuleSchema = z.discriminatedUnion('kind', [
  MethodMeta.extend({ kind: z.literal('eu-flat-per-line'), perLine: MoneySchema, ceiling: MoneySchema, classificationDigits: z.number().int().min(6).max(10) }),
  MethodMeta.extend({ kind: z.literal('us-postal'), dutyGroups: z.array(z.string()), warning: z.string().optional() }),
  MethodMeta.extend({
    kind: z.literal('br-rts'), ceiling: MoneySchema, lowTierUpTo: MoneySchema, lowRate: PercentSchema,
    highRate: PercentSchema, deduction: MoneySchema, uncertifiedRate: PercentSchema, certified: z.array(z.string()),
  }),
  MethodMeta.extend({
    kind: z.literal('id-pmk'), noDutyUpTo: MoneySchema, flatUpTo: MoneySchema, flatRate: PercentSchema,
    /** Commodity groups with a rate of their own instead of the flat rate (PMK 4/2025: 0 / 15 / 25 %). */
    fixedRates: z.array(z.object({ label: z.string(), rate: PercentSchema, hs: z.array(HsPrefix).min(1) })).default([]),
    /** Goods at the general (MFN) tariff instead of the flat rate. */
    mfnHs: z.array(HsPrefix).default([]),
  }),
  MethodMeta.extend({
    kind: z.literal('mx-courier'), ceiling: MoneySchema, rate: PercentSchema, ftaOrigins: z.array(Country),
    ftaExemptUpTo: MoneySchema, ftaBands: z.array(z.object({ upTo: MoneySchema.optional(), rate: PercentSchema })),
  }),
  MethodMeta.extend({ kind: z.literal('tr-flat'), exemptUpTo: MoneySchema.optional(), euRate: PercentSchema, otherRate: PercentSchema }),
  MethodMeta.extend({ kind: z.literal('in-9804'), bcd: PercentSchema, sws: PercentSchema }),
  MethodMeta.extend({ kind: z.literal('co-postal'), ceiling: MoneySchema, maxKg: PercentSchema, flatRate: PercentSchema }),
]);
export type MethodRule = z.infer<typeof MethodRuleSchema>;

/** The schema of one destination's rules (valuation, taxes, de minimis, regimes, rounding...), as data. */
export const DestinationSchema = z.object({
  country: Country,
  name: z.string(),
  /** Tariff territory key for the TariffProvider ('EU' for every member state). */
  territory: z.string(),
  currencies: z.array(z.object({ code: z.string(), validFrom: IsoDate, validTo: IsoDate.optional() })).min(1),
  /** Earliest import date the data covers. */
  coverageFrom: IsoDate,
  /** Date the rules were last reviewed against sources; later dates raise a warning. */
  reviewed: IsoDate,
  fx: RuleMetaSchema.extend({ method: z.string() }),
  rounding: RoundingSchema,
  valuation: z.array(ValuationRuleSchema).min(1),
  taxes: z.array(TaxRuleSchema),
  surtaxes: z.array(SurtaxRuleSchema).optional(),
  roundingRules: z.array(RoundingRuleSchema).optional(),
  deMinimis: z.array(DeMinimisRuleSchema),
  saleRegimes: z.array(SaleRegimeSchema),
  amountThresholds: z.array(AmountThresholdSchema),
  fees: z.array(FeeRuleSchema),
  methods: z.array(MethodRuleSchema),
  notices: z.array(NoticeSchema),
});
/** One destination's effective-dated rules, each with its source: a law change is a data edit. */
export type Destination = z.infer<typeof DestinationSchema>;
