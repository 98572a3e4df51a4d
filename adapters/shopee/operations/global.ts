import { op } from '../../../src/http/operation.js';
import { losslessJson } from '../lossless-json.js';
import { RATE_PLANS } from '../rate-plans.js';
import { BareEnvelope } from '../schemas/common.js';
import {
  AddGlobalItemResponseSchema, CreatePublishTaskResponseSchema, GlobalItemInfoResponseSchema, GlobalItemListResponseSchema,
  GlobalModelListResponseSchema, PublishTaskResultResponseSchema, PublishedListResponseSchema, ShopListByMerchantSchema,
  type AddGlobalItemResponse, type CreatePublishTaskResponse, type GlobalItemInfoResponse, type GlobalItemListResponse,
  type GlobalModelListResponse, type PublishTaskResultResponse, type PublishedListResponse, type ShopListByMerchant,
} from '../schemas/global.js';
import type { AddGlobalItemBody, AddGlobalModelBody, GlobalInitTierBody, GlobalUpdateTierBody, PublishTaskBody, SellerStock } from '../schemas/requests.js';

const global = { group: 'global_product', rate: RATE_PLANS.global_product } as const;

/** Merchant-signed CNSC/KRSC operations (partner_id + path + timestamp + access_token + merchant_id). */
export const globalOps = {
  add_global_item: op<{ body: AddGlobalItemBody }, AddGlobalItemResponse>({
    id: 'add_global_item', method: 'POST', path: '/api/v2/global_product/add_global_item', ...global, idempotent: false, response: AddGlobalItemResponseSchema,
  }),
  update_global_item: op<{ body: { global_item_id: number; global_item_name?: string; description?: string; global_item_sku?: string } }, BareEnvelope>({
    id: 'update_global_item', method: 'POST', path: '/api/v2/global_product/update_global_item', ...global, idempotent: true, response: BareEnvelope,
  }),
  delete_global_item: op<{ body: { global_item_id: number } }, BareEnvelope>({
    id: 'delete_global_item', method: 'POST', path: '/api/v2/global_product/delete_global_item', ...global, idempotent: false, response: BareEnvelope,
  }),
  init_tier_variation: op<{ body: GlobalInitTierBody }, BareEnvelope>({
    id: 'global_init_tier_variation', method: 'POST', path: '/api/v2/global_product/init_tier_variation', ...global, idempotent: false, response: BareEnvelope,
  }),
  /** Not idempotent: a replay first re-reads the global models (verify bound in global-variants.ts). */
  add_global_model: op<{ body: AddGlobalModelBody }, BareEnvelope>({
    id: 'add_global_model', method: 'POST', path: '/api/v2/global_product/add_global_model', ...global, idempotent: false, response: BareEnvelope,
  }),
  /** The whole option lists and model indexes (absolute): replaying sets the same structure again. */
  update_tier_variation: op<{ body: GlobalUpdateTierBody }, BareEnvelope>({
    id: 'global_update_tier_variation', method: 'POST', path: '/api/v2/global_product/update_tier_variation', ...global, idempotent: true, response: BareEnvelope,
  }),
  update_price: op<{ body: { global_item_id: number; price_list: Array<{ global_model_id: number; original_price: number }> } }, BareEnvelope>({
    id: 'global_update_price', method: 'POST', path: '/api/v2/global_product/update_price', ...global, idempotent: true, response: BareEnvelope,
  }),
  update_stock: op<{ body: { global_item_id: number; stock_list: Array<{ global_model_id: number; seller_stock: SellerStock[] }> } }, BareEnvelope>({
    id: 'global_update_stock', method: 'POST', path: '/api/v2/global_product/update_stock', ...global, idempotent: true, response: BareEnvelope,
  }),
  get_global_item_list: op<{ query: { page_size: number; offset?: string; update_time_from?: number; update_time_to?: number } }, GlobalItemListResponse>({
    id: 'get_global_item_list', method: 'GET', path: '/api/v2/global_product/get_global_item_list', ...global, idempotent: true, response: GlobalItemListResponseSchema,
  }),
  get_global_item_info: op<{ query: { global_item_id_list: string } }, GlobalItemInfoResponse>({
    id: 'get_global_item_info', method: 'GET', path: '/api/v2/global_product/get_global_item_info', ...global, idempotent: true, response: GlobalItemInfoResponseSchema,
  }),
  get_global_model_list: op<{ query: { global_item_id: number } }, GlobalModelListResponse>({
    id: 'get_global_model_list', method: 'GET', path: '/api/v2/global_product/get_global_model_list', ...global, idempotent: true, response: GlobalModelListResponseSchema,
  }),
  /** publish_task_id exceeds 2^53 in the docs' sample: the body is read as text and parsed losslessly. */
  create_publish_task: op<{ body: PublishTaskBody }, CreatePublishTaskResponse>({
    id: 'create_publish_task', method: 'POST', path: '/api/v2/global_product/create_publish_task', ...global, idempotent: false,
    responseType: 'text', response: losslessJson(CreatePublishTaskResponseSchema) as never,
  }),
  get_publish_task_result: op<{ query: { publish_task_id: string } }, PublishTaskResultResponse>({
    id: 'get_publish_task_result', method: 'GET', path: '/api/v2/global_product/get_publish_task_result', ...global, idempotent: true,
    responseType: 'text', response: losslessJson(PublishTaskResultResponseSchema) as never,
  }),
  get_published_list: op<{ query: { global_item_id: number; shop_id_list?: string } }, PublishedListResponse>({
    id: 'get_published_list', method: 'GET', path: '/api/v2/global_product/get_published_list', ...global, idempotent: true, response: PublishedListResponseSchema,
  }),
  get_shop_list_by_merchant: op<{ query: { page_no: number; page_size: number } }, ShopListByMerchant>({
    id: 'get_shop_list_by_merchant', method: 'GET', path: '/api/v2/merchant/get_shop_list_by_merchant', group: 'merchant', rate: RATE_PLANS.merchant,
    idempotent: true, response: ShopListByMerchantSchema,
  }),
};
export type GlobalOps = typeof globalOps;
