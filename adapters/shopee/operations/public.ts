import { op } from '../../../src/http/operation.js';
import { RATE_PLANS } from '../rate-plans.js';
import { TokenResponseSchema, type TokenResponse } from '../schemas/auth.js';
import { BareEnvelope } from '../schemas/common.js';
import { UploadImageResponseSchema, type UploadImageResponse } from '../schemas/media.js';
import { LostPushResponseSchema, type LostPushResponse } from '../schemas/push.js';

/** Public-signed operations: partner_id + path + timestamp, no token (research A1). */
export const publicOps = {
  /** Single-use code: never replayed. */
  get_access_token: op<{ body: { code: string; partner_id: number; shop_id?: number; main_account_id?: number } }, TokenResponse>({
    id: 'get_access_token', method: 'POST', path: '/api/v2/auth/token/get', group: 'auth', rate: RATE_PLANS.auth,
    idempotent: false, retry: false, response: TokenResponseSchema,
  }),
  /** Single-use refresh token: never replayed blindly (the rotation code decides). */
  refresh_access_token: op<{ body: { refresh_token: string; partner_id: number; shop_id?: number; merchant_id?: number } }, TokenResponse>({
    id: 'refresh_access_token', method: 'POST', path: '/api/v2/auth/access_token/get', group: 'auth', rate: RATE_PLANS.auth,
    idempotent: false, retry: false, response: TokenResponseSchema,
  }),
  /** multipart/form-data: `image` file(s) + `scene`; the body is built by images.ts. */
  upload_image: op<{ body: Buffer; headers: Record<string, string> }, UploadImageResponse>({
    id: 'upload_image', method: 'POST', path: '/api/v2/media_space/upload_image', group: 'media', rate: RATE_PLANS.media,
    idempotent: true, bodyType: 'raw', response: UploadImageResponseSchema,
  }),
  get_lost_push_message: op<Record<string, never>, LostPushResponse>({
    id: 'get_lost_push_message', method: 'GET', path: '/api/v2/push/get_lost_push_message', group: 'push', rate: RATE_PLANS.push,
    idempotent: true, response: LostPushResponseSchema,
  }),
  confirm_consumed_lost_push_message: op<{ body: { last_message_id: number } }, BareEnvelope>({
    id: 'confirm_consumed_lost_push_message', method: 'POST', path: '/api/v2/push/confirm_consumed_lost_push_message', group: 'push',
    rate: RATE_PLANS.push, idempotent: true, response: BareEnvelope,
  }),
};
export type PublicOps = typeof publicOps;
