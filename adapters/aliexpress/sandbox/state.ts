import { randomBytes } from 'node:crypto';
import { formatLocal } from '../../../src/paginate/time-windows.js';
import { sampleAttributes, type SandboxAttribute } from './catalog.js';

const PACIFIC = 'America/Los_Angeles';
export const pacific = (t: number) => formatLocal(new Date(t), PACIFIC);

export interface SandboxLine { childId: string; productId: string; sku: string; count: number; price: string }
export interface SandboxOrder {
  id: string;
  status: string;
  currency: string;
  createdAt: number;
  updatedAt: number;
  lines: SandboxLine[];
  logistics: Array<{ logistics_no: string; logistics_service_name: string; gmt_send: string; send_type: string; tracking_website?: string }>;
  malformed: boolean;
  address: Record<string, string>;
  /** Set when the order reaches FINISH: why it ended (see adapters/aliexpress/mappers/end-reason.ts for the values' sources). */
  endReason?: string;
}
export interface SandboxProduct { id: string; categoryId: number; status: string; skus: Array<{ sku_code: string; price: string; inventory: number; discount_price?: string }>; request: Record<string, unknown> }

/** The AliExpress simulator's world: apps, seller tokens, orders, products, declarations. */
export class AliExpressSandboxState {
  now: () => number = () => Date.now();
  readonly apps = new Map<string, string>();
  readonly accessTokens = new Map<string, { sellerId: string; expiresAt: number }>();
  readonly refreshTokens = new Map<string, { sellerId: string; expiresAt: number }>();
  readonly codes = new Map<string, string>();
  readonly orders = new Map<string, SandboxOrder>();
  readonly products = new Map<string, SandboxProduct>();
  /** Categories → attribute name ids they require (2 = brand). */
  categories: Record<number, number[]> = { 200000001: [], 200000002: [2] };
  /** What listlogisticsservice answers for the seller (sample services; the real list is per seller). */
  logisticsServices: Array<{ service_name: string; display_name: string; logistics_company: string }> = [
    { service_name: 'CAINIAO_STANDARD', display_name: 'AliExpress Standard Shipping', logistics_company: 'Cainiao' },
    { service_name: 'UPS', display_name: 'UPS Express Saver', logistics_company: 'UPS' },
    { service_name: 'DHL', display_name: 'DHL', logistics_company: 'DHL' },
    { service_name: 'FEDEX', display_name: 'Fedex IP', logistics_company: 'FedEx' },
    { service_name: 'YANWEN_JYT', display_name: 'Special Line-YW', logistics_company: 'Yanwen' },
  ];
  /** Brands the seller may use (brand permission), offered as values of attribute 2. */
  brands: string[] = ['Acme', 'Northwind', 'Polar Gear'];
  /** Photobank URLs issued by uploadimageforsdk: the only image URLs product APIs accept. */
  readonly photobank = new Set<string>();
  photobankUploads = 0;
  fulfilCalls = 0;
  refreshCalls = 0;
  private nextOrder = 3_000_000_000_000_001;
  private nextChild = 8_000_000_000_001;
  private nextProduct = 1_005_000_000_000_001;

  constructor(readonly accessTtlMs: number, readonly refreshTtlMs: number) {}

  /** A fresh token pair for a seller (what /auth/token/create answers). */
  grant(sellerId: string): { accessToken: string; refreshToken: string; expiresAt: number; refreshExpiresAt: number } {
    const now = this.now();
    const accessToken = `ae_at_${randomBytes(12).toString('hex')}`;
    const refreshToken = `ae_rt_${randomBytes(12).toString('hex')}`;
    this.accessTokens.set(accessToken, { sellerId, expiresAt: now + this.accessTtlMs });
    this.refreshTokens.set(refreshToken, { sellerId, expiresAt: now + this.refreshTtlMs });
    return { accessToken, refreshToken, expiresAt: now + this.accessTtlMs, refreshExpiresAt: now + this.refreshTtlMs };
  }

  issueCode(sellerId: string): string {
    const code = `3_${randomBytes(8).toString('hex')}`;
    this.codes.set(code, sellerId);
    return code;
  }

  addOrder(spec: { status?: string; currency?: string; createdAt?: number; updatedAt?: number; lines: Array<{ sku: string; price: string; count?: number }>; malformed?: boolean; endReason?: string }): SandboxOrder {
    const now = this.now();
    const o: SandboxOrder = {
      id: String(this.nextOrder++), status: spec.status ?? 'WAIT_SELLER_SEND_GOODS', currency: spec.currency ?? 'USD',
      createdAt: spec.createdAt ?? now, updatedAt: spec.updatedAt ?? spec.createdAt ?? now,
      lines: spec.lines.map((l) => ({ childId: String(this.nextChild++), productId: '1005000000000000', sku: l.sku, count: l.count ?? 1, price: l.price })),
      logistics: [], malformed: spec.malformed ?? false, ...(spec.endReason ? { endReason: spec.endReason } : {}),
      address: { contact_person: 'Sandbox Buyer', detail_address: '1 Sandbox Street', city: 'Madrid', province: 'Madrid', zip: '28001', country: 'ES', mobile_no: '600000000' },
    };
    this.orders.set(o.id, o);
    return o;
  }

  /**
   * An order ends: FINISH plus the reason (FINISH covers completed and closed orders,
   * specs/aliexpress/aliexpress_solution_order_get.json#param0.order_status; end_reason is returned
   * beside it, ...#result.target_list.end_reason).
   */
  finish(orderId: string, endReason: string): SandboxOrder {
    const o = this.orders.get(orderId);
    if (!o) throw new Error(`no sandbox order ${orderId}`);
    o.status = 'FINISH';
    o.endReason = endReason;
    o.updatedAt = this.now();
    return o;
  }

  /** The attribute ids of a category (the same sample set for every category). */
  attributesOf(_categoryId: number): SandboxAttribute[] {
    return sampleAttributes(this.brands);
  }

  newProductId(): string {
    return String(this.nextProduct++);
  }

  shipmentsFor(orderId: string): number {
    return this.orders.get(orderId)?.logistics.length ?? 0;
  }
}
