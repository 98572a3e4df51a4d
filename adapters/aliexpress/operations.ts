import { z } from 'zod';
import { op } from '../../src/http/operation.js';
import type { RatePlan } from '../../src/http/rate-plan.js';
import { TokenResponseSchema, type TokenResponse } from './tokens.js';

/** System interfaces live under /rest<api path>; the API path (without /rest) prefixes the string to sign. */
export const SYSTEM_PREFIX = '/rest';
/** Business interfaces: one path, the API name in `method`. */
export const BUSINESS_PATH = '/sync';

/**
 * Published per-API limits are piecemeal (research B5: product.info.get 80 QPS, schema writes
 * 25/seller); the documented recommendation is ≤20 QPS per seller, so every group starts there.
 */
export const RATE_PLANS = {
  auth: { perSecond: 2, burst: 5 },
  order: { perSecond: 20, burst: 20 },
  product: { perSecond: 20, burst: 20 },
  logistics: { perSecond: 10, burst: 10 },
} as const satisfies Record<string, RatePlan>;

/** `{ "<method with _>_response": inner }` → inner (research B4). */
export function envelope<S extends z.ZodType>(method: string, inner: S) {
  const key = `${method.replace(/\./g, '_')}_response`;
  return z.looseObject({ [key]: inner }).transform((v) => (v as Record<string, z.output<S>>)[key]!);
}

/**
 * Arrays arrive plain, or (TOP style, `simplify` unset) wrapped in an object named after the
 * element type, e.g. `target_list: { order_dto: [...] }` (research B1): both are accepted.
 */
export const listOf = z.unknown().transform((v): unknown[] => {
  if (Array.isArray(v)) return v;
  if (v && typeof v === 'object') {
    const arrays = Object.values(v).filter(Array.isArray);
    if (arrays.length === 1) return arrays[0] as unknown[];
  }
  return [];
});

const num = z.union([z.number(), z.string().regex(/^-?\d+$/).transform(Number)]);

const OrderPage = z.looseObject({
  total_count: num.optional(), total_page: num.optional(), current_page: num.optional(), page_size: num.optional(),
  target_list: listOf.optional(),
});
const OrderDetail = z.looseObject({ data: z.looseObject({}).optional() });
const ProductList = z.looseObject({
  product_count: num.optional(), current_page: num.optional(), total_page: num.optional(),
  aeop_a_e_product_display_d_t_o_list: listOf.optional(),
});
const BatchUpdate = z.looseObject({
  update_success: z.boolean().optional(), update_error_code: z.string().optional(), update_error_message: z.string().optional(),
  update_failed_list: listOf.optional(), update_successful_list: listOf.optional(),
});

type Form<T extends string = string> = { body: Record<T, string> };
const biz = <Req extends Form, S extends z.ZodType>(method: string, group: keyof typeof RATE_PLANS, idempotent: boolean, inner: S) =>
  op<Req, z.output<S>>({ id: method, method: 'POST', path: BUSINESS_PATH, group, rate: RATE_PLANS[group], idempotent, bodyType: 'form', response: envelope(method, inner) });

export const M = {
  orderGet: 'aliexpress.solution.order.get',
  orderInfo: 'aliexpress.solution.order.info.get',
  fulfill: 'aliexpress.solution.order.fulfill',
  productPost: 'aliexpress.solution.product.post',
  productEdit: 'aliexpress.solution.product.edit',
  productInfo: 'aliexpress.solution.product.info.get',
  productList: 'aliexpress.solution.product.list.get',
  inventory: 'aliexpress.solution.batch.product.inventory.update',
  price: 'aliexpress.solution.batch.product.price.update',
  productDelete: 'aliexpress.solution.batch.product.delete',
  logisticsServices: 'aliexpress.logistics.redefining.listlogisticsservice',
  skuAttributes: 'aliexpress.solution.sku.attribute.query',
  photobankUpload: 'aliexpress.photobank.redefining.uploadimageforsdk',
} as const;

/** listlogisticsservice: `result_list[]{service_name, display_name, logistics_company, ...}`, `result_success` (research B4 Fulfilment, S15/S18). */
const LogisticsServices = z.looseObject({
  result_list: listOf.optional(), result_success: z.boolean().optional(), error_desc: z.string().optional(),
  result: z.looseObject({ result_list: listOf.optional() }).optional(),
});
/** sku.attribute.query result (specs/aliexpress/aliexpress_solution_sku_attribute_query.json#responseParams). */
const SkuAttributes = z.looseObject({ result: z.looseObject({ supporting_sku_attribute_list: listOf.optional(), supporting_common_attribute_list: listOf.optional() }).optional() });
/** uploadimageforsdk answers the photobank URL to use in product APIs (specs/aliexpress/photobank.md). */
const PhotobankUpload = z.looseObject({
  result: z.looseObject({ photobank_url: z.string().optional(), success: z.boolean().optional(), error_code: z.string().optional(), error_message: z.string().optional() }).optional(),
  photobank_url: z.string().optional(),
});

