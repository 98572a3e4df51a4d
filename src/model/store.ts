import { z } from 'zod';
import { CountryCodeSchema } from './address.js';
import { CurrencyCodeSchema } from './money.js';

/**
 * A store is one marketplace/site/shop owned by an account: listings and prices act on a store,
 * orders and stock are read per account.
 */
export const StoreSchema = z.object({
  /** Store key within its account, e.g. 'DE' (Amazon), 'EBAY_GB', or a Shopee shop id. */
  id: z.string().min(1),
  marketplace: z.string(),
  /** The marketplace's own id for the store (Amazon marketplaceId, eBay marketplaceId, Shopee shop_id...). */
  marketplaceId: z.string(),
  country: CountryCodeSchema,
  currency: CurrencyCodeSchema,
  language: z.string(),
  /** Prices on this store are shown to buyers tax-inclusive (EU, UK, JP, AU...). */
  taxInclusivePricing: z.boolean(),
});
export type Store = z.infer<typeof StoreSchema>;

/** 'accountKey:storeId' as used by the Hub, e.g. 'amazonEU:DE'. */
export type StoreRef = `${string}:${string}`;
