import type { ListingIssue } from '../../../src/model/listing.js';
import { closestValues } from '../../../src/requirements/closest.js';
import type { Requirements, RequirementIssue } from '../../../src/requirements/types.js';
import type { DefinitionIssue } from './ajv.js';
import { unifiedPathOf } from './fields.js';

const LISTED = new Set(['bullets', 'images']);

/** `/bullet_point/2/value` → `bullets[2]`; other attributes → their unified path. */
function pathOf(d: DefinitionIssue, fieldPath: string): string {
  const index = d.pointer.split('/')[2];
  if (d.attribute.startsWith('other_product_image_locator_')) return `images[${d.attribute.slice('other_product_image_locator_'.length)}]`;
  if (d.attribute === 'main_product_image_locator') return 'images[0]';
  return LISTED.has(fieldPath) && index !== undefined && /^\d+$/.test(index) ? `${fieldPath}[${index}]` : fieldPath;
}

/** One ajv finding → an issue a seller understands, on the unified path, under Amazon's attribute name. */
export function toRequirementIssue(d: DefinitionIssue, req: Requirements, sku: string): RequirementIssue {
  const attribute = d.keyword === 'additionalProperties' ? String(d.params.additionalProperty ?? d.attribute) : d.attribute;
  const field = req.fields.find((f) => f.attribute === attribute);
  const path = pathOf({ ...d, attribute }, field?.path ?? unifiedPathOf(attribute));
  const name = field?.label ? `${field.label} (${attribute})` : `"${attribute}"`;
  const where = `Amazon product type ${req.id}`;
  const text = typeof d.value === 'string' ? d.value : JSON.stringify(d.value);
  const base = { severity: d.severity, path, attribute, attributes: [attribute], categories: [], sku };
  const allowed = () => {
    const values = Array.isArray(d.schema?.enum) ? (d.schema!.enum as unknown[]).map(String) : [];
    const deprecated = new Set(Array.isArray(d.schema?.enumDeprecated) ? (d.schema!.enumDeprecated as unknown[]).map(String) : []);
    return values.filter((v) => !deprecated.has(v));
  };
  switch (d.keyword) {
    case 'required':
      return { ...base, code: 'MISSING_REQUIRED', message: `${name} is required by ${where}: set ${path}.` };
    case 'enum': {
      const suggestions = closestValues(String(d.value), allowed());
      return { ...base, code: 'VALUE_NOT_ALLOWED', message: `"${text}" is not an accepted ${name} on ${where}; closest accepted: ${suggestions.map((s) => `"${s}"`).join(', ')}.`, suggestions };
    }
    case 'enumDeprecated':
      return { ...base, code: 'VALUE_DEPRECATED', message: `"${text}" is deprecated for ${name} on ${where}; it may stop being accepted.` };
    case 'maxUtf8ByteLength':
      return { ...base, code: 'TOO_LONG', message: `${name} is ${Buffer.byteLength(String(d.value), 'utf8')} bytes in UTF-8 (accented and non-Latin letters take 2-4 bytes); ${where} allows ${String(d.schema?.maxUtf8ByteLength)}.` };
    case 'minUtf8ByteLength':
      return { ...base, code: 'TOO_SHORT', message: `${name} is ${Buffer.byteLength(String(d.value), 'utf8')} bytes in UTF-8; ${where} needs at least ${String(d.schema?.minUtf8ByteLength)}.` };
    case 'maxLength':
      return { ...base, code: 'TOO_LONG', message: `${name} is ${[...String(d.value)].length} characters; ${where} allows ${String(d.params.limit)}.` };
    case 'minLength':
      return { ...base, code: 'TOO_SHORT', message: `${name} is ${[...String(d.value)].length} characters; ${where} needs at least ${String(d.params.limit)}.` };
    case 'maxUniqueItems':
    case 'maxItems':
      return { ...base, code: 'TOO_MANY_VALUES', message: `${name} takes at most ${String(d.schema?.maxUniqueItems ?? d.params.limit)} value(s) per marketplace and language on ${where}.` };
    case 'minItems':
      return { ...base, code: 'TOO_FEW_VALUES', message: `${name} needs at least ${String(d.params.limit)} value(s) on ${where}.` };
    case 'selectors':
      return { ...base, code: 'DUPLICATE_VALUES', message: `${name} has the same value twice for one marketplace and language on ${where}.` };
    case 'additionalProperties':
      return { ...base, code: 'NOT_DEFINED', message: `${name} is not an attribute of ${where}: it cannot be sent.` };
    case 'type':
      return { ...base, code: 'WRONG_TYPE', message: `${name} must be ${String(d.params.type)} on ${where}.` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { ...base, code: 'OUT_OF_RANGE', message: `${name} is ${text}; ${where} requires ${d.keyword} ${String(d.params.limit)}.` };
    default:
      return { ...base, code: 'INVALID', message: `${name} is not valid on ${where} (${d.keyword}).` };
  }
}

/** The mapper's own per-SKU warnings (dropped columns) as requirement issues. */
export function mappingIssue(i: ListingIssue): RequirementIssue {
  const attribute = i.attributes[0] ?? '';
  return { ...i, path: `attributes.${attribute}`, attribute };
}