/** System (token) operations, signed with the app secret only. */
export const systemOps = {
  createToken: op<Form<'code'>, TokenResponse>({ id: 'auth.token.create', method: 'POST', path: `${SYSTEM_PREFIX}/auth/token/create`, group: 'auth', rate: RATE_PLANS.auth, idempotent: false, retry: false, bodyType: 'form', response: TokenResponseSchema }),
  /** Never replayed: a refresh whose answer was lost must not be re-sent blindly. */
  refreshToken: op<Form<'refresh_token'>, TokenResponse>({ id: 'auth.token.refresh', method: 'POST', path: `${SYSTEM_PREFIX}/auth/token/refresh`, group: 'auth', rate: RATE_PLANS.auth, idempotent: false, retry: false, bodyType: 'form', response: TokenResponseSchema }),
};

/** Seller (token-signed) business operations used by the adapter; params from the TOP metadata (research D). */
export const sellerOps = {
  orderGet: biz<Form<'param0'>, z.ZodType<{ result: z.output<typeof OrderPage> }>>(M.orderGet, 'order', true, z.looseObject({ result: OrderPage })),
  orderInfo: biz<Form<'param1'>, z.ZodType<{ result: z.output<typeof OrderDetail> }>>(M.orderInfo, 'order', true, z.looseObject({ result: OrderDetail })),
  /** Not idempotent: the fulfilment service binds a verify step that re-reads the order's logistics. */
  fulfill: biz<{ body: Record<'service_name' | 'out_ref' | 'send_type' | 'logistics_no', string> & { tracking_website?: string } }, z.ZodType<{ result?: { result_success?: boolean } }>>(
    M.fulfill, 'logistics', false, z.looseObject({ result: z.looseObject({ result_success: z.boolean().optional() }).optional() }),
  ),
  productPost: biz<Form<'post_product_request'>, z.ZodType<{ result: { product_id: number } }>>(M.productPost, 'product', false, z.looseObject({ result: z.looseObject({ product_id: num }) })),
  productEdit: biz<Form<'edit_product_request'>, z.ZodType<{ result?: { product_id?: number } }>>(M.productEdit, 'product', true, z.looseObject({ result: z.looseObject({ product_id: num.optional() }).optional() })),
  productInfo: biz<Form<'product_id'>, z.ZodType<{ result: Record<string, unknown> }>>(M.productInfo, 'product', true, z.looseObject({ result: z.looseObject({}) })),
  productList: biz<Form<'aeop_a_e_product_list_query'>, z.ZodType<{ result: z.output<typeof ProductList> }>>(M.productList, 'product', true, z.looseObject({ result: ProductList })),
  inventoryUpdate: biz<Form<'mutiple_product_update_list'>, typeof BatchUpdate>(M.inventory, 'product', true, BatchUpdate),
  priceUpdate: biz<Form<'mutiple_product_update_list'>, typeof BatchUpdate>(M.price, 'product', true, BatchUpdate),
  /** The services a shipment may be declared with (service_name codes); read once per adapter. */
  logisticsServices: biz<Form, typeof LogisticsServices>(M.logisticsServices, 'logistics', true, LogisticsServices),
  /** SKU (variation) and common attribute ids of a category. */
  skuAttributes: biz<Form<'query_sku_attribute_info_request'>, typeof SkuAttributes>(M.skuAttributes, 'product', true, SkuAttributes),
  /**
   * One image into the seller's photobank: `image_bytes` as a multipart part (≤3 MB), `file_name`,
   * optional `group_id` (specs/aliexpress/photobank.md). Not idempotent (a replay stores a second
   * copy), so it is never retried blindly; images are de-duplicated by content hash beforehand.
   */
  photobankUpload: op<{ query: Record<'file_name', string> & { group_id?: string }; body: Buffer; headers: Record<string, string> }, z.output<typeof PhotobankUpload>>({
    id: M.photobankUpload, method: 'POST', path: BUSINESS_PATH, group: 'product', rate: RATE_PLANS.product, idempotent: false, retry: false, bodyType: 'raw',
    response: envelope(M.photobankUpload, PhotobankUpload),
  }),
  /** The stored metadata documents no response fields: the outcome is proven by re-reading. */
  productDelete: biz<Form<'product_ids'>, z.ZodType<unknown>>(M.productDelete, 'product', true, z.unknown()),
};
export type SellerOps = typeof sellerOps;
export type SystemOps = typeof systemOps;
