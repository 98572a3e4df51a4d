import { z } from 'zod';
import { transportOptionsShape } from '../../src/http/transport-options.js';
import { CurrencyCodeSchema } from '../../src/model/money.js';
import type { StoredToken, TokenStore } from '../../src/state/token-store.js';
import type { FetchImage, ImageCache } from './images.js';
import type { SkuIndexStore } from './sku-catalog.js';
import { REGION_CODES } from './regions.js';

const isFn = (v: unknown) => typeof v === 'function';
const isObj = (v: unknown) => typeof v === 'object' && v !== null;

const TokenStoreInput = z.custom<TokenStore>(
  (v) => isObj(v) && isFn((v as TokenStore).get) && isFn((v as TokenStore).compareAndSwap),
  'expected a TokenStore',
);
const InitialTokens = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  /** Epoch ms or a Date; unknown → treated as expiring now (first call refreshes). */
  expiresAt: z.union([z.number(), z.date()]).optional(),
});

/** What `onTokens` receives on every rotation or code exchange (persist it; it is the only live refresh token). */
export interface TokensEvent {
  key: string;
  identity: { kind: 'shop' | 'merchant'; id: number };
  tokens: StoredToken;
}

const ShopRef = z.union([z.number().int().positive(), z.object({ shopId: z.number().int().positive(), region: z.enum(REGION_CODES) })]);

export const ShopeeConfigSchema = z
  .object({
    /** Region of the shop (or default region of a merchant's shops): currency and price rules. */
    region: z.enum(REGION_CODES),
    partnerId: z.number().int().positive().max(4294967295),
    partnerKey: z.string().min(1),
    shopId: z.number().int().positive().optional(),
    /** CNSC/KRSC cross-border merchant account: merchantId + the shops it publishes to. */
    merchantId: z.number().int().positive().optional(),
    shopIds: z.array(ShopRef).optional(),
    /** Currency of global product prices (CNSC merchants price in CNY or USD). */
    merchantCurrency: CurrencyCodeSchema.default('CNY'),
    tokens: z.union([TokenStoreInput, InitialTokens]),
    /**
     * Called with every rotated pair before it is used (awaited; a throw counts as a failed save).
     * Required against Shopee's live hosts unless `tokens` is a persistent TokenStore: refresh
     * tokens are single-use, so a pair kept only in memory is lost on restart.
     */
    onTokens: z.custom<(e: TokensEvent) => void | Promise<void>>(isFn, 'expected a function').optional(),
    host: z.enum(['global', 'cn', 'br']).default('global'),
    sandbox: z.boolean().default(false),
    /** Base URL override (embedded sandbox, proxies). */
    endpoint: z.url().optional(),
    /**
     * Read each order's escrow detail (v2.payment.get_escrow_detail_batch) with its details: the real
     * line prices of bundle deals, buyer-paid shipping and the seller's payout. One extra call per 20 orders.
     */
    escrow: z.boolean().default(true),
    /**
     * Where each shop's SKU index is kept between runs (fileSkuIndexStore(dir) or your own): large
     * shops are scanned once, then refreshed by update time. Default: in memory (one scan per process).
     */
    skuIndex: z.custom<SkuIndexStore>((v) => isObj(v) && isFn((v as SkuIndexStore).load) && isFn((v as SkuIndexStore).save), 'expected a SkuIndexStore').optional(),
    /**
     * Multi-warehouse shops: shop id → the location_id seller stock is written to (see
     * v2.shop.get_warehouse_detail). Shops not listed send stock without a location.
     */
    stockLocations: z.record(z.string().regex(/^\d+$/), z.string().min(1)).optional(),
    /** Logistics channels enabled on new listings when the listing names none. */
    logisticIds: z.array(z.number().int()).default([]),
    ...transportOptionsShape,
    imageCache: z.custom<ImageCache>((v) => isObj(v)).optional(),
    fetchImage: z.custom<FetchImage>(isFn).optional(),
    /** get_publish_task_result polling for CNSC listings. */
    publishPoll: z.object({ intervalMs: z.number().min(0).default(2000), attempts: z.number().int().positive().default(15) }).default({ intervalMs: 2000, attempts: 15 }),
    /** Label polling (get_shipping_document_result). */
    labelPoll: z.object({ intervalMs: z.number().min(0).default(1000), attempts: z.number().int().positive().default(10) }).default({ intervalMs: 1000, attempts: 10 }),
  })
  .superRefine((c, ctx) => {
    const shop = c.shopId !== undefined;
    const merchant = c.merchantId !== undefined;
    if (shop === merchant) ctx.addIssue({ code: 'custom', path: ['shopId'], message: 'give either shopId (a shop account) or merchantId + shopIds (a CNSC merchant account)' });
    if (merchant && !c.shopIds?.length) ctx.addIssue({ code: 'custom', path: ['shopIds'], message: 'a merchant account needs the shopIds it publishes to' });
  });

export type ShopeeConfig = z.input<typeof ShopeeConfigSchema>;
export type ResolvedConfig = z.output<typeof ShopeeConfigSchema>;
