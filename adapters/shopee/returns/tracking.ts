import { parseInput } from '../../../src/errors/from-response.js';
import { parseCallOptions, type CallOptions } from '../../../src/http/call-options.js';
import type { Instant } from '../../../src/model/order.js';
import type { Return } from '../../../src/model/return.js';
import { IdSchema } from '../../../src/returns/schemas.js';
import { shopPipeline, type AdapterContext } from '../context.js';
import { reverseLegOf } from './mapper.js';
import { returnOps, type ReverseTrackingWire } from './operations.js';
import type { ShopeeReturnReader } from './read.js';

/** return_refund_request_type (get_reverse_tracking_info): 0 Normal RR, 1 In-transit RR, 2 Return-on-the-Spot. */
const REQUEST_TYPES = ['normal', 'in_transit', 'return_on_the_spot'] as const;

/** One tracking_info / post_return_logistics_tracking_info entry: when, and Shopee's description. */
export interface ShopeeTrackingEvent {
  at: Instant;
  description: string;
}

/** specs/shopee/v2.returns.get_reverse_tracking_info.json, normalized; `return` carries it in its shipping and status. */
export interface ShopeeReverseTracking {
  returnId: string;
  requestType?: (typeof REQUEST_TYPES)[number];
  /** validation_type verbatim: seller_validation / warehouse_validation. */
  validationType?: string;
  /** reverse_logistics_status verbatim (buyer → seller or warehouse). */
  marketplaceStatus?: string;
  trackingNumber?: string;
  updatedAt?: Instant;
  events: ShopeeTrackingEvent[];
  /** Warehouse → seller leg (post_return_logistics_*; warehouse_validation only). */
  postReturn?: { marketplaceStatus?: string; trackingNumber?: string; events: ShopeeTrackingEvent[] };
  /** The return as get_return_detail has it, with this tracking in `shipping` and the leg in `status`. */
  return: Return;
  raw: unknown;
}

const instant = (s: number): Instant => ({ utc: new Date(s * 1000).toISOString(), raw: String(s) });
const events = (list: ReverseTrackingWire['tracking_info']): ShopeeTrackingEvent[] =>
  list.filter((e) => e.update_time !== undefined).map((e) => ({ at: instant(e.update_time!), description: e.tracking_description ?? '' }));

/** The return with what reverse tracking adds: tracking number, logistics status and the in_transit / received leg (reverseLegOf). */
export function withReverseTracking(ret: Return, t: ReverseTrackingWire): Return {
  const leg = ret.status === 'approved' || ret.status === 'in_transit' || ret.status === 'received'
    ? reverseLegOf({ reverse_logistics_status: t.reverse_logistics_status, return_refund_request_type: t.return_refund_request_type, validation_type: t.validation_type })
    : undefined;
  return {
    ...ret,
    ...(leg ? { status: leg } : {}),
    ...(t.reverse_logistics_status ? { marketplaceState: t.reverse_logistics_status } : {}),
    shipping: {
      ...ret.shipping,
      paidBy: ret.shipping?.paidBy ?? 'unknown',
      ...(t.tracking_number ? { trackingNumber: t.tracking_number } : {}),
      ...(t.reverse_logistics_status ? { marketplaceStatus: t.reverse_logistics_status } : {}),
    },
  };
}

export function shopeeReverseTracking(ctx: AdapterContext, reader: ShopeeReturnReader) {
  /** v2.returns.get_reverse_tracking_info for one return, merged into the return it tracks. */
  return async function reverseTracking(returnId: string, o?: CallOptions): Promise<ShopeeReverseTracking> {
    const id = parseInput(IdSchema, returnId, 'returnId');
    const opts = parseCallOptions(o ?? {});
    const ret = await reader.read(id, opts);
    const res = await ctx.client.call(shopPipeline(ctx, reader.shopOf(ret)), returnOps.get_reverse_tracking_info, { query: { return_sn: id } }, opts);
    const t = res.data.response;
    const type = t.return_refund_request_type !== undefined ? REQUEST_TYPES[t.return_refund_request_type] : undefined;
    const post = t.post_return_logistics_status || t.rts_tracking_number || t.post_return_logistics_tracking_info.length;
    return {
      returnId: id,
      ...(type ? { requestType: type } : {}),
      ...(t.validation_type ? { validationType: t.validation_type } : {}),
      ...(t.reverse_logistics_status ? { marketplaceStatus: t.reverse_logistics_status } : {}),
      ...(t.tracking_number ? { trackingNumber: t.tracking_number } : {}),
      ...(t.reverse_logistics_update_time ? { updatedAt: instant(t.reverse_logistics_update_time) } : {}),
      events: events(t.tracking_info),
      ...(post ? { postReturn: { ...(t.post_return_logistics_status ? { marketplaceStatus: t.post_return_logistics_status } : {}), ...(t.rts_tracking_number ? { trackingNumber: t.rts_tracking_number } : {}), events: events(t.post_return_logistics_tracking_info) } } : {}),
      return: withReverseTracking(ret, t),
      raw: t,
    };
  };
}
