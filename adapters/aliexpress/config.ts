import { z } from 'zod';
import { transportOptionsShape } from '../../src/http/transport-options.js';
import { CountryCodeSchema } from '../../src/model/address.js';
import { CurrencyCodeSchema } from '../../src/model/money.js';
import type { TokenStore } from '../../src/state/token-store.js';

const isFn = (v: unknown) => typeof v === 'function';
const isObj = (v: unknown) => typeof v === 'object' && v !== null;

/** Defaults (research B3, B5, E); every one can be overridden in the config. */
export const DEFAULTS = {
  endpoint: 'https://api-sg.aliexpress.com',
  oauthUrl: 'https://api-sg.aliexpress.com/oauth/authorize',
  /** Order dates are US Pacific wall-clock strings. */
  timeZone: 'America/Los_Angeles',
  /** Order query window length (no documented cap; windows keep page numbers shallow). */
  orderWindowDays: 7,
  orderPageSize: 50,
  /** Refresh this long before `expire_time`. */
  refreshSkewMs: 5 * 60_000,
  /** Batch price/inventory updates take at most 20 products (research B4). */
  batchProducts: 20,
  /** ... and at most 200 SKUs per product. */
  batchSkus: 200,
  language: 'en',
} as const;

const TokenStoreInput = z.custom<TokenStore>((v) => isObj(v) && isFn((v as TokenStore).get) && isFn((v as TokenStore).compareAndSwap), 'expected a TokenStore');
const InitialTokens = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1).optional(),
  /** Epoch ms or a Date (`expire_time` of the token response); unknown → assumed valid until refused. */
  expiresAt: z.union([z.number(), z.date()]).optional(),
});

export const AliExpressConfigSchema = z.object({
  appKey: z.string().min(1),
  appSecret: z.string().min(1),
  /** Seller id (`seller_id`/`user_id` of the token response): the account key. */
  sellerId: z.string().min(1),
  tokens: z.union([TokenStoreInput, InitialTokens]),
  /** The one store of the account: ship-from country and listing currency. */
  store: z.object({ country: CountryCodeSchema.default('CN'), currency: CurrencyCodeSchema.default('USD'), language: z.string().default(DEFAULTS.language) }).default({ country: 'CN', currency: 'USD', language: DEFAULTS.language }),
  /** Product fields AliExpress requires on every new listing that the neutral model does not carry. */
  listingDefaults: z.object({
    categoryId: z.number().int().positive().optional(),
    freightTemplateId: z.number().int().positive().optional(),
    servicePolicyId: z.number().int().nonnegative().optional(),
    shippingLeadTime: z.number().int().positive().default(3),
    inventoryDeductionStrategy: z.enum(['place_order_withhold', 'payment_success_deduct']).default('place_order_withhold'),
    productUnit: z.number().int().positive().optional(),
  }).default({ shippingLeadTime: 3, inventoryDeductionStrategy: 'place_order_withhold' }),
  /**
   * Tracking websites of carriers outside the seller's AliExpress service list, by carrier (as
   * written in ship requests, or its unified code): such shipments are declared with
   * service_name "other" plus tracking_website (specs/aliexpress/aliexpress_solution_order_fulfill.json).
   */
  carrierTrackingWebsites: z.record(z.string(), z.url()).default({}),
  /** Downloads a caller's image (for the photobank upload); default: a plain HTTP GET. */
  fetchImage: z.custom<(url: string, signal?: AbortSignal) => Promise<Buffer>>(isFn, 'expected a function').optional(),
  endpoint: z.url().optional(),
  orderWindowDays: z.number().int().min(1).max(90).default(DEFAULTS.orderWindowDays),
  ...transportOptionsShape,
});

export type AliExpressConfig = z.input<typeof AliExpressConfigSchema>;
export type ResolvedConfig = z.output<typeof AliExpressConfigSchema>;
