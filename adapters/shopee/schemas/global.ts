import { z } from 'zod';
import { Id, Num, envelope } from './common.js';

export const AddGlobalItemResponseSchema = envelope(z.looseObject({ global_item_id: Id }));
export type AddGlobalItemResponse = z.infer<typeof AddGlobalItemResponseSchema>;

export const GlobalItemListResponseSchema = envelope(
  z.looseObject({
    global_item_list: z.array(z.looseObject({ global_item_id: Id, update_time: z.number().optional() })).default([]),
    total_count: z.number().optional(),
    has_next_page: z.boolean().default(false),
    offset: z.union([z.string(), z.number()]).optional(),
  }).default({ global_item_list: [], has_next_page: false }),
);
export type GlobalItemListResponse = z.infer<typeof GlobalItemListResponseSchema>;

const StockInfo = z.looseObject({ stock_location_id: z.string().optional(), normal_stock: z.number().optional(), reserved_stock: z.number().optional(), current_stock: z.number().optional() });

export const GlobalItemInfoSchema = z.looseObject({
  global_item_id: Id,
  global_item_name: z.string().optional(),
  global_item_sku: z.string().optional(),
  global_item_status: z.string().optional(),
  has_model: z.boolean().optional(),
  price_info: z.array(z.looseObject({ currency: z.string().optional(), original_price: Num.optional() })).optional(),
  stock_info: z.array(StockInfo).optional(),
});
export type GlobalItemInfo = z.infer<typeof GlobalItemInfoSchema>;

export const GlobalItemInfoResponseSchema = envelope(z.looseObject({ global_item_list: z.array(GlobalItemInfoSchema).default([]) }).default({ global_item_list: [] }));
export type GlobalItemInfoResponse = z.infer<typeof GlobalItemInfoResponseSchema>;

export const GlobalModelListResponseSchema = envelope(
  z.looseObject({
    /** specs/shopee/v2.global_product.get_global_model_list.json tier_variation (options with their images). */
    tier_variation: z.array(z.looseObject({
      name: z.string().optional(),
      option_list: z.array(z.looseObject({ option: z.string().optional(), image: z.looseObject({ image_id: z.string().optional() }).optional().nullable() })).default([]),
    })).default([]),
    global_model: z
      .array(z.looseObject({ global_model_id: Id, global_model_sku: z.string().optional(), tier_index: z.array(z.number()).default([]), stock_info: z.array(StockInfo).optional() }))
      .default([]),
  }).default({ tier_variation: [], global_model: [] }),
);
export type GlobalModelListResponse = z.infer<typeof GlobalModelListResponseSchema>;

export const CreatePublishTaskResponseSchema = envelope(z.looseObject({ publish_task_id: Id }));
export type CreatePublishTaskResponse = z.infer<typeof CreatePublishTaskResponseSchema>;

export const PublishTaskResultResponseSchema = envelope(
  z.looseObject({
    publish_status: z.string(),
    success: z.looseObject({ region: z.string().optional(), shop_id: Id.optional(), item_id: Id.optional() }).optional().nullable(),
    failed: z.looseObject({ failed_reason: z.string().optional() }).optional().nullable(),
  }),
);
export type PublishTaskResultResponse = z.infer<typeof PublishTaskResultResponseSchema>;

export const PublishedListResponseSchema = envelope(
  z.looseObject({
    published_item: z.array(z.looseObject({ shop_id: Id, shop_region: z.string().optional(), item_id: Id, item_status: z.number().optional() })).default([]),
  }).default({ published_item: [] }),
);
export type PublishedListResponse = z.infer<typeof PublishedListResponseSchema>;

/** get_shop_list_by_merchant answers flat, without `response` (sample). */
export const ShopListByMerchantSchema = z.looseObject({
  request_id: z.string().optional(),
  shop_list: z.array(z.looseObject({ shop_id: Id })).default([]),
  more: z.boolean().default(false),
});
export type ShopListByMerchant = z.infer<typeof ShopListByMerchantSchema>;
