/**
 * CSV catalog → unified listings (format: ./catalog-format.md). A bad cell rejects its row only;
 * every rejected row is reported with its line number and column, the rest still run.
 */
import { parse } from 'csv-parse/sync';
import { ValidationError } from '../errors/classes.js';
import { currencyExponent } from '../model/currencies.js';
import { money, type Money } from '../model/money.js';
import type { ListingInput } from '../model/listing.js';
import {
  BASE_COLUMNS, CellError, MARKETPLACE_COLUMNS, dimensions, integer, list, marketplaceValue, weight,
} from './catalog-columns.js';
import { assembleFamilies, type RowDraft } from './catalog-families.js';
import { currencyOfTag, humanDecimal, splitAmount } from './human-amount.js';
import type { Catalog, CatalogRowError } from './catalog-types.js';

type Column =
  | { kind: 'base'; name: (typeof BASE_COLUMNS)[number] }
  | { kind: 'option'; name: string }
  | { kind: 'attr'; name: string }
  | { kind: 'market'; header: string; spec: (typeof MARKETPLACE_COLUMNS)[string] }
  | { kind: 'ignored' };

export interface CsvCatalogOptions {
  /** Currency of rows without a `currency` cell (the pricing base). */
  currency?: string;
  /** Shown in reports (the file name). */
  source?: string;
}

export function parseCatalogCsv(text: string, opts: CsvCatalogOptions = {}): Catalog {
  if (typeof text !== 'string') throw new ValidationError({ message: 'a CSV catalog is text', path: 'catalog' });
  if (typeof opts !== 'object' || opts === null) throw new ValidationError({ message: 'options must be an object', path: 'options' });
  const source = typeof opts.source === 'string' ? opts.source : 'catalog.csv';
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, { info: true, relax_column_count: true, skip_empty_lines: true, bom: true, trim: true }) as unknown as typeof records;
  } catch (e) {
    // Broken quoting makes every later row ambiguous: this is a file error, not a row error.
    throw new ValidationError({ message: `${source} is not valid CSV: ${(e as Error).message}`, path: 'catalog', cause: e });
  }
  const header = records[0]?.record;
  if (!header) throw new ValidationError({ message: `${source} is empty`, path: 'catalog' });
  const warnings: string[] = [];
  const columns = classify(header, source, warnings);
  const errors: CatalogRowError[] = [];
  const drafts: RowDraft[] = [];
  for (const { record, info } of records.slice(1)) {
    const row = info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    if (record.length !== header.length) {
      errors.push({ row, sku: record[0] || undefined, field: '(row)', message: `expected ${header.length} cells, got ${record.length}` });
      continue;
    }
    const draft = readRow(row, record, columns, opts.currency);
    if (draft.errors.length) errors.push(...draft.errors);
    else drafts.push(draft.draft!);
  }
  const assembled = assembleFamilies(drafts);
  errors.push(...assembled.errors);
  errors.sort((a, b) => a.row - b.row);
  return { source, listings: assembled.listings, rows: assembled.rows, errors, warnings };
}

function classify(header: string[], source: string, warnings: string[]): Column[] {
  const seen = new Set<string>();
  const columns = header.map((raw): Column => {
    const h = raw.trim();
    const lower = h.toLowerCase();
    if (seen.has(lower)) throw new ValidationError({ message: `${source}: column "${h}" appears twice`, path: 'catalog' });
    seen.add(lower);
    if ((BASE_COLUMNS as readonly string[]).includes(lower)) return { kind: 'base', name: lower as (typeof BASE_COLUMNS)[number] };
    if (lower.startsWith('option.') && h.length > 7) return { kind: 'option', name: h.slice(7) };
    if (lower.startsWith('attr.') && h.length > 5) return { kind: 'attr', name: h.slice(5) };
    const spec = MARKETPLACE_COLUMNS[lower];
    if (spec) return { kind: 'market', header: h, spec };
    warnings.push(`column "${h}" is not part of the catalog format and is ignored`);
    return { kind: 'ignored' };
  });
  if (!columns.some((c) => c.kind === 'base' && c.name === 'sku')) {
    throw new ValidationError({ message: `${source}: a "sku" column is required`, path: 'catalog' });
  }
  return columns;
}

