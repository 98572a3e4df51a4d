/**
 * One CSV cell → one listing field. Each reader throws a CellError naming its column so the
 * catalog can report "row 12, field weight: ..." instead of a zod path.
 */
import type { Dimensions, Weight } from '../model/listing.js';

export class CellError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

/** Separator of list cells (images, bullets, logistic ids): URLs and prose contain commas. */
export const LIST_SEPARATOR = '|';

/** Neutral columns; anything else must be `option.*`, `attr.*` or a marketplace column. */
export const BASE_COLUMNS = [
  'sku', 'parent_sku', 'title', 'description', 'bullets', 'brand', 'condition', 'price', 'currency', 'list_price',
  'quantity', 'images', 'gtin', 'ean', 'upc', 'isbn', 'mpn', 'asin', 'weight', 'weight_unit', 'dimensions',
  'hs_code', 'origin', 'handling_days',
] as const;

/** Per-marketplace columns (header matched case-insensitively) → where they go in `marketplace`. */
export const MARKETPLACE_COLUMNS: Record<string, { market: 'amazon' | 'ebay' | 'shopee' | 'aliexpress'; key: string; kind: 'string' | 'int' | 'int-list' }> = {
  'amazon.producttype': { market: 'amazon', key: 'productType', kind: 'string' },
  'amazon.variationtheme': { market: 'amazon', key: 'variationTheme', kind: 'string' },
  'ebay.categoryid': { market: 'ebay', key: 'categoryId', kind: 'string' },
  'shopee.categoryid': { market: 'shopee', key: 'categoryId', kind: 'int' },
  'shopee.brandid': { market: 'shopee', key: 'brandId', kind: 'int' },
  'shopee.logisticids': { market: 'shopee', key: 'logisticIds', kind: 'int-list' },
  'aliexpress.categoryid': { market: 'aliexpress', key: 'categoryId', kind: 'int' },
};

export function list(value: string): string[] {
  return value.split(LIST_SEPARATOR).map((s) => s.trim()).filter(Boolean);
}

export function integer(field: string, value: string, min = 0): number {
  if (!/^[+]?\d+$/.test(value)) throw new CellError(field, `expected a whole number, got "${clip(value)}"`);
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min) throw new CellError(field, `expected a whole number ≥ ${min}, got "${clip(value)}"`);
  return n;
}

const WEIGHT_UNITS = ['kg', 'g', 'lb', 'oz'] as const;
const LENGTH_UNITS = ['cm', 'mm', 'in', 'm'] as const;

/** "0.25", "0.25 kg", "250g"; the unit defaults to `weight_unit` or kg. */
export function weight(value: string, unitColumn: string | undefined): Weight {
  const m = /^(\d+(?:\.\d+)?)\s*([a-zA-Z]*)$/.exec(value);
  if (!m) throw new CellError('weight', `expected a weight like "0.25 kg", got "${clip(value)}"`);
  const unit = (m[2] || unitColumn || 'kg').toLowerCase();
  if (!(WEIGHT_UNITS as readonly string[]).includes(unit)) throw new CellError(m[2] ? 'weight' : 'weight_unit', `unknown weight unit "${unit}" (kg, g, lb, oz)`);
  const n = Number(m[1]);
  if (!(n > 0)) throw new CellError('weight', 'weight must be greater than zero');
  return { value: n, unit: unit as Weight['unit'] };
}

/** "30x20x5 cm" (length × width × height); unit defaults to cm. */
export function dimensions(value: string): Dimensions {
  const m = /^(\d+(?:\.\d+)?)\s*[x×*]\s*(\d+(?:\.\d+)?)\s*[x×*]\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)$/.exec(value);
  if (!m) throw new CellError('dimensions', `expected "L x W x H unit" like "30x20x5 cm", got "${clip(value)}"`);
  const unit = (m[4] || 'cm').toLowerCase();
  if (!(LENGTH_UNITS as readonly string[]).includes(unit)) throw new CellError('dimensions', `unknown length unit "${unit}" (cm, mm, in, m)`);
  const [length, width, height] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!(length > 0 && width > 0 && height > 0)) throw new CellError('dimensions', 'every dimension must be greater than zero');
  return { length, width, height, unit: unit as Dimensions['unit'] };
}

export function marketplaceValue(column: string, kind: 'string' | 'int' | 'int-list', value: string): string | number | number[] {
  if (kind === 'string') return value;
  if (kind === 'int') return integer(column, value, 1);
  return list(value).map((v) => integer(column, v, 1));
}

/** Keeps a bad value readable in a report without dumping a whole description. */
export function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 37)}...` : value;
}

/** A zod path inside a ListingInput → the CSV column a seller would fix. */
export function columnOf(path: ReadonlyArray<PropertyKey>): string {
  const [head, second, third] = path.map(String);
  switch (head) {
    case 'price':
      return second === 'currency' ? 'currency' : 'price';
    case 'listPrice':
      return 'list_price';
    case 'identifiers':
      return second ?? 'identifiers';
    case 'customs':
      return second === 'hsCode' ? 'hs_code' : 'origin';
    case 'package':
      return second === 'dimensions' ? 'dimensions' : 'weight';
    case 'handlingTimeDays':
      return 'handling_days';
    case 'attributes':
      return second ? `attr.${second}` : 'attr.*';
    case 'optionNames':
      return 'option.*';
    case 'marketplace':
      return second && third ? `${second}.${third}` : 'marketplace';
    case 'variants': {
      const rest = path.slice(2).map(String);
      if (rest[0] === 'options') return rest[1] ? `option.${rest[1]}` : 'option.*';
      if (rest[0] === 'identifiers') return rest[1] ?? 'identifiers';
      return rest[0] === undefined ? 'parent_sku' : rest[0] === 'price' ? (rest[1] === 'currency' ? 'currency' : 'price') : rest[0];
    }
    default:
      return head ?? '(row)';
  }
}
