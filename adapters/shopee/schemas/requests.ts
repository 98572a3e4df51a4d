/** Request bodies we send (names and nesting from the S6 endpoint specs). */

export interface SellerStock {
  location_id?: string;
  stock: number;
}

export interface Dimension {
  package_length: number;
  package_width: number;
  package_height: number;
}

export interface AttributeValue {
  attribute_id: number;
  attribute_value_list: Array<{ value_id: number; original_value_name?: string; value_unit?: string }>;
}

export interface AddItemBody {
  original_price: number;
  description: string;
  weight: number;
  item_name: string;
  item_status?: 'NORMAL' | 'UNLIST';
  dimension?: Dimension;
  logistic_info: Array<{ logistic_id: number; enabled: boolean; shipping_fee?: number; size_id?: number; is_free?: boolean }>;
  attribute_list?: AttributeValue[];
  category_id: number;
  image: { image_id_list: string[] };
  pre_order?: { is_pre_order: boolean; days_to_ship?: number };
  item_sku?: string;
  condition?: 'NEW' | 'USED';
  brand?: { brand_id: number; original_brand_name: string };
  seller_stock?: SellerStock[];
  gtin_code?: string;
}

export type UpdateItemBody = Partial<Omit<AddItemBody, 'original_price' | 'seller_stock' | 'logistic_info'>> & { item_id: number };

/** Custom variations go as standardise_tier_variation with id 0 (the documented payload sample). */
export interface StandardiseTier {
  variation_id: number;
  variation_group_id?: number;
  variation_name: string;
  variation_option_list: Array<{ variation_option_id: number; variation_option_name: string; image_id?: string }>;
}

export interface InitTierBody {
  item_id: number;
  standardise_tier_variation: StandardiseTier[];
  model: Array<{ tier_index: number[]; original_price: number; model_sku?: string; seller_stock: SellerStock[] }>;
}

/**
 * v2.product.update_tier_variation: the item's whole option lists (same tier structure) and every
 * model with its tier_index into them.
 */
export interface UpdateTierBody {
  item_id: number;
  standardise_tier_variation: StandardiseTier[];
  model_list: Array<{ model_id: number; tier_index: number[] }>;
}

/** v2.product.add_model: models for an item that already has its tier structure. */
export interface AddModelBody {
  item_id: number;
  model_list: Array<{ tier_index: number[]; original_price: number; model_sku?: string; seller_stock: SellerStock[] }>;
}

export interface AddGlobalItemBody {
  category_id: number;
  global_item_name: string;
  description: string;
  global_item_sku?: string;
  image?: { image_id_list: string[] };
  original_price: number;
  weight: number;
  dimension?: Dimension;
  pre_order: { days_to_ship: number };
  condition?: 'NEW' | 'USED';
  brand?: { brand_id: number; original_brand_name: string };
  attribute_list?: AttributeValue[];
  seller_stock?: SellerStock[];
}

export interface GlobalInitTierBody {
  global_item_id: number;
  standardise_tier_variation: StandardiseTier[];
  global_model: Array<{ tier_index: number[]; original_price: number; global_model_sku?: string; seller_stock?: SellerStock[] }>;
}

/** v2.global_product.add_global_model: models for a global item that already has its tiers. */
export interface AddGlobalModelBody {
  global_item_id: number;
  global_model: Array<{ tier_index: number[]; original_price: number; global_model_sku?: string; seller_stock?: SellerStock[] }>;
}

/** v2.global_product.update_tier_variation: the whole option lists and every model (by model_id) with its tier_index. */
export interface GlobalUpdateTierBody {
  global_item_id: number;
  standardise_tier_variation: StandardiseTier[];
  model_list: Array<{ model_id: number; tier_index: number[] }>;
}

export interface PublishTaskBody {
  global_item_id: number;
  shop_id: number;
  shop_region: string;
  item?: {
    item_name?: string;
    original_price?: number;
    item_status?: 'NORMAL' | 'UNLIST';
    logistic?: Array<{ logistic_id: number; enabled: boolean; shipping_fee?: number; size_id?: number; is_free?: boolean }>;
    model?: Array<{ tier_index: number[]; original_price: number }>;
  };
}

export interface ShipOrderBody {
  order_sn: string;
  package_number?: string;
  pickup?: { address_id: number; pickup_time_id?: string; tracking_number?: string };
  dropoff?: { branch_id?: number; sender_real_name?: string; tracking_number?: string; slug?: string };
  non_integrated?: { tracking_number?: string };
}

export interface CancelOrderBody {
  order_sn: string;
  cancel_reason: 'OUT_OF_STOCK' | 'CUSTOMER_REQUEST' | 'UNDELIVERABLE_AREA' | 'COD_NOT_SUPPORTED';
  item_list?: Array<{ item_id: number; model_id: number }>;
  partial_cancel_item_list?: Array<{ item_id: number; model_id: number; order_item_id?: number; promotion_group_id?: number; model_quantity: number }>;
}

export interface SplitOrderBody {
  order_sn: string;
  package_list: Array<{ item_list: Array<{ item_id: number; model_id: number; order_item_id?: number; promotion_group_id?: number; model_quantity: number }> }>;
}

export interface DocumentOrder {
  order_sn: string;
  package_number?: string;
  tracking_number?: string;
  shipping_document_type?: string;
}
