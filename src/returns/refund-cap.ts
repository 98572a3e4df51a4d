import { ValidationError } from '../errors/classes.js';
import type { Money } from '../model/money.js';
import type { Order, OrderLine } from '../model/order.js';
import type { Refund } from '../model/return.js';
import type { ParsedRefundRequest } from './schemas.js';

/** What {@link checkRefund} checks: the refund request against the order it refunds. */
export interface RefundCheckInput {
  marketplace: string;
  order: Order;
  request: Pick<ParsedRefundRequest, 'lines' | 'amount'>;
  /** Lines (and quantities) of the return being refunded; the whole order when absent. */
  scope?: ReadonlyArray<{ lineId: string; quantity: number }>;
  /** Already refunded on what is refunded (the return when `scope` is given, else the order): deducted from what can still be paid back. */
  alreadyRefunded?: Money;
  /** Field path prefix of the request in errors. */
  path?: string;
  /** Field path of the amount in errors (default `<path>.amount`), e.g. `request.partialRefund`. */
  amountPath?: string;
}

/** A refund request checked and resolved by {@link checkRefund}: the refunded lines (none for a refund by amount) and the total. */
export interface ResolvedRefund {
  lines: Refund['lines'];
  amount: Money;
}

/**
 * What the buyer paid for `quantity` units of a line: unit price × quantity − the line's
 * discounts + its tax when prices are tax-exclusive, prorated per unit (half up, in minor units).
 * Undefined when the order does not carry the unit price.
 */
export function paidForLine(order: Order, line: OrderLine, quantity = line.quantity): Money | undefined {
  const unit = line.unitPrice;
  if (!unit || line.quantity === 0) return undefined;
  const c = unit.currency;
  let gross = BigInt(unit.amount) * BigInt(line.quantity);
  for (const d of line.discounts) if (d.amount.currency === c) gross -= BigInt(d.amount.amount);
  if (!line.taxInclusive) for (const t of order.taxes) if (t.lineId === line.lineId && t.amount.currency === c) gross += BigInt(t.amount.amount);
  const q = BigInt(quantity);
  const n = BigInt(line.quantity);
  const prorated = (gross * q * 2n + n) / (2n * n); // round half up
  return { amount: Number(prorated < 0n ? 0n : prorated), currency: c };
}

/**
 * Resolves a refund request against the order and refuses (ValidationError, before any call)
 * a refund larger than what was paid: per line for `{ lines }`, for the lines in scope plus the
 * order's shipping for `{ amount }`, and never above the order's charged total minus what was
 * already refunded. Every adapter runs it before its refund write.
 */
export function checkRefund(input: RefundCheckInput): ResolvedRefund {
  const { order, request, marketplace } = input;
  const p = input.path ?? 'request';
  const currency = order.currencies?.buyer ?? order.totals.charged?.currency ?? order.lines.find((l) => l.unitPrice)?.unitPrice?.currency;
  const byId = new Map(order.lines.map((l) => [l.lineId, l]));
  const scope = input.scope ? new Map(input.scope.map((s) => [s.lineId, s.quantity])) : undefined;
  const sameCurrency = (m: Money, path: string) => {
    if (currency && m.currency !== currency) throw new ValidationError({ message: `The order was paid in ${currency}, not ${m.currency}`, path });
  };
  const remaining = remainingOf(order, input.alreadyRefunded);

  if (request.lines) {
    const lines = request.lines.map((l, i) => {
      const lp = `${p}.lines[${i}]`;
      const line = byId.get(l.lineId);
      if (!line || (scope && !scope.has(l.lineId))) throw new ValidationError({ message: `${scope ? 'The return' : `Order ${order.id}`} has no line ${l.lineId}`, path: `${lp}.lineId` });
      const max = scope?.get(l.lineId) ?? line.quantity;
      if (l.quantity !== undefined && l.quantity > max) throw new ValidationError({ message: `Line ${l.lineId} has ${max} unit(s) to refund, not ${l.quantity}`, path: `${lp}.quantity` });
      const paid = paidForLine(order, line, l.quantity ?? max);
      if (l.amount) {
        sameCurrency(l.amount, `${lp}.amount.currency`);
        if (paid && l.amount.amount > paid.amount) throw tooMuch(marketplace, l.amount, paid, `${lp}.amount`, `line ${l.lineId}`);
      } else if (!paid) {
        throw new ValidationError({ message: `${marketplace} did not say what was paid for line ${l.lineId}; give the amount to refund`, path: `${lp}.amount` });
      }
      return { lineId: l.lineId, ...(l.quantity !== undefined ? { quantity: l.quantity } : {}), amount: l.amount ?? paid! };
    });
    const amount = { amount: lines.reduce((n, l) => n + l.amount.amount, 0), currency: lines[0]!.amount.currency };
    if (remaining && amount.amount > remaining.amount) throw tooMuch(marketplace, amount, remaining, `${p}.lines`, `order ${order.id}`);
    return { lines, amount };
  }

  const amount = request.amount!;
  const ap = input.amountPath ?? `${p}.amount`;
  sameCurrency(amount, `${ap}.currency`);
  const cap = scopeCap(order, scope, remaining, input.alreadyRefunded);
  if (cap && amount.amount > cap.amount) throw tooMuch(marketplace, amount, cap, ap, scope ? 'the returned lines' : `order ${order.id}`);
  return { lines: [], amount };
}

/** Charged total minus refunds so far (undefined when the order does not carry its total). */
function remainingOf(order: Order, refunded: Money | undefined): Money | undefined {
  const charged = order.totals.charged;
  if (!charged) return undefined;
  const done = refunded && refunded.currency === charged.currency ? refunded.amount : 0;
  return { amount: Math.max(0, charged.amount - done), currency: charged.currency };
}

/** The lines in scope (paid, prorated) plus the order's shipping, bounded by what remains. */
function scopeCap(order: Order, scope: Map<string, number> | undefined, remaining: Money | undefined, refunded: Money | undefined): Money | undefined {
  if (!scope) return remaining;
  let total = 0;
  let currency: string | undefined;
  for (const [lineId, quantity] of scope) {
    const line = order.lines.find((l) => l.lineId === lineId);
    const paid = line && paidForLine(order, line, Math.min(quantity, line.quantity));
    if (!paid) return remaining; // unknown prices: the order total is the only bound
    total += paid.amount;
    currency = paid.currency;
  }
  const shipping = order.totals.shipping;
  if (shipping && shipping.currency === currency) total += shipping.amount;
  if (refunded && refunded.currency === currency) total = Math.max(0, total - refunded.amount);
  const cap = { amount: total, currency: currency ?? remaining?.currency ?? 'XXX' };
  return remaining && remaining.amount < cap.amount ? remaining : cap;
}

function tooMuch(marketplace: string, asked: Money, paid: Money, path: string, what: string): ValidationError {
  return new ValidationError({ marketplace, message: `Refund of ${asked.amount} ${asked.currency} (minor units) is more than the ${paid.amount} ${paid.currency} paid for ${what}`, path });
}
