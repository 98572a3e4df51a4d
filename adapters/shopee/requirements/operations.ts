import { z } from 'zod';
import { op } from '../../../src/http/operation.js';
import { RATE_PLANS } from '../rate-plans.js';
import { envelope } from '../schemas/common.js';

const product = { group: 'product', rate: RATE_PLANS.product } as const;
const Num = z.number().nullable().optional();
const Range = z.looseObject({ min_limit: Num, max_limit: Num }).nullable().optional();
const MultiLang = z.array(z.looseObject({ language: z.string().optional(), value: z.string().optional() })).nullable().optional();

/** specs/shopee/v2.product.get_attribute_tree.json response.list[].attribute_tree[] (child_attribute_list has the same shape). */
export interface AttributeNode {
  attribute_id: number;
  mandatory?: boolean | null;
  name?: string | null;
  attribute_value_list?: Array<{ value_id: number; name?: string | null; value_unit?: string | null; child_attribute_list?: AttributeNode[] | null; multi_lang?: z.infer<typeof MultiLang> }> | null;
  attribute_info?: {
    input_type?: number | null; input_validation_type?: number | null; format_type?: number | null;
    attribute_unit_list?: string[] | null; max_value_count?: number | null; introduction?: string | null;
  } | null;
  multi_lang?: z.infer<typeof MultiLang>;
}
const AttributeNodeSchema: z.ZodType<AttributeNode> = z.lazy(() => z.looseObject({
  attribute_id: z.number(),
  mandatory: z.boolean().nullable().optional(),
  name: z.string().nullable().optional(),
  attribute_value_list: z.array(z.looseObject({
    value_id: z.number(), name: z.string().nullable().optional(), value_unit: z.string().nullable().optional(),
    child_attribute_list: z.array(AttributeNodeSchema).nullable().optional(), multi_lang: MultiLang,
  })).nullable().optional(),
  attribute_info: z.looseObject({
    input_type: Num, input_validation_type: Num, format_type: Num, attribute_unit_list: z.array(z.string()).nullable().optional(),
    max_value_count: Num, introduction: z.string().nullable().optional(),
  }).nullable().optional(),
  multi_lang: MultiLang,
})) as z.ZodType<AttributeNode>;

export const AttributeTreeResponseSchema = envelope(z.looseObject({
  list: z.array(z.looseObject({ category_id: z.number(), attribute_tree: z.array(AttributeNodeSchema).nullable().optional(), warning: z.string().nullable().optional() })).default([]),
}).default({ list: [] }));
export type AttributeTreeResponse = z.infer<typeof AttributeTreeResponseSchema>;

/** specs/shopee/v2.product.get_brand_list.json response. */
export const BrandListResponseSchema = envelope(z.looseObject({
  brand_list: z.array(z.looseObject({ brand_id: z.number(), original_brand_name: z.string().optional(), display_brand_name: z.string().optional() })).nullable().optional(),
  has_next_page: z.boolean().optional(),
  next_offset: z.number().optional(),
  is_mandatory: z.boolean().optional(),
  input_type: z.string().optional(),
}).default({}));
export type BrandListResponse = z.infer<typeof BrandListResponseSchema>;

/** specs/shopee/v2.product.get_item_limit.json response (the limits requirements map). */
export const FullItemLimitResponseSchema = envelope(z.looseObject({
  item_name_length_limit: Range,
  item_image_count_limit: Range,
  item_description_length_limit: Range,
  weight_limit: z.looseObject({ weight_mandatory: z.boolean().nullable().optional() }).nullable().optional(),
  dimension_limit: z.looseObject({ dimension_mandatory: z.boolean().nullable().optional() }).nullable().optional(),
}).default({}));
export type FullItemLimitResponse = z.infer<typeof FullItemLimitResponseSchema>;

/**
 * specs/shopee/v2.global_product.get_global_item_limit.json response: the same ranges under global_item_*
 * names (text_length_multiplier: a Chinese character counts that many characters).
 */
