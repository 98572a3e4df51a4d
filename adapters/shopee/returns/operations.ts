import { z } from 'zod';
import { op } from '../../../src/http/operation.js';
import { groupOfPath, RATE_PLANS } from '../rate-plans.js';
import { envelope, Id, Num } from '../schemas/common.js';

/** The sandbox and the limiter group /api/v2/returns/* the same way (rate-plans.ts groupOfPath). */
const returns = { group: groupOfPath('/api/v2/returns/x'), rate: RATE_PLANS[groupOfPath('/api/v2/returns/x')] } as const;

/** One return/refund request, as get_return_list and get_return_detail answer it (specs/shopee/v2.returns.get_return_detail.json response_params). */
export const ShopeeReturnWire = z.looseObject({
  return_sn: z.union([z.string(), z.number()]).transform(String),
  order_sn: z.string(),
  status: z.string(),
  reason: z.string().optional(),
  text_reason: z.string().optional(),
  refund_amount: Num.optional(),
  currency: z.string(),
  create_time: z.number(),
  update_time: z.number(),
  due_date: z.number().optional(),
  return_seller_due_date: z.number().optional(),
  tracking_number: z.string().optional(),
  needs_logistics: z.boolean().optional(),
  return_solution: z.number().optional(),
  logistics_status: z.string().optional(),
  reverse_logistics_status: z.string().optional(),
  reverse_logistics_channel_name: z.string().optional(),
  negotiation: z.looseObject({ negotiation_status: z.string().optional(), latest_offer_amount: Num.optional(), offer_due_date: z.number().optional() }).optional(),
  item: z.array(z.looseObject({
    item_id: Id,
    model_id: Id.optional(),
    amount: z.number().int(),
    item_price: Num.optional(),
    refund_amount: Num.optional(),
    item_sku: z.string().optional(),
    variation_sku: z.string().optional(),
  })).default([]),
});
export type ShopeeReturnWire = z.infer<typeof ShopeeReturnWire>;

/** get_return_list answer: `more` and the page of records (parsed one by one, leniently). */
export const ReturnListResponse = envelope(z.looseObject({ more: z.boolean().default(false), return: z.array(z.unknown()).default([]) }));
export type ReturnListResponse = z.infer<typeof ReturnListResponse>;
/** get_return_detail answer: one record. */
export const ReturnDetailResponse = envelope(ShopeeReturnWire);
export type ReturnDetailResponse = z.infer<typeof ReturnDetailResponse>;
const SnResponse = envelope(z.looseObject({ return_sn: z.union([z.string(), z.number()]).optional() }).optional());
type SnResponse = z.infer<typeof SnResponse>;

/** get_return_list query (specs/shopee/v2.returns.get_return_list.json request_params). */
export type ReturnListQueryWire = {
  page_no: number;
  page_size: number;
  update_time_from?: number;
  update_time_to?: number;
  status?: string;
};

/** Shop-signed returns operations (specs/shopee/v2.returns.*.json: method 2 = GET, 1 = POST). */
export const returnOps = {
  get_return_list: op<{ query: ReturnListQueryWire }, ReturnListResponse>({
    id: 'get_return_list', method: 'GET', path: '/api/v2/returns/get_return_list', ...returns, idempotent: true, response: ReturnListResponse,
  }),
  get_return_detail: op<{ query: { return_sn: string } }, ReturnDetailResponse>({
    id: 'get_return_detail', method: 'GET', path: '/api/v2/returns/get_return_detail', ...returns, idempotent: true, response: ReturnDetailResponse,
  }),
  /** "Confirm refund" (specs/shopee/v2.returns.confirm.json): the seller agrees to the buyer's request. */
  confirm: op<{ body: { return_sn: string } }, SnResponse>({
    id: 'returns_confirm', method: 'POST', path: '/api/v2/returns/confirm', ...returns, idempotent: false, response: SnResponse,
  }),
  /** A counter-offer (specs/shopee/v2.returns.offer.json): proposed_solution + proposed_adjusted_refund_amount. */
  offer: op<{ body: { return_sn: string; proposed_solution: string; proposed_adjusted_refund_amount?: number } }, SnResponse>({
    id: 'returns_offer', method: 'POST', path: '/api/v2/returns/offer', ...returns, idempotent: false, response: SnResponse,
  }),
};
