import { op, type RequestParts } from '../../src/http/operation.js';
import type { ShippingFulfillmentDetails } from './schemas/fulfillment.js';
import { FulfillmentPage, Order, OrderPage, ShippingFulfillment } from './schemas/fulfillment.js';
import { TokenResponse } from './schemas/common.js';
import {
  BulkGetItemResponse, BulkItemResponse, BulkOfferResponse, BulkPublishResponse, BulkPriceQuantityResponse, InventoryItemRead, ItemGroupRead, Offer, type WireItemGroup, OfferResponse, Offers, PublishResponse, UpdateOfferResponse, WarningsResponse,
  type PriceQuantity, type WireInventoryItem, type WireOfferDetails, type WireOfferUpdate,
} from './schemas/inventory.js';
import { RATE_PLANS } from './rate-plans.js';
import { TOKEN_PATH } from './marketplaces.js';

/** eBay Sell REST operations as data (research B3; paths from the OpenAPI contracts). */
const F = '/sell/fulfillment/v1';
const I = '/sell/inventory/v1';
const fulfillment = { group: 'fulfillment', rate: RATE_PLANS.fulfillment } as const;
const inventory = { group: 'inventory', rate: RATE_PLANS.inventory } as const;

type P<Params extends Record<string, string | number> | undefined = undefined, Q = undefined, B = undefined> = RequestParts &
  (Params extends undefined ? object : { params: Params }) & (Q extends undefined ? object : { query: Q }) & (B extends undefined ? object : { body: B });

/** Content-Language is required on Inventory create/replace calls (research B2). */
type WithLanguage = { headers: { 'Content-Language': string } };

