import { z } from 'zod';
import { Id, envelope } from './common.js';

export const ShippingParameterResponseSchema = envelope(
  z.looseObject({
    info_needed: z
      .looseObject({
        pickup: z.array(z.string()).nullable().optional(),
        dropoff: z.array(z.string()).nullable().optional(),
        non_integrated: z.array(z.string()).nullable().optional(),
      })
      .default({}),
    pickup: z
      .looseObject({
        address_list: z
          .array(
            z.looseObject({
              address_id: Id,
              address_flag: z.array(z.string()).nullable().optional(),
              time_slot_list: z.array(z.looseObject({ date: z.number().optional(), pickup_time_id: z.string(), flags: z.array(z.string()).nullable().optional() })).nullable().optional(),
            }),
          )
          .nullable()
          .optional(),
      })
      .nullable()
      .optional(),
    dropoff: z
      .looseObject({
        branch_list: z.array(z.looseObject({ branch_id: Id })).nullable().optional(),
        slug_list: z.array(z.looseObject({ slug: z.string() })).nullable().optional(),
      })
      .nullable()
      .optional(),
  }),
);
export type ShippingParameterResponse = z.infer<typeof ShippingParameterResponseSchema>;

export const TrackingNumberResponseSchema = envelope(
  z.looseObject({ tracking_number: z.string().optional().nullable(), hint: z.string().optional() }).default({}),
);
export type TrackingNumberResponse = z.infer<typeof TrackingNumberResponseSchema>;

export const DocumentResultResponseSchema = envelope(
  z.looseObject({
    result_list: z
      .array(z.looseObject({ order_sn: z.string(), package_number: z.string().optional(), status: z.string().optional(), fail_error: z.string().optional(), fail_message: z.string().optional() }))
      .default([]),
  }).default({ result_list: [] }),
);
export type DocumentResultResponse = z.infer<typeof DocumentResultResponseSchema>;

/** specs/shopee/v2.logistics.get_channel_list.json: the shop's channels with what add_item's logistic_info needs per fee_type. */
export const ChannelListResponseSchema = envelope(
  z.looseObject({
    logistics_channel_list: z.array(z.looseObject({
      logistics_channel_id: z.number(),
      logistics_channel_name: z.string().optional(),
      enabled: z.boolean().optional(),
      fee_type: z.string().optional(),
      size_list: z.array(z.looseObject({ size_id: z.union([z.string(), z.number()]), name: z.string().optional() })).nullable().optional(),
      weight_limit: z.looseObject({ item_max_weight: z.number().nullable().optional(), item_min_weight: z.number().nullable().optional() }).nullable().optional(),
      block_seller_cover_shipping_fee: z.boolean().nullable().optional(),
    })).default([]),
  }).default({ logistics_channel_list: [] }),
);
export type ChannelListResponse = z.infer<typeof ChannelListResponseSchema>;
export type Channel = ChannelListResponse['response']['logistics_channel_list'][number];
