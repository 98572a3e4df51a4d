import { op } from '../../../src/http/operation.js';
import { RATE_PLANS } from '../rate-plans.js';
import { BareEnvelope } from '../schemas/common.js';
import {
  AddItemResponseSchema, AddModelResponseSchema, InitTierResponseSchema, ItemBaseInfoResponseSchema, ItemLimitResponseSchema, ItemListResponseSchema, ModelListResponseSchema,
  SearchItemResponseSchema, UpdateListResponseSchema,
  type AddItemResponse, type AddModelResponse, type InitTierResponse, type ItemBaseInfoResponse, type ItemLimitResponse, type ItemListResponse, type ModelListResponse,
  type SearchItemResponse, type UpdateListResponse,
} from '../schemas/product.js';
import type { AddItemBody, AddModelBody, InitTierBody, SellerStock, UpdateItemBody, UpdateTierBody } from '../schemas/requests.js';

const product = { group: 'product', rate: RATE_PLANS.product } as const;

/** Shop-signed product operations (local shops and non-upgraded cross-border shops). */
export const productOps = {
  /** Not idempotent: a replay is preceded by a lookup by item_sku (verify bound in listings). */
  add_item: op<{ body: AddItemBody }, AddItemResponse>({ id: 'add_item', method: 'POST', path: '/api/v2/product/add_item', ...product, idempotent: false, response: AddItemResponseSchema }),
  update_item: op<{ body: UpdateItemBody }, BareEnvelope>({ id: 'update_item', method: 'POST', path: '/api/v2/product/update_item', ...product, idempotent: true, response: BareEnvelope }),
  delete_item: op<{ body: { item_id: number } }, BareEnvelope>({ id: 'delete_item', method: 'POST', path: '/api/v2/product/delete_item', ...product, idempotent: false, response: BareEnvelope }),
  init_tier_variation: op<{ body: InitTierBody }, InitTierResponse>({ id: 'init_tier_variation', method: 'POST', path: '/api/v2/product/init_tier_variation', ...product, idempotent: false, response: InitTierResponseSchema }),
  /** Not idempotent: a replay first re-reads the item's models (verify bound in variants.ts). */
  add_model: op<{ body: AddModelBody }, AddModelResponse>({ id: 'add_model', method: 'POST', path: '/api/v2/product/add_model', ...product, idempotent: false, response: AddModelResponseSchema }),
  /** The whole option lists and model indexes (absolute): replaying sets the same structure again. */
  update_tier_variation: op<{ body: UpdateTierBody }, BareEnvelope>({
    id: 'update_tier_variation', method: 'POST', path: '/api/v2/product/update_tier_variation', ...product, idempotent: true, response: BareEnvelope,
  }),
  /** Absolute values: replaying sets the same price/stock again. */
  update_price: op<{ body: { item_id: number; price_list: Array<{ model_id: number; original_price: number }> } }, UpdateListResponse>({
    id: 'update_price', method: 'POST', path: '/api/v2/product/update_price', ...product, idempotent: true, response: UpdateListResponseSchema,
  }),
  update_stock: op<{ body: { item_id: number; stock_list: Array<{ model_id: number; seller_stock: SellerStock[] }> } }, UpdateListResponse>({
    id: 'update_stock', method: 'POST', path: '/api/v2/product/update_stock', ...product, idempotent: true, response: UpdateListResponseSchema,
  }),
  get_item_base_info: op<{ query: { item_id_list: string } }, ItemBaseInfoResponse>({
    id: 'get_item_base_info', method: 'GET', path: '/api/v2/product/get_item_base_info', ...product, idempotent: true, response: ItemBaseInfoResponseSchema,
  }),
  get_item_list: op<{ query: { offset: number; page_size: number; item_status: string[]; update_time_from?: number; update_time_to?: number } }, ItemListResponse>({
    id: 'get_item_list', method: 'GET', path: '/api/v2/product/get_item_list', ...product, idempotent: true, response: ItemListResponseSchema,
  }),
  search_item: op<{ query: { page_size: number; item_sku?: string; item_name?: string; offset?: string; item_status?: string[] } }, SearchItemResponse>({
    id: 'search_item', method: 'GET', path: '/api/v2/product/search_item', ...product, idempotent: true, response: SearchItemResponseSchema,
  }),
  /** With category_id: the category's limits, among them dts_limit (days to ship). */
  get_item_limit: op<{ query: { category_id?: number } }, ItemLimitResponse>({
    id: 'get_item_limit', method: 'GET', path: '/api/v2/product/get_item_limit', ...product, idempotent: true, response: ItemLimitResponseSchema,
  }),
  get_model_list: op<{ query: { item_id: number } }, ModelListResponse>({
    id: 'get_model_list', method: 'GET', path: '/api/v2/product/get_model_list', ...product, idempotent: true, response: ModelListResponseSchema,
  }),
};
export type ProductOps = typeof productOps;
