import { randomBytes } from 'node:crypto';
import { DEFAULT_CHANNELS, DEFAULT_DTS, DEFAULT_DTS_BY_CATEGORY, type SandboxChannel, type SandboxDtsLimit } from './listing-rules.js';
import { pushAuthorization } from './signature.js';
import type {
  LostPush, PublishTask, RefreshRecord, SandboxGlobalItem, SandboxItem, SandboxMerchant, SandboxOrder, SandboxShop, TokenRecord,
} from './state.js';

export interface WorldOptions {
  accessTtlMs: number;
  refreshTtlMs: number;
  /** How long an old access token keeps working after a refresh (Shopee: 5 minutes). */
  oldTokenGraceMs: number;
  /** search_item lags writes by this much (get_item_list does not). */
  searchLagMs: number;
  /** Integrated logistics issue tracking this long after ship_order; 'manual' = only via issueTracking(). */
  trackingDelayMs: number | 'manual';
  publishDelayMs: number;
  /** category_id → mandatory attribute ids (add_item refuses without them). */
  categories: Record<number, number[]>;
  /** The shops' logistics channels (get_channel_list); default DEFAULT_CHANNELS. */
  channels?: SandboxChannel[];
  /** category_id → dts_limit (get_item_limit); others get DEFAULT_DTS. */
  dtsLimits?: Record<number, SandboxDtsLimit>;
}

const hex = () => randomBytes(16).toString('hex');

/** The simulator's data plus helpers tests use to steer it (grant tokens, seed orders, push). */
export class ShopeeSandboxState {
  now: () => number = () => Date.now();
  readonly partners = new Map<number, string>();
  readonly shops = new Map<number, SandboxShop>();
  readonly merchants = new Map<number, SandboxMerchant>();
  readonly accessTokens = new Map<string, TokenRecord>();
  readonly refreshTokens = new Map<string, RefreshRecord>();
  readonly codes = new Map<string, { partnerId: number; shopId?: number; mainAccountId?: number; used: boolean; expiresAt: number }>();
  readonly items = new Map<number, SandboxItem>();
  readonly globalItems = new Map<number, SandboxGlobalItem>();
  readonly publishTasks = new Map<string, PublishTask>();
  readonly orders = new Map<string, SandboxOrder>();
  readonly images = new Map<string, string>();
  readonly lostPushes: LostPush[] = [];
  readonly deliveredPushes: Array<{ url: string; body: string; status: number }> = [];
  pushUrl?: string;
  /** Bodies of every ship_order call, as received (tests assert what was sent). */
  readonly shipOrderBodies: unknown[] = [];
  readonly counters = { tokenGet: 0, refresh: 0, addItem: 0, addGlobalItem: 0, uploads: 0, publish: 0, shipOrder: 0 };
  private seq = 1000;

  constructor(readonly options: WorldOptions) {}

  nextId(): number {
    return ++this.seq;
  }

  nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  get channels(): SandboxChannel[] {
    return this.options.channels ?? DEFAULT_CHANNELS;
  }

  /** The category's days-to-ship limits (get_item_limit dts_limit): the configured ones, else the defaults. */
  dtsLimit(categoryId: number): SandboxDtsLimit {
    return { ...DEFAULT_DTS_BY_CATEGORY, ...this.options.dtsLimits }[categoryId] ?? DEFAULT_DTS;
  }

  /** Issues a token pair directly (what a completed authorization gives) for one or more identities. */
  grant(partnerId: number, who: { kind: 'shop' | 'merchant'; id: number } | Array<{ kind: 'shop' | 'merchant'; id: number }>, opts: { accessTtlMs?: number } = {}) {
    const identities = (Array.isArray(who) ? who : [who]).map((w) => `${w.kind}:${w.id}`);
    const accessToken = hex();
    const refreshToken = hex();
    const expiresAt = this.now() + (opts.accessTtlMs ?? this.options.accessTtlMs);
    this.accessTokens.set(accessToken, { partnerId, identities, expiresAt });
    this.refreshTokens.set(refreshToken, { partnerId, identities, expiresAt: this.now() + this.options.refreshTtlMs, usedBy: [] });
    return { accessToken, refreshToken, expiresAt };
  }

