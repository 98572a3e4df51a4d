import { Ajv2019, type ErrorObject, type ValidateFunction } from 'ajv/dist/2019.js';

/**
 * Amazon product type definitions are JSON Schema draft 2019-09 documents in Amazon's meta-schema
 * (https://schemas.amazon.com/selling-partners/definitions/product-types/meta-schema/v1), whose
 * custom vocabulary is documented on developer-docs.amazon.com/sp-api/docs/product-type-definition-meta-schema
 * ("If you choose to ignore this custom vocabulary ... you may get validation errors"). This
 * validator is ajv (draft 2019-09) plus that vocabulary:
 *  - editable, hidden, enumNames: "Purpose: Informational" — annotations only.
 *  - maxUtf8ByteLength / minUtf8ByteLength: the string's UTF-8 byte length (Amazon's example
 *    validator: Buffer.byteLength(value) <= / >= the limit).
 *  - maxUniqueItems: items of the array grouped by their `selectors` values; no group may hold
 *    more than maxUniqueItems items (Amazon's example MaxUniqueItemsKeyword).
 *  - selectors: the properties that identify an entry (marketplace_id, language_tag...): two
 *    entries with the same selector values are the same entry given twice — refused.
 *  - enumDeprecated: enum values on their way out — accepted, reported as a warning.
 */
export interface DefinitionIssue {
  /** The keyword that failed (required, enum, maxUtf8ByteLength, selectors, enumDeprecated...). */
  keyword: string;
  /** Top-level attribute (item_name), or '' for the document itself. */
  attribute: string;
  /** JSON pointer of the failing value (/item_name/0/value). */
  pointer: string;
  severity: 'error' | 'warning';
  value?: unknown;
  /** ajv's params (missingProperty, allowedValues, limit...). */
  params: Record<string, unknown>;
  /** The failing subschema (title, enum, enumNames) when known. */
  schema?: Record<string, unknown>;
}

let warnings: DefinitionIssue[] | undefined;

function selectorKey(entry: unknown, selectors: string[]): string {
  const o = (entry ?? {}) as Record<string, unknown>;
  return JSON.stringify(selectors.map((s) => o[s] ?? null));
}

function newAjv(): Ajv2019 {
  const ajv = new Ajv2019({ strict: false, allErrors: true, verbose: true, validateFormats: false, validateSchema: false });
  for (const keyword of ['editable', 'hidden', 'enumNames']) ajv.addKeyword({ keyword });
  ajv.addKeyword({ keyword: 'maxUtf8ByteLength', type: 'string', schemaType: 'number', validate: (max: number, data: string) => Buffer.byteLength(data, 'utf8') <= max, errors: false });
  ajv.addKeyword({ keyword: 'minUtf8ByteLength', type: 'string', schemaType: 'number', validate: (min: number, data: string) => Buffer.byteLength(data, 'utf8') >= min, errors: false });
  ajv.addKeyword({
    keyword: 'maxUniqueItems', type: 'array', schemaType: 'number', errors: false,
    validate: (max: number, data: unknown[], parent?: Record<string, unknown>) => {
      const selectors = Array.isArray(parent?.selectors) ? (parent!.selectors as string[]) : [];
      const counts = new Map<string, number>();
      for (const e of data) counts.set(selectorKey(e, selectors), (counts.get(selectorKey(e, selectors)) ?? 0) + 1);
      return [...counts.values()].every((n) => n <= max);
    },
  });
  ajv.addKeyword({
    keyword: 'selectors', type: 'array', schemaType: 'array', errors: false,
    validate: (selectors: string[], data: unknown[]) => new Set(data.map((e) => JSON.stringify(e === null || typeof e !== 'object' ? e : selectors.map((s) => (e as Record<string, unknown>)[s] ?? null).concat([(e as Record<string, unknown>).value ?? null])))).size === data.length,
  });
  ajv.addKeyword({
    keyword: 'enumDeprecated', schemaType: 'array', errors: false,
    validate: (deprecated: unknown[], data: unknown, _p?: unknown, cxt?: { instancePath: string }) => {
      if (deprecated.includes(data)) warnings?.push({ keyword: 'enumDeprecated', attribute: attributeOf(cxt?.instancePath ?? ''), pointer: cxt?.instancePath ?? '', severity: 'warning', value: data, params: { deprecated } });
      return true;
    },
  });
  return ajv;
}

const attributeOf = (pointer: string) => pointer.split('/')[1] ?? '';

const ajv = newAjv();
const compiled = new WeakMap<object, ValidateFunction>();

/** Compiled once per schema object (the cached definition), ignoring its non-addressable $schema. */
function validatorFor(schema: Record<string, unknown>): ValidateFunction {
  let v = compiled.get(schema);
  if (!v) {
    const { $schema: _meta, $id: _id, ...rest } = schema;
    v = ajv.compile(rest);
    compiled.set(schema, v);
  }
  return v;
}

/** Validates SP-API attributes against a product type schema; deprecation warnings included. */
export function validateDefinition(schema: Record<string, unknown>, attributes: Record<string, unknown>): DefinitionIssue[] {
  const validate = validatorFor(schema);
  warnings = [];
  try {
    validate(attributes);
    const errors = (validate.errors ?? []).filter((e) => !['allOf', 'anyOf', 'oneOf', 'if', 'then', 'else', 'not'].includes(e.keyword)).map((e) => toIssue(e));
    return [...errors, ...warnings];
  } finally {
    warnings = undefined;
  }
}

function toIssue(e: ErrorObject): DefinitionIssue {
  const pointer = e.keyword === 'required' && e.instancePath === '' ? `/${String(e.params.missingProperty)}` : e.instancePath;
  return { keyword: e.keyword, attribute: attributeOf(pointer), pointer, severity: 'error', value: e.data, params: e.params as Record<string, unknown>, ...(e.parentSchema ? { schema: e.parentSchema as Record<string, unknown> } : {}) };
}
