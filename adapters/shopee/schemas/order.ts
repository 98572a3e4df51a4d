import { z } from 'zod';
import { Id, Num, envelope } from './common.js';

export const OrderListResponseSchema = envelope(
  z.looseObject({
    more: z.boolean().default(false),
    next_cursor: z.string().optional(),
    order_list: z.array(z.looseObject({ order_sn: z.string(), order_status: z.string().optional() })).default([]),
  }).default({ more: false, order_list: [] }),
);
export type OrderListResponse = z.infer<typeof OrderListResponseSchema>;

/** Records stay unknown here and are parsed one by one (a malformed order is quarantined). */
export const OrderDetailResponseSchema = envelope(z.looseObject({ order_list: z.array(z.unknown()).default([]) }).default({ order_list: [] }));
export type OrderDetailResponse = z.infer<typeof OrderDetailResponseSchema>;

const OrderItemWire = z.looseObject({
  item_id: Id,
  item_name: z.string().optional(),
  item_sku: z.string().optional(),
  model_id: Id,
  model_name: z.string().optional(),
  model_sku: z.string().optional(),
  model_quantity_purchased: z.number().int().nonnegative(),
  model_original_price: Num.optional(),
  model_discounted_price: Num.optional(),
  order_item_id: Id.optional(),
  promotion_group_id: Id.optional().nullable(),
  cancelled_qty: z.number().int().optional(),
  returned_qty: z.number().int().optional(),
});
export type OrderItemWire = z.infer<typeof OrderItemWire>;

const PackageWire = z.looseObject({
  package_number: z.string(),
  logistics_status: z.string().optional(),
  logistics_channel_id: Id.optional().nullable(),
  shipping_carrier: z.string().optional(),
  item_list: z
    .array(z.looseObject({ item_id: Id, model_id: Id, model_quantity: z.number().int().optional(), order_item_id: Id.optional(), promotion_group_id: Id.optional().nullable() }))
    .default([]),
});
export type PackageWire = z.infer<typeof PackageWire>;

const Str = z.string().optional().nullable();
const AddressWire = z.looseObject({ name: Str, phone: Str, town: Str, district: Str, city: Str, state: Str, region: Str, zipcode: Str, full_address: Str });
export type AddressWire = z.infer<typeof AddressWire>;

export const OrderWireSchema = z.looseObject({
  order_sn: z.string().min(1),
  region: z.string().optional(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  cod: z.boolean().optional(),
  order_status: z.string().min(1),
  create_time: z.number().int(),
  update_time: z.number().int(),
  days_to_ship: z.number().optional(),
  ship_by_date: z.number().optional().nullable(),
  pay_time: z.number().optional().nullable(),
  total_amount: Num.optional(),
  item_list: z.array(OrderItemWire).default([]),
  package_list: z.array(PackageWire).default([]),
  recipient_address: AddressWire.optional().nullable(),
  buyer_username: z.string().optional().nullable(),
  buyer_user_id: Id.optional().nullable(),
  shipping_carrier: z.string().optional(),
  cancel_by: z.string().optional(),
  cancel_reason: z.string().optional(),
  buyer_cancel_reason: z.string().optional(),
  fulfillment_flag: z.string().optional(),
  split_up: z.boolean().optional(),
  booking_sn: z.string().optional(),
  can_partial_cancel_order: z.boolean().optional(),
});
export type OrderWire = z.infer<typeof OrderWireSchema>;

export const UpdateTimeResponseSchema = envelope(z.looseObject({ update_time: z.number().optional() }).optional());
export type UpdateTimeResponse = z.infer<typeof UpdateTimeResponseSchema>;

export const SplitOrderResponseSchema = envelope(
  z.looseObject({
    order_sn: z.string().optional(),
    package_list: z.array(z.looseObject({ package_number: z.string(), item_list: z.array(z.looseObject({ item_id: Id, model_id: Id, model_quantity: z.number().optional() })).default([]) })).default([]),
  }),
);
export type SplitOrderResponse = z.infer<typeof SplitOrderResponseSchema>;
