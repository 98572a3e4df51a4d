/** xborder/ebay: the eBay Sell REST adapter (the package entry; its simulator is the separate xborder/sandbox/ebay entry). */
export { ebay, type EbayAdapter, type EbayRawClient } from './adapter.js';
export { DEFAULTS, type EbayConfigInput, type EbayStore, type ListingDefaults } from './config.js';
export { MARKETPLACES, HOSTS, DEFAULT_SCOPES, findMarketplace, type EbayMarketplace } from './marketplaces.js';
export { ops as ebayOperations, type EbayOperations } from './operations.js';
export { DAILY_LIMITS, RATE_PLANS } from './rate-plans.js';
export { CONDITIONS } from './mappers/listing.js';
export { EBAY_CARRIERS, EBAY_CARRIERS_SOURCE, UNIFIED_TO_EBAY } from './carriers.js';
export { SiteSkus, type SiteSkuConfig } from './site-skus.js';
export type { DeleteOptions, EbayListingsService } from './listings.js';
export type { CategorySuggestion } from './requirements/service.js';
export { ASPECT_NAMES } from './requirements/aspect-names.js';
export { EbayNotifications, PUBLIC_KEY_TTL_MS, type CreateDestinationInput, type CreateSubscriptionInput } from './notifications/client.js';
export { ebayWebhookVerifier, type EbayWebhookOptions, type PublicKeyResolver } from './notifications/webhook.js';
export { challengeResponse, decodeSignatureHeader, type SignatureHeader } from './notifications/signature.js';
export { notificationOps, NOTIFICATION_DAILY_LIMIT, type NotificationOperations } from './notifications/operations.js';
export type { Destination, Subscription, Topic, PublicKey as EbayPublicKey } from './notifications/schemas.js';
