import type { Clock } from '../../src/http/clock.js';
import type { Store } from '../../src/model/store.js';
import type { AliExpressClient } from './client.js';
import type { ResolvedConfig } from './config.js';
import type { TokenManager } from './tokens.js';

/** What every service of one adapter instance shares. */
export interface AdapterContext {
  config: ResolvedConfig;
  client: AliExpressClient;
  tokens: TokenManager;
  clock: Clock;
  account: string;
  store: Store;
}

/** The account's one store: AliExpress sells to every site from one product and one stock pool. */
export function storeOf(cfg: ResolvedConfig): Store {
  return {
    id: 'aliexpress', marketplace: 'aliexpress', marketplaceId: cfg.sellerId, country: cfg.store.country, currency: cfg.store.currency,
    language: cfg.store.language, taxInclusivePricing: false,
  };
}
