import type { Attributes, PatchOperation } from '../schemas/listings.js';
import { validateDefinition } from '../requirements/ajv.js';

/**
 * The simulator's stand-in for product type definitions: a few required attributes per
 * requirements set, producing issues in the real shape (code 90220 "'x' is required but not
 * supplied.", MISSING_ATTRIBUTE, as in the model's examples).
 */
export interface SandboxIssue {
  code: string;
  message: string;
  severity: 'ERROR' | 'WARNING' | 'INFO';
  attributeNames: string[];
  categories: string[];
}

const OFFER = ['condition_type', 'purchasable_offer'];
const PRODUCT = ['item_name', 'brand'];
const IDENTIFIERS = ['externally_assigned_product_identifier', 'merchant_suggested_asin', 'supplier_declared_has_product_identifier_exemption'];

function missing(name: string): SandboxIssue {
  return { code: '90220', message: `'${name}' is required but not supplied.`, severity: 'ERROR', attributeNames: [name], categories: ['MISSING_ATTRIBUTE'] };
}

const present = (a: Attributes, name: string) => Array.isArray(a[name]) && a[name]!.length > 0;

export function requiredIssues(attributes: Attributes, requirements: string): SandboxIssue[] {
  const isParent = attributes.parentage_level?.[0]?.value === 'parent';
  let required: string[];
  if (requirements === 'LISTING_OFFER_ONLY') required = ['merchant_suggested_asin', ...OFFER];
  else if (requirements === 'LISTING_PRODUCT_ONLY' || isParent) required = [...PRODUCT, ...(isParent ? ['variation_theme'] : [])];
  else required = [...PRODUCT, ...OFFER];
  const issues = required.filter((n) => !present(attributes, n)).map(missing);
  if (requirements === 'LISTING' && !isParent && !IDENTIFIERS.some((n) => present(attributes, n))) issues.push(missing('externally_assigned_product_identifier'));
  if (present(attributes, 'child_parent_sku_relationship') && !present(attributes, 'variation_theme')) issues.push(missing('variation_theme'));
  issues.push(...relationshipIssues(attributes));
  return issues;
}

/**
 * Issue code for an attribute the product type refuses: the one Amazon's model shows for it
 * (specs/amazon/listingsItems_2021-08-01.json, putListingsItem example: code 90000900 "The
 * attributes are invalid." naming `fake_attribute`). Missing ones use 90220 from the same examples.
 */
const INVALID_ATTRIBUTE_CODE = '90000900';

/**
 * Variation families as Amazon's product type definitions require them (the `allOf` conditions of
 * the product-type meta-schema, e.g. SHIRT: when parentage_level is given, child_parent_sku_relationship
 * is required with child_relationship_type "variation"; a child must also name its parent_sku).
 * Parents need the relationship too, not just the children. Source: the product type definition
 * returned by getDefinitionsProductType (specs/amazon/definitionsProductTypes_2020-09-01.json) and
 * https://developer-docs.amazon.com/sp-api/docs/product-type-definitions-meta-schema
 */
export function relationshipIssues(attributes: Attributes): SandboxIssue[] {
  const level = attributes.parentage_level?.[0]?.value;
  if (level !== 'parent' && level !== 'child') return [];
  const rel = attributes.child_parent_sku_relationship?.[0];
  if (!rel) return [{ ...missing('child_parent_sku_relationship'), message: `'child_parent_sku_relationship' is required but not supplied: a ${level} (parentage_level) must carry child_relationship_type 'variation'.` }];
  if (rel.child_relationship_type !== 'variation') return [{ code: INVALID_ATTRIBUTE_CODE, message: `'child_parent_sku_relationship' must have child_relationship_type 'variation'.`, severity: 'ERROR', attributeNames: ['child_parent_sku_relationship'], categories: ['INVALID_ATTRIBUTE'] }];
  if (level === 'child' && !rel.parent_sku) return [{ ...missing('child_parent_sku_relationship'), message: `'child_parent_sku_relationship.parent_sku' is required for a child but not supplied.` }];
  return [];
}

/**
 * With a product type definition loaded (sandbox option productTypes), its schema decides what is
 * allowed: `additionalProperties: false` rejects any attribute it does not define, and its
 * `required` list applies (product-type meta-schema semantics).
 */