function readRow(row: number, record: string[], columns: Column[], defaultCurrency?: string): { draft?: RowDraft; errors: CatalogRowError[] } {
  const base: Partial<Record<(typeof BASE_COLUMNS)[number], string>> = {};
  const options: Record<string, string> = {};
  const attributes: Record<string, string> = {};
  const market: Record<string, Record<string, unknown>> = {};
  const errors: CatalogRowError[] = [];
  const cell = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (e) {
      const field = e instanceof CellError ? e.field : e instanceof ValidationError ? e.path : '(row)';
      errors.push({ row, field, message: (e as Error).message, sku: base.sku });
      return undefined;
    }
  };
  columns.forEach((c, i) => {
    const v = record[i] ?? '';
    if (v === '' || c.kind === 'ignored') return;
    if (c.kind === 'base') base[c.name] = v;
    else if (c.kind === 'option') options[c.name] = v;
    else if (c.kind === 'attr') attributes[c.name] = v;
    else cell(() => ((market[c.spec.market] ??= {})[c.spec.key] = marketplaceValue(c.header, c.spec.kind, v)));
  });
  errors.forEach((e) => (e.sku = base.sku));
  const sku = base.sku;
  if (!sku) return { errors: [{ row, field: 'sku', message: 'sku is required' }] };
  const identifiers = defined({ gtin: base.gtin, ean: base.ean, upc: base.upc, isbn: base.isbn, mpn: base.mpn, asin: base.asin });
  const quantity = base.quantity === undefined ? undefined : cell(() => integer('quantity', base.quantity!));
  const images = base.images ? list(base.images) : [];

  if (base.parent_sku) {
    // Price and currency of a variant are resolved against its family (catalog-families).
    if (Object.keys(options).length === 0) errors.push({ row, sku, field: 'option.*', message: 'a variant row needs at least one option.<name> value' });
    if (errors.length) return { errors };
    const variant = { sku, options, quantity, images, identifiers };
    return { errors, draft: { row, sku, parent: base.parent_sku, currency: base.currency?.toUpperCase(), rawPrice: base.price, variant } };
  }

  const currency = base.currency ?? defaultCurrency;
  const cur = cell(() => {
    if (!currency) throw new CellError('currency', 'no currency: fill the currency column or give a default currency');
    currencyExponent(currency.toUpperCase());
    return currency.toUpperCase();
  });
  const price = (field: 'price' | 'list_price'): Money | undefined => {
    const v = base[field];
    if (v === undefined || !cur) return undefined;
    return cell(() => {
      // "12.99", "12,99", "1.234,50", "€12,99", "$12.99", "12.99 EUR": read by currency.js (human-amount.ts).
      const parts = splitAmount(v);
      if (!parts) throw new CellError(field, `expected an amount like 12.99, "12,99" or "€12,99", got "${v.slice(0, 40)}"`);
      const named = parts.tag ? currencyOfTag(parts.tag) : undefined;
      if (named && named !== cur) throw new CellError(field, `"${v}" is in ${named}, the row's currency is ${cur}`);
      try {
        return money(humanDecimal(parts.number, cur, currencyExponent(cur)), cur);
      } catch (e) {
        throw new CellError(field, (e as Error).message.replace(/^Invalid amount: /, ''));
      }
    });
  };
  if (base.title === undefined) errors.push({ row, sku, field: 'title', message: 'title is required' });
  const listing: ListingInput = defined({
    sku,
    title: base.title ?? '',
    description: base.description,
    bullets: base.bullets ? list(base.bullets) : [],
    brand: base.brand,
    condition: base.condition as ListingInput['condition'],
    images,
    identifiers,
    attributes,
    // Empty on a family's product row: the lowest variant price (catalog-families).
    price: price('price')!,
    listPrice: price('list_price'),
    quantity: quantity!,
    package: defined({
      weight: base.weight ? cell(() => weight(base.weight!, base.weight_unit)) : undefined,
      dimensions: base.dimensions ? cell(() => dimensions(base.dimensions!)) : undefined,
    }),
    customs: defined({ hsCode: base.hs_code?.replace(/[.\s]/g, ''), originCountry: base.origin?.toUpperCase() }),
    handlingTimeDays: base.handling_days === undefined ? undefined : cell(() => integer('handling_days', base.handling_days!)),
    marketplace: market,
  });
  // An option cell on a product without variants describes it: keep it as an attribute.
  for (const [k, v] of Object.entries(options)) attributes[k] ??= v;
  if (errors.length) return { errors };
  return { errors, draft: { row, sku, currency: cur!, listing, quantityGiven: quantity !== undefined } };
}

/** Drops empty cells so listings stay as small as their rows (and JSON reports readable). */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
