/**
 * Human input on the command line and in files: amounts ("12,50 EUR"), weights ("0.5kg") and
 * JSON files, each refused with a message that names the flag or the file and the position.
 */
import { promises as fs } from 'node:fs';
import { currencyExponent, isKnownCurrency } from '../model/currencies.js';
import { money, type Money } from '../model/money.js';
import { currencyOfTag, humanDecimal, splitAmount } from '../hub/human-amount.js';
import { CliError } from './exit.js';

/**
 * "25.00 USD", "USD 25", "12,50 EUR", "€12,50", "1.234,50 EUR", "1,234.50 USD" → exact Money
 * (src/hub/human-amount.ts reads the marks with currency.js; `money()` keeps it exact).
 */
export function parseMoneyArg(text: string, flag: string, defaultCurrency?: string, opts: { positive?: boolean } = {}): Money {
  const parts = splitAmount(text);
  const code = parts?.tag ? currencyOfTag(parts.tag) : defaultCurrency?.toUpperCase();
  if (!parts || (!parts.tag && !code)) throw new CliError(`${flag} expects an amount with its currency, like "25.00 USD" or "12,50 EUR"`);
  if (!code || !isKnownCurrency(code)) throw new CliError(`${flag}: unknown currency "${parts.tag}" (use an ISO 4217 code such as EUR)`);
  try {
    const result = money(humanDecimal(parts.number, code, currencyExponent(code)), code);
    if (result.amount < 0 || (opts.positive && result.amount === 0)) throw new CliError(`${flag} must be ${opts.positive ? 'greater than 0' : '0 or more'}`);
    return result;
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`${flag}: ${(e as Error).message}`);
  }
}

export type WeightUnit = 'kg' | 'g' | 'lb' | 'oz';

/** "0.5kg", "500 g", "1,2 lb": a unit is required, so `--weight 5` cannot mean 5 kg by accident. */
export function parseWeightArg(text: string, flag: string): { value: number; unit: WeightUnit } {
  const m = /^\s*(-?\d+(?:[.,]\d+)?)\s*([A-Za-z]*)\s*$/.exec(text);
  if (!m) throw new CliError(`${flag} expects a weight with its unit, like 0.5kg, 500g, 1.2lb or 8oz`);
  const value = Number(m[1]!.replace(',', '.'));
  const unit = m[2]!.toLowerCase();
  if (!unit) throw new CliError(`${flag} needs a unit: ${m[1]}kg, ${m[1]}g, ${m[1]}lb or ${m[1]}oz`);
  if (!['kg', 'g', 'lb', 'oz'].includes(unit)) throw new CliError(`${flag}: unknown unit "${m[2]}" (kg, g, lb, oz)`);
  if (!(value > 0)) throw new CliError(`${flag} must be greater than 0`);
  return { value, unit: unit as WeightUnit };
}

export function toKg(w: { value: number; unit: WeightUnit }): number {
  const factor = { kg: 1, g: 0.001, lb: 0.45359237, oz: 0.028349523125 }[w.unit];
  return Number((w.value * factor).toPrecision(12));
}

/** A positive whole number flag. */
export function positiveInt(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new CliError(`${flag} must be a whole number greater than 0, got "${text}"`);
  return n;
}

/**
 * Reads and parses a JSON file the user gave; any problem exits 2 naming the file and, for bad
 * JSON, the line and column. `what` says which file it is ("store config", "checkpoint file").
 */
export async function readJsonFile(file: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`Cannot read ${what} ${file}: ${code === 'ENOENT' ? 'file not found' : code ?? (e as Error).message}`);
  }
  return parseJsonText(text, file, what);
}

/** Like readJsonFile, but a missing file is fine (checkpoints, ledgers and journals start empty). */
export async function checkJsonFileIfExists(file: string, what: string): Promise<void> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new CliError(`Cannot read ${what} ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (text.trim() === '') return;
  parseJsonText(text, file, what);
}

export function parseJsonText(text: string, file: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const pos = /position (\d+)/.exec(message);
    const offset = pos ? Number(pos[1]) : errorOffset(text);
    const at = text.trim() === '' ? ' (the file is empty)' : offset !== undefined ? ` at line ${lineColumn(text, offset).join(', column ')}` : '';
    const reason = message.replace(/\s*(in JSON )?at position \d+.*$/, '').replace(/, ".*" is not valid JSON$/s, '');
    throw new CliError(`${capitalize(what)} ${file} is not valid JSON${at}: ${reason}`);
  }
}

/**
 * Where JSON.parse gave up, when its message does not say (V8 names only the token): the shortest
 * prefix that fails for a reason other than ending early. Prefixes are monotonic (once the bad
 * token is in, every longer prefix fails too), so a binary search finds it in O(n log n).
 */
function errorOffset(text: string): number | undefined {
  const broken = (n: number) => {
    try {
      JSON.parse(text.slice(0, n));
      return false;
    } catch (e) {
      return !/end of JSON input|Unterminated string/i.test((e as Error).message);
    }
  };
  if (!broken(text.length)) return undefined;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (broken(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo - 1;
}

function lineColumn(text: string, offset: number): [number, number] {
  const before = text.slice(0, offset);
  return [before.split('\n').length, offset - before.lastIndexOf('\n')];
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
