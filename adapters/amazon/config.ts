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
import type { AmazonMarketplaceCode, CodeArg } from '../../src/model/marketplace-codes.js';
import type { Store } from '../../src/model/store.js';
import type { IntentJournal } from '../../src/state/intent-journal.js';
import type { TokenStore } from '../../src/state/token-store.js';
import type { ListingMemory } from './listing-memory.js';
import type { ProductTypeDefinitions } from './mappers/attribute-filter.js';
import { ENDPOINTS, findMarketplace, LWA_TOKEN_URL, type AmazonMarketplace, type AmazonRegion } from './marketplaces.js';

export interface FeedPoll {
  initialMs: number;
  factor: number;
  maxMs: number;
  timeoutMs: number;
}

/** Documented defaults, in one place (style-anchors §2.7). */
export const DEFAULTS = {
  /** SKUs per bulk call at or above which listings go through JSON_LISTINGS_FEED. */
  bulkThreshold: 50,
  /** JSON_LISTINGS_FEED allows 1–25,000 messages per feed (listings-feed-schema-v2.json). */
  maxMessagesPerFeed: 25_000,
  /** searchOrders maxResultsPerPage (1–100). */
  ordersPageSize: 100,
  /** How long order reads may lag a write (confirmShipment verify-before-replay). */
  consistency: { windowMs: 60_000, intervalMs: 10_000 } satisfies ConsistencyWindow,
  /** getFeed polling: first wait, growth, ceiling, and when to give up. */
  feedPoll: { initialMs: 15_000, factor: 1.5, maxMs: 120_000, timeoutMs: 4 * 3600_000 } as FeedPoll,
  /** Cancellations queued within this window (Amazon-time, divided by timeScale) share one order-acknowledgement feed. */
  cancelBatchMs: 10_000,
  /** Parallel single calls below the bulk threshold (the limiter still paces them). */
  concurrency: 8,
} as const;

const CredentialsSchema = z.object({
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  refreshToken: z.string().min(1),
});

export const AmazonConfigSchema = z.object({
  region: z.enum(['na', 'eu', 'fe']).optional(),
  marketplaces: z.array(z.string().min(2)).min(1),
  sellerId: z.string().min(1),
  credentials: CredentialsSchema,
  endpoint: z.url().optional(),
  tokenEndpoint: z.url().optional(),
  sandbox: z.boolean().default(false),
  bulkThreshold: z.number().int().positive().default(DEFAULTS.bulkThreshold),
  maxMessagesPerFeed: z.number().int().min(1).max(25_000).default(DEFAULTS.maxMessagesPerFeed),
  ordersPageSize: z.number().int().min(1).max(100).default(DEFAULTS.ordersPageSize),
  timeScale: z.number().positive().default(1),
  cancelBatchMs: z.number().int().nonnegative().default(DEFAULTS.cancelBatchMs),
  timeoutMs: z.number().int().positive().optional(),
});

/**
 * The `amazon()` factory's config. `M` is inferred from `marketplaces`: a literal must be a known
 * marketplace code (a typo fails to compile); a `string[]` read at run time is checked by the schema.
 */
export type AmazonConfigInput<M extends string = string> = Omit<z.input<typeof AmazonConfigSchema>, 'marketplaces'> & {
  /** Country codes (`'DE'`, `'UK'`) or marketplace ids of this region's stores; the first is the default store. */
  marketplaces: readonly CodeArg<M, AmazonMarketplaceCode>[];
  hooks?: Hooks;
  limiterStore?: LimiterStore;
  tokenStore?: TokenStore;
  journal?: IntentJournal;
  listingMemory?: ListingMemory;
  clock?: Clock;
  retry?: Partial<RetryPolicy>;
  consistency?: ConsistencyWindow;
  feedPoll?: Partial<FeedPoll>;
  transport?: AxiosInstance;
  random?: () => number;
  /** Cached product type definitions (getDefinitionsProductType `schema`), by product type. */
  productTypeDefinitions?: ProductTypeDefinitions;
};

export interface ResolvedConfig {
  input: AmazonConfigInput;
  parsed: z.output<typeof AmazonConfigSchema>;
  region: AmazonRegion;
  baseUrl: string;
  tokenEndpoint: string;
  /** Stores in the caller's order; the first is the default store. */
  stores: Array<Store & { amazon: AmazonMarketplace }>;
}

export function toStore(m: AmazonMarketplace): Store & { amazon: AmazonMarketplace } {
  return {
    id: m.country,
    marketplace: 'amazon',
    marketplaceId: m.id,
    country: m.country === 'UK' ? 'GB' : m.country,
    currency: m.currency,
    language: m.language,
    taxInclusivePricing: m.taxInclusive,
    amazon: m,
  };
}

/** Validates the factory config; all stores of one adapter must belong to one SP-API region. */
export function resolveConfig(input: AmazonConfigInput): ResolvedConfig {
  const { hooks: _h, limiterStore: _l, tokenStore: _t, journal: _j, listingMemory: _m, clock: _c, retry: _r, consistency: _w, feedPoll: _f, transport: _x, random: _n, productTypeDefinitions: _d, ...plain } = input ?? ({} as AmazonConfigInput);
  const parsed = parseInput(AmazonConfigSchema, plain, 'config');
  const markets = parsed.marketplaces.map((ref, i) => {
    const m = findMarketplace(ref);
    if (!m) throw new ValidationError({ message: `Unknown Amazon marketplace "${ref}" (use a country code like "DE" or a marketplace id)`, path: `config.marketplaces[${i}]` });
    return m;
  });
  const region = parsed.region ?? markets[0]!.region;
  markets.forEach((m, i) => {
    if (m.region !== region) {
      throw new ValidationError({ message: `Marketplace ${m.country} is in region "${m.region}", not "${region}": use one adapter per region`, path: `config.marketplaces[${i}]` });
    }
  });
  const unique = [...new Map(markets.map((m) => [m.id, m])).values()];
  const host = parsed.sandbox ? ENDPOINTS[region].sandbox : ENDPOINTS[region].production;
  // LWA has its own host (research A1): an endpoint override alone would still trade the refresh token there.
  const half = halfSandbox({ endpoint: parsed.endpoint, tokenEndpoint: parsed.tokenEndpoint, tokenDefault: { realHost: new URL(LWA_TOKEN_URL).host }, realApiHost: new URL(host).host, tokenCall: 'the LWA token call', hint: `the embedded sandbox's is <endpoint>/auth/o2/token; through a proxy, name ${LWA_TOKEN_URL} explicitly` });
  if (half) throw new ValidationError({ message: half.message, path: `config.${half.field}` });
  return {
    input,
    parsed,
    region,
    baseUrl: parsed.endpoint ?? host,
    tokenEndpoint: parsed.tokenEndpoint ?? LWA_TOKEN_URL,
    stores: unique.map(toStore),
  };
}
