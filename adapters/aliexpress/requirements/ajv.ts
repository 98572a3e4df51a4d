import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { Listing } from '../../../src/model/listing.js';
import { closestValues } from '../../../src/requirements/closest.js';
import { valuesFor } from '../../../src/requirements/neutral.js';
import type { Requirements, RequirementField, RequirementIssue } from '../../../src/requirements/types.js';
import { SCHEMA_SOURCE, UNBRANDED, optionsOf, sectionsOf, valueSchemaOf, type JsonSchema } from './schema.js';

/**
 * The category's `category_attributes` section validated with ajv, as the documentation invites
 * ("through the schema, you can accurately construct an instance and verify that the instance meets
 * the specification", developer.alibaba.com articleId=120682). The instance is built from the listing
 * the way the schema expects it: `{ "<attribute name>": { "value": "<value id>" | ["<id>", ...] } }`,
 * names matched to ids through the options' titles. An attribute the unified check already reported
 * keeps that (friendlier) issue; ajv adds whatever else the schema's keywords refuse.
 */
/** Compiled validators by schema digest (Requirements.version): a file cache hands out a fresh object per read. */
const compiled = new Map<string, ValidateFunction | null>();
const MAX_COMPILED = 64;

function validatorOf(schema: JsonSchema, version: string): ValidateFunction | null {
  let v = compiled.get(version);
  if (v !== undefined) return v;
  const { category } = sectionsOf(schema);
  try {
    // The docs name no draft: the schema is compiled without its $schema/$id, non-strict (unknown keywords are annotations).
    const { $schema: _s, $id: _i, ...rest } = category as Record<string, unknown>;
    const defs = { ...(schema.definitions ? { definitions: schema.definitions } : {}), ...(schema.$defs ? { $defs: schema.$defs } : {}) };
    v = new Ajv({ strict: false, allErrors: true, verbose: true }).compile({ ...rest, ...defs });
  } catch {
    v = null; // a schema ajv cannot compile: the unified fields still apply
  }
  if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value!);
  compiled.set(version, v);
  return v;
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The wire value of one listing value: the option id whose title matches, else the text as given. */
function wireValue(text: string, a: JsonSchema): string {
  const o = optionsOf(valueSchemaOf(a)).find((x) => norm(x.title) === norm(text) || x.value === text);
  return o ? o.value : text;
}

/** `category_attributes` of the instance the listing would make. */
export function categoryInstance(l: Listing, schema: JsonSchema, fields: RequirementField[], marketplaceValues: Record<string, unknown[]>): Record<string, { value: unknown }> {
  const { category } = sectionsOf(schema);
  const out: Record<string, { value: unknown }> = {};
  for (const [name, a] of Object.entries(category.properties ?? {})) {
    const field = fields.find((f) => f.attribute === name);
    if (!field) continue;
    const found = valuesFor(l, field, marketplaceValues).values.map((v) => String(v.value));
    if (!found.length && field.path === 'brand') {
      const none = optionsOf(valueSchemaOf(a)).find((o) => UNBRANDED.includes(norm(o.title)));
      if (none) found.push(none.title);
    }
    if (!found.length) continue;
    const ids = found.map((t) => wireValue(t, a));
    out[name] = { value: valueSchemaOf(a).type === 'array' ? ids : ids[0] };
  }
  return out;
}

/** ajv keyword → unified issue code (validate.ts vocabulary); others are SCHEMA_VIOLATION. */
const CODES: Record<string, string> = { required: 'MISSING_REQUIRED', oneOf: 'VALUE_NOT_ALLOWED', anyOf: 'VALUE_NOT_ALLOWED', enum: 'VALUE_NOT_ALLOWED', const: 'VALUE_NOT_ALLOWED', maxItems: 'TOO_MANY_VALUES', minItems: 'TOO_FEW_VALUES', maxLength: 'TOO_LONG', minLength: 'TOO_SHORT', type: 'WRONG_TYPE' };
const decode = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');

function issueOf(e: ErrorObject, l: Listing, req: Requirements, category: JsonSchema): RequirementIssue | undefined {
  const name = e.keyword === 'required' ? String(e.params.missingProperty) : decode(e.instancePath.split('/')[1] ?? '');
  const field = req.fields.find((f) => f.attribute === name);
  const path = field?.path ?? `attributes.${name}`;
  const options = optionsOf(valueSchemaOf(category.properties?.[name] ?? {})).map((o) => o.title);
  const code = CODES[e.keyword] ?? 'SCHEMA_VIOLATION';
  const suggestions = code === 'VALUE_NOT_ALLOWED' && options.length ? closestValues(String(e.data ?? ''), options) : [];
  return {
    code, severity: 'error', path, attribute: name, attributes: [name], categories: [req.id], sku: l.sku,
    message: `"${name}" does not meet AliExpress category ${req.id}'s product schema (${e.keyword}: ${e.message ?? 'invalid'}).`,
    ...(suggestions.length ? { suggestions } : {}),
  };
}

/** ajv issues of the listing's category attributes not already reported for the same attribute. */
export function schemaIssues(l: Listing, req: Requirements, reported: RequirementIssue[], marketplaceValues: Record<string, unknown[]>): RequirementIssue[] {
  const schema = req.documents?.schema as JsonSchema | undefined;
  if (!schema) return [];
  const validate = validatorOf(schema, `${req.marketplace}/${req.id}/${req.version}`);
  if (!validate) return [];
  const instance = categoryInstance(l, schema, req.fields, marketplaceValues);
  if (validate(instance)) return [];
  const { category } = sectionsOf(schema);
  const taken = new Set(reported.filter((i) => i.severity === 'error').map((i) => i.attribute));
  const out: RequirementIssue[] = [];
  for (const e of validate.errors ?? []) {
    const issue = issueOf(e, l, req, category);
    if (issue && !taken.has(issue.attribute)) {
      taken.add(issue.attribute);
      out.push(issue);
    }
  }
  return out;
}

export { SCHEMA_SOURCE };