  /** A one-time authorization code valid 10 minutes. */
  issueCode(partnerId: number, target: { shopId: number } | { mainAccountId: number }): string {
    const code = hex();
    this.codes.set(code, { partnerId, ...target, used: false, expiresAt: this.now() + 600_000 });
    return code;
  }

  /** Makes every access token of an identity (or all) expire now. */
  expireAccessTokens(who?: { kind: string; id: number }): void {
    for (const t of this.accessTokens.values()) if (!who || t.identities.includes(`${who.kind}:${who.id}`)) t.expiresAt = this.now() - 1;
  }

  itemsBySku(sku: string): SandboxItem[] {
    return [...this.items.values()].filter((i) => i.item_sku === sku && !/DELETE/.test(i.item_status));
  }

  /** Stock Shopee holds back (promotions, unpaid orders): update_stock may not go below it. */
  setReserved(sku: string, reserved: number): void {
    for (const item of this.items.values()) {
      if (item.item_sku === sku) item.reserved = reserved;
      for (const m of item.models) if (m.model_sku === sku) m.reserved = reserved;
    }
    for (const g of this.globalItems.values()) {
      if (g.global_item_sku === sku) g.reserved = reserved;
      for (const m of g.models) if (m.global_model_sku === sku) m.reserved = reserved;
    }
  }

  shipmentsFor(orderSn: string): number {
    return this.orders.get(orderSn)?.shipments ?? 0;
  }

  /** The buyer asks to cancel: READY_TO_SHIP → IN_CANCEL. */
  requestBuyerCancellation(orderSn: string, reason = 'Need to change delivery address'): void {
    const o = this.orders.get(orderSn);
    if (!o) throw new Error(`no order ${orderSn}`);
    o.wire.order_status = 'IN_CANCEL';
    o.wire.buyer_cancel_reason = reason;
    this.touch(o);
  }

  touch(o: SandboxOrder): void {
    o.wire.update_time = this.nowSeconds();
    void this.emitPush(3, o.shopId, { ordersn: o.wire.order_sn, status: o.wire.order_status, update_time: o.wire.update_time });
  }

  /** Shopee issues the tracking number of arranged packages, then sends push code 4. */
  async issueTracking(orderSn: string, tracking?: string): Promise<void> {
    const o = this.orders.get(orderSn);
    if (!o) throw new Error(`no order ${orderSn}`);
    for (const p of o.packages) {
      if (p.logistics_status !== 'LOGISTICS_REQUEST_CREATED' || p.tracking) continue;
      p.tracking = tracking ?? `SPX${this.nextId()}${orderSn.slice(-4)}`;
      await this.emitPush(4, o.shopId, { ordersn: orderSn, package_number: p.package_number, tracking_no: p.tracking });
    }
  }

  /**
   * Delivers a push to pushUrl, signed like Shopee: Authorization = HMAC(partner key, url|body).
   * Undeliverable or refused pushes go to the lost-push backlog (get_lost_push_message).
   */
  async emitPush(code: number, shopId: number | undefined, data: Record<string, unknown>): Promise<void> {
    const body = JSON.stringify({ data, shop_id: shopId, code, timestamp: this.nowSeconds() });
    const url = this.pushUrl;
    const key = [...this.partners.values()][0];
    let status = 0;
    if (url && key) {
      try {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: pushAuthorization(key, url, body) }, body });
        status = res.status;
      } catch {
        status = 0;
      }
      this.deliveredPushes.push({ url, body, status });
    }
    if (status < 200 || status >= 300) this.lostPushes.push({ id: this.nextId(), shop_id: shopId, code, timestamp: this.nowSeconds(), data: JSON.stringify(data), confirmed: false });
  }
}