export const GlobalItemLimitResponseSchema = envelope(z.looseObject({
  global_item_name_length_limit: Range,
  global_item_image_count_limit: Range,
  global_item_description_length_limit: Range,
  text_length_multiplier: Num,
  weight_limit: z.looseObject({ weight_mandatory: z.boolean().nullable().optional() }).nullable().optional(),
  dimension_limit: z.looseObject({ dimension_mandatory: z.boolean().nullable().optional() }).nullable().optional(),
}).default({}));
export type GlobalItemLimitResponse = z.infer<typeof GlobalItemLimitResponseSchema>;
const globalProduct = { group: 'global_product', rate: RATE_PLANS.global_product } as const;

/** specs/shopee/v2.product.category_recommend.json response.category_id: recommended ids, best first. */
export const CategoryRecommendResponseSchema = envelope(z.looseObject({ category_id: z.array(z.number()).default([]) }).default({ category_id: [] }));

/** Shop-signed GET reads behind listings.requirements (specs/shopee/v2.product.*.json, is_get_method). */
export const requirementOps = {
  /** category_id_list: "max count is 20" (request_params; the request sample spells it category_ids, the params table wins). */
  get_attribute_tree: op<{ query: { category_id_list: string; language?: string } }, AttributeTreeResponse>({
    id: 'get_attribute_tree', method: 'GET', path: '/api/v2/product/get_attribute_tree', ...product, idempotent: true, response: AttributeTreeResponseSchema,
  }),
  /**
   * Merchant-signed (CNSC) tree of a global category: same request and response shape, plus
   * attribute_info.mandatory_region "Attribute is mandatory for these regions"
   * (specs/shopee/v2.global_product.get_attribute_tree.json).
   */
  get_global_attribute_tree: op<{ query: { category_id_list: string; language?: string } }, AttributeTreeResponse>({
    id: 'get_global_attribute_tree', method: 'GET', path: '/api/v2/global_product/get_attribute_tree', group: 'global_product', rate: RATE_PLANS.global_product, idempotent: true, response: AttributeTreeResponseSchema,
  }),
  /** page_size "Max=100"; status 1 = normal brand. */
  get_brand_list: op<{ query: { offset: number; page_size: number; category_id: number; status: number; language?: string } }, BrandListResponse>({
    id: 'get_brand_list', method: 'GET', path: '/api/v2/product/get_brand_list', ...product, idempotent: true, response: BrandListResponseSchema,
  }),
  /** Merchant-signed (CNSC): same request and response as get_brand_list (specs/shopee/v2.global_product.get_brand_list.json). */
  get_global_brand_list: op<{ query: { offset: number; page_size: number; category_id: number; status: number } }, BrandListResponse>({
    id: 'get_global_brand_list', method: 'GET', path: '/api/v2/global_product/get_brand_list', ...globalProduct, idempotent: true, response: BrandListResponseSchema,
  }),
  /** Merchant-signed (CNSC); category_id optional (specs/shopee/v2.global_product.get_global_item_limit.json). */
  get_global_item_limit: op<{ query: { category_id: number } }, GlobalItemLimitResponse>({
    id: 'get_global_item_limit', method: 'GET', path: '/api/v2/global_product/get_global_item_limit', ...globalProduct, idempotent: true, response: GlobalItemLimitResponseSchema,
  }),
  get_item_limit: op<{ query: { category_id: number } }, FullItemLimitResponse>({
    id: 'get_item_limit', method: 'GET', path: '/api/v2/product/get_item_limit', ...product, idempotent: true, response: FullItemLimitResponseSchema,
  }),
  category_recommend: op<{ query: { item_name: string } }, z.infer<typeof CategoryRecommendResponseSchema>>({
    id: 'category_recommend', method: 'GET', path: '/api/v2/product/category_recommend', ...product, idempotent: true, response: CategoryRecommendResponseSchema,
  }),
};
