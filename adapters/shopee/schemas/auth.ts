import { z } from 'zod';
import { Id } from './common.js';

/** /api/v2/auth/token/get and /api/v2/auth/access_token/get answer flat (no `response` object). */
export const TokenResponseSchema = z.looseObject({
  request_id: z.string().optional(),
  error: z.string().optional(),
  message: z.string().optional(),
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  /** Seconds of validity (documented); the token/get sample shows an epoch instead (handled). */
  expire_in: z.number(),
  shop_id: Id.optional(),
  merchant_id: Id.optional(),
  shop_id_list: z.array(Id).optional(),
  merchant_id_list: z.array(Id).optional(),
});
export type TokenResponse = z.infer<typeof TokenResponseSchema>;
