import { adHocCarrierCode, unifiedCarrier } from '../../../src/model/carriers.js';
import type { Money } from '../../../src/model/money.js';
import type { Instant } from '../../../src/model/order.js';
import type { Return, ReturnReasonCode, ReturnStatus, SellerDeadline } from '../../../src/model/return.js';
import { moneyFromWire } from '../money.js';
import type { ShopeeReturnWire } from './operations.js';

/**
 * Shopee ReturnStatus ("Data Definition - ReturnStatus", referenced by
 * specs/shopee/v2.returns.get_return_list.json request_params.status) → unified status. The values
 * named in the specs: REQUESTED / PROCESSING / ACCEPTED (v2.returns.dispute.json `define`),
 * JUDGING / SELLER_DISPUTE (v2.returns.get_return_detail.json seller_proof_status: "RETURN_JUDING,
 * RETURN_SELLER_DISPUTE and RETURN_ACCEPTED"), CANCELLED (get_return_list response_sample);
 * REFUND_PAID and CLOSED complete the published list (third-party mirror of the enum:
 * github.com/LightsoftHub/open-platforms src/ShopeeSdk.Core/Enums/ReturnStatus.cs). Unknown values
 * fall back to `requested` (the seller should look) with the verbatim value in marketplaceStatus.
 */
const BY_STATUS: Readonly<Record<string, ReturnStatus>> = {
  REQUESTED: 'requested',
  PROCESSING: 'requested', // under negotiation: the seller still has to answer
  ACCEPTED: 'approved',
  JUDGING: 'disputed',
  SELLER_DISPUTE: 'disputed',
  REFUND_PAID: 'refunded',
  CLOSED: 'closed',
  CANCELLED: 'closed', // the buyer withdrew the request
};

export const statusOf = (s: string): ReturnStatus => BY_STATUS[s] ?? 'requested';

/**
 * Where the item is on its way back, for an ACCEPTED return. get_return_detail's `logistics_status`
 * is "the reverse logistics status ... See Data Definition - LogisticsStatus" (legacy, Normal RR
 * only: return_refund_request_type 0); that definition's values are spelled out in
 * specs/shopee/v2.logistics.get_booking_tracking_info.json response logistics_status:
 * LOGISTICS_PICKUP_DONE "handed over to 3PL", LOGISTICS_DELIVERY_DONE "successfully delivered".
 * `reverse_logistics_status` is its replacement (get_return_detail: "If you need the reverse
 * logistics status for Normal RR ... use the newly released field"), read only for Normal RR, where
 * it shares that vocabulary (sample LOGISTICS_REQUEST_CREATED); In-transit RR and
 * Return-on-the-Spot values are "different" and not in the specs, so they move nothing. Under
 * validation_type warehouse_validation the first leg ends at Shopee's warehouse, not the seller
 * (get_reverse_tracking_info description): delivered there is still in transit to the seller.
 */
export function reverseLegOf(w: Pick<ShopeeReturnWire, 'logistics_status' | 'reverse_logistics_status' | 'return_refund_request_type' | 'validation_type'>): ReturnStatus | undefined {
  const normal = w.return_refund_request_type === undefined || w.return_refund_request_type === 0;
  const ls = w.logistics_status || (normal ? w.reverse_logistics_status : undefined);
  if (ls === 'LOGISTICS_PICKUP_DONE') return 'in_transit';
  if (ls === 'LOGISTICS_DELIVERY_DONE') return w.validation_type === 'warehouse_validation' ? 'in_transit' : 'received';
  return undefined;
}

/**
 * Shopee ReturnReason → unified reason. Only the codes the specs show are mapped (PHYSICAL_DMG:
 * get_return_list response_sample; NOT_RECEIPT: get_return_detail response_sample); every other
 * code stays `other` with the verbatim code in marketplaceCode, rather than guessing.
 */
const REASONS: Readonly<Record<string, ReturnReasonCode>> = {
  PHYSICAL_DMG: 'damaged',
  NOT_RECEIPT: 'not_received',
};

const instant = (seconds: number): Instant => ({ utc: new Date(seconds * 1000).toISOString(), raw: String(seconds) });

