/**
 * Catalog input for the bulk listing engine: CSV (see ./catalog-format.md) or JSON (an array of
 * listings in the unified model, or `{ "listings": [...] }`).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ValidationError } from '../errors/classes.js';
import { ListingSchema, type Listing, type ListingInput } from '../model/listing.js';
import { parseCatalogCsv, type CsvCatalogOptions } from './catalog-csv.js';
import type { Catalog, CatalogRowError } from './catalog-types.js';

export type { Catalog, CatalogRowError } from './catalog-types.js';
export { parseCatalogCsv, type CsvCatalogOptions } from './catalog-csv.js';

export interface LoadCatalogOptions {
  /** Currency of CSV rows without a `currency` cell (usually the pricing base). */
  currency?: string;
  /** Overrides detection by extension. */
  format?: 'csv' | 'json';
}

/**
 * Reads a catalog file. Bad rows do not throw: they come back in `errors` with row and field, and
 * the valid rows are in `listings`. Only an unreadable file (missing, broken CSV quoting, not
 * JSON) throws a ValidationError.
 */
export async function loadCatalog(file: string, opts: LoadCatalogOptions = {}): Promise<Catalog> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    throw new ValidationError({ message: `Cannot read catalog ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, path: 'catalog', cause: e });
  }
  const source = path.basename(file);
  const format = opts.format ?? (/\.json$/i.test(file) ? 'json' : 'csv');
  if (format === 'csv') return parseCatalogCsv(text, { currency: opts.currency, source } satisfies CsvCatalogOptions);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ValidationError({ message: `${source} is not valid JSON: ${(e as Error).message}`, path: 'catalog', cause: e });
  }
  return parseCatalogJson(value, { source });
}

/** JSON catalog: every item is validated on its own; rows are 1-based item indexes. */
export function parseCatalogJson(value: unknown, opts: { source?: string } = {}): Catalog {
  const source = typeof opts?.source === 'string' ? opts.source : 'catalog.json';
  const items = Array.isArray(value) ? value : (value as { listings?: unknown })?.listings;
  if (!Array.isArray(items)) throw new ValidationError({ message: `${source}: expected an array of listings or { "listings": [...] }`, path: 'catalog' });
  return fromInputs(items as ListingInput[], source);
}

/** Validates in-memory listings the same way (used when bulkUpsert is given an array). */
export function catalogOf(listings: ReadonlyArray<ListingInput | Listing>, source = 'listings'): Catalog {
  if (!Array.isArray(listings)) throw new ValidationError({ message: 'expected an array of listings', path: 'listings' });
  return fromInputs(listings, typeof source === 'string' ? source : 'listings');
}

function fromInputs(items: ReadonlyArray<unknown>, source: string): Catalog {
  const listings: Listing[] = [];
  const rows: Record<string, number> = {};
  const errors: CatalogRowError[] = [];
  items.forEach((item, i) => {
    const row = i + 1;
    const sku = typeof (item as { sku?: unknown })?.sku === 'string' ? (item as { sku: string }).sku : undefined;
    const parsed = ListingSchema.safeParse(item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push({ row, sku, field: issue.path.map(String).join('.') || '(item)', message: issue.message });
      return;
    }
    const l = parsed.data;
    const clash = [l.sku, ...l.variants.map((v) => v.sku)].find((s) => rows[s] !== undefined);
    if (clash) {
      errors.push({ row, sku: l.sku, field: 'sku', message: `duplicate sku "${clash}" (first in item ${rows[clash]})` });
      return;
    }
    for (const s of [l.sku, ...l.variants.map((v) => v.sku)]) rows[s] = row;
    listings.push(l);
  });
  return { source, listings, rows, errors, warnings: [] };
}

/** True for a Catalog (as opposed to a plain array of listings). */
export function isCatalog(value: unknown): value is Catalog {
  return typeof value === 'object' && value !== null && Array.isArray((value as Catalog).listings) && Array.isArray((value as Catalog).errors);
}
