import type { Money } from '../model/money.js';

/** How far a rule is trusted: `unconfirmed` rules are used but always raise a warning. */
export type Confidence = 'confirmed' | 'likely' | 'unconfirmed';

/**
 * Who collects a charge. `marketplace`: the platform charged it at checkout (deemed supplier /
 * registered collector) — never part of the seller's total. `seller`: the seller charged it at
 * sale under its own registration (IOSS, UK VAT, ARN...) and remits it. `at-import`: assessed at
 * the border — paid by the seller under DDP, by the buyer at the door under DAP.
 */
export type CollectedBy = 'seller' | 'marketplace' | 'at-import';

/** A rule the estimate used: its id, the source it cites, its validity window and how far it is trusted. */
export interface RuleRef {
  id: string;
  source: string;
  validFrom: string;
  validTo?: string;
  confidence: Confidence;
  note?: string;
}

/** One tax of the estimate (VAT, GST, consumption tax...) with its base, amount and who collects it. */
export interface TaxCharge {
  /** VAT, GST, HST, IVA, ICMS, IGST, CT, SST, global-rate... */
  kind: string;
  /** Percent as an exact decimal string ("20", "8.1"). */
  rate: string;
  base: Money;
  amount: Money;
  collectedBy: CollectedBy;
  ruleId: string;
  /** Set when an amount threshold waived the charge (amount is then 0). */
  waivedBy?: string;
}

/** A fixed or computed fee (processing, clearance, handling) charged at import under a cited rule. */
export interface FeeCharge {
  name: string;
  amount: Money;
  ruleId: string;
}

/** One duty layer applied to one line (MFN, Section 301, €3 per classification...). */
export interface DutyCharge {
  /** Item index, or null for a consignment-level charge (BR RTS). */
  item: number | null;
  layer: string;
  label: string;
  /** Percent, `unknown` when no rate is known, or `flat` for a fixed amount. */
  rate: string | 'unknown' | 'flat';
  base: Money;
  /** null when the rate is unknown: never a silent zero. */
  amount: Money | null;
  collectedBy: CollectedBy;
  ruleId: string;
  waivedBy?: string;
}

/** One human-readable step of the calculation (valuation, regime, de minimis, duty, tax...), citing its rule. */
export interface BreakdownLine {
  step: 'fx' | 'valuation' | 'regime' | 'de-minimis' | 'duty' | 'tax' | 'threshold' | 'fee';
  text: string;
  amount?: Money;
  ruleId?: string;
}

/** Something the caller should check: an unknown duty rate, an unconfirmed rule, a rule not modelled, a notice. */
export interface Warning {
  code: 'UNKNOWN_DUTY_RATE' | 'UNCONFIRMED_RULE' | 'NOT_MODELLED' | 'REGION_MISSING' | 'CHANNEL_IGNORED' | 'DATA_REVIEWED' | 'NOTICE' | 'DECLARATION_DATA';
  message: string;
  ruleId?: string;
  item?: number;
}

/** Whether a de minimis relieved all, some or none of the lines, and at which threshold. */
export interface ThresholdOutcome {
  applied: 'all' | 'some' | 'none';
  threshold?: Money;
  ruleId?: string;
}

/** A conversion the estimate made into the customs currency: rate, its date and where it came from. */
export interface ExchangeUsed {
  from: string;
  to: string;
  rate: string;
  asOf: string;
  source: string;
}

/** One line of the customs declaration data (classification, origin, quantity, invoiced and customs value). */
export interface DeclarationLine {
  item: number;
  hsCode: string;
  description?: string;
  sku?: string;
  originCountry: string;
  quantity: number;
  /** Line value (unit value × quantity) as invoiced. */
  value: Money;
  /** Line value in the customs currency. */
  customsValue: Money;
  weightKg?: string;
}

/** What a DDP declaration needs beyond money (issue 6, 5b). */
export interface Declaration {
  regime: string;
  scheme?: string;
  registrationNumber?: string;
  incoterm: 'DDP' | 'DAP';
  currency: string;
  /** Distinct tariff classifications (the EU €3 "items"). */
  classifications: number;
  lines: DeclarationLine[];
}

/**
 * The result of `estimateLandedCost`: duty, taxes and fees in the destination's customs currency,
 * who collects each, the regime and thresholds applied, a cited breakdown and warnings.
 */
export interface LandedCostEstimate {
  destination: string;
  asOf: string;
  incoterm: 'DDP' | 'DAP';
  /** The destination's customs currency: every amount below is in it. */
  currency: string;
  customsValue: Money;
  duty: Money;
  dutyCollectedBy: CollectedBy;
  dutyLines: DutyCharge[];
  taxes: TaxCharge[];
  fees: FeeCharge[];
  /** duty (unless marketplace-collected) + taxes not collected by a marketplace + fees. */
  total: Money;
  /** Who funds `total`: all the seller under DDP; under DAP the at-import part is the buyer's. */
  payableBy: { seller: Money; buyer: Money };
  /** Duty and taxes a marketplace collected at checkout (informational, not in `total`). */
  marketplaceCollected: Money;
  regime: { id: string; name: string; scheme?: string };
  deMinimis: { duty: ThresholdOutcome; tax: ThresholdOutcome };
  /** false when a duty rate is unknown: `total` then excludes the unknown part. */
  complete: boolean;
  breakdown: BreakdownLine[];
  rules: RuleRef[];
  warnings: Warning[];
  exchange: ExchangeUsed[];
  declaration: Declaration;
}
