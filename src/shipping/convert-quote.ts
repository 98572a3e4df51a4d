import { ValidationError } from '../errors/classes.js';
import { convert } from '../currency/convert.js';
import type { RateTable } from '../currency/types.js';
import type { Rounding } from '../model/money.js';
import type { ChargeLine, ShippingQuote } from './types.js';

/** How a quote was converted into the caller's currency: rate, date and source. */
export interface QuoteConversion {
  table: RateTable;
  to: string;
  rounding?: Rounding;
}

/**
 * A quote in another currency: the total is converted once; each line is converted too and any
 * rounding difference is put on the first base line, so the lines still add up to the total.
 * Throws a ValidationError (from xborder/currency) when the table lacks a rate.
 */
export function convertQuote(q: ShippingQuote, c: QuoteConversion): ShippingQuote {
  if (typeof q !== 'object' || q === null || typeof q.total !== 'object' || q.total === null || !Array.isArray(q.breakdown)) {
    throw new ValidationError({ message: 'quote must be a ShippingQuote (total, breakdown)', path: 'quote' });
  }
  if (typeof c !== 'object' || c === null) throw new ValidationError({ message: 'conversion must be { table, to, rounding? }', path: 'conversion' });
  if (q.total.currency === c.to) return q;
  const opts = { rounding: c.rounding };
  const total = convert(q.total, c.to, c.table, opts);
  const breakdown: ChargeLine[] = q.breakdown.map((l) => ({ ...l, amount: convert(l.amount, c.to, c.table, opts).money }));
  let sum = 0;
  for (const l of breakdown) sum += l.amount.amount;
  const residue = total.money.amount - sum;
  if (residue !== 0 && breakdown.length > 0) {
    const i = Math.max(0, breakdown.findIndex((l) => l.kind === 'base'));
    const line = breakdown[i]!;
    breakdown[i] = { ...line, amount: { amount: line.amount.amount + residue, currency: c.to } };
  }
  return {
    ...q,
    total: total.money,
    breakdown,
    converted: { from: q.total, rate: total.rate, asOf: total.asOf, source: total.source },
  };
}
