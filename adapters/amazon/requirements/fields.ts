import type { AllowedValue, FieldType, RequirementField } from '../../../src/requirements/types.js';

/**
 * Where an Amazon attribute lives in the unified listing: the mapper's own attributes
 * (mappers/listing-attributes.ts) map back to their unified field; anything else is a neutral
 * attribute under its Amazon name.
 */
const UNIFIED: Record<string, string> = {
  item_name: 'title', brand: 'brand', product_description: 'description', bullet_point: 'bullets',
  main_product_image_locator: 'images', other_product_image_locator_1: 'images',
  externally_assigned_product_identifier: 'identifiers.gtin', merchant_suggested_asin: 'identifiers.asin', part_number: 'identifiers.mpn',
  purchasable_offer: 'price', list_price: 'listPrice', fulfillment_availability: 'quantity', condition_type: 'condition',
  item_package_weight: 'package.weight', item_package_dimensions: 'package.dimensions', country_of_origin: 'customs.originCountry',
};

export const unifiedPathOf = (attribute: string) => UNIFIED[attribute] ?? `attributes.${attribute}`;

type Node = Record<string, unknown>;
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);

/** The `value` member of an attribute's items, where Amazon puts the type, enum and limits. */
function valueNode(prop: Node): Node | undefined {
  const items = prop.items as Node | undefined;
  return (items?.properties as Record<string, Node> | undefined)?.value;
}

/** One top-level property of a product type schema → a requirement field (meta-schema keywords kept as limits). */
export function definitionField(name: string, prop: Node, required: boolean, source: string): RequirementField {
  const value = valueNode(prop);
  const type: FieldType = value?.type === 'number' ? 'number' : value?.type === 'integer' ? 'integer' : value?.type === 'boolean' ? 'boolean' : value ? 'string' : 'object';
  const enumValues = Array.isArray(value?.enum) ? (value!.enum as unknown[]).map(String) : undefined;
  const names = Array.isArray(value?.enumNames) ? (value!.enumNames as unknown[]).map(String) : [];
  const deprecated = new Set(Array.isArray(value?.enumDeprecated) ? (value!.enumDeprecated as unknown[]).map(String) : []);
  const allowedValues: AllowedValue[] | undefined = enumValues?.map((v, i) => ({ value: v, ...(names[i] && names[i] !== v ? { label: names[i] } : {}), ...(deprecated.has(v) ? { deprecated: true } : {}) }));
  const limits = Object.fromEntries(Object.entries({
    maxLength: num(value?.maxLength), minLength: num(value?.minLength), maxUtf8Bytes: num(value?.maxUtf8ByteLength), minUtf8Bytes: num(value?.minUtf8ByteLength),
    maxUniqueCount: num(prop.maxUniqueItems), maxCount: num(prop.maxItems), minimum: num(value?.minimum), maximum: num(value?.maximum),
  }).filter(([, v]) => v !== undefined));
  return {
    path: unifiedPathOf(name),
    attribute: name,
    ...(typeof prop.title === 'string' ? { label: prop.title } : {}),
    ...(typeof prop.description === 'string' ? { description: prop.description } : {}),
    required,
    type,
    multiple: (num(prop.maxUniqueItems) ?? 1) > 1,
    ...(allowedValues ? { allowedValues, closed: true } : {}),
    ...(Object.keys(limits).length ? { limits } : {}),
    source: `${source}#/properties/${name}`,
  };
}

/** Every top-level attribute of the schema, required ones first. */
export function definitionFields(schema: Node, source: string): RequirementField[] {
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const props = (schema.properties ?? {}) as Record<string, Node>;
  return Object.entries(props).map(([name, prop]) => definitionField(name, prop, required.has(name), source)).sort((a, b) => Number(b.required) - Number(a.required));
}