export const ops = {
  /** OAuth refresh_token grant with Basic client auth; the Authorization header is set by auth.ts. */
  refreshToken: op<P<undefined, undefined, { grant_type: 'refresh_token'; refresh_token: string; scope: string }> & { headers: Record<string, string> }, typeof TokenResponse._output>({
    id: 'refreshToken', method: 'POST', path: TOKEN_PATH, group: 'token', rate: RATE_PLANS.token, idempotent: true, noAuth: true, bodyType: 'form', response: TokenResponse,
  }),
  /** fieldGroups=TAX_BREAKDOWN: only then does pricingSummary.total include eBay-collected tax (PricingSummary.total). */
  getOrders: op<P<undefined, { filter?: string; limit: number; offset: number; orderIds?: string; fieldGroups?: 'TAX_BREAKDOWN' }>, typeof OrderPage._output>({
    id: 'getOrders', method: 'GET', path: `${F}/order`, ...fulfillment, idempotent: true, response: OrderPage,
  }),
  getOrder: op<P<{ orderId: string }, { fieldGroups?: 'TAX_BREAKDOWN' }>, typeof Order._output>({ id: 'getOrder', method: 'GET', path: `${F}/order/{orderId}`, ...fulfillment, idempotent: true, response: Order }),
  /** Not idempotent: each call records another package. verify.ts re-reads the fulfillments before any replay. */
  createShippingFulfillment: op<P<{ orderId: string }, undefined, ShippingFulfillmentDetails>, unknown>({
    id: 'createShippingFulfillment', method: 'POST', path: `${F}/order/{orderId}/shipping_fulfillment`, ...fulfillment, idempotent: false,
  }),
  getShippingFulfillments: op<P<{ orderId: string }>, typeof FulfillmentPage._output>({
    id: 'getShippingFulfillments', method: 'GET', path: `${F}/order/{orderId}/shipping_fulfillment`, ...fulfillment, idempotent: true, response: FulfillmentPage,
  }),
  getShippingFulfillment: op<P<{ orderId: string; fulfillmentId: string }>, typeof ShippingFulfillment._output>({
    id: 'getShippingFulfillment', method: 'GET', path: `${F}/order/{orderId}/shipping_fulfillment/{fulfillmentId}`, ...fulfillment, idempotent: true, response: ShippingFulfillment,
  }),
  createOrReplaceInventoryItem: op<P<{ sku: string }, undefined, WireInventoryItem> & WithLanguage, typeof WarningsResponse._output>({
    id: 'createOrReplaceInventoryItem', method: 'PUT', path: `${I}/inventory_item/{sku}`, ...inventory, idempotent: true, response: WarningsResponse,
  }),
  getInventoryItem: op<P<{ sku: string }>, typeof InventoryItemRead._output>({
    id: 'getInventoryItem', method: 'GET', path: `${I}/inventory_item/{sku}`, ...inventory, idempotent: true, response: InventoryItemRead,
  }),
  deleteInventoryItem: op<P<{ sku: string }>, unknown>({ id: 'deleteInventoryItem', method: 'DELETE', path: `${I}/inventory_item/{sku}`, ...inventory, idempotent: true }),
  getOffers: op<P<undefined, { sku: string; marketplace_id?: string; limit?: number; offset?: number }>, typeof Offers._output>({
    id: 'getOffers', method: 'GET', path: `${I}/offer`, ...inventory, idempotent: true, response: Offers,
  }),
  /** Not idempotent (a second call makes a second offer): listings.ts reads getOffers first, verify.ts before a replay. */
  createOffer: op<P<undefined, undefined, WireOfferDetails> & WithLanguage, typeof OfferResponse._output>({
    id: 'createOffer', method: 'POST', path: `${I}/offer`, ...inventory, idempotent: false, response: OfferResponse,
  }),
  /** Complete replacement of the offer (EbayOfferDetailsWithId); answers 200 or 204 No Content. */
  updateOffer: op<P<{ offerId: string }, undefined, WireOfferUpdate> & WithLanguage, typeof UpdateOfferResponse._output>({
    id: 'updateOffer', method: 'PUT', path: `${I}/offer/{offerId}`, ...inventory, idempotent: true, response: UpdateOfferResponse,
  }),
  getOffer: op<P<{ offerId: string }>, typeof Offer._output>({ id: 'getOffer', method: 'GET', path: `${I}/offer/{offerId}`, ...inventory, idempotent: true, response: Offer }),
  /** Unpublished: deletes the offer; published: ends that site's listing (deleteOffer description). */
  deleteOffer: op<P<{ offerId: string }>, unknown>({ id: 'deleteOffer', method: 'DELETE', path: `${I}/offer/{offerId}`, ...inventory, idempotent: true }),
  /** Ends the listing, keeps the offer (unpublished). */
  withdrawOffer: op<P<{ offerId: string }>, unknown>({ id: 'withdrawOffer', method: 'POST', path: `${I}/offer/{offerId}/withdraw`, ...inventory, idempotent: true }),
  /**
   * Publishing an already-published offer revises the live listing, and each revision counts
   * against eBay's 250 revisions per listing per day (publishOffer description): not replayed
   * blindly, verify.ts reads the offer's status first.
   */
  publishOffer: op<P<{ offerId: string }>, typeof PublishResponse._output>({
    id: 'publishOffer', method: 'POST', path: `${I}/offer/{offerId}/publish`, ...inventory, idempotent: false, response: PublishResponse,
  }),
  /** Complete replacement of the group, members included (createOrReplaceInventoryItemGroup description). */
  createOrReplaceInventoryItemGroup: op<P<{ inventoryItemGroupKey: string }, undefined, WireItemGroup> & WithLanguage, typeof WarningsResponse._output>({
    id: 'createOrReplaceInventoryItemGroup', method: 'PUT', path: `${I}/inventory_item_group/{inventoryItemGroupKey}`, ...inventory, idempotent: true, response: WarningsResponse,
  }),
  getInventoryItemGroup: op<P<{ inventoryItemGroupKey: string }>, typeof ItemGroupRead._output>({
    id: 'getInventoryItemGroup', method: 'GET', path: `${I}/inventory_item_group/{inventoryItemGroupKey}`, ...inventory, idempotent: true, response: ItemGroupRead,
  }),
  /** Publishes the group's unpublished offers as one multi-variation listing; verified like publishOffer. */
  publishOfferByInventoryItemGroup: op<P<undefined, undefined, { inventoryItemGroupKey: string; marketplaceId: string }>, typeof PublishResponse._output>({
    id: 'publishOfferByInventoryItemGroup', method: 'POST', path: `${I}/offer/publish_by_inventory_item_group`, ...inventory, idempotent: false, response: PublishResponse,
  }),
  /** Up to 25 items, each a complete replacement (BulkInventoryItem); per-item statusCode. */
  bulkCreateOrReplaceInventoryItem: op<P<undefined, undefined, { requests: Array<WireInventoryItem & { sku: string; locale: string }> }> & WithLanguage, typeof BulkItemResponse._output>({
    id: 'bulkCreateOrReplaceInventoryItem', method: 'POST', path: `${I}/bulk_create_or_replace_inventory_item`, ...inventory, idempotent: true, response: BulkItemResponse,
  }),
  bulkGetInventoryItem: op<P<undefined, undefined, { requests: Array<{ sku: string }> }>, typeof BulkGetItemResponse._output>({
    id: 'bulkGetInventoryItem', method: 'POST', path: `${I}/bulk_get_inventory_item`, ...inventory, idempotent: true, response: BulkGetItemResponse,
  }),
  /** Up to 25 new offers; not idempotent (verify.ts reads getOffers before a replay). */
  bulkCreateOffer: op<P<undefined, undefined, { requests: WireOfferDetails[] }> & WithLanguage, typeof BulkOfferResponse._output>({
    id: 'bulkCreateOffer', method: 'POST', path: `${I}/bulk_create_offer`, ...inventory, idempotent: false, response: BulkOfferResponse,
  }),
  /** Up to 25 offers; a replay would revise live listings again (verify.ts reads getOffer first). */
  bulkPublishOffer: op<P<undefined, undefined, { requests: Array<{ offerId: string }> }>, typeof BulkPublishResponse._output>({
    id: 'bulkPublishOffer', method: 'POST', path: `${I}/bulk_publish_offer`, ...inventory, idempotent: false, response: BulkPublishResponse,
  }),
  /** Absolute values per SKU/offer, so a replay sets the same figures again. Up to 25 requests. */
  bulkUpdatePriceQuantity: op<P<undefined, undefined, { requests: PriceQuantity[] }>, typeof BulkPriceQuantityResponse._output>({
    id: 'bulkUpdatePriceQuantity', method: 'POST', path: `${I}/bulk_update_price_quantity`, ...inventory, idempotent: true, response: BulkPriceQuantityResponse,
  }),
};

export type EbayOperations = typeof ops;
