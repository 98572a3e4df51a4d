import type { Listing } from '../../../src/model/listing.js';
import { neutralKey } from '../../../src/requirements/neutral.js';
import { BRAND_ATTRIBUTE_ID, type AttributeEntry, type CommonAttribute } from '../attributes.js';

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Neutral listing attributes (`attributes.material: 'Cotton'`) that name one of the category's
 * attributes become standard dropdown entries of `attribute_list`: "fill in aliexpress_attribute_name_id
 * and aliexpress_attribute_value_id (For multi-dropdown, splitting them into multiple elements)"
 * (specs/aliexpress/aliexpress_solution_product_post.json#attribute_list, case 1); ids from
 * sku.attribute.query. An attribute the seller already gave by id, the brand (resolved on its own),
 * and a value with no id in the category stay as they were (sent as the merchant's own attribute, case 4).
 * Returns the listing to send.
 */
export function withCategoryAttributes(l: Listing, common: CommonAttribute[]): Listing {
  const given = new Set(((l.marketplace.aliexpress?.attributes ?? []) as AttributeEntry[]).map((e) => Number(e.aliexpress_attribute_name_id)));
  const entries: AttributeEntry[] = [];
  const rest: Listing['attributes'] = {};
  for (const [key, raw] of Object.entries(l.attributes)) {
    const a = common.find((x) => x.nameId !== BRAND_ATTRIBUTE_ID && neutralKey(x.name) === neutralKey(key));
    const values = (Array.isArray(raw) ? raw : [raw]).map(String);
    const ids = a && !given.has(a.nameId) ? values.map((v) => a.values.find((x) => norm(x.name) === norm(v))?.id) : [];
    if (!a || !ids.length || ids.some((id) => id === undefined)) {
      rest[key] = raw;
      continue;
    }
    for (const id of ids) entries.push({ aliexpress_attribute_name_id: a.nameId, aliexpress_attribute_value_id: id! });
  }
  if (!entries.length) return l;
  const ae = l.marketplace.aliexpress ?? {};
  return { ...l, attributes: rest, marketplace: { ...l.marketplace, aliexpress: { ...ae, attributes: [...((ae.attributes ?? []) as AttributeEntry[]), ...entries] } } } as Listing;
}
