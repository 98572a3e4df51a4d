/**
 * Amounts as people write them ("12,50 EUR", "€1.234,50", "$12.99", "JPY 1,250"), for CLI flags
 * and catalog CSV cells. currency.js reads the grouping and decimal marks; the result is a plain
 * decimal string that `money()` turns into exact minor units (dinero.js stays the arithmetic).
 */
import currency from 'currency.js';

/** Currency symbols taken for an ISO code (only the unambiguous ones; "$" is not one of them). */
export const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = { '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₩': 'KRW', '₫': 'VND', '₱': 'PHP', '฿': 'THB', '₹': 'INR', '₺': 'TRY' };

/** A human amount that cannot be read exactly; the message names the problem, callers add where. */
export class AmountFormatError extends Error {}

/** "12,50 EUR" → { number: '12,50', tag: 'EUR' }; "$12.99" → { number: '12.99', tag: '$' }. */
export function splitAmount(text: string): { number: string; tag?: string } | undefined {
  const m = /^\s*([A-Za-z]{3}|[^\d\s.,+-])?\s*(-?[\d.,' ]*\d)\s*([A-Za-z]{3}|[^\d\s.,+-])?\s*$/.exec(text);
  if (!m || (m[1] && m[3])) return undefined;
  const tag = m[1] ?? m[3];
  return { number: m[2]!, ...(tag ? { tag } : {}) };
}

/** The ISO code a tag names: a code as written (upper-cased), or a known symbol. */
export function currencyOfTag(tag: string): string | undefined {
  return CURRENCY_SYMBOLS[tag] ?? (/^[A-Za-z]{3}$/.test(tag) ? tag.toUpperCase() : undefined);
}

/**
 * "1.234,50" / "1,234.50" / "12,5" / "1'250" → "1234.50" / "1234.50" / "12.50" / "1250" at the
 * currency's exponent. More decimals than the currency has, or a lone mark before exactly three
 * digits in a 1-2 decimal currency ("1.250 EUR": thousands or decimals?), is refused, never rounded.
 */
export function humanDecimal(number: string, code: string, exponent: number): string {
  const digits = number.replace(/[' ]/g, '');
  const decimal = decimalMark(digits, exponent);
  if (decimal === 'ambiguous') throw new AmountFormatError(`"${number}" has 3 decimals but ${code} allows ${exponent} (for thousands, write ${digits.replace(/[.,]/, '')})`);
  const [whole, fraction = ''] = decimal ? [digits.slice(0, digits.lastIndexOf(decimal)), digits.slice(digits.lastIndexOf(decimal) + 1)] : [digits, ''];
  // currency.js works in doubles: beyond 15 significant digits it could not be exact.
  if (`${whole}${fraction}`.replace(/\D/g, '').length > 15) throw new AmountFormatError(`"${number}" is too large`);
  if (fraction.length > exponent) throw new AmountFormatError(`"${number}" has ${fraction.length} decimals but ${code} allows ${exponent}`);
  const grouping = decimal ? (decimal === ',' ? '.' : ',') : digits.includes('.') ? '.' : ',';
  const parsed = currency(digits, { decimal: grouping === '.' ? ',' : '.', separator: grouping, precision: exponent, errorOnInvalid: true });
  return parsed.format({ symbol: '', separator: '', decimal: '.', negativePattern: '-#' });
}

/**
 * Which character is the decimal mark: with both, the last one; with one, that one, unless it
 * repeats ("1.234.567"). One mark before exactly 3 digits is thousands in a currency without
 * decimals ("JPY 1,250"), decimals in a 3-decimal one (KWD), and ambiguous otherwise ("1.250 EUR").
 */
function decimalMark(digits: string, exponent: number): ',' | '.' | 'ambiguous' | undefined {
  const lastComma = digits.lastIndexOf(',');
  const lastDot = digits.lastIndexOf('.');
  if (lastComma < 0 && lastDot < 0) return undefined;
  if (lastComma >= 0 && lastDot >= 0) return lastComma > lastDot ? ',' : '.';
  const mark = lastComma >= 0 ? ',' : '.';
  const groups = digits.split(mark);
  if (groups.length > 2) return undefined;
  if (groups[1]!.length === 3 && exponent !== 3) return exponent === 0 ? undefined : 'ambiguous';
  return mark;
}
