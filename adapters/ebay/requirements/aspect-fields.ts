import type { AllowedValue, RequirementField } from '../../../src/requirements/types.js';
import { neutralOfAspect } from './aspect-names.js';
import type { WireAspect } from './operations.js';

const TAXONOMY = 'specs/ebay/commerce_taxonomy_v1_oas3.json#/components/schemas/AspectConstraint';
const PRODUCT = 'specs/ebay/sell_inventory_v1_oas3.json#/components/schemas/Product';

/** Where a neutral aspect lives in the unified listing: brand and MPN have their own fields. */
function pathOf(aspectName: string): string {
  const neutral = neutralOfAspect(aspectName);
  if (neutral === 'brand') return 'brand';
  if (neutral === 'mpn') return 'identifiers.mpn';
  return `attributes.${neutral ?? aspectName}`;
}

/**
 * One aspect of getItemAspectsForCategory → a requirement field: aspectRequired decides required
 * (aspectUsage is RECOMMENDED even for required aspects, so it only marks the optional ones),
 * SELECTION_ONLY closes the value list, itemToAspectCardinality SINGLE means one value,
 * aspectMaxLength caps each value (all per AspectConstraint in the taxonomy contract).
 */
export function aspectField(a: WireAspect, locale: string): RequirementField {
  const c = a.aspectConstraint ?? {};
  const values: AllowedValue[] = (a.aspectValues ?? []).map((v) => ({ value: v.localizedValue }));
  const type = c.aspectDataType === 'NUMBER' ? 'number' : 'string';
  return {
    path: pathOf(a.localizedAspectName),
    attribute: a.localizedAspectName,
    localizedNames: { [locale]: a.localizedAspectName },
    required: c.aspectRequired === true,
    ...(c.aspectRequired !== true && c.aspectUsage === 'RECOMMENDED' ? { recommended: true } : {}),
    type,
    multiple: c.itemToAspectCardinality === 'MULTI',
    ...(values.length ? { allowedValues: values } : {}),
    ...(c.aspectMode === 'SELECTION_ONLY' ? { closed: true } : {}),
    ...(c.aspectMaxLength !== undefined ? { limits: { maxLength: c.aspectMaxLength } } : {}),
    source: TAXONOMY,
  };
}

/** Fields every eBay listing has regardless of category (Inventory API Product field notes). */
export function baseFields(): RequirementField[] {
  return [
    // Product.title: "a title will be needed before an offer ... is published"; "Max Length: 80".
    { path: 'title', attribute: 'title', label: 'Title', required: true, type: 'string', multiple: false, limits: { maxLength: 80 }, source: `${PRODUCT}/properties/title` },
    // Product.description: "Max Length: 4000".
    { path: 'description', attribute: 'description', label: 'Description', required: false, type: 'string', multiple: false, limits: { maxLength: 4000 }, source: `${PRODUCT}/properties/description` },
    // Product.imageUrls: "at least one image must exist" before publishing; "up to 24 pictures in one listing".
    { path: 'images', attribute: 'imageUrls', label: 'Pictures', required: true, type: 'url', multiple: true, limits: { minCount: 1, maxCount: 24 }, source: `${PRODUCT}/properties/imageUrls` },
  ];
}
