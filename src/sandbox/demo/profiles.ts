/**
 * How each marketplace's sandbox module is started and which demo account it serves. Only the
 * modules' public exports are used (SANDBOX_CREDENTIALS, state helpers), never an adapter import.
 */
import type { SandboxModule } from '../module.js';
import type { MarketplaceName } from './load.js';

export interface DemoAccount {
  /** Hub account key, e.g. 'amazonEU'. */
  key: string;
  marketplace: MarketplaceName;
  /** 'account:store' refs. */
  stores: string[];
  /** Factory options without secrets (region, ids, endpoint); `imageMirror` is read by the CLI. */
  config: Record<string, unknown>;
  /** Factory option path → environment variable holding the secret. */
  secrets: Record<string, string>;
  /** Environment variable → demo secret value. */
  env: Record<string, string>;
}

export interface ProfileContext {
  url: string;
  module: SandboxModule<unknown>;
  exports: Record<string, unknown>;
  timeScale: number;
}

export interface SandboxProfile {
  moduleOptions(o: { seed: number }): Record<string, unknown>;
  account(ctx: ProfileContext): DemoAccount;
  seedOrders?(module: SandboxModule<unknown>, exports: Record<string, unknown>, account: DemoAccount, perStore: number): Promise<void> | void;
}

/** Shopee categories the example catalog uses (leaf ids → required attribute ids). */
const SHOPEE_DEMO_CATEGORIES = { 100013: [], 100017: [], 100636: [], 100001: [], 100002: [1001] };
const AMAZON_DEMO_MARKETS = ['DE', 'FR', 'UK'];

const amazon: SandboxProfile = {
  moduleOptions: () => ({}),
  account({ url, exports, timeScale }) {
    const creds = exports.SANDBOX_CREDENTIALS as { sellerId: string; clientId: string; clientSecret: string; refreshToken: string };
    return {
      key: 'amazonEU',
      marketplace: 'amazon',
      stores: AMAZON_DEMO_MARKETS.map((m) => `amazonEU:${m}`),
      config: { region: 'eu', marketplaces: AMAZON_DEMO_MARKETS, sellerId: creds.sellerId, endpoint: url, tokenEndpoint: `${url}/auth/o2/token`, timeScale },
      secrets: { 'credentials.clientId': 'XB_SANDBOX_AMAZON_CLIENT_ID', 'credentials.clientSecret': 'XB_SANDBOX_AMAZON_CLIENT_SECRET', 'credentials.refreshToken': 'XB_SANDBOX_AMAZON_REFRESH_TOKEN' },
      env: { XB_SANDBOX_AMAZON_CLIENT_ID: creds.clientId, XB_SANDBOX_AMAZON_CLIENT_SECRET: creds.clientSecret, XB_SANDBOX_AMAZON_REFRESH_TOKEN: creds.refreshToken },
    };
  },
  seedOrders(module, _exports, account, perStore) {
    const state = module.state as { seedOrders?(n: number, o: { marketplaces: string[] }): unknown };
    state.seedOrders?.(perStore * account.stores.length, { marketplaces: AMAZON_DEMO_MARKETS });
  },
};

const shopee: SandboxProfile = {
  moduleOptions: () => ({ categories: SHOPEE_DEMO_CATEGORIES }),
  account({ url, module, exports, timeScale }) {
    const partner = exports.SANDBOX_PARTNER as { partnerId: number; partnerKey: string } | undefined;
    const shop = exports.SANDBOX_SHOP as { shopId: number; region: string } | undefined;
    const world = module.state as { partners: Map<number, string>; shops: Map<number, { shopId: number; region: string }>; grant(p: number, who: { kind: 'shop'; id: number }): { accessToken: string; refreshToken: string } };
    const [partnerId, partnerKey] = partner ? [partner.partnerId, partner.partnerKey] : [...world.partners.entries()][0]!;
    const { shopId, region } = shop ?? [...world.shops.values()][0]!;
    // What a completed authorization gives the seller's app: one token pair for the shop.
    const tokens = world.grant(partnerId, { kind: 'shop', id: shopId });
    const key = `shopee${region}`;
    return {
      key,
      marketplace: 'shopee',
      stores: [`${key}:${shopId}`],
      config: { region, partnerId, shopId, endpoint: url, logisticIds: [18025], timeScale, imageMirror: `${url}/_sandbox/images/` },
      secrets: { partnerKey: 'XB_SANDBOX_SHOPEE_PARTNER_KEY', 'tokens.accessToken': 'XB_SANDBOX_SHOPEE_ACCESS_TOKEN', 'tokens.refreshToken': 'XB_SANDBOX_SHOPEE_REFRESH_TOKEN' },
      env: { XB_SANDBOX_SHOPEE_PARTNER_KEY: partnerKey, XB_SANDBOX_SHOPEE_ACCESS_TOKEN: tokens.accessToken, XB_SANDBOX_SHOPEE_REFRESH_TOKEN: tokens.refreshToken },
    };
  },
  seedOrders(module, exports, _account, perStore) {
    const seed = exports.seedOrder as ((world: unknown, spec?: Record<string, unknown>) => unknown) | undefined;
    const world = module.state as { now(): number };
    // Updated a few minutes ago: inside a sync window, before the 2-minute lag bound.
    for (let i = 0; i < perStore; i++) seed?.(world, { createdAt: world.now() - 3600_000 - i * 60_000, updatedAt: world.now() - 5 * 60_000 - i * 1000 });
  },
};

const EBAY_DEMO_MARKETS = ['EBAY_US', 'EBAY_GB'];

const ebay: SandboxProfile = {
  moduleOptions: () => ({}),
  account({ url, exports, timeScale }) {
    const creds = exports.SANDBOX_CREDENTIALS as { account: string; clientId: string; clientSecret: string; refreshToken: string; listingDefaults: Record<string, string> };
    return {
      key: 'ebayUS',
      marketplace: 'ebay',
      stores: EBAY_DEMO_MARKETS.map((m) => `ebayUS:${m}`),
      config: { account: creds.account, marketplaces: EBAY_DEMO_MARKETS, endpoint: url, timeScale, listingDefaults: Object.fromEntries(EBAY_DEMO_MARKETS.map((m) => [m, creds.listingDefaults])) },
      secrets: { 'credentials.clientId': 'XB_SANDBOX_EBAY_CLIENT_ID', 'credentials.clientSecret': 'XB_SANDBOX_EBAY_CLIENT_SECRET', 'credentials.refreshToken': 'XB_SANDBOX_EBAY_REFRESH_TOKEN' },
      env: { XB_SANDBOX_EBAY_CLIENT_ID: creds.clientId, XB_SANDBOX_EBAY_CLIENT_SECRET: creds.clientSecret, XB_SANDBOX_EBAY_REFRESH_TOKEN: creds.refreshToken },
    };
  },
  seedOrders(module, _exports, account, perStore) {
    const state = module.state as { seedOrders?(n: number, o: { marketplaces: string[] }): unknown };
    state.seedOrders?.(perStore * account.stores.length, { marketplaces: EBAY_DEMO_MARKETS });
  },
};

const PROFILES: Partial<Record<MarketplaceName, SandboxProfile>> = { amazon, shopee, ebay };

export function sandboxProfile(name: MarketplaceName): SandboxProfile | undefined {
  return PROFILES[name];
}
