import type { SandboxContext } from '../../../src/sandbox/module.js';
import type { Router } from '../../../src/sandbox/router.js';
import type { AttributeNode } from '../requirements/operations.js';
import { fail, ok } from './envelope.js';
import { route, type Caller } from './gate.js';
import type { ShopeeSandboxState } from './world.js';

type Shop = Extract<Caller, { kind: 'shop' }>;
type Merchant = Extract<Caller, { kind: 'merchant' }>;

/**
 * Attribute trees the sandbox publishes, in the shape of specs/shopee/v2.product.get_attribute_tree.json.
 * They agree with what add_item enforces (world.options.categories: category → mandatory attribute ids,
 * "error_less_required_attribute" of specs/shopee/v2.product.add_item.json). Sandbox data, not a
 * capture of live categories.
 */
export const SANDBOX_ATTRIBUTE_TREES: Record<number, AttributeNode[]> = {
  100001: [
    { attribute_id: 1002, mandatory: false, name: 'Pattern', attribute_value_list: [{ value_id: 21, name: 'Plain' }, { value_id: 22, name: 'Striped' }], attribute_info: { input_type: 2, input_validation_type: 2, format_type: 1 } },
  ],
  100002: [
    { attribute_id: 1001, mandatory: true, name: 'Material', attribute_value_list: [{ value_id: 11, name: 'Cotton' }, { value_id: 12, name: 'Polyester' }, { value_id: 13, name: 'Linen' }], attribute_info: { input_type: 1, input_validation_type: 0, format_type: 1, max_value_count: 1 } },
  ],
};

/**
 * What get_global_item_limit answers in the sandbox, in the response shape of
 * specs/shopee/v2.global_product.get_global_item_limit.json. Sandbox data (generous ranges), not a
 * capture of live limits; weight_mandatory agrees with add_global_item, which refuses a missing weight.
 */
export const SANDBOX_GLOBAL_ITEM_LIMIT = {
  price_limit: { min_limit: 0.1, max_limit: 100000000 }, stock_limit: { min_limit: 0, max_limit: 999999 },
  global_item_name_length_limit: { min_limit: 1, max_limit: 255 },
  global_item_image_count_limit: { min_limit: 1, max_limit: 9 },
  global_item_description_length_limit: { min_limit: 1, max_limit: 5000 },
  text_length_multiplier: 1,
  weight_limit: { weight_mandatory: true }, dimension_limit: { dimension_mandatory: false },
};

/** Display names category_recommend matches item names against (sandbox data). */
const CATEGORY_WORDS: Record<number, string[]> = { 100001: ['lamp', 'light', 'home'], 100002: ['shirt', 'dress', 'tee', 'clothes'] };

function treeOf(world: ShopeeSandboxState, category: number): AttributeNode[] {
  const known = SANDBOX_ATTRIBUTE_TREES[category] ?? [];
  // A world category configured by a test without a published tree: its mandatory ids, free text.
  const extra = (world.options.categories[category] ?? []).filter((id) => !known.some((a) => a.attribute_id === id))
    .map((id): AttributeNode => ({ attribute_id: id, mandatory: true, name: `attribute_${id}`, attribute_value_list: [], attribute_info: { input_type: 3, input_validation_type: 2, format_type: 1 } }));
  return [...known, ...extra];
}

export function installRequirements(router: Router, world: ShopeeSandboxState, ctx: SandboxContext): void {
  // specs/shopee/v2.product.get_attribute_tree.json: category_id_list "max count is 20"; unknown ids → error_invalid_category.
  const tree = (req: { query: URLSearchParams }) => {
    const ids = (req.query.get('category_id_list') ?? '').split(',').filter(Boolean).map(Number);
    if (!ids.length || ids.length > 20 || ids.some((n) => !Number.isSafeInteger(n))) return fail('error_param', 'Wrong parameters, detail: category_id_list.');
    const unknown = ids.find((id) => !world.options.categories[id]);
    if (unknown !== undefined) return fail('error_invalid_category', `Invalid category ID ${unknown}`);
    return ok({ list: ids.map((id) => ({ category_id: id, attribute_tree: treeOf(world, id) })) });
  };
  route<Shop>(router, world, ctx, 'GET', '/api/v2/product/get_attribute_tree', tree);
  // specs/shopee/v2.global_product.get_attribute_tree.json (api_type Merchant): the same request, response and errors
  // (error_invalid_category "Invalid category ID"); the sandbox's global categories are its shop categories.
  route<Merchant>(router, world, ctx, 'GET', '/api/v2/global_product/get_attribute_tree', tree);

  // specs/shopee/v2.product.get_brand_list.json: page_size "Max=100"; the sandbox categories take no brand (is_mandatory false).
  route<Shop>(router, world, ctx, 'GET', '/api/v2/product/get_brand_list', (req) => {
    const size = Number(req.query.get('page_size'));
    if (!Number.isInteger(size) || size < 1 || size > 100) return fail('error_param', 'Wrong parameters, detail: page_size.');
    if (!world.options.categories[Number(req.query.get('category_id'))]) return fail('error_param', 'The information you queried is not found.');
    return ok({ brand_list: [], has_next_page: false, next_offset: 0, is_mandatory: false, input_type: 'DROP_DOWN' });
  });

  // specs/shopee/v2.global_product.get_brand_list.json (api_type Merchant): page_size limits [1, 100]; unknown category →
  // error_invalid_category "Invalid category ID" (its error_list and error_example). Sandbox categories take no brand.
  route<Merchant>(router, world, ctx, 'GET', '/api/v2/global_product/get_brand_list', (req) => {
    const size = Number(req.query.get('page_size'));
    if (!Number.isInteger(size) || size < 1 || size > 100) return fail('error_param', 'Wrong parameters, detail: page_size.');
    const category = Number(req.query.get('category_id'));
    if (!world.options.categories[category]) return fail('error_invalid_category', `Invalid category ID ${req.query.get('category_id') ?? ''}`);
    return ok({ brand_list: [], has_next_page: false, next_offset: 0, is_mandatory: false, input_type: 'DROP_DOWN' });
  });

  // specs/shopee/v2.global_product.get_global_item_limit.json (api_type Merchant): category_id optional; a category
  // it does not know → error_param "The information you queried is not found." (its error_list).
  route<Merchant>(router, world, ctx, 'GET', '/api/v2/global_product/get_global_item_limit', (req) => {
    const raw = req.query.get('category_id');
    if (raw !== null && !world.options.categories[Number(raw)]) return fail('error_param', 'The information you queried is not found.');
    return ok(SANDBOX_GLOBAL_ITEM_LIMIT);
  });

  // specs/shopee/v2.product.category_recommend.json: item_name required; category ids, best first.
  route<Shop>(router, world, ctx, 'GET', '/api/v2/product/category_recommend', (req) => {
    const name = (req.query.get('item_name') ?? '').toLowerCase();
    if (!name.trim()) return fail('error_param', 'Wrong parameters, detail: item_name is required.');
    const hits = Object.entries(CATEGORY_WORDS).filter(([id, words]) => world.options.categories[Number(id)] && words.some((w) => name.includes(w))).map(([id]) => Number(id));
    return ok({ category_id: hits });
  });
}
