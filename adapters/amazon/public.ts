/** xborder/amazon: the Amazon SP-API adapter (the package entry; its simulator is the separate xborder/sandbox/amazon entry). */
export { amazon, type AmazonAdapter, type AmazonRawClient } from './adapter.js';
export { DEFAULTS, type AmazonConfigInput } from './config.js';
export type { AmazonStore } from './context.js';
export type { AmazonBulkUpsertOptions } from './listings-bulk.js';
export { MemoryListingMemory, type ListingMemory, type RememberedListing } from './listing-memory.js';
export { MARKETPLACES, ENDPOINTS, LWA_TOKEN_URL, findMarketplace, type AmazonMarketplace, type AmazonRegion } from './marketplaces.js';
export { ops as amazonOperations, type AmazonOperations } from './operations.js';
export { USAGE_PLANS } from './rate-plans.js';
export { amazonCarrier, KNOWN_CARRIERS } from './mappers/carriers.js';
export { CANCEL_REASON } from './mappers/cancel-feed.js';
export type { AmazonOrdersService } from './orders.js';
export type { AmazonFulfilmentService, AmazonShipRequest } from './fulfilment.js';
export type { CancellationStatus } from './cancellations.js';
export type { ProductTypeDefinitions, ProductTypeSchema } from './mappers/attribute-filter.js';
export { CARRIER_CODE_SOURCES, carrierCodesFor } from './data/carrier-codes.js';
