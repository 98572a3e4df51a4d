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
  return_refund_request_type: z.number().optional(),
  validation_type: z.string().optional(),
  negotiation: z.looseObject({
    negotiation_status: z.string().optional(), latest_solution: z.string().optional(), latest_offer_amount: Num.optional(),
    latest_offer_creator: z.string().optional(), offer_due_date: z.number().optional(),
  }).optional(),
  seller_proof: z.looseObject({ seller_proof_status: z.string().optional(), seller_evidence_deadline: z.number().optional() }).optional(),
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

/** get_available_solutions answer (specs/shopee/v2.returns.get_available_solutions.json response). */
const Solution = z.looseObject({ eligibility: z.boolean().optional(), refund_amount_adjustable: z.boolean().optional(), max_refund_amount: Num.optional(), min_refund_amount: Num.optional() });
export const SolutionsResponse = envelope(z.looseObject({ return_sn: z.union([z.string(), z.number()]).optional(), offer_return_refund: Solution.optional(), offer_refund: Solution.optional() }));
export type SolutionsResponse = z.infer<typeof SolutionsResponse>;

/** get_reverse_tracking_info answer (specs/shopee/v2.returns.get_reverse_tracking_info.json response). */
const TrackingEvent = z.looseObject({ update_time: z.number().optional(), tracking_description: z.string().optional() });
export const ReverseTrackingWire = z.looseObject({
  return_sn: z.union([z.string(), z.number()]).optional(),
  return_refund_request_type: z.number().optional(),
  validation_type: z.string().optional(),
  reverse_logistics_status: z.string().optional(),
  reverse_logistics_update_time: z.number().optional(),
  tracking_number: z.string().optional(),
  tracking_info: z.array(TrackingEvent).default([]),
  post_return_logistics_status: z.string().optional(),
  rts_tracking_number: z.string().optional(),
  post_return_logistics_tracking_info: z.array(TrackingEvent).default([]),
});
export type ReverseTrackingWire = z.infer<typeof ReverseTrackingWire>;
const ReverseTrackingResponse = envelope(ReverseTrackingWire);
type ReverseTrackingResponse = z.infer<typeof ReverseTrackingResponse>;

/** get_return_dispute_reason answer (specs/shopee/v2.returns.get_return_dispute_reason.json response). */
export const DisputeReasonsResponse = envelope(z.looseObject({
  dispute_reason_list: z.array(z.looseObject({
    dispute_reason: z.union([z.string(), z.number()]).transform(String),
    dispute_requirement: z.string().optional(),
    evidence_module_list: z.array(z.looseObject({ module_index: z.number(), requirement: z.string(), is_required: z.boolean().optional() })).default([]),
  })).default([]),
}));
export type DisputeReasonsResponse = z.infer<typeof DisputeReasonsResponse>;

/** query_proof answer (specs/shopee/v2.returns.query_proof.json response). */
const Media = z.looseObject({ url: z.string(), thumbnail: z.string().optional() });
export const ProofResponse = envelope(z.looseObject({ image: z.array(Media).default([]), video: z.array(Media).default([]), description: z.string().optional() }).default({ image: [], video: [] }));
export type ProofResponse = z.infer<typeof ProofResponse>;
const AnyResponse = envelope(z.unknown().optional());
type AnyResponse = z.infer<typeof AnyResponse>;

/** v2.returns.dispute body (specs/shopee/v2.returns.dispute.json request_params). */
export interface DisputeBody {
  return_sn: string;
  email: string;
  dispute_reason_id: number;
  dispute_text_reason: string;
  image_list: Array<{ module_index: number; requirement: string; image_url: string[] }>;
}

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
  offer: op<{ body: { return_sn: string; proposed_solution: string; proposed_adjusted_refund_amount: number } }, SnResponse>({
    id: 'returns_offer', method: 'POST', path: '/api/v2/returns/offer', ...returns, idempotent: false, response: SnResponse,
  }),
  /** Accepts the buyer's proposal (specs/shopee/v2.returns.accept_offer.json). */
  accept_offer: op<{ body: { return_sn: string } }, SnResponse>({
    id: 'returns_accept_offer', method: 'POST', path: '/api/v2/returns/accept_offer', ...returns, idempotent: false, response: SnResponse,
  }),
  /** The solutions the seller may offer, with min/max amounts (specs/shopee/v2.returns.get_available_solutions.json, GET). */
  get_available_solutions: op<{ query: { return_sn: string } }, SolutionsResponse>({
    id: 'returns_get_available_solutions', method: 'GET', path: '/api/v2/returns/get_available_solutions', ...returns, idempotent: true, response: SolutionsResponse,
  }),
  /** Reverse (buyer → seller/warehouse) logistics of a return (specs/shopee/v2.returns.get_reverse_tracking_info.json, GET). */
  get_reverse_tracking_info: op<{ query: { return_sn: string } }, ReverseTrackingResponse>({
    id: 'returns_get_reverse_tracking_info', method: 'GET', path: '/api/v2/returns/get_reverse_tracking_info', ...returns, idempotent: true, response: ReverseTrackingResponse,
  }),
  /** Dispute reasons and the evidence each needs (specs/shopee/v2.returns.get_return_dispute_reason.json, GET). */
  get_return_dispute_reason: op<{ query: { return_sn: string } }, DisputeReasonsResponse>({
    id: 'returns_get_return_dispute_reason', method: 'GET', path: '/api/v2/returns/get_return_dispute_reason', ...returns, idempotent: true, response: DisputeReasonsResponse,
  }),
  /** Raises a dispute (specs/shopee/v2.returns.dispute.json, POST). */
  dispute: op<{ body: DisputeBody }, AnyResponse>({
    id: 'returns_dispute', method: 'POST', path: '/api/v2/returns/dispute', ...returns, idempotent: false, response: AnyResponse,
  }),
  /** Withdraws a compensation dispute (specs/shopee/v2.returns.cancel_dispute.json, POST). */
  cancel_dispute: op<{ body: { return_sn: string; email: string } }, AnyResponse>({
    id: 'returns_cancel_dispute', method: 'POST', path: '/api/v2/returns/cancel_dispute', ...returns, idempotent: false, response: AnyResponse,
  }),
  /** Evidence the seller uploaded (specs/shopee/v2.returns.query_proof.json, GET). */
  query_proof: op<{ query: { return_sn: string } }, ProofResponse>({
    id: 'returns_query_proof', method: 'GET', path: '/api/v2/returns/query_proof', ...returns, idempotent: true, response: ProofResponse,
  }),
  /** Uploads evidence: photos (url + thumbnail) and a description (specs/shopee/v2.returns.upload_proof.json, POST). */
  upload_proof: op<{ body: { return_sn: string; photo: Array<{ url: string; thumbnail: string }>; description: string } }, AnyResponse>({
    id: 'returns_upload_proof', method: 'POST', path: '/api/v2/returns/upload_proof', ...returns, idempotent: false, response: AnyResponse,
  }),
};
