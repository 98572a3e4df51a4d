/** xborder/landed-cost: duty + import VAT/GST + fees for DDP/DAP parcels, effective-dated rules as data. */
export { estimateLandedCost, estimateLandedCostSync } from './estimate.js';
export { LandedCostInputSchema, LandedCostItemSchema, HsCodeSchema, type LandedCostInput } from './schemas.js';
export { bundledTariff, type TariffProvider, type TariffQuery, type DutyLayer } from './tariff-provider.js';
export { DESTINATIONS, supportedDestinations } from './data/index.js';
export { euVatRates } from './data/eu-vat.js';
export { DestinationSchema, type Destination } from './rule-schema.js';
export type {
  BreakdownLine, CollectedBy, Confidence, Declaration, DeclarationLine, DutyCharge, ExchangeUsed, FeeCharge,
  LandedCostEstimate, RuleRef, TaxCharge, ThresholdOutcome, Warning,
} from './types.js';
