import { z } from 'zod';
import { Id, Num, SuccessFailure, envelope } from './common.js';

export const AddItemResponseSchema = envelope(z.looseObject({ item_id: Id }));
export type AddItemResponse = z.infer<typeof AddItemResponseSchema>;

const PriceInfo = z.looseObject({ currency: z.string().optional(), original_price: Num.optional(), current_price: Num.optional() });
const StockInfoV2 = z.looseObject({
  summary_info: z.looseObject({ total_reserved_stock: z.number().optional(), total_available_stock: z.number().optional() }).optional(),
  seller_stock: z.array(z.looseObject({ location_id: z.string().optional(), stock: Num.optional() })).optional(),
  shopee_stock: z.array(z.looseObject({ location_id: z.string().optional(), stock: Num.optional() })).optional(),
});

export const ItemBaseInfoSchema = z.looseObject({
  item_id: Id,
  category_id: z.number().optional(),
  item_name: z.string().optional(),
  description: z.string().optional(),
  item_sku: z.string().optional(),
  create_time: z.number().optional(),
  update_time: z.number().optional(),
  price_info: z.array(PriceInfo).optional(),
  image: z.looseObject({ image_id_list: z.array(z.string()).optional(), image_url_list: z.array(z.string()).optional() }).optional(),
  item_status: z.string().optional(),
  has_model: z.boolean().optional(),
  stock_info_v2: StockInfoV2.optional(),
});
export type ItemBaseInfo = z.infer<typeof ItemBaseInfoSchema>;

export const ItemBaseInfoResponseSchema = envelope(z.looseObject({ item_list: z.array(ItemBaseInfoSchema).default([]) }));
export type ItemBaseInfoResponse = z.infer<typeof ItemBaseInfoResponseSchema>;

export const SearchItemResponseSchema = envelope(
  z.looseObject({ item_id_list: z.array(Id).default([]), total_count: z.number().optional(), next_offset: z.union([z.string(), z.number()]).optional() }).default({ item_id_list: [] }),
);
export type SearchItemResponse = z.infer<typeof SearchItemResponseSchema>;

export const ItemListResponseSchema = envelope(
  z.looseObject({
    item: z.array(z.looseObject({ item_id: Id, item_status: z.string().optional(), update_time: z.number().optional() })).default([]),
    total_count: z.number().optional(),
    has_next_page: z.boolean().default(false),
    next_offset: z.number().optional(),
  }).default({ item: [], has_next_page: false }),
);
export type ItemListResponse = z.infer<typeof ItemListResponseSchema>;

export const ModelSchema = z.looseObject({
  model_id: Id,
  tier_index: z.array(z.number()).default([]),
  model_sku: z.string().optional(),
  model_status: z.string().optional(),
  price_info: z.array(PriceInfo).optional(),
  stock_info_v2: StockInfoV2.optional(),
});
export type Model = z.infer<typeof ModelSchema>;

export const ModelListResponseSchema = envelope(
  z.looseObject({
    tier_variation: z.array(z.looseObject({
      name: z.string().optional(),
      // option image (specs/shopee/v2.product.get_model_list.json tier_variation[].option_list[].image): kept when options are extended.
      option_list: z.array(z.looseObject({ option: z.string().optional(), image: z.looseObject({ image_id: z.string().optional() }).optional().nullable() })).default([]),
    })).default([]),
    model: z.array(ModelSchema).default([]),
  }).default({ tier_variation: [], model: [] }),
);
export type ModelListResponse = z.infer<typeof ModelListResponseSchema>;

export const InitTierResponseSchema = envelope(
  z.looseObject({ item_id: Id.optional(), model: z.array(z.looseObject({ model_id: Id, model_sku: z.string().optional(), tier_index: z.array(z.number()).optional() })).default([]) }).optional(),
);
export type InitTierResponse = z.infer<typeof InitTierResponseSchema>;

export const AddModelResponseSchema = envelope(
  z.looseObject({ model: z.array(z.looseObject({ model_id: Id, model_sku: z.string().optional(), tier_index: z.array(z.number()).optional() })).default([]) }).default({ model: [] }),
);
export type AddModelResponse = z.infer<typeof AddModelResponseSchema>;

/** update_price / update_stock: partial success is normal (failure_list). */
export const UpdateListResponseSchema = envelope(SuccessFailure.optional());
export type UpdateListResponse = z.infer<typeof UpdateListResponseSchema>;

/** specs/shopee/v2.product.get_item_limit.json (with category_id): dts_limit is the category's days-to-ship rule. */
export const ItemLimitResponseSchema = envelope(
  z.looseObject({
    dts_limit: z.looseObject({
      days_to_ship_limit: z.looseObject({ min_limit: z.number().optional(), max_limit: z.number().optional() }).nullable().optional(),
      non_pre_order_days_to_ship: z.number().nullable().optional(),
    }).nullable().optional(),
  }).default({}),
);
export type ItemLimitResponse = z.infer<typeof ItemLimitResponseSchema>;
export type DtsLimit = NonNullable<ItemLimitResponse['response']['dts_limit']>;
