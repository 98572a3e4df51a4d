import type { Listing } from '../model/listing.js';
import type { RequirementField } from './types.js';

/**
 * Neutral attribute names and their spellings: a seller's `colour` column and a marketplace's
 * `color` field are one attribute. Marketplace names (Amazon `color`, eBay `Color`/`Farbe`) are
 * the adapters' business; this only folds the neutral spellings together.
 */
const SYNONYMS: Record<string, string> = {
  colour: 'color', color: 'color', size: 'size', material: 'material', fabric: 'material', pattern: 'pattern',
  brand: 'brand', style: 'style', model: 'model', model_number: 'model', mpn: 'mpn', department: 'department', gender: 'department',
};

/** `Colour`, `colour ` and `color` → `color`; other names are lower-cased with `_` for spaces and dashes. */
export function neutralKey(name: string): string {
  const n = name.trim().toLowerCase().replace(/[\s-]+/g, '_');
  return SYNONYMS[n] ?? n;
}

/** A value found in the listing for a field, with the unified path it sits at. */
export interface FoundValue {
  value: unknown;
  path: string;
}

/** Where the field's values came from: one source holds several values only when the field is multi-valued. */
export interface FoundValues {
  /** Listing-level values (one source: an attribute, the images array, an override's value list). */
  values: FoundValue[];
  /** Per-variant values (variation options): each variant carries one. */
  perVariant: FoundValue[];
}

/** Names under which a listing may carry the field: the neutral key, the marketplace name and its localized names. */
export function namesOf(field: RequirementField): Set<string> {
  const names = new Set<string>();
  if (field.path.startsWith('attributes.')) names.add(neutralKey(field.path.slice('attributes.'.length)));
  names.add(neutralKey(field.attribute));
  for (const n of Object.values(field.localizedNames ?? {})) names.add(neutralKey(n));
  return names;
}

const present = (v: unknown) => v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '');

/**
 * The listing's values for a requirement field. Attributes match under any of the field's names
 * (`attributes.colour` satisfies eBay's `Farbe` once the adapter declares Farbe as colour);
 * `marketplaceValues` are the seller's typed overrides by marketplace name (eBay aspects...).
 */
export function valuesFor(listing: Listing, field: RequirementField, marketplaceValues: Record<string, unknown[]> = {}): FoundValues {
  if (!field.path.startsWith('attributes.')) {
    const v = readPath(listing, field.path);
    if (Array.isArray(v)) return { values: v.map((x, i) => ({ value: x, path: `${field.path}[${i}]` })).filter((f) => present(f.value)), perVariant: [] };
    return { values: present(v) ? [{ value: v, path: field.path }] : [], perVariant: [] };
  }
  const names = namesOf(field);
  for (const [name, list] of Object.entries(marketplaceValues)) {
    if (names.has(neutralKey(name)) && Array.isArray(list) && list.some(present)) {
      return { values: list.filter(present).map((value, i) => ({ value, path: `marketplace.${name}[${i}]` })), perVariant: [] };
    }
  }
  const key = Object.keys(listing.attributes).find((k) => names.has(neutralKey(k)) && present(listing.attributes[k]));
  const perVariant: FoundValue[] = [];
  listing.variants.forEach((v, i) => {
    const opt = Object.keys(v.options).find((k) => names.has(neutralKey(k)) && present(v.options[k]));
    if (opt) perVariant.push({ value: v.options[opt], path: `variants[${i}].options.${opt}` });
  });
  return { values: key ? [{ value: listing.attributes[key], path: `attributes.${key}` }] : [], perVariant };
}

function readPath(listing: Listing, path: string): unknown {
  let cur: unknown = listing;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}
