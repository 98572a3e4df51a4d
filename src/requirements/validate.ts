import { parseInput } from '../errors/from-response.js';
import { ListingSchema, type Listing, type ListingInput } from '../model/listing.js';
import { closestValues } from './closest.js';
import { valuesFor, type FoundValue } from './neutral.js';
import type { Requirements, RequirementField, RequirementIssue } from './types.js';
import { convertUnit } from './units.js';

/** Extra inputs of validateAgainst. */
export interface ValidateAgainstOptions {
  /** The seller's typed overrides by marketplace attribute name (e.g. eBay aspects). */
  marketplaceValues?: Record<string, unknown[]>;
}

const MARKETPLACE: Record<string, string> = { amazon: 'Amazon', ebay: 'eBay', shopee: 'Shopee', aliexpress: 'AliExpress' };

/**
 * Checks a listing against published requirements without any call: presence of required fields,
 * value types, closed value lists (with the closest allowed values), lengths in characters and
 * UTF-8 bytes, value counts and numeric ranges (converting units). Issues carry the unified path
 * and the marketplace's own name.
 */
export function validateAgainst(input: ListingInput | Listing, req: Requirements, opts: ValidateAgainstOptions = {}): RequirementIssue[] {
  const listing = parseInput(ListingSchema, input, 'listing');
  const issues: RequirementIssue[] = [];
  for (const field of req.fields) issues.push(...checkField(listing, field, req, opts));
  return issues;
}

function checkField(listing: Listing, field: RequirementField, req: Requirements, opts: ValidateAgainstOptions): RequirementIssue[] {
  const found = valuesFor(listing, field, opts.marketplaceValues);
  const where = `${MARKETPLACE[req.marketplace] ?? req.marketplace} ${req.kind === 'productType' ? 'product type' : 'category'} ${req.id}`;
  const name = fieldName(field);
  const issue = (code: string, severity: RequirementIssue['severity'], path: string, message: string, extra: Partial<RequirementIssue> = {}): RequirementIssue => ({
    code, severity, path, attribute: field.attribute, message, attributes: [field.attribute], categories: [], sku: listing.sku, ...extra,
  });
  // A variation family may carry the field per variant instead (each variant's option value).
  const all = [...found.values, ...found.perVariant];
  if (all.length === 0) {
    if (field.required) return [issue('MISSING_REQUIRED', 'error', field.path, `${name} is required by ${where}: set ${field.path}.`)];
    if (field.recommended) return [issue('MISSING_RECOMMENDED', 'info', field.path, `${name} is recommended by ${where}: buyers filter on it.`)];
    return [];
  }
  const out: RequirementIssue[] = [];
  const limits = field.limits ?? {};
  const count = found.values.length;
  if (!field.multiple && count > 1) out.push(issue('TOO_MANY_VALUES', 'error', field.path, `${name} takes a single value on ${where}; ${count} were given.`));
  if (limits.maxCount !== undefined && count > limits.maxCount) out.push(issue('TOO_MANY_VALUES', 'error', `${field.path}[${limits.maxCount}]`, `${name} takes at most ${limits.maxCount} value(s) on ${where}; ${count} were given.`));
  if (limits.minCount !== undefined && found.values.length > 0 && count < limits.minCount) out.push(issue('TOO_FEW_VALUES', 'error', field.path, `${name} needs at least ${limits.minCount} value(s) on ${where}; ${count} were given.`));
  if (limits.maxUniqueCount !== undefined) {
    const distinct = new Set(found.values.map((v) => JSON.stringify(v.value))).size;
    if (distinct > limits.maxUniqueCount) out.push(issue('TOO_MANY_VALUES', 'error', field.path, `${name} takes at most ${limits.maxUniqueCount} distinct value(s) on ${where}; ${distinct} were given.`));
  }
  for (const v of all) out.push(...checkValue(v, field, name, where, issue));
  return out;
}

type IssueFn = (code: string, severity: RequirementIssue['severity'], path: string, message: string, extra?: Partial<RequirementIssue>) => RequirementIssue;

