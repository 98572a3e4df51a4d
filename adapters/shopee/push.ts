import { ValidationError, AuthError } from '../../src/errors/index.js';
import type { CallOptions } from '../../src/http/call-options.js';
import type { ShopeeClient } from './client.js';
import { hideFields } from './hide.js';
import { publicOps } from './operations/public.js';
import { PushBodySchema, type PushBody } from './schemas/push.js';
import { pushSignature, sameSignature } from './sign.js';

/** Push codes (research A6). */
export const PUSH_KINDS = {
  1: 'shop_authorized',
  2: 'authorization_cancelled',
  3: 'order_status',
  4: 'tracking_number',
  5: 'shopee_update',
  6: 'banned_item',
  7: 'item_promotion',
  8: 'reserved_stock_change',
  9: 'promotion_update',
  10: 'webchat',
  11: 'video_upload',
  12: 'authorization_expiry',
  13: 'brand_register_result',
  15: 'shipping_document_status',
} as const;
export type PushKind = (typeof PUSH_KINDS)[keyof typeof PUSH_KINDS] | 'verification' | 'unknown';

/** A typed push. Pushes only say that something changed: re-read through the API before acting. */
export type PushEvent =
  | { kind: 'order_status'; code: 3; shopId?: number; orderId: string; status?: string; updateTime?: number; data: Record<string, unknown> }
  | { kind: 'tracking_number'; code: 4; shopId?: number; orderId?: string; data: Record<string, unknown> }
  | { kind: Exclude<PushKind, 'order_status' | 'tracking_number'>; code: number; shopId?: number; data: Record<string, unknown> };

export interface PushInput {
  /** The full URL Shopee called (scheme, host, path, query), not a proxy-rewritten one. */
  url: string;
  /** The body bytes exactly as received: a re-serialized JSON does not verify. */
  rawBody: Buffer | string;
  /** The `Authorization` header. */
  authorization: string | undefined;
}

const asRecord = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

export function toEvent(body: PushBody): PushEvent {
  const data = asRecord(body.data);
  const shopId = body.shop_id;
  if (body.code === 3) {
    return { kind: 'order_status', code: 3, shopId, orderId: String(data.ordersn ?? ''), status: typeof data.status === 'string' ? data.status : undefined, updateTime: typeof data.update_time === 'number' ? data.update_time : undefined, data };
  }
  if (body.code === 4) return { kind: 'tracking_number', code: 4, shopId, orderId: typeof data.ordersn === 'string' ? data.ordersn : undefined, data };
  if (body.code === 0 && 'verify_info' in data) return { kind: 'verification', code: 0, shopId, data };
  const kind = (PUSH_KINDS as Record<number, PushKind>)[body.code] ?? 'unknown';
  return { kind: kind as Exclude<PushKind, 'order_status' | 'tracking_number'>, code: body.code, shopId, data };
}

export class ShopeePush {
  /**
   * @param account the adapter's account key, given to the unified events of this shop's pushes
   *   (notifications/events.ts); the push's own shop_id when absent.
   */
  constructor(private readonly client: ShopeeClient, private readonly partnerKey: string, readonly account?: string) {
    hideFields(this, 'client', 'partnerKey');
  }

  /** Timing-safe check of Authorization = HMAC-SHA256(partner key, url + '|' + raw body). */
  verify(input: PushInput): boolean {
    if (typeof input.rawBody !== 'string' && !Buffer.isBuffer(input.rawBody)) {
      throw new ValidationError({ message: 'push.verify needs the raw body bytes (Buffer or string), not parsed JSON', path: 'rawBody' });
    }
    if (!input.authorization) return false;
    return sameSignature(pushSignature(this.partnerKey, input.url, input.rawBody), input.authorization);
  }

  parse(rawBody: Buffer | string): PushEvent {
    let json: unknown;
    try {
      json = JSON.parse(typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8'));
    } catch {
      throw new ValidationError({ message: 'push body is not JSON', path: 'rawBody' });
    }
    const r = PushBodySchema.safeParse(json);
    if (!r.success) throw new ValidationError({ message: 'push body has no numeric code', path: 'rawBody.code' });
    return toEvent(r.data);
  }

  /** verify + parse; an unsigned or tampered push is an AuthError (answer it with a 401, not 2xx). */
  handle(input: PushInput): PushEvent {
    if (!this.verify(input)) throw new AuthError({ marketplace: 'shopee', code: 'AUTH_FAILED', message: 'Shopee push signature does not match (tampered body, re-serialized JSON or a different URL)' });
    return this.parse(input.rawBody);
  }

  /**
   * Pulls the lost-push backlog (Shopee keeps 3 days, 100 per page) and confirms each page only
   * after `handle` succeeded, so a crash re-delivers instead of losing messages.
   */
  async drainLost(handle: (events: PushEvent[], bodies: PushBody[]) => void | Promise<void>, opts: CallOptions & { maxPages?: number } = {}): Promise<{ drained: number; pages: number }> {
    let drained = 0;
    let pages = 0;
    for (; pages < (opts.maxPages ?? 1000);) {
      const res = (await this.client.call(this.client.public, publicOps.get_lost_push_message, {}, opts)).data.response;
      if (!res.push_message_list.length || res.last_message_id === undefined) break;
      const bodies = res.push_message_list.map(lostBody);
      const events = bodies.map(toEvent);
      await handle(events, bodies);
      await this.client.call(this.client.public, publicOps.confirm_consumed_lost_push_message, { body: { last_message_id: res.last_message_id } }, opts);
      drained += events.length;
      pages++;
      if (!res.has_next_page) break;
    }
    return { drained, pages };
  }
}

/** A lost message's `data` is documented as a JSON string; the sample nests the whole push object. */
export function lostBody(m: { code: number; shop_id?: number; timestamp?: number; data: unknown }): PushBody {
  let data: unknown = m.data;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch {
      data = { raw: data };
    }
  }
  const rec = asRecord(data);
  if (typeof rec.code === 'number' && 'data' in rec) data = rec.data;
  return { code: m.code, shop_id: m.shop_id, timestamp: m.timestamp, data };
}
