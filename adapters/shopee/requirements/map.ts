import { neutralKey } from '../../../src/requirements/neutral.js';
import type { FieldType, RequirementField } from '../../../src/requirements/types.js';
import type { Channel } from '../schemas/logistics.js';
import type { AttributeNode, BrandListResponse, FullItemLimitResponse, GlobalItemLimitResponse } from './operations.js';

const TREE = 'specs/shopee/v2.product.get_attribute_tree.json';
const LIMIT = 'specs/shopee/v2.product.get_item_limit.json';

/** attribute_info.input_type: SINGLE_DROP_DOWN 1, SINGLE_COMBO_BOX 2, FREE_TEXT_FILED 3, MULTI_DROP_DOWN 4, MULTI_COMBO_BOX 5 (TREE). */
const CLOSED_INPUT = new Set([1, 4]);
const MULTI_INPUT = new Set([4, 5]);

/** input_validation_type: INT 1, STRING 2, FLOAT 3, DATE 4, none 0 (TREE). */
function typeOf(validation: number | null | undefined): FieldType {
  if (validation === 1) return 'integer';
  if (validation === 3) return 'number';
  return 'string';
}

/**
 * One top-level attribute of the tree. Child attributes (attribute_value_list[].child_attribute_list)
 * apply only once their parent value is chosen, so they are not listed as requirements of the category.
 */
export function attributeField(a: AttributeNode): RequirementField {
  const info = a.attribute_info ?? {};
  const name = a.name ?? String(a.attribute_id);
  const input = info.input_type ?? 3;
  const multiple = MULTI_INPUT.has(input);
  const values = (a.attribute_value_list ?? []).filter((v) => v.name).map((v) => ({ value: v.name! }));
  const names = Object.fromEntries((a.multi_lang ?? []).filter((m) => m.language && m.value).map((m) => [m.language!, m.value!]));
  const units = info.attribute_unit_list ?? [];
  return {
    path: `attributes.${neutralKey(name)}`,
    attribute: name,
    attributeId: String(a.attribute_id),
    ...(Object.keys(names).length ? { localizedNames: names } : {}),
    ...(info.introduction ? { description: info.introduction } : {}),
    required: a.mandatory === true,
    type: typeOf(info.input_validation_type),
    multiple,
    ...(values.length ? { allowedValues: values } : {}),
    ...(CLOSED_INPUT.has(input) && values.length ? { closed: true } : {}),
    // max_value_count: "Max selected value count" (multi-select inputs).
    ...(multiple && info.max_value_count ? { limits: { maxCount: info.max_value_count } } : {}),
    // format_type 2 = FORMAT_QUANTITATIVE_WITH_UNIT: the value carries one of attribute_unit_list.
    ...(info.format_type === 2 && units.length ? { unit: units[0] } : {}),
    source: `${TREE}#attribute_tree`,
  };
}

type Limits = FullItemLimitResponse['response'];
const range = (r: { min_limit?: number | null; max_limit?: number | null } | null | undefined, min: 'minLength' | 'minCount', max: 'maxLength' | 'maxCount') => ({
  ...(r?.min_limit ? { [min]: r.min_limit } : {}),
  ...(r?.max_limit ? { [max]: r.max_limit } : {}),
});

/** Title, description, images and weight: presence from add_item, lengths and counts from get_item_limit. */
export function limitFields(l: Limits): RequirementField[] {
  return limitsOf({
    name: l.item_name_length_limit, description: l.item_description_length_limit, images: l.item_image_count_limit,
    title: 'item_name', source: (f) => `${LIMIT}#${f}`, addItem: 'specs/shopee/v2.product.add_item.json',
  });
}

const GLOBAL_LIMIT = 'specs/shopee/v2.global_product.get_global_item_limit.json';

/**
 * CNSC (global item) limits: get_global_item_limit's global_item_name/description_length_limit and
 * global_item_image_count_limit; global_item_name, description and weight are required by add_global_item
 * (specs/shopee/v2.global_product.add_global_item.json request_params).
 */
export function globalLimitFields(l: GlobalItemLimitResponse['response']): RequirementField[] {
  return limitsOf({
    name: l.global_item_name_length_limit, description: l.global_item_description_length_limit, images: l.global_item_image_count_limit,
    title: 'global_item_name', source: (f) => `${GLOBAL_LIMIT}#global_${f}`, addItem: 'specs/shopee/v2.global_product.add_global_item.json',
  });
}

type RangeIn = Parameters<typeof range>[0];
interface LimitsIn { name: RangeIn; description: RangeIn; images: RangeIn; title: string; source: (field: string) => string; addItem: string }

function limitsOf(l: LimitsIn): RequirementField[] {
  const imageRange = range(l.images, 'minCount', 'maxCount');
  return [
    // item name and description are required request params of add_item / add_global_item (l.addItem).
    { path: 'title', attribute: l.title, required: true, type: 'string', multiple: false, limits: range(l.name, 'minLength', 'maxLength'), source: l.source('item_name_length_limit') },
    { path: 'description', attribute: 'description', required: true, type: 'string', multiple: false, limits: range(l.description, 'minLength', 'maxLength'), source: l.source('item_description_length_limit') },
    { path: 'images', attribute: 'image', required: (imageRange.minCount ?? 1) > 0, type: 'url', multiple: true, limits: imageRange, source: l.source('item_image_count_limit') },
    // weight: required, "the unit is KG" (add_item; add_global_item: required); weight_limit.weight_mandatory agrees.
    { path: 'package.weight', attribute: 'weight', required: true, type: 'measurement', multiple: false, unit: 'kg', source: `${l.addItem}#weight` },
  ];
}

/** get_brand_list: is_mandatory per category; the brands offered (open: "No brand" / pending brands exist). */
export function brandField(pages: BrandListResponse['response'][], spec = 'specs/shopee/v2.product.get_brand_list.json'): RequirementField {
  const names = [...new Set(pages.flatMap((p) => (p.brand_list ?? []).map((b) => b.display_brand_name ?? b.original_brand_name ?? '')).filter(Boolean))];
  return {
    path: 'brand', attribute: 'brand', required: pages[0]?.is_mandatory === true, type: 'string', multiple: false,
    ...(names.length ? { allowedValues: names.map((value) => ({ value })) } : {}),
    source: `${spec}#is_mandatory`,
  };
}

/**
 * The strictest weight window over the shop's chosen channels: an item must fit every channel it
 * is offered on. get_channel_list weight_limit: "If the value is 0 or null, that means there is no limit" (kg).
 */
export function channelWeight(field: RequirementField, channels: Channel[]): RequirementField {
  const max = channels.map((c) => c.weight_limit?.item_max_weight ?? 0).filter((x) => x > 0);
  const min = channels.map((c) => c.weight_limit?.item_min_weight ?? 0).filter((x) => x > 0);
  if (!max.length && !min.length) return field;
  return {
    ...field,
    limits: { ...(max.length ? { maximum: Math.min(...max) } : {}), ...(min.length ? { minimum: Math.max(...min) } : {}) },
    source: `${field.source}; specs/shopee/v2.logistics.get_channel_list.json#weight_limit`,
  };
}
