/** xborder/ebay: the eBay Sell REST adapter (Inventory + Fulfillment APIs) and its embedded-sandbox module. */
export { ebay, type EbayAdapter, type EbayRawClient } from './adapter.js';
export { DEFAULTS, type EbayConfigInput, type EbayStore, type ListingDefaults } from './config.js';
export { MARKETPLACES, HOSTS, DEFAULT_SCOPES, findMarketplace, type EbayMarketplace } from './marketplaces.js';
export { ops as ebayOperations, type EbayOperations } from './operations.js';
export { DAILY_LIMITS, RATE_PLANS } from './rate-plans.js';
export { CONDITIONS } from './mappers/listing.js';
export { ebaySandbox, SANDBOX_CREDENTIALS, EbaySandboxState, type EbaySandboxOptions, type SeedOrdersOptions } from './sandbox/index.js';
