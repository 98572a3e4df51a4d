import { RateTableSchema } from '../currency/rate-table.js';
import type { RateProvider, RateTable } from '../currency/types.js';
import { ValidationError } from '../errors/classes.js';
import { parseInput } from '../errors/from-response.js';
import { assemble } from './assemble.js';
import { Ctx } from './context.js';
import { DESTINATIONS } from './data/index.js';
import { standardDuty } from './duty.js';
import { applyFees } from './fees.js';
import { applyNotices } from './notices.js';
import { pickMethod, runMethod } from './regimes/index.js';
import type { Destination } from './rule-schema.js';
import { applySaleRegime } from './sale-regime.js';
import { parseLandedCostInput } from './fast-input.js';
import type { LandedCostInput, ParsedLandedCostInput } from './schemas.js';
import { bundledTariff, type DutyLayer, type TariffProvider } from './tariff-provider.js';
import { roundDutyTotal, roundTaxTotals } from './rounding.js';
import { applySurtaxes, standardTaxes } from './taxes.js';
import { applyAmountThresholds, applyDeMinimis } from './thresholds.js';
import type { LandedCostEstimate } from './types.js';
import { buildLines } from './valuation.js';

type Layers = ReadonlyArray<readonly DutyLayer[]>;

function destinationOf(input: ParsedLandedCostInput): { dest: Destination; currency: string } {
  const dest = DESTINATIONS.get(input.destination);
  if (!dest) {
    throw new ValidationError({ message: `Invalid destination: no landed-cost rules for "${input.destination}"`, path: 'destination' });
  }
  if (input.asOf < dest.coverageFrom) {
    throw new ValidationError({ message: `Invalid asOf: ${dest.name} rules start on ${dest.coverageFrom}`, path: 'asOf' });
  }
  const cur = dest.currencies.find((c) => input.asOf >= c.validFrom && (!c.validTo || input.asOf <= c.validTo));
  return { dest, currency: (cur ?? dest.currencies[dest.currencies.length - 1]!).code };
}

function queries(input: ParsedLandedCostInput, dest: Destination) {
  return input.items.map((i) => ({ territory: dest.territory, hsCode: i.hsCode, origin: i.originCountry ?? input.origin, asOf: input.asOf, originProof: i.originProof }));
}

/** The pipeline: valuation → de minimis → (flat method → fees | sale regime → duty → duty rounding → fees → taxes → surtaxes → tax rounding) → amount thresholds → notices. */
function compute(input: ParsedLandedCostInput, dest: Destination, currency: string, table: RateTable | undefined, layers: Layers): LandedCostEstimate {
  const ctx = new Ctx(input, dest, currency, table);
  ctx.cite(dest.fx);
  buildLines(ctx, layers);
  const method = pickMethod(ctx);
  applyDeMinimis(ctx);
  if (!(method && runMethod(ctx, method, 'all'))) {
    applySaleRegime(ctx);
    if (!(method && runMethod(ctx, method, 'duty'))) standardDuty(ctx);
    roundDutyTotal(ctx);
    applyAmountThresholds(ctx, 'duty');
    // Fees first: where the law puts them in the tax base (SA), the taxes need them.
    applyFees(ctx);
    standardTaxes(ctx);
    applySurtaxes(ctx);
    roundTaxTotals(ctx);
  } else applyFees(ctx);
  applyAmountThresholds(ctx, 'final');
  applyNotices(ctx);
  return assemble(ctx);
}

function isProvider(r: RateTable | RateProvider): r is RateProvider {
  return typeof (r as RateProvider).getRates === 'function';
}

/**
 * Estimates duty, import VAT/GST and fees for a DDP/DAP consignment on its import date, with the
 * rules of that date, the caller's customs exchange rates and the bundled (or given) tariff.
 */
export async function estimateLandedCost(input: LandedCostInput): Promise<LandedCostEstimate> {
  const parsed = parseLandedCostInput(input);
  const { dest, currency } = destinationOf(parsed);
  let table: RateTable | undefined;
  if (parsed.rates && isProvider(parsed.rates)) {
    const t = await parsed.rates.getRates({ asOf: parsed.asOf });
    table = parseInput(RateTableSchema, t, 'rates') as RateTable;
  } else table = parsed.rates;
  const tariff: TariffProvider = parsed.tariff ?? bundledTariff;
  const answers = queries(parsed, dest).map((q) => tariff.lookup(q));
  const layers = answers.some((a) => a instanceof Promise) ? await Promise.all(answers) : (answers as Layers);
  return compute(parsed, dest, currency, table, layers);
}

/** Synchronous variant: `rates` must be a RateTable (not a provider) and the tariff must answer synchronously. */
export function estimateLandedCostSync(input: LandedCostInput): LandedCostEstimate {
  const parsed = parseLandedCostInput(input);
  const { dest, currency } = destinationOf(parsed);
  if (parsed.rates && isProvider(parsed.rates)) {
    throw new ValidationError({ message: 'Invalid rates: estimateLandedCostSync needs a RateTable; use estimateLandedCost with a RateProvider', path: 'rates' });
  }
  const tariff: TariffProvider = parsed.tariff ?? bundledTariff;
  const layers = queries(parsed, dest).map((q) => {
    const a = tariff.lookup(q);
    if (a instanceof Promise) throw new ValidationError({ message: 'Invalid tariff: this TariffProvider answers asynchronously; use estimateLandedCost', path: 'tariff' });
    return a;
  });
  return compute(parsed, dest, currency, parsed.rates, layers);
}
