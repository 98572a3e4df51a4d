import { neutralKey } from '../../../src/requirements/neutral.js';
import type { AllowedValue, RequirementField } from '../../../src/requirements/types.js';
import { BRAND_ATTRIBUTE_ID, type CommonAttribute } from '../attributes.js';

/**
 * The product schema of `aliexpress.solution.product.schema.get` is a JSON Schema string
 * (specs/aliexpress/aliexpress_solution_product_schema_get.json#result.schema) that "follows the
 * standards of JSON Schema Core Standard AND JSON schema Validation Standard" and defines 17 required
 * first-level fields, among them `category_attributes` and `sku_info_list` (developer.alibaba.com
 * docs articleId=120682 "Product Schema Post/Edit"). In an instance each attribute is an object keyed
 * by its name holding `value` (an id, or a list of ids for multi-select), and each SKU carries
 * `sku_attributes` keyed the same way (the instance samples of that page:
 * `"category_attributes":{"Brand Name":{"value":"200010868"},"Material":{"value":["47","49"]}}`).
 */
export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  maxLength?: number;
  minLength?: number;
  maxItems?: number;
  minItems?: number;
  minimum?: number;
  maximum?: number;
  [k: string]: unknown;
}

export const SCHEMA_SOURCE = 'specs/aliexpress/aliexpress_solution_product_schema_get.json#result.schema';
const QUERY_SOURCE = 'specs/aliexpress/aliexpress_solution_sku_attribute_query.json#responseParams';
const POST = 'specs/aliexpress/aliexpress_solution_product_post.json';

/** The schema string as an object; undefined when it is not a JSON object. */
export function parseSchema(text: string | undefined): JsonSchema | undefined {
  if (!text) return undefined;
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonSchema) : undefined;
  } catch {
    return undefined;
  }
}

/** One option of a value list: its wire value (an id) and its name. */
export interface SchemaOption { value: string; title: string }

/** Options of a value schema: `enum`, or `oneOf`/`anyOf` of `const` (or one-value `enum`) with a `title`; arrays look at their items. */
export function optionsOf(s: JsonSchema | undefined): SchemaOption[] {
  if (!s) return [];
  if (s.items) return optionsOf(s.items);
  if (Array.isArray(s.enum)) return s.enum.map((v) => ({ value: String(v), title: String(v) }));
  return [...(s.oneOf ?? []), ...(s.anyOf ?? [])].flatMap((o) => {
    const v = o.const ?? (Array.isArray(o.enum) && o.enum.length === 1 ? o.enum[0] : undefined);
    return v === undefined ? [] : [{ value: String(v), title: o.title ?? String(v) }];
  });
}

/** The schema of an attribute's value: the `value` property of the attribute object, else the attribute itself. */
export const valueSchemaOf = (a: JsonSchema): JsonSchema => a.properties?.value ?? a;
const isArray = (s: JsonSchema) => s.type === 'array' || (Array.isArray(s.type) && s.type.includes('array'));
const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
const SKU_SOURCE = `${SCHEMA_SOURCE} sku_info_list.sku_attributes`;
/** A SKU (variation) attribute: sent per SKU in sku_attributes_list, so it applies to variation listings only. */
export const isSkuField = (f: RequirementField) => f.source?.startsWith(SKU_SOURCE) === true;
/** Value names the adapter uses for unbranded goods (attributes.ts brand(): none / no brand / other). */
export const UNBRANDED = ['none', 'nobrand', 'other'];

/** The category attributes and SKU attributes sections of the schema (empty when absent). */
export function sectionsOf(schema: JsonSchema): { category: JsonSchema; sku: JsonSchema } {
  const sku = schema.properties?.sku_info_list?.items?.properties?.sku_attributes ?? {};
  return { category: schema.properties?.category_attributes ?? {}, sku };
}

/** Is this attribute the brand (name id 2, mandatory since 2021-10-15: research B4 "post (classic)")? */
export function isBrand(name: string, ids: CommonAttribute[]): boolean {
  const id = ids.find((a) => norm(a.name) === norm(name))?.nameId;
  return id === BRAND_ATTRIBUTE_ID || norm(name) === 'brandname';
}

