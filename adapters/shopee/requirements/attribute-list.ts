import type { Listing } from '../../../src/model/listing.js';
import { namesOf, neutralKey } from '../../../src/requirements/neutral.js';
import type { Requirements } from '../../../src/requirements/types.js';
import type { AttributeNode } from './operations.js';

const ADD_ITEM = 'specs/shopee/v2.product.add_item.json';

/** attribute_id → value name (lower case) → value_id, kept in the cached requirements (`documents.valueIds`). */
export type ValueIds = Record<string, Record<string, number>>;

/** The value ids of the tree's top-level attributes (specs/shopee/v2.product.get_attribute_tree.json attribute_value_list[]{value_id, name}). */
export function valueIdsOf(tree: AttributeNode[]): ValueIds {
  const out: ValueIds = {};
  for (const a of tree) {
    const ids: Record<string, number> = {};
    for (const v of a.attribute_value_list ?? []) if (v.name) ids[v.name.toLowerCase()] = v.value_id;
    out[String(a.attribute_id)] = ids;
  }
  return out;
}

type Entry = { attribute_id: number; attribute_value_list: Array<{ value_id: number; original_value_name: string }> };

/**
 * add_item `attribute_list` entries for the neutral attributes a category's tree names
 * (`attributes.material: 'Linen'` → Material's attribute_id and the value's value_id). A value of a
 * closed list takes its value_id; a free-text or combo-box value is sent with value_id 0 and
 * original_value_name ("the value id needs to be uploaded as 0, and original_value_name is
 * mandatory ... (1) AttributeInputType is TEXT_FILED; (2) ... COMBO_BOX ... customized value",
 * ADD_ITEM attribute_list.attribute_value_list.value_id). Attributes the seller already gave by id,
 * and closed-list values outside the list (left for validation to report), are not added.
 */
export function neutralAttributeEntries(l: Listing, req: Requirements): Entry[] {
  const valueIds = (req.documents?.valueIds ?? {}) as ValueIds;
  const given = new Set(((l.marketplace.shopee?.attributes ?? []) as Array<{ attribute_id?: unknown }>).map((e) => String(e.attribute_id)));
  const out: Entry[] = [];
  for (const f of req.fields) {
    if (f.attributeId === undefined || given.has(f.attributeId) || !f.path.startsWith('attributes.')) continue;
    const names = namesOf(f);
    const key = Object.keys(l.attributes).find((k) => names.has(neutralKey(k)));
    if (key === undefined) continue;
    const text = String(l.attributes[key]).trim();
    if (!text) continue;
    const id = valueIds[f.attributeId]?.[text.toLowerCase()];
    if (f.closed && id === undefined) continue;
    const name = id !== undefined ? f.allowedValues?.find((v) => v.value.toLowerCase() === text.toLowerCase())?.value ?? text : text;
    out.push({ attribute_id: Number(f.attributeId), attribute_value_list: [{ value_id: id ?? 0, original_value_name: name }] });
  }
  return out;
}

/**
 * The caller's listing input with those entries appended to marketplace.shopee.attributes, or the
 * input itself when there are none (nothing else of the input is touched).
 */
export function withNeutralAttributes<T>(input: T, l: Listing, req: Requirements): T {
  const entries = neutralAttributeEntries(l, req);
  if (!entries.length) return input;
  const i = input as { marketplace?: { shopee?: { attributes?: unknown[] } } };
  const shopee = i.marketplace?.shopee ?? {};
  return { ...input, marketplace: { ...i.marketplace, shopee: { ...shopee, attributes: [...(shopee.attributes ?? []), ...entries] } } } as T;
}
