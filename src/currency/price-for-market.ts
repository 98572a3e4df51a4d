import { z } from 'zod';
import { ValidationError } from '../errors/classes.js';
import { parseInput } from '../errors/from-response.js';
import { currencyExponent } from '../model/currencies.js';
import { formatDecimal } from '../model/decimal.js';
import { CurrencyCodeSchema, MoneySchema, type Money } from '../model/money.js';
import { crossRate, crossRatio } from './convert.js';
import { applyEnding, endingRules, roundUpToUnit, type Ending } from './endings.js';
import { marketplaceExponent } from './marketplace-exponents.js';
import * as R from './ratio.js';
import type { RateTable } from './types.js';

const Fraction = z.string().regex(/^\d+(?:\.\d+)?$/, 'expected a decimal fraction like "0.15"');
const Percent = Fraction.refine((s) => R.compare(R.fromDecimalString(s, 'p'), R.ONE) < 0, 'must be below 1');
const EndingRuleSchema = z.object({ step: z.string(), endings: z.array(z.string()).readonly(), below: z.string().optional() });

const OptionsSchema = z.object({
  to: CurrencyCodeSchema,
  rates: z.object({ base: z.string(), asOf: z.string(), source: z.string(), rates: z.record(z.string(), z.string()) }),
  margin: Percent.optional(),
  fees: z.union([Percent, z.array(Percent)]).optional(),
  fixedFees: z.union([MoneySchema, z.array(MoneySchema)]).optional(),
  fxBuffer: Fraction.optional(),
  taxInclusive: z.boolean().optional(),
  vatRate: Fraction.optional(),
  ending: z.union([z.literal('auto'), z.literal('none'), EndingRuleSchema, z.array(EndingRuleSchema).readonly()]),
  marketplace: z.string().optional(),
});

/** How `priceForMarket` prices a cost for one market: target currency, rates, margin, fees, VAT and ending. */
export interface PriceForMarketOptions {
  /** Target currency of the market. */
  to: string;
  /** Rates to convert the cost with (mid rates; `fxBuffer` adds the safety margin). */
  rates: RateTable;
  /** Target margin as a fraction of the net (ex-VAT) selling price, e.g. '0.25'. */
  margin?: string;
  /** Percentage fees charged on the displayed price (referral, payment...), e.g. '0.15' or ['0.12', '0.02']. */
  fees?: string | readonly string[];
  /** Fixed fees per unit sold, in any currency (converted with the buffer unless already in `to`). */
  fixedFees?: Money | readonly Money[];
  /** FX safety margin on top of the mid rate, e.g. '0.02'. */
  fxBuffer?: string;
  /** The store shows tax-inclusive prices (EU, UK, AU, JP...). Defaults to true when vatRate is given. */
  taxInclusive?: boolean;
  /** VAT rate of the market as a fraction, e.g. '0.19'. */
  vatRate?: string;
  /** Price ending rule (x.99, tens for JPY...), or 'auto' for the market's default. */
  ending: Ending;
  /** Applies the marketplace's price exponent (e.g. IDR/TWD without decimals on Shopee). */
  marketplace?: string;
}

/** Where the market price goes: cost, fees, VAT and the margin left, all in the target currency. */
export interface PriceBreakdown {
  /** The caller's cost in its own currency. */
  cost: Money;
  /** Cost at the mid rate in the target currency. */
  costConverted: Money;
  fixedFees: Money;
  /** Percentage fees on the final (tax-inclusive) price. */
  fees: Money;
  vat: Money;
  /** What is left at the mid rate: price − cost − fixed fees − fees − VAT (the FX buffer and the ending end up here). */
  margin: Money;
  /** margin ÷ net (ex-VAT) price, 4 decimals rounded down. */
  marginRate: string;
  /** The exact formula price rounded up to a minor unit, before the ending. */
  unrounded: Money;
}

/** A market price with its breakdown and the rate (and its date and source) it was computed with. */
export interface MarketPrice {
  price: Money;
  breakdown: PriceBreakdown;
  rate: string;
  asOf: string;
  source: string;
}

/**
 * Price so that, after percentage fees on the tax-inclusive price, VAT and fixed fees, the seller
 * keeps `margin` of the net price. With P the displayed price, v the VAT rate (0 when not tax
 * inclusive), p the sum of percentage fees and m the margin:
 *   P/(1+v) − p·P − fixed − cost = m·P/(1+v)   ⇒   P = (cost + fixed)·(1+v) / (1 − m − p·(1+v))
 * (with v = 0 this is (cost + fixed) / (1 − p − m)). Cost and foreign fixed fees are converted
 * with rate × (1 + fxBuffer); everything is exact until one final UP rounding to the market ending.
 */
