/** In-memory state of the Shopee simulator (wire-shaped where Shopee returns it as is). */

export interface SandboxShop {
  shopId: number;
  region: string;
  currency: string;
  /** Integer-price markets refuse decimals (update_price description). */
  priceDecimals: number;
  /** Set for CNSC-upgraded shops: product/add_item is refused, global products are the way. */
  merchantId?: number;
  /** Warehouse location_ids of a multi-warehouse shop (seller_stock must then name one). */
  locations?: string[];
}

export interface SandboxMerchant {
  merchantId: number;
  /** The main account that authorizes this merchant (defaults to merchantId). */
  mainAccountId?: number;
  currency: string;
  shopIds: number[];
}

/** A token valid for one or more identities ("shop:1", "merchant:2"): a main-account grant shares one pair. */
export interface TokenRecord {
  partnerId: number;
  identities: string[];
  expiresAt: number;
}

/** Single use per identity: a shared main-account refresh token rotates once for each of its identities. */
export interface RefreshRecord extends TokenRecord {
  usedBy: string[];
}

export interface SandboxModel {
  model_id: number;
  model_sku: string;
  tier_index: number[];
  price: number;
  stock: number;
  reserved: number;
}

export interface SandboxItem {
  shopId: number;
  item_id: number;
  item_name: string;
  description: string;
  item_sku: string;
  category_id: number;
  price: number;
  stock: number;
  reserved: number;
  item_status: string;
  image_id_list: string[];
  attribute_list: unknown[];
  weight: number;
  create_time: number;
  /** Creation instant in ms: variants are refused until 5 s after it (init_tier_variation). */
  createdAtMs?: number;
  update_time: number;
  /** Epoch ms after which search_item sees the item (its index lags writes). */
  searchableAt: number;
  tiers: Array<{ name: string; options: string[] }>;
  models: SandboxModel[];
  globalItemId?: number;
  /** As add_item received them (channel settings, days to ship). */
  logistic_info?: unknown[];
  pre_order?: { is_pre_order?: boolean; days_to_ship?: number };
}

export interface SandboxGlobalItem {
  merchantId: number;
  global_item_id: number;
  global_item_name: string;
  description: string;
  global_item_sku: string;
  category_id: number;
  price: number;
  stock: number;
  reserved: number;
  image_id_list: string[];
  update_time: number;
  /** Creation instant in ms: tiers are refused until 5 s after it (global init_tier_variation). */
  createdAtMs?: number;
  /** Set by init_tier_variation, extended by update_tier_variation. */
  tiers?: Array<{ name: string; options: string[] }>;
  models: Array<{ global_model_id: number; global_model_sku: string; tier_index: number[]; price: number; stock: number; reserved: number }>;
  published: Array<{ shopId: number; region: string; itemId: number }>;
}

export interface PublishTask {
  id: string;
  globalItemId: number;
  shopId: number;
  region: string;
  readyAt: number;
  status: 'running' | 'success' | 'failed';
  itemId?: number;
  failedReason?: string;
  /** item.logistic as the task received it. */
  logistic?: unknown[];
}

export interface SandboxPackage {
  package_number: string;
  logistics_status: string;
  logistics_channel_id: number;
  shipping_carrier: string;
  item_list: Array<{ item_id: number; model_id: number; model_quantity: number; order_item_id: number; promotion_group_id: number }>;
  tracking?: string;
  document?: 'PROCESSING' | 'READY';
}

export interface SandboxOrder {
  shopId: number;
  /** The get_order_detail record (optional fields are filtered per request). */
  wire: Record<string, unknown> & { order_sn: string; order_status: string; create_time: number; update_time: number };
  packages: SandboxPackage[];
  /** pickup (integrated, Shopee issues tracking), dropoff, or non_integrated (seller's tracking). */
  mode: 'pickup' | 'dropoff' | 'non_integrated';
  /**
   * Channel variants get_shipping_parameter documents: a pickup channel without time slots, a pickup
   * channel asking for the carrier's `tracking_number`, a dropoff channel (80003/80004) taking either
   * `tracking_no` or `sender_real_name`.
   */
  channel?: 'pickup_no_slots' | 'pickup_tracking_number' | 'dropoff_tracking_or_sender';
  /** Served with a broken create_time so clients must quarantine it. */
  malformed: boolean;
  /** Successful ship_order calls, per order. */
  shipments: number;
  /** What the buyer paid per unit of each item_list entry, and the order-level money (escrow detail). */
  money?: { paid: number[]; shippingFee: number; sellerVoucher: number; shopeeVoucher: number; coins: number; buyerServiceFee?: number; buyerTxnFee?: number };
}

export interface LostPush {
  id: number;
  shop_id?: number;
  code: number;
  timestamp: number;
  data: string;
  confirmed: boolean;
}
