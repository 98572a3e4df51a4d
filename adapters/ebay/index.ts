/** xborder/ebay: the eBay Sell REST adapter (Inventory + Fulfillment APIs) and its embedded-sandbox module. */
export { ebay, type EbayAdapter, type EbayRawClient } from './adapter.js';
export { DEFAULTS, type EbayConfigInput, type EbayStore, type ListingDefaults } from './config.js';
export { MARKETPLACES, HOSTS, DEFAULT_SCOPES, findMarketplace, type EbayMarketplace } from './marketplaces.js';
export { ops as ebayOperations, type EbayOperations } from './operations.js';
export { DAILY_LIMITS, RATE_PLANS } from './rate-plans.js';
export { CONDITIONS } from './mappers/listing.js';
export { EBAY_CARRIERS, EBAY_CARRIERS_SOURCE, UNIFIED_TO_EBAY } from './carriers.js';
export { SiteSkus, type SiteSkuConfig } from './site-skus.js';
export type { DeleteOptions } from './listings.js';
export { ebaySandbox, SANDBOX_CREDENTIALS, SANDBOX_IOSS, EbaySandboxState, type EbaySandboxOptions, type SeedOrdersOptions } from './sandbox/index.js';
