import type { SandboxResponse } from '../../../src/sandbox/router.js';
import { fail } from './envelope.js';

/** A logistics channel as v2.logistics.get_channel_list answers it (the fields listing rules read). */
export interface SandboxChannel {
  logistics_channel_id: number;
  logistics_channel_name: string;
  enabled: boolean;
  fee_type: 'SIZE_SELECTION' | 'SIZE_INPUT' | 'FIXED_DEFAULT_PRICE' | 'CUSTOM_PRICE';
  size_list: Array<{ size_id: string; name: string; default_price: number }>;
  block_seller_cover_shipping_fee: boolean;
  /** 0 or absent: no limit (get_channel_list weight_limit). */
  weight_limit?: { item_max_weight: number; item_min_weight: number };
  cod_enabled: boolean;
  mask_channel_id: number;
}

/** dts_limit of v2.product.get_item_limit for one category; days_to_ship_limit null: no pre-orders. */
export interface SandboxDtsLimit {
  days_to_ship_limit: { min_limit: number; max_limit: number } | null;
  non_pre_order_days_to_ship: number;
}

/** Channels of the simulated shops: one per fee_type the listing rules differ on. */
export const DEFAULT_CHANNELS: SandboxChannel[] = [
  {
    logistics_channel_id: 18025, logistics_channel_name: 'Standard Delivery (SPX)', enabled: true, fee_type: 'FIXED_DEFAULT_PRICE', size_list: [], block_seller_cover_shipping_fee: false,
    weight_limit: { item_max_weight: 30, item_min_weight: 0 }, cod_enabled: true, mask_channel_id: 0,
  },
  {
    logistics_channel_id: 18036, logistics_channel_name: 'Bulky Delivery', enabled: true, fee_type: 'SIZE_SELECTION', block_seller_cover_shipping_fee: false, cod_enabled: false, mask_channel_id: 0,
    size_list: [{ size_id: '1', name: 'S', default_price: 5 }, { size_id: '2', name: 'M', default_price: 9 }],
  },
  { logistics_channel_id: 18099, logistics_channel_name: 'Seller Own Fleet', enabled: true, fee_type: 'CUSTOM_PRICE', size_list: [], block_seller_cover_shipping_fee: true, cod_enabled: false, mask_channel_id: 0 },
];

/** Every category: normal items ship in 3 days, pre-orders in 7..15; category 100002 takes no pre-orders. */
export const DEFAULT_DTS: SandboxDtsLimit = { days_to_ship_limit: { min_limit: 7, max_limit: 15 }, non_pre_order_days_to_ship: 3 };
export const DEFAULT_DTS_BY_CATEGORY: Record<number, SandboxDtsLimit> = { 100002: { days_to_ship_limit: null, non_pre_order_days_to_ship: 3 } };

type LogisticInput = { logistic_id?: number; enabled?: boolean; size_id?: number; shipping_fee?: number; is_free?: boolean };

/**
 * add_item logistic_info against the shop's channels (specs/shopee/v2.product.add_item.json
 * logistic_info[]: size_id "If specify logistic fee_type is SIZE_SELECTION size_id is required",
 * shipping_fee "Only needed when logistics fee_type = CUSTOM_PRICE"; v2.logistics.get_channel_list.json
 * block_seller_cover_shipping_fee, weight_limit). Refused with add_item's documented
 * error_invalid_logistic_info "invalid logistic info , {{.error_info}}".
 */
export function logisticRefusal(list: LogisticInput[], channels: SandboxChannel[], weightKg: number): SandboxResponse | undefined {
  const bad = (info: string) => fail('error_invalid_logistic_info', `invalid logistic info , ${info}`);
  for (const e of list) {
    if (e.enabled === false) continue;
    const ch = channels.find((c) => c.logistics_channel_id === e.logistic_id);
    if (!ch || !ch.enabled) return bad(`logistic_id ${e.logistic_id} is not enabled for this shop`);
    if (ch.fee_type === 'SIZE_SELECTION' && !ch.size_list.some((s) => s.size_id === String(e.size_id))) return bad(`size_id is required and must be one of the channel's size_list (logistic_id ${e.logistic_id})`);
    if (ch.fee_type === 'CUSTOM_PRICE' && !(typeof e.shipping_fee === 'number' && e.shipping_fee >= 0)) return bad(`shipping_fee is required for fee_type CUSTOM_PRICE (logistic_id ${e.logistic_id})`);
    // weight_limit: "The max/min weight for an item on this logistic channel ... 0 or null, no limit".
    const w = ch.weight_limit;
    if (w && ((w.item_max_weight && weightKg > w.item_max_weight) || (w.item_min_weight && weightKg < w.item_min_weight))) return bad(`item weight ${weightKg} kg is outside the channel's weight_limit (logistic_id ${e.logistic_id})`);
    if (e.is_free && ch.block_seller_cover_shipping_fee) return bad(`is_free is not allowed: the channel blocks seller cover shipping fee (logistic_id ${e.logistic_id})`);
  }
  return undefined;
}

/**
 * pre_order against the category's dts_limit (v2.product.get_item_limit.json), with the refusals of
 * v2.product.add_item / update_item error_list: error_param_category_not_support_pre_order,
 * error_param_dts_exceeds_max_limit, error_invalid_days_to_ship (below the pre-order minimum, or a
 * normal item promising more than the category's non_pre_order_days_to_ship).
 */
export function dtsRefusal(pre: { is_pre_order?: boolean; days_to_ship?: number } | undefined, limit: SandboxDtsLimit): SandboxResponse | undefined {
  if (!pre || pre.days_to_ship === undefined) return undefined;
  const days = pre.days_to_ship;
  if (!Number.isInteger(days) || days < 1) return fail('error_invalid_days_to_ship', 'Invalid days_to_ship.');
  if (!pre.is_pre_order) return days > limit.non_pre_order_days_to_ship ? fail('error_invalid_days_to_ship', 'Invalid days_to_ship.') : undefined;
  const range = limit.days_to_ship_limit;
  if (!range) return fail('error_param_category_not_support_pre_order', 'Category does not support pre-order.');
  if (days > range.max_limit) return fail('error_param_dts_exceeds_max_limit', 'Days_to_ship exceeds max limit');
  if (days < range.min_limit) return fail('error_invalid_days_to_ship', 'Invalid days_to_ship.');
  return undefined;
}
