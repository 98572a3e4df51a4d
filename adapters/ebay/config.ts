import type { AxiosInstance } from 'axios';
import { z } from 'zod';
import { ValidationError } from '../../src/errors/classes.js';
import { parseInput } from '../../src/errors/from-response.js';
import type { Clock } from '../../src/http/clock.js';
import { halfSandbox } from '../../src/http/endpoint-pairing.js';
import type { Hooks } from '../../src/http/hooks.js';
import type { LimiterStore } from '../../src/http/limiter-store.js';
import type { RetryPolicy } from '../../src/http/retry.js';
import type { ConsistencyWindow } from '../../src/http/verify.js';
import type { CodeArg, EbayMarketplaceCode } from '../../src/model/marketplace-codes.js';
import type { Store } from '../../src/model/store.js';
import type { IntentJournal } from '../../src/state/intent-journal.js';
import type { TokenStore } from '../../src/state/token-store.js';
import { DigitalSignatureSchema } from './digital-signature.js';
import { DEFAULT_SCOPES, findMarketplace, HOSTS, type EbayMarketplace } from './marketplaces.js';
import { SiteSkus, SiteSkuSchema } from './site-skus.js';

/** Documented defaults, in one place (style-anchors §2.7). */
export const DEFAULTS = {
  /** getOrders limit: default 50, maximum 200 (sell_fulfillment_v1_oas3.json). */
  ordersPageSize: 50,
  maxOrdersPageSize: 200,
  /** bulkUpdatePriceQuantity / bulk inventory calls take up to 25 requests. */
  bulkBatchSize: 25,
  /** listings.bulkUpsert takes the bulk listing path (bulkCreateOrReplaceInventoryItem...) above this many SKUs. */
  bulkListingThreshold: 25,
  /** How long getShippingFulfillments may lag a createShippingFulfillment (verify-before-replay). */
  consistency: { windowMs: 30_000, intervalMs: 5_000 } satisfies ConsistencyWindow,
  scopes: DEFAULT_SCOPES,
} as const;

/** Business policies and location an offer needs before it can be published (research B3). */
const ListingDefaultsSchema = z.object({
  fulfillmentPolicyId: z.string().min(1),
  paymentPolicyId: z.string().min(1),
  returnPolicyId: z.string().min(1),
  merchantLocationKey: z.string().min(1),
  /** Used when a listing gives no marketplace.ebay.categoryId. */
  categoryId: z.string().optional(),
});
export type ListingDefaults = z.infer<typeof ListingDefaultsSchema>;

export const EbayConfigSchema = z.object({
  /** Account key (the seller's eBay user id or username): rate buckets and journals are per account. */
  account: z.string().min(1),
  /** Sites this account sells on, e.g. ['EBAY_US', 'EBAY_GB'] or ['US', 'GB']; the first is the default store. */
  marketplaces: z.array(z.string().min(2)).min(1),
  credentials: z.object({ clientId: z.string().min(1), clientSecret: z.string().min(1), refreshToken: z.string().min(1) }),
  sandbox: z.boolean().default(false),
  endpoint: z.url().optional(),
  /** Host of /identity/v1/oauth2/token; defaults to the API host. */
  tokenEndpoint: z.url().optional(),
  scopes: z.array(z.string().min(1)).min(1).optional(),
  ordersPageSize: z.number().int().min(1).max(DEFAULTS.maxOrdersPageSize).default(DEFAULTS.ordersPageSize),
  /** Per site id (EBAY_US...): policies + location used by listings.upsert. */
  listingDefaults: z.record(z.string(), ListingDefaultsSchema).default({}),
  /** How a unified SKU becomes one seller SKU per site (site-skus.ts). */
  siteSkus: SiteSkuSchema,
  timeScale: z.number().positive().default(1),
  timeoutMs: z.number().int().positive().optional(),
  /** Opt-in eBay digital signatures for EU/UK-domiciled sellers (digital-signature.ts). */
  digitalSignature: DigitalSignatureSchema.optional(),
});

/**
 * The `ebay()` factory's config. `M` is inferred from `marketplaces`: a literal must be a known
 * site id or country code (a typo fails to compile); a `string[]` read at run time is checked by the schema.
 */
export type EbayConfigInput<M extends string = string> = Omit<z.input<typeof EbayConfigSchema>, 'marketplaces'> & {
  /** Sites this account sells on, e.g. `['EBAY_US', 'EBAY_GB']` or `['US', 'GB']`; the first is the default store. */
  marketplaces: readonly CodeArg<M, EbayMarketplaceCode>[];
  hooks?: Hooks;
  limiterStore?: LimiterStore;
  tokenStore?: TokenStore;
  journal?: IntentJournal;
  clock?: Clock;
  retry?: Partial<RetryPolicy>;
  consistency?: ConsistencyWindow;
  transport?: AxiosInstance;
  random?: () => number;
};

export type EbayStore = Store & { ebay: EbayMarketplace };

export interface ResolvedConfig {
  parsed: z.output<typeof EbayConfigSchema>;
  baseUrl: string;
  tokenBaseUrl: string;
  scopes: readonly string[];
  stores: EbayStore[];
  skus: SiteSkus;
}

export function toStore(m: EbayMarketplace): EbayStore {
  return { id: m.id, marketplace: 'ebay', marketplaceId: m.id, country: m.country, currency: m.currency, language: m.language, taxInclusivePricing: m.taxInclusive, ebay: m };
}

export function resolveConfig(input: EbayConfigInput): ResolvedConfig {
  const { hooks: _h, limiterStore: _l, tokenStore: _t, journal: _j, clock: _c, retry: _r, consistency: _w, transport: _x, random: _n, ...plain } = input ?? ({} as EbayConfigInput);
  const parsed = parseInput(EbayConfigSchema, plain, 'config');
  const markets = parsed.marketplaces.map((ref, i) => {
    const m = findMarketplace(ref);
    if (!m) throw new ValidationError({ message: `Unknown eBay marketplace "${ref}" (use an id like "EBAY_DE")`, path: `config.marketplaces[${i}]` });
    return m;
  });
  const unique = [...new Map(markets.map((m) => [m.id, m])).values()];
  for (const key of Object.keys(parsed.listingDefaults)) {
    if (!unique.some((m) => m.id === key)) throw new ValidationError({ message: `listingDefaults.${key} is not one of the configured marketplaces`, path: `config.listingDefaults.${key}` });
  }
  const primary = parsed.siteSkus.primary === undefined ? unique[0]!.id : findMarketplace(parsed.siteSkus.primary)?.id;
  if (!primary || !unique.some((m) => m.id === primary)) throw new ValidationError({ message: 'siteSkus.primary is not one of the configured marketplaces', path: 'config.siteSkus.primary' });
  const baseUrl = parsed.endpoint ?? (parsed.sandbox ? HOSTS.sandbox : HOSTS.production);
  // The token call defaults to the API host (TOKEN_PATH on it), so only a lone tokenEndpoint splits them.
  const half = halfSandbox({ endpoint: parsed.endpoint, tokenEndpoint: parsed.tokenEndpoint, tokenDefault: 'follows-endpoint', realApiHost: new URL(baseUrl).host, tokenCall: 'the OAuth token call' });
  if (half) throw new ValidationError({ message: half.message, path: `config.${half.field}` });
  return { parsed, baseUrl, tokenBaseUrl: parsed.tokenEndpoint ?? baseUrl, scopes: parsed.scopes ?? DEFAULTS.scopes, stores: unique.map(toStore), skus: new SiteSkus(parsed.siteSkus, primary) };
}