export function priceForMarket(base: Money, options: PriceForMarketOptions): MarketPrice {
  const o = parseInput(OptionsSchema, options, '');
  const cost = parseInput(MoneySchema, base, 'base');
  if (cost.amount < 0) throw new ValidationError({ message: 'base must not be negative', path: 'base.amount' });
  const table = options.rates;
  const to = o.to;
  const buffer = R.add(R.ONE, o.fxBuffer ? R.fromDecimalString(o.fxBuffer, 'fxBuffer') : R.ZERO);
  const fx = (cur: string) => (cur === to ? R.ONE : crossRatio(table, cur, to));
  const atMid = (m: Money) => R.mul(R.fromMoney(m), fx(m.currency));
  const buffered = (m: Money) => (m.currency === to ? R.fromMoney(m) : R.mul(atMid(m), buffer));

  const fixedList = o.fixedFees === undefined ? [] : Array.isArray(o.fixedFees) ? o.fixedFees : [o.fixedFees as Money];
  const feeList = o.fees === undefined ? [] : Array.isArray(o.fees) ? o.fees : [o.fees as string];
  const p = feeList.reduce((acc: R.Ratio, f, i) => R.add(acc, R.fromDecimalString(f, `fees[${i}]`)), R.ZERO);
  const m = o.margin ? R.fromDecimalString(o.margin, 'margin') : R.ZERO;
  const taxInclusive = o.taxInclusive ?? o.vatRate !== undefined;
  if (taxInclusive && o.vatRate === undefined) throw new ValidationError({ message: 'vatRate is required when taxInclusive is true', path: 'vatRate' });
  const v = taxInclusive ? R.fromDecimalString(o.vatRate!, 'vatRate') : R.ZERO;
  const onePlusV = R.add(R.ONE, v);

  const denom = R.sub(R.sub(R.ONE, m), R.mul(p, onePlusV));
  if (denom.num <= 0n) {
    throw new ValidationError({ message: 'margin + fees × (1 + vatRate) must stay below 1', path: 'margin' });
  }
  const fixedBuffered = fixedList.reduce((acc: R.Ratio, f) => R.add(acc, buffered(f)), R.ZERO);
  const exact = R.div(R.mul(R.add(buffered(cost), fixedBuffered), onePlusV), denom);

  const iso = currencyExponent(to, 'to');
  const unit = R.pow10(iso - marketplaceExponent(o.marketplace, to));
  const unrounded = R.toMinor(exact, iso, 'up');
  const rules = endingRules(to, o.ending as Ending);
  const final = roundUpToUnit(applyEnding(roundUpToUnit(unrounded, unit), rules), unit);

  const price = R.ratio(final, R.pow10(iso));
  const vat = R.toMoney(R.div(R.mul(price, v), onePlusV), to, 'halfEven');
  const fees = R.toMoney(R.mul(price, p), to, 'halfEven');
  const costConverted = R.toMoney(atMid(cost), to, 'halfEven');
  const fixedFees = R.toMoney(fixedList.reduce((acc: R.Ratio, f) => R.add(acc, f.currency === to ? R.fromMoney(f) : atMid(f)), R.ZERO), to, 'halfEven');
  const priceMoney = minorMoney(final, to);
  // Margin balances the breakdown so its parts add up to the price exactly.
  const margin = minorMoney(final - BigInt(costConverted.amount + fixedFees.amount + fees.amount + vat.amount), to);
  const net = BigInt(priceMoney.amount - vat.amount);
  const marginRate = net > 0n ? formatDecimal(R.toMinor(R.ratio(BigInt(margin.amount), net), 4, 'down'), 4) : '0.0000';

  return {
    price: priceMoney,
    breakdown: { cost, costConverted, fixedFees, fees, vat, margin, marginRate, unrounded: minorMoney(unrounded, to) },
    rate: cost.currency === to ? '1' : crossRate(table, cost.currency, to),
    asOf: table.asOf,
    source: table.source,
  };
}

function minorMoney(amount: bigint, currency: string): Money {
  const n = Number(amount);
  if (!Number.isSafeInteger(n)) throw new ValidationError({ message: 'price exceeds the safe integer range', path: 'price' });
  return { amount: n, currency };
}
