import { listOf } from '../operations.js';
import type { CommonAttribute } from '../attributes.js';

/** What sku.attribute.query tells about a category, read once with its schema. */
export interface CategoryAttributeIds {
  /** supporting_common_attribute_list: name ids, value ids, required flags. */
  common: CommonAttribute[];
  /** supporting_sku_attribute_list[].aliexpress_sku_name of the mandatory SKU attributes (normalized names). */
  skuRequired: string[];
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
const records = (v: unknown) => listOf.parse(v).filter((x): x is Record<string, unknown> => !!x && typeof x === 'object');

/**
 * The documented answer (specs/aliexpress/aliexpress_solution_sku_attribute_query.json#responseParams):
 * supporting_common_attribute_list[]{aliexpress_common_attribute_name_id, aliexpress_common_attribute_name,
 * required, aliexpress_common_attribute_value_list[]{aliexpress_common_attribute_value_id, aliexpress_common_attribute_value}}
 * and supporting_sku_attribute_list[]{aliexpress_sku_name, required, ...}; arrays plain or TOP-wrapped.
 */
export function attributeIdsOf(result: { supporting_common_attribute_list?: unknown; supporting_sku_attribute_list?: unknown } | undefined): CategoryAttributeIds {
  const common = records(result?.supporting_common_attribute_list).flatMap((a) => {
    const nameId = Number(a.aliexpress_common_attribute_name_id);
    if (!Number.isSafeInteger(nameId)) return [];
    const values = records(a.aliexpress_common_attribute_value_list).flatMap((x) => {
      const id = Number(x.aliexpress_common_attribute_value_id);
      return Number.isSafeInteger(id) && typeof x.aliexpress_common_attribute_value === 'string' ? [{ id, name: x.aliexpress_common_attribute_value }] : [];
    });
    return [{ nameId, name: String(a.aliexpress_common_attribute_name ?? ''), required: a.required === true, values }];
  });
  const skuRequired = records(result?.supporting_sku_attribute_list).filter((s) => s.required === true && typeof s.aliexpress_sku_name === 'string').map((s) => norm(String(s.aliexpress_sku_name)));
  return { common, skuRequired };
}
