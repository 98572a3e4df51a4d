import { op } from '../../../src/http/operation.js';
import { RATE_PLANS } from '../rate-plans.js';
import { BareEnvelope } from '../schemas/common.js';
import {
  ChannelListResponseSchema, DocumentResultResponseSchema, ShippingParameterResponseSchema, TrackingNumberResponseSchema,
  type ChannelListResponse, type DocumentResultResponse, type ShippingParameterResponse, type TrackingNumberResponse,
} from '../schemas/logistics.js';
import {
  OrderDetailResponseSchema, OrderListResponseSchema, SplitOrderResponseSchema, UpdateTimeResponseSchema,
  type OrderDetailResponse, type OrderListResponse, type SplitOrderResponse, type UpdateTimeResponse,
} from '../schemas/order.js';
import { EscrowBatchResponseSchema, EscrowDetailResponseSchema, type EscrowBatchResponse, type EscrowDetailResponse } from '../schemas/payment.js';
import type { CancelOrderBody, DocumentOrder, ShipOrderBody, SplitOrderBody } from '../schemas/requests.js';

const order = { group: 'order', rate: RATE_PLANS.order } as const;
const logistics = { group: 'logistics', rate: RATE_PLANS.logistics } as const;
const payment = { group: 'payment', rate: RATE_PLANS.payment } as const;

export type OrderListQuery = {
  time_range_field: 'create_time' | 'update_time';
  time_from: number;
  time_to: number;
  page_size: number;
  cursor?: string;
  order_status?: string;
  response_optional_fields?: string;
};

/** Shop-signed order and logistics operations. */
export const orderOps = {
  /** The shop's logistics channels (fee_type, size_list, limits): what add_item's logistic_info must carry. */
  get_channel_list: op<Record<string, never>, ChannelListResponse>({
    id: 'get_channel_list', method: 'GET', path: '/api/v2/logistics/get_channel_list', ...logistics, idempotent: true, response: ChannelListResponseSchema,
  }),
  get_order_list: op<{ query: OrderListQuery }, OrderListResponse>({ id: 'get_order_list', method: 'GET', path: '/api/v2/order/get_order_list', ...order, idempotent: true, response: OrderListResponseSchema }),
  /** order_sn_list and response_optional_fields are comma-joined strings (1..50 orders). */
  get_order_detail: op<{ query: { order_sn_list: string; response_optional_fields?: string } }, OrderDetailResponse>({
    id: 'get_order_detail', method: 'GET', path: '/api/v2/order/get_order_detail', ...order, idempotent: true, response: OrderDetailResponseSchema,
  }),
  cancel_order: op<{ body: CancelOrderBody }, UpdateTimeResponse>({ id: 'cancel_order', method: 'POST', path: '/api/v2/order/cancel_order', ...order, idempotent: false, response: UpdateTimeResponseSchema }),
  handle_buyer_cancellation: op<{ body: { order_sn: string; operation: 'ACCEPT' | 'REJECT' } }, UpdateTimeResponse>({
    id: 'handle_buyer_cancellation', method: 'POST', path: '/api/v2/order/handle_buyer_cancellation', ...order, idempotent: false, response: UpdateTimeResponseSchema,
  }),
  split_order: op<{ body: SplitOrderBody }, SplitOrderResponse>({ id: 'split_order', method: 'POST', path: '/api/v2/order/split_order', ...order, idempotent: false, response: SplitOrderResponseSchema }),
  get_shipping_parameter: op<{ query: { order_sn: string; package_number?: string } }, ShippingParameterResponse>({
    id: 'get_shipping_parameter', method: 'GET', path: '/api/v2/logistics/get_shipping_parameter', ...logistics, idempotent: true, response: ShippingParameterResponseSchema,
  }),
  /** Not idempotent: a replay first re-reads the package's logistics status (verify bound in fulfilment). */
  ship_order: op<{ body: ShipOrderBody }, BareEnvelope>({ id: 'ship_order', method: 'POST', path: '/api/v2/logistics/ship_order', ...logistics, idempotent: false, response: BareEnvelope }),
  get_tracking_number: op<{ query: { order_sn: string; package_number?: string } }, TrackingNumberResponse>({
    id: 'get_tracking_number', method: 'GET', path: '/api/v2/logistics/get_tracking_number', ...logistics, idempotent: true, response: TrackingNumberResponseSchema,
  }),
  create_shipping_document: op<{ body: { order_list: DocumentOrder[] } }, DocumentResultResponse>({
    id: 'create_shipping_document', method: 'POST', path: '/api/v2/logistics/create_shipping_document', ...logistics, idempotent: true, response: DocumentResultResponseSchema,
  }),
  get_shipping_document_result: op<{ body: { order_list: DocumentOrder[] } }, DocumentResultResponse>({
    id: 'get_shipping_document_result', method: 'POST', path: '/api/v2/logistics/get_shipping_document_result', ...logistics, idempotent: true, response: DocumentResultResponseSchema,
  }),
  /** Answers the file itself (or the JSON envelope on error). */
  download_shipping_document: op<{ body: { shipping_document_type?: string; order_list: DocumentOrder[] } }, Buffer>({
    id: 'download_shipping_document', method: 'POST', path: '/api/v2/logistics/download_shipping_document', ...logistics, idempotent: true, responseType: 'arraybuffer',
  }),
  /** The order's money as settled: real line prices (bundle deals included), buyer-paid shipping, payout. */
  get_escrow_detail: op<{ query: { order_sn: string } }, EscrowDetailResponse>({
    id: 'get_escrow_detail', method: 'GET', path: '/api/v2/payment/get_escrow_detail', ...payment, idempotent: true, response: EscrowDetailResponseSchema,
  }),
  /** 1..50 orders (20 recommended) in a JSON body (specs/shopee/v2.payment.get_escrow_detail_batch.json). */
  get_escrow_detail_batch: op<{ body: { order_sn_list: string[] } }, EscrowBatchResponse>({
    id: 'get_escrow_detail_batch', method: 'POST', path: '/api/v2/payment/get_escrow_detail_batch', ...payment, idempotent: true, response: EscrowBatchResponseSchema,
  }),
};
export type OrderOps = typeof orderOps;