function checkValue(v: FoundValue, field: RequirementField, name: string, where: string, issue: IssueFn): RequirementIssue[] {
  const out: RequirementIssue[] = [];
  const limits = field.limits ?? {};
  if (field.type === 'measurement') return checkMeasure(v, field, name, where, issue);
  if ((field.type === 'number' || field.type === 'integer') && !isNumeric(v.value, field.type === 'integer')) {
    return [issue('WRONG_TYPE', 'error', v.path, `${name} must be ${field.type === 'integer' ? 'a whole number' : 'a number'} on ${where}; got "${String(v.value)}".`)];
  }
  if (field.type === 'boolean' && typeof v.value !== 'boolean' && !/^(true|false)$/i.test(String(v.value))) {
    return [issue('WRONG_TYPE', 'error', v.path, `${name} must be true or false on ${where}.`)];
  }
  const text = typeof v.value === 'string' ? v.value : typeof v.value === 'object' ? JSON.stringify(v.value) : String(v.value);
  if (field.allowedValues?.length) {
    const hit = field.allowedValues.find((a) => same(a.value, text) || (a.label !== undefined && same(a.label, text)));
    if (hit?.deprecated) out.push(issue('VALUE_DEPRECATED', 'warning', v.path, `"${text}" is deprecated for ${name} on ${where}; it may stop being accepted.`, { suggestions: closestValues(text, field.allowedValues.filter((a) => !a.deprecated).map((a) => a.value)) }));
    if (!hit && field.closed) {
      const suggestions = closestValues(text, field.allowedValues.filter((a) => !a.deprecated).map((a) => a.value));
      out.push(issue('VALUE_NOT_ALLOWED', 'error', v.path, `"${text}" is not an accepted ${name} on ${where}; closest accepted: ${suggestions.map((s) => `"${s}"`).join(', ')}.`, { suggestions }));
    }
  }
  if (limits.maxLength !== undefined && [...text].length > limits.maxLength) out.push(issue('TOO_LONG', 'error', v.path, `${name} is ${[...text].length} characters; ${where} allows ${limits.maxLength}.`));
  if (limits.minLength !== undefined && [...text].length < limits.minLength) out.push(issue('TOO_SHORT', 'error', v.path, `${name} is ${[...text].length} characters; ${where} needs at least ${limits.minLength}.`));
  const bytes = Buffer.byteLength(text, 'utf8');
  if (limits.maxUtf8Bytes !== undefined && bytes > limits.maxUtf8Bytes) out.push(issue('TOO_LONG', 'error', v.path, `${name} is ${bytes} bytes in UTF-8 (accented and non-Latin letters take 2-4 bytes); ${where} allows ${limits.maxUtf8Bytes}.`));
  if (limits.minUtf8Bytes !== undefined && bytes < limits.minUtf8Bytes) out.push(issue('TOO_SHORT', 'error', v.path, `${name} is ${bytes} bytes in UTF-8; ${where} needs at least ${limits.minUtf8Bytes}.`));
  if (field.type === 'number' || field.type === 'integer') out.push(...range(Number(v.value), undefined, v, field, name, where, issue));
  return out;
}

function checkMeasure(v: FoundValue, field: RequirementField, name: string, where: string, issue: IssueFn): RequirementIssue[] {
  const m = v.value as { value?: unknown; unit?: unknown };
  if (typeof m !== 'object' || m === null || typeof m.value !== 'number' || typeof m.unit !== 'string') {
    return [issue('WRONG_TYPE', 'error', v.path, `${name} must be a measure with a unit on ${where}.`)];
  }
  if (!field.unit) return range(m.value, m.unit, v, field, name, where, issue);
  const inUnit = convertUnit(m.value, m.unit, field.unit);
  if (inUnit === undefined) return [issue('UNIT_NOT_ACCEPTED', 'error', v.path, `${name} is in ${m.unit}, which cannot be converted to the ${field.unit} ${where} uses.`)];
  return range(inUnit, field.unit, v, field, name, where, issue);
}

function range(n: number, unit: string | undefined, v: FoundValue, field: RequirementField, name: string, where: string, issue: IssueFn): RequirementIssue[] {
  const { minimum, maximum } = field.limits ?? {};
  const u = unit ? ` ${unit}` : '';
  if (maximum !== undefined && n > maximum) return [issue('OUT_OF_RANGE', 'error', v.path, `${name} is ${round(n)}${u}; ${where} allows at most ${maximum}${u}.`)];
  if (minimum !== undefined && n < minimum) return [issue('OUT_OF_RANGE', 'error', v.path, `${name} is ${round(n)}${u}; ${where} needs at least ${minimum}${u}.`)];
  return [];
}

const round = (n: number) => Math.round(n * 1000) / 1000;
const same = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
const isNumeric = (v: unknown, integer: boolean) => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) && (!integer || Number.isInteger(n));
};

/** "Item Name (item_name)" or "Farbe": the seller sees the marketplace's label and name. */
function fieldName(f: RequirementField): string {
  return f.label && f.label !== f.attribute ? `${f.label} (${f.attribute})` : `"${f.attribute}"`;
}

/** Errors decide: accepted when none, invalid otherwise. */
export function hasErrors(issues: readonly RequirementIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
