import type { Listing } from '../../../src/model/listing.js';
import { neutralKey, namesOf } from '../../../src/requirements/neutral.js';
import type { Requirements, RequirementField } from '../../../src/requirements/types.js';

/**
 * Issue 20.4: item specifics under the site's own aspect names. A neutral attribute or variation
 * option (`color`, `colour`) that the category knows as `Farbe` is renamed to `Farbe` (attributes,
 * optionNames and each variant's options, so variesBy and the variants' aspects follow), brand is
 * added under the category's brand aspect (`Marke`), and a SELECTION_ONLY value is sent in the
 * spelling eBay lists (aspectValues.localizedValue). Typed overrides (marketplace.ebay.aspects)
 * are left alone.
 */
export function localizeAspects(l: Listing, req: Requirements): Listing {
  const fields = req.fields.filter((f) => f.path.startsWith('attributes.'));
  const fieldOf = (key: string) => fields.find((f) => namesOf(f).has(neutralKey(key)));
  const rename = (key: string) => fieldOf(key)?.attribute ?? key;
  const spell = (f: RequirementField | undefined, value: string | number | boolean) =>
    (f?.closed ? f.allowedValues?.find((a) => a.value.toLowerCase() === String(value).toLowerCase())?.value : undefined) ?? value;
  const attributes: Listing['attributes'] = {};
  for (const [key, value] of Object.entries(l.attributes)) attributes[rename(key)] = spell(fieldOf(key), value);
  const brandAspect = req.fields.find((f) => f.path === 'brand')?.attribute;
  if (l.brand && brandAspect && brandAspect !== 'Brand' && !(brandAspect in attributes)) attributes[brandAspect] = l.brand;
  const variants = l.variants.map((v) => ({ ...v, options: Object.fromEntries(Object.entries(v.options).map(([k, val]) => [rename(k), String(spell(fieldOf(k), val))])) }));
  return { ...l, attributes, optionNames: l.optionNames.map(rename), variants };
}
