import type { Listing } from '../../../src/model/listing.js';
import type { Requirements, RequirementIssue } from '../../../src/requirements/types.js';

/**
 * get_global_item_limit text_length_multiplier: "len(text)=len(Chinese characters)*text_length_multiplier
 * +len(English characters)" (specs/shopee/v2.global_product.get_global_item_limit.json). Han script stands
 * for "Chinese characters"; every other character counts 1.
 */
export function weightedLength(text: string, multiplier: number): number {
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  return han * multiplier + [...text].length - han;
}

const TEXT_PATHS = ['title', 'description'] as const;

/**
 * Length limits counted with the multiplier (stored in requirements documents for CNSC categories): an issue
 * only where the plain count passed, so a text is not reported twice.
 */
export function weightedLengthIssues(l: Listing, req: Requirements, found: RequirementIssue[]): RequirementIssue[] {
  const m = req.documents?.textLengthMultiplier;
  if (typeof m !== 'number' || m <= 1) return [];
  const out: RequirementIssue[] = [];
  for (const path of TEXT_PATHS) {
    const field = req.fields.find((f) => f.path === path);
    const max = field?.limits?.maxLength;
    const text = l[path];
    if (!field || max === undefined || typeof text !== 'string' || found.some((i) => i.path === path && i.code === 'TOO_LONG')) continue;
    const len = weightedLength(text, m);
    if (len <= max) continue;
    out.push({
      code: 'TOO_LONG', severity: 'error', path, attribute: field.attribute, attributes: [field.attribute], categories: [], sku: l.sku,
      message: `${path} counts ${Math.ceil(len)} characters on Shopee (each Chinese character counts ${m}); category ${req.id} allows ${max}.`,
    });
  }
  return out;
}
