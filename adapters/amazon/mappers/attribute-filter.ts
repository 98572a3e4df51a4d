import type { Listing, ListingIssue } from '../../../src/model/listing.js';
import type { SkuSubmission } from './listing-attributes.js';

/**
 * A product type definition as getDefinitionsProductType returns it (definitionsProductTypes_2020-09-01.json
 * ProductTypeDefinition.schema → a JSON Schema in Amazon's product-type meta-schema): attribute
 * names are the keys of `properties`, and `additionalProperties: false` makes any other name reject
 * the whole submission. Only what this filter reads is typed.
 */
export interface ProductTypeSchema {
  properties?: Record<string, unknown>;
  required?: string[];
  additionalProperties?: boolean;
  allOf?: unknown[];
  [key: string]: unknown;
}

/** Cached definitions by product type (the caller or the catalog-requirements step fills it). */
export type ProductTypeDefinitions = Record<string, ProductTypeSchema>;

/**
 * Neutral attribute names the mapper knows without a definition → Amazon attribute names (names
 * that recur across Amazon's product type definitions). Anything else needs a definition to be sent.
 */
const KNOWN: Record<string, string> = {
  color: 'color', colour: 'color', size: 'size', material: 'material', style: 'style', pattern: 'pattern',
  model_number: 'model_number', model_name: 'model_name', department: 'department',
};

const neutral = (name: string) => name.trim().toLowerCase().replace(/[\s-]+/g, '_');

/** The Amazon name for a neutral column: the definition's own name when it has one, else the known table. */
function amazonNameFor(column: string, schema: ProductTypeSchema | undefined): string | undefined {
  const n = neutral(column);
  const candidates = [KNOWN[n], n].filter((c): c is string => !!c);
  if (schema) return candidates.find((c) => Object.hasOwn(schema.properties ?? {}, c));
  return KNOWN[n];
}

function dropped(sku: string, column: string, productType: string | undefined, hasSchema: boolean): ListingIssue {
  return {
    code: 'ATTRIBUTE_DROPPED', severity: 'warning', attributes: [column], categories: [], sku,
    message: hasSchema
      ? `Column "${column}" is not an attribute of Amazon product type ${productType}: not sent (the definition allows no other attributes)`
      : `Column "${column}" was not sent: without the product type definition only the attributes the mapper knows go to Amazon`,
  };
}

/**
 * Keeps only the neutral attribute columns (listing.attributes and variant options) that the
 * product type defines, under the definition's names; the others are dropped from each SKU with a
 * per-SKU warning naming the column. Mapper-built attributes and typed overrides are left alone.
 */
export function filterAttributes(subs: SkuSubmission[], listing: Listing, definitions: ProductTypeDefinitions | undefined): SkuSubmission[] {
  const columns = [...new Set([...Object.keys(listing.attributes), ...listing.optionNames, ...listing.variants.flatMap((v) => Object.keys(v.options))])];
  const overrides = new Set(Object.keys(listing.marketplace.amazon?.attributes ?? {}));
  return subs.map((sub) => {
    const schema = sub.productType ? definitions?.[sub.productType] : undefined;
    const attributes = { ...sub.attributes };
    const warnings = [...sub.warnings];
    for (const column of columns) {
      const sent = neutral(column) === 'colour' ? 'color' : neutral(column);
      if (!(sent in attributes) || overrides.has(sent)) continue;
      const target = amazonNameFor(column, schema);
      const value = attributes[sent]!;
      delete attributes[sent];
      if (target) attributes[target] = value;
      else warnings.push(dropped(sub.sku, column, sub.productType, !!schema));
    }
    return { ...sub, attributes, warnings };
  });
}
