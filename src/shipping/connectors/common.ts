import type { AxiosInstance } from 'axios';
import { ValidationError } from '../../errors/classes.js';
import { errorFromResponse } from '../../errors/from-response.js';
import type { MarketplaceErrorEntry } from '../../errors/classes.js';
import type { XborderError } from '../../errors/xborder-error.js';
import type { Clock } from '../../http/clock.js';
import type { Hooks } from '../../http/hooks.js';
import type { RetryPolicy } from '../../http/retry.js';
import type { WireResponse } from '../../http/pipeline.js';
import { fromWire, type Money } from '../../model/money.js';
import { sumMoney } from '../../model/money-math.js';
import type { PreparedShipment } from '../request.js';
import type { ChargeLine } from '../types.js';

/** Options every live connector factory accepts next to its credentials. */
export interface LiveConnectorOptions {
  /** Base URL override (sandbox, proxy, the xborder simulator). */
  endpoint?: string;
  /** Use the carrier's test/sandbox host. */
  test?: boolean;
  /** Per-attempt HTTP timeout (the quote-level timeoutMs still bounds the whole call). */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  hooks?: Hooks;
  transport?: AxiosInstance;
  clock?: Clock;
}

export function retryAfterMs(res: WireResponse): number | undefined {
  const v = res.headers['retry-after'];
  if (!v) return undefined;
  const s = Number(v);
  if (Number.isFinite(s)) return s * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** Status → typed error carrying the carrier's own entries; the first entry's text leads the message. */
export function carrierError(carrier: string, label: string, res: WireResponse, ctx: { operation: string; requestId?: string }, entries: MarketplaceErrorEntry[]): XborderError {
  const first = entries[0];
  const message = `${label}: ${first ? `${first.message}${first.code ? ` (${first.code})` : ''}` : `HTTP ${res.status}`}`;
  return errorFromResponse({ marketplace: carrier, operation: ctx.operation, status: res.status, requestId: ctx.requestId, errors: entries, message, retryAfterMs: retryAfterMs(res) });
}

export const isInternational = (s: PreparedShipment) => s.request.from.country !== s.request.to.country;

/** The value customs sees: declaredValue, else the sum of the content lines (one currency). */
export function customsValue(s: PreparedShipment): Money | undefined {
  if (s.declaredValue) return s.declaredValue;
  const lines = s.request.contents;
  if (!lines?.length) return undefined;
  const currency = lines[0]!.value.currency;
  if (lines.some((l) => l.value.currency !== currency)) {
    throw new ValidationError({ message: 'contents values are in several currencies: give declaredValue', path: 'declaredValue' });
  }
  return sumMoney(lines.map((l) => l.value), currency);
}

/** Carrier decimal (number, "12.50" or "35,65") → Money, exactly. */
export function wireMoney(value: number | string, currency: string): Money {
  return fromWire(value, currency, { rounding: 'halfEven' });
}

/** Lines plus, when they do not add up to the carrier's total, one line for the difference. */
export function reconcile(total: Money, lines: ChargeLine[], residueKind: ChargeLine['kind'] = 'other', residueLabel = 'not itemised'): ChargeLine[] {
  let sum = 0;
  for (const l of lines) sum += l.amount.amount;
  const residue = total.amount - sum;
  return residue === 0 ? lines : [...lines, { kind: residueKind, amount: { amount: residue, currency: total.currency }, label: residueLabel }];
}

/** "FOUR_DAYS" → 4 (FedEx transitTime enumeration). */
const WORDS = ['ZERO', 'ONE', 'TWO', 'THREE', 'FOUR', 'FIVE', 'SIX', 'SEVEN', 'EIGHT', 'NINE', 'TEN', 'ELEVEN', 'TWELVE', 'THIRTEEN', 'FOURTEEN', 'FIFTEEN', 'SIXTEEN', 'SEVENTEEN', 'EIGHTEEN', 'NINETEEN', 'TWENTY'];
export function daysFromWords(text: string | undefined): number | undefined {
  const m = /^([A-Z]+)_DAYS?$/.exec(text ?? '');
  const i = m ? WORDS.indexOf(m[1]!) : -1;
  return i >= 0 ? i : undefined;
}

export function requireCity(s: PreparedShipment, side: 'from' | 'to', carrier: string): string {
  const city = s.request[side].city;
  if (!city) throw new ValidationError({ message: `${carrier} needs ${side}.city to rate a shipment`, path: `${side}.city` });
  return city;
}