export interface ShopeeReturnMapContext {
  account: string;
  store: string;
}

/** One get_return_list / get_return_detail record → unified Return (money in the return's `currency`). */
export function mapShopeeReturn(w: ShopeeReturnWire, ctx: ShopeeReturnMapContext): Return {
  const cur = w.currency;
  const lines = w.item.map((it) => {
    const model = it.model_id !== undefined && String(it.model_id) !== '0' ? String(it.model_id) : '0';
    // item refund_amount is only sent to shops whitelisted for partial-quantity returns; "if not
    // available, refer to item_price" (get_return_detail response item.refund_amount).
    const per = moneyFromWire(it.refund_amount ?? undefined, cur);
    const price = per ?? times(moneyFromWire(it.item_price ?? undefined, cur), it.amount);
    return {
      // Same line id as the order mapper: `${item_id}:${model_id}`.
      lineId: `${it.item_id}:${model}`,
      ...(it.variation_sku || it.item_sku ? { sku: (it.variation_sku || it.item_sku)! } : {}),
      variantIds: { item_id: String(it.item_id), model_id: model },
      quantity: Math.max(1, it.amount),
      ...(price ? { refundRequested: price } : {}),
    };
  });
  const requested = moneyFromWire(w.refund_amount ?? undefined, cur);
  const base = statusOf(w.status);
  const status = base === 'approved' ? reverseLegOf(w) ?? base : base;
  const deadlines: SellerDeadline[] = [];
  // due_date: "The last time seller deal with this return"; return_seller_due_date: after the buyer shipped (get_return_list response).
  if (w.due_date) deadlines.push({ action: 'respond', marketplaceAction: 'due_date', by: instant(w.due_date) });
  if (w.return_seller_due_date) deadlines.push({ action: 'other', marketplaceAction: 'return_seller_due_date', by: instant(w.return_seller_due_date) });
  // negotiation.offer_due_date / seller_proof.seller_evidence_deadline (get_return_detail response).
  if (w.negotiation?.offer_due_date) deadlines.push({ action: 'respond', marketplaceAction: 'offer_due_date', by: instant(w.negotiation.offer_due_date) });
  if (w.seller_proof?.seller_evidence_deadline) deadlines.push({ action: 'other', marketplaceAction: 'seller_evidence_deadline', by: instant(w.seller_proof.seller_evidence_deadline) });
  const carrier = w.reverse_logistics_channel_name;
  return {
    id: w.return_sn,
    marketplace: 'shopee',
    account: ctx.account,
    store: ctx.store,
    orderId: w.order_sn,
    status,
    marketplaceStatus: w.status,
    ...(w.reverse_logistics_status ?? w.logistics_status ? { marketplaceState: (w.reverse_logistics_status ?? w.logistics_status)! } : {}),
    reason: { code: (w.reason && REASONS[w.reason]) || 'other', ...(w.reason ? { marketplaceCode: w.reason } : {}), ...(w.text_reason ? { comment: w.text_reason } : {}) },
    lines: lines.length ? lines : [{ lineId: w.order_sn, variantIds: {}, quantity: 1 }],
    deadlines,
    // needs_logistics false = refund only, nothing goes back; who pays the way back is not in the record.
    shipping: {
      paidBy: 'unknown',
      ...(carrier ? { carrier: { code: unifiedCarrier(carrier) ?? adHocCarrierCode(carrier), marketplaceCode: carrier } } : {}),
      ...(w.tracking_number ? { trackingNumber: w.tracking_number } : {}),
      ...(w.reverse_logistics_status ?? w.logistics_status ? { marketplaceStatus: (w.reverse_logistics_status ?? w.logistics_status)! } : {}),
    },
    ...(requested ? { refundRequested: requested } : {}),
    ...(status === 'refunded' && requested ? { refunded: requested } : {}),
    refunds: [],
    createdAt: instant(w.create_time),
    updatedAt: instant(w.update_time),
    raw: w,
  };
}

function times(m: Money | undefined, n: number): Money | undefined {
  return m ? { amount: m.amount * n, currency: m.currency } : undefined;
}