function attributeField(name: string, a: JsonSchema, required: boolean, ids: CommonAttribute[], source: string): RequirementField {
  const v = valueSchemaOf(a);
  const options = optionsOf(v);
  const brand = isBrand(name, ids);
  const allowed: AllowedValue[] = options.map((o) => ({ value: o.title }));
  const multiple = isArray(v);
  const limits = {
    ...(multiple && v.maxItems !== undefined ? { maxCount: v.maxItems } : {}),
    ...(v.maxLength !== undefined ? { maxLength: v.maxLength } : {}),
    ...(v.minLength !== undefined ? { minLength: v.minLength } : {}),
  };
  const id = ids.find((x) => norm(x.name) === norm(name))?.nameId;
  // The adapter fills a missing brand with the category's "none"/"other" value (attribute_list case 3, POST#attribute_list).
  const unbranded = brand && options.some((o) => UNBRANDED.includes(norm(o.title)));
  return {
    path: brand ? 'brand' : `attributes.${neutralKey(name)}`,
    attribute: name,
    ...(id !== undefined ? { attributeId: String(id) } : {}),
    ...(a.title && a.title !== name ? { label: a.title } : {}),
    ...(a.description ? { description: a.description } : {}),
    required: required && !unbranded,
    type: 'string',
    multiple,
    ...(allowed.length ? { allowedValues: allowed, closed: true } : {}),
    ...(Object.keys(limits).length ? { limits } : {}),
    source,
  };
}

/**
 * Category attributes (schema `category_attributes`) and SKU attributes (`sku_info_list[].sku_attributes`)
 * as unified fields. A SKU attribute is required when the schema or sku.attribute.query says so
 * (`supporting_sku_attribute_list[].required`, QUERY_SOURCE).
 */
export function schemaFields(schema: JsonSchema, ids: CommonAttribute[], skuRequired: Set<string>): RequirementField[] {
  const { category, sku } = sectionsOf(schema);
  const fields: RequirementField[] = [];
  const need = new Set(category.required ?? []);
  for (const [name, a] of Object.entries(category.properties ?? {})) fields.push(attributeField(name, a, need.has(name), ids, `${SCHEMA_SOURCE} category_attributes`));
  const skuNeed = new Set(sku.required ?? []);
  for (const [name, a] of Object.entries(sku.properties ?? {})) {
    if (fields.some((f) => f.attribute === name)) continue;
    fields.push(attributeField(name, a, skuNeed.has(name) || skuRequired.has(norm(name)), ids, `${SKU_SOURCE}; ${QUERY_SOURCE}`));
  }
  return fields;
}

const numberOr = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) ? v : d);

/**
 * Fields of `aliexpress.solution.product.post`, the call the adapter lists with (POST#requestParams):
 * subject "maximum length 218 characters", main_image_urls_list required with "a maximum of 6
 * pictures", weight required "in Kilograms (Kg) with a maximum 500 and minumum 0.001", package
 * length/width/height required (1..700 cm), description optional. Where the category's schema sets
 * a tighter limit (title_multi_language_list[].title, image_url_list, package_weight) it wins.
 */
export function postFields(schema: JsonSchema): RequirementField[] {
  const p = schema.properties ?? {};
  const title = p.title_multi_language_list?.items?.properties?.title ?? {};
  const images = p.image_url_list ?? {};
  const weight = p.package_weight ?? {};
  return [
    { path: 'title', attribute: 'multi_language_subject_list', required: true, type: 'string', multiple: false, limits: { minLength: Math.max(1, numberOr(title.minLength, 1)), maxLength: Math.min(218, numberOr(title.maxLength, 218)) }, source: `${POST}#multi_language_subject_list.subject` },
    { path: 'description', attribute: 'multi_language_description_list', required: false, type: 'string', multiple: false, source: `${POST}#multi_language_description_list` },
    { path: 'images', attribute: 'main_image_urls_list', required: true, type: 'url', multiple: true, limits: { minCount: 1, maxCount: Math.min(6, numberOr(images.maxItems, 6)) }, source: `${POST}#main_image_urls_list` },
    { path: 'package.weight', attribute: 'weight', required: true, type: 'measurement', multiple: false, unit: 'kg', limits: { minimum: Math.max(0.001, numberOr(weight.minimum, 0.001)), maximum: Math.min(500, numberOr(weight.maximum, 500)) }, source: `${POST}#weight` },
    { path: 'package.dimensions', attribute: 'package_length/package_width/package_height', required: true, type: 'object', multiple: false, unit: 'cm', source: `${POST}#package_length` },
  ];
}
