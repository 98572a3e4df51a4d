import { z } from 'zod';
import { envelope } from './common.js';

/** `data` is documented as a string (JSON text) but the sample carries an object: both accepted. */
export const LostPushResponseSchema = envelope(
  z.looseObject({
    push_message_list: z
      .array(z.looseObject({ shop_id: z.number().optional(), code: z.number(), timestamp: z.number().optional(), data: z.unknown() }))
      .default([]),
    has_next_page: z.boolean().default(false),
    last_message_id: z.number().optional(),
  }),
);
export type LostPushResponse = z.infer<typeof LostPushResponseSchema>;

/** A push body: `{ shop_id, code, timestamp, data{...} }` (research A6). */
export const PushBodySchema = z.looseObject({
  code: z.number().int(),
  shop_id: z.number().optional(),
  merchant_id: z.number().optional(),
  timestamp: z.number().optional(),
  data: z.unknown().optional(),
});
export type PushBody = z.infer<typeof PushBodySchema>;
