/**
 * Assembles catalog rows into listings: variant rows join their parent's family, duplicates are
 * refused, and each zod issue is reported on the row (parent or variant) a seller has to fix.
 */
import type { z } from 'zod';
import { ListingSchema, VariantSchema, type Listing, type ListingInput } from '../model/listing.js';
import { money, type Money } from '../model/money.js';
import { columnOf } from './catalog-columns.js';
import type { CatalogRowError } from './catalog-types.js';

export type VariantInput = z.input<typeof VariantSchema>;

export interface RowDraft {
  row: number;
  sku: string;
  /** Product rows: always set. Variant rows: only when the row has its own currency cell. */
  currency?: string;
  /** Variant rows: the price cell, read in the family's currency. */
  rawPrice?: string;
  /** Set on variant rows: the family's parent SKU. */
  parent?: string;
  listing?: ListingInput;
  variant?: VariantInput;
  quantityGiven?: boolean;
}

export function assembleFamilies(drafts: RowDraft[]): { listings: Listing[]; rows: Record<string, number>; errors: CatalogRowError[] } {
  const errors: CatalogRowError[] = [];
  const rows: Record<string, number> = {};
  const unique: RowDraft[] = [];
  for (const d of drafts) {
    if (rows[d.sku] !== undefined) {
      errors.push({ row: d.row, sku: d.sku, field: 'sku', message: `duplicate sku (first on row ${rows[d.sku]})` });
      continue;
    }
    rows[d.sku] = d.row;
    unique.push(d);
  }
  const parents = new Map(unique.filter((d) => d.listing).map((d) => [d.sku, d]));
  const families = new Map<string, RowDraft[]>();
  const hadVariants = new Set<string>();
  for (const v of unique.filter((d) => d.variant)) {
    const parent = parents.get(v.parent!);
    hadVariants.add(v.parent!);
    if (!parent) {
      const isVariant = unique.some((d) => d.sku === v.parent && d.variant);
      errors.push({ row: v.row, sku: v.sku, field: 'parent_sku', message: isVariant ? `"${v.parent}" is a variant row; point at the product row` : `no product row with sku "${v.parent}"` });
      continue;
    }
    if (v.currency && v.currency !== parent.currency) {
      errors.push({ row: v.row, sku: v.sku, field: 'currency', message: `variant currency ${v.currency} differs from its family's ${parent.currency}` });
      continue;
    }
    if (v.rawPrice !== undefined) {
      try {
        v.variant!.price = money(v.rawPrice, parent.currency!);
      } catch (e) {
        errors.push({ row: v.row, sku: v.sku, field: 'price', message: (e as Error).message.replace(/^Invalid amount: /, '') });
        continue;
      }
    }
    const parsed = VariantSchema.safeParse(v.variant);
    if (!parsed.success) {
      for (const i of parsed.error.issues) errors.push({ row: v.row, sku: v.sku, field: columnOf(['variants', 0, ...i.path]), message: i.message });
      continue;
    }
    families.set(parent.sku, [...(families.get(parent.sku) ?? []), v]);
  }
  const listings: Listing[] = [];
  for (const parent of parents.values()) {
    const listing = buildFamily(parent, families.get(parent.sku) ?? [], hadVariants.has(parent.sku), errors);
    if (listing) listings.push(listing);
  }
  return { listings, rows, errors };
}

/** Validates one family; bad variants are dropped (and reported) until the rest is valid. */
function buildFamily(parent: RowDraft, variants: RowDraft[], hadVariants: boolean, errors: CatalogRowError[]): Listing | undefined {
  let members = variants;
  for (;;) {
    if (hadVariants && members.length === 0) {
      errors.push({ row: parent.row, sku: parent.sku, field: 'parent_sku', message: 'every variant row of this family was rejected' });
      return undefined;
    }
    if (!hadVariants && !parent.quantityGiven) {
      errors.push({ row: parent.row, sku: parent.sku, field: 'quantity', message: 'quantity is required' });
      return undefined;
    }
    const input = withVariants(parent, members);
    if (!input.price) {
      errors.push({ row: parent.row, sku: parent.sku, field: 'price', message: 'price is required (on the product row or its variants)' });
      return undefined;
    }
    const parsed = ListingSchema.safeParse(input);
    if (parsed.success) return parsed.data;
    const badVariants = new Set<number>();
    const parentIssues: CatalogRowError[] = [];
    for (const issue of parsed.error.issues) {
      const field = columnOf(issue.path);
      if (issue.path[0] === 'variants' && typeof issue.path[1] === 'number') {
        const v = members[issue.path[1]]!;
        badVariants.add(issue.path[1]);
        errors.push({ row: v.row, sku: v.sku, field, message: issue.message });
      } else parentIssues.push({ row: parent.row, sku: parent.sku, field, message: issue.message });
    }
    if (parentIssues.length || badVariants.size === 0) {
      errors.push(...parentIssues);
      for (const v of members) errors.push({ row: v.row, sku: v.sku, field: 'parent_sku', message: `its product row ${parent.row} is invalid` });
      return undefined;
    }
    members = members.filter((_, i) => !badVariants.has(i));
  }
}

/** Parent price/quantity default to the family's lowest price and total stock when left empty. */
function withVariants(parent: RowDraft, members: RowDraft[]): ListingInput {
  const listing = parent.listing!;
  if (members.length === 0) return listing;
  const optionNames: string[] = [];
  for (const m of members) for (const k of Object.keys(m.variant!.options)) if (!optionNames.includes(k)) optionNames.push(k);
  const prices = members.map((m) => m.variant!.price as Money | undefined).filter((p): p is Money => !!p);
  const lowest = prices.reduce<Money | undefined>((min, p) => (!min || p.amount < min.amount ? p : min), undefined);
  const stock = members.reduce((n, m) => n + (m.variant!.quantity ?? 0), 0);
  return {
    ...listing,
    price: listing.price ?? lowest,
    quantity: parent.quantityGiven ? listing.quantity : stock,
    optionNames,
    variants: members.map((m) => m.variant!),
  };
}
