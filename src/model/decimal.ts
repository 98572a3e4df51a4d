import { ValidationError } from '../errors/classes.js';

/** An exact decimal: value = units / 10^scale. */
export interface ScaledDecimal {
  units: bigint;
  scale: number;
}

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;
/** Longer decimal text is refused before any bigint work (no amount or rate needs more digits). */
const MAX_DECIMAL_CHARS = 64;
/** Largest scale accepted in a ScaledDecimal (keeps 10^scale cheap). */
export const MAX_SCALE = 400;

/**
 * Parses a plain decimal string exactly ("12.99", "-0.5", "1e3" is refused).
 * Numbers are read through their shortest round-trip decimal (String(n)), so 0.1+0.2 stays
 * 0.30000000000000004 and is not silently "fixed".
 */
export function parseDecimal(input: string | number, path = 'amount'): ScaledDecimal {
  path = typeof path === 'string' && path ? path : 'amount';
  let text: string;
  if (typeof input !== 'number' && typeof input !== 'string') {
    throw new ValidationError({ message: `${path} must be a decimal string or a number, got ${describe(input)}`, path });
  }
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new ValidationError({ message: `${path} must be a finite number`, path });
    text = numberToPlain(input);
  } else {
    text = input.trim();
  }
  const m = text.length <= MAX_DECIMAL_CHARS ? DECIMAL.exec(text) : null;
  if (!m) throw new ValidationError({ message: `${path} is not a decimal number: "${String(input).slice(0, 40)}"`, path });
  const frac = m[3] ?? '';
  const units = BigInt(`${m[2]}${frac}`) * (m[1] === '-' ? -1n : 1n);
  return { units, scale: frac.length };
}

/** Number → plain decimal text without exponent notation, exactly as JS prints it. */
function numberToPlain(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  const [mant, expText] = s.toLowerCase().split('e') as [string, string];
  const exp = Number(expText);
  const neg = mant.startsWith('-');
  const [i, f = ''] = mant.replace('-', '').split('.') as [string, string?];
  const digits = i + f;
  const point = i.length + exp;
  let out: string;
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (neg ? '-' : '') + out;
}

/** Drops trailing fractional zeros ("12.500" → 12.5) so precision checks see real digits only. */
export function trimDecimal(d: ScaledDecimal): ScaledDecimal {
  let { units, scale } = checkScaled(d, 'decimal');
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  return { units, scale };
}

export function formatDecimal(units: bigint, scale: number): string {
  checkScaled({ units, scale }, 'decimal');
  const neg = units < 0n;
  const abs = (neg ? -units : units).toString().padStart(scale + 1, '0');
  const body = scale === 0 ? abs : `${abs.slice(0, abs.length - scale)}.${abs.slice(abs.length - scale)}`;
  return (neg ? '-' : '') + body;
}

/** A decimal string that is a valid positive/non-negative rate, e.g. "1.0512". */
export function decimalToString(d: ScaledDecimal): string {
  return formatDecimal(d.units, d.scale);
}

/** Guards a caller-built ScaledDecimal: bigint units and an integer scale in 0..MAX_SCALE. */
export function checkScaled(d: unknown, path: string): ScaledDecimal {
  const v = d as Partial<ScaledDecimal> | null;
  if (typeof v !== 'object' || v === null || typeof v.units !== 'bigint') {
    throw new ValidationError({ message: `${path} must be { units: bigint, scale: integer }`, path: `${path}.units` });
  }
  if (!Number.isInteger(v.scale) || v.scale! < 0 || v.scale! > MAX_SCALE) {
    throw new ValidationError({ message: `${path}.scale must be an integer from 0 to ${MAX_SCALE}`, path: `${path}.scale` });
  }
  return { units: v.units, scale: v.scale! };
}

/** A short, safe description of a hostile value for messages (never its content). */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}
