import type { Listing } from '../../../src/model/listing.js';
import { neutralKey, namesOf } from '../../../src/requirements/neutral.js';
import type { Requirements } from '../../../src/requirements/types.js';

/**
 * Issue 20.4: item specifics under the site's own aspect names. A neutral attribute (`color`,
 * `colour`) that the category knows as `Farbe` is renamed to `Farbe`, brand is added under the
 * category's brand aspect (`Marke`), and a SELECTION_ONLY value is sent in the spelling eBay
 * lists (aspectValues.localizedValue). Typed overrides (marketplace.ebay.aspects) are left alone.
 */
export function localizeAspects(l: Listing, req: Requirements): Listing {
  const fields = req.fields.filter((f) => f.path.startsWith('attributes.') || f.path === 'brand');
  if (!fields.length) return l;
  const attributes: Listing['attributes'] = {};
  for (const [key, value] of Object.entries(l.attributes)) {
    const field = fields.find((f) => f.path !== 'brand' && namesOf(f).has(neutralKey(key)));
    if (!field) {
      attributes[key] = value;
      continue;
    }
    const listed = field.closed ? field.allowedValues?.find((a) => a.value.toLowerCase() === String(value).toLowerCase())?.value : undefined;
    attributes[field.attribute] = listed ?? value;
  }
  const brandAspect = fields.find((f) => f.path === 'brand')?.attribute;
  if (l.brand && brandAspect && brandAspect !== 'Brand' && !(brandAspect in attributes)) attributes[brandAspect] = l.brand;
  return { ...l, attributes };
}