export function definitionIssues(attributes: Attributes, schema: { properties?: Record<string, unknown>; required?: string[]; additionalProperties?: boolean } | undefined, requirements: string): SandboxIssue[] {
  if (!schema) return [];
  const issues: SandboxIssue[] = [];
  if (schema.additionalProperties === false) {
    for (const name of Object.keys(attributes)) {
      if (!Object.hasOwn(schema.properties ?? {}, name)) issues.push({ code: INVALID_ATTRIBUTE_CODE, message: `'${name}' is not a valid attribute for this product type.`, severity: 'ERROR', attributeNames: [name], categories: ['INVALID_ATTRIBUTE'] });
    }
  }
  const isParent = attributes.parentage_level?.[0]?.value === 'parent';
  if (requirements === 'LISTING' && !isParent) for (const name of schema.required ?? []) if (!present(attributes, name)) issues.push(missing(name));
  issues.push(...vocabularyIssues(attributes, schema));
  return issues;
}

/**
 * The rest of the definition, as Amazon's meta-schema vocabulary defines it (requirements/ajv.ts:
 * value enums, lengths in characters and UTF-8 bytes, maxUniqueItems per selector combination,
 * selectors, enumDeprecated warnings, nested required members). Top-level presence and unknown
 * attributes are the checks above. Invalid values answer "90000900 The attributes are invalid."
 * with the attribute named (putListingsItem sandbox response in listingsItems_2021-08-01.json).
 */
function vocabularyIssues(attributes: Attributes, schema: object): SandboxIssue[] {
  if (!('properties' in schema)) return [];
  return validateDefinition(schema as Record<string, unknown>, attributes)
    .filter((d) => !((d.keyword === 'required' && d.pointer.split('/').length <= 2) || d.keyword === 'additionalProperties'))
    .map((d) => ({
      code: '90000900', // the one invalid-attribute code the model shows; severity tells a deprecation warning apart
      message: d.severity === 'warning' ? `'${d.attribute}' uses a deprecated value.` : `The attributes are invalid: '${d.attribute}' fails ${d.keyword} at ${d.pointer}.`,
      severity: d.severity === 'warning' ? 'WARNING' : 'ERROR',
      attributeNames: [d.attribute],
      categories: ['INVALID_ATTRIBUTE'],
    }));
}

/**
 * Keys that identify an entry when `merge` combines attribute arrays ("The merge operation merges
 * the target property", listingsItems_2021-08-01.json PatchOperation.op): the channel for
 * fulfillment_availability; marketplace and audience (ALL when absent) for offers and the rest.
 */
function mergeKey(entry: Record<string, unknown>): string {
  if (entry.fulfillment_channel_code !== undefined) return `channel:${String(entry.fulfillment_channel_code)}`;
  return `${String(entry.marketplace_id ?? '')}|${String(entry.audience ?? 'ALL')}`;
}

/**
 * fulfillment_channel_code DEFAULT means merchant-fulfilled, AMAZON_* means FBA
 * (listings-feed-schema-v2.example.json shows both forms). A write that puts a DEFAULT entry on an
 * FBA SKU switches it to merchant fulfilment, as Amazon does (Seller Central help "Convert FBA
 * listings to seller-fulfilled": the offer leaves the Amazon channel): the AMAZON_* entry is gone.
 */
export function applyChannelRule(before: Attributes | undefined, after: Attributes): Attributes {
  const wasFba = (before?.fulfillment_availability ?? []).some((f) => String(f.fulfillment_channel_code ?? '').startsWith('AMAZON_'));
  const entries = after.fulfillment_availability ?? [];
  if (!wasFba || !entries.some((f) => f.fulfillment_channel_code === 'DEFAULT')) return after;
  return { ...after, fulfillment_availability: entries.filter((f) => f.fulfillment_channel_code === 'DEFAULT') };
}

export function applyPatches(attributes: Attributes, patches: PatchOperation[]): Attributes {
  const out: Attributes = { ...attributes };
  for (const p of patches) {
    const name = p.path.replace(/^\/attributes\//, '');
    if (p.op === 'delete') delete out[name];
    else if (p.op === 'merge') {
      const merged = new Map((out[name] ?? []).map((e) => [mergeKey(e), e]));
      for (const e of p.value ?? []) merged.set(mergeKey(e), { ...merged.get(mergeKey(e)), ...e });
      out[name] = [...merged.values()];
    } else out[name] = p.value ?? [];
  }
  return out;
}

/** A stable fake ASIN per SKU. */
export function asinFor(sku: string): string {
  let h = 2166136261;
  for (const c of sku) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return `B0${h.toString(36).toUpperCase().padStart(8, '0').slice(-8)}`;
}
