import { z } from 'zod';
import { Amount, ErrorDetail } from './common.js';

/** sell_inventory_v1_oas3.json: the fields the adapter writes and reads. */
export interface WireProduct {
  title: string;
  description?: string;
  aspects?: Record<string, string[]>;
  brand?: string;
  mpn?: string;
  ean?: string[];
  upc?: string[];
  isbn?: string[];
  imageUrls?: string[];
}

export interface WireInventoryItem {
  product: WireProduct;
  condition: string;
  availability: { shipToLocationAvailability: { quantity: number } };
  packageWeightAndSize?: {
    weight?: { value: number; unit: 'POUND' | 'KILOGRAM' | 'OUNCE' | 'GRAM' };
    dimensions?: { length: number; width: number; height: number; unit: 'INCH' | 'FEET' | 'CENTIMETER' | 'METER' };
  };
}

export interface WireOfferDetails {
  sku: string;
  marketplaceId: string;
  format: 'FIXED_PRICE';
  availableQuantity: number;
  categoryId?: string;
  listingDescription?: string;
  listingDuration?: 'GTC';
  listingPolicies?: { fulfillmentPolicyId: string; paymentPolicyId: string; returnPolicyId: string };
  merchantLocationKey?: string;
  pricingSummary: { price: { value: string; currency: string } };
}

/** updateOffer body: EbayOfferDetailsWithId has no sku, marketplaceId or format. */
export type WireOfferUpdate = Omit<WireOfferDetails, 'sku' | 'marketplaceId' | 'format'> & Record<string, unknown>;

export const WarningsResponse = z.object({ warnings: z.array(ErrorDetail).optional() }).loose().optional();

export const InventoryItemRead = z
  .object({
    sku: z.string().optional(),
    locale: z.string().optional(),
    condition: z.string().optional(),
    product: z.object({ title: z.string().optional() }).loose().optional(),
    availability: z.object({ shipToLocationAvailability: z.object({ quantity: z.number().int().optional() }).loose().optional() }).loose().optional(),
  })
  .loose();

export const Offer = z
  .object({
    offerId: z.string(),
    sku: z.string().optional(),
    marketplaceId: z.string().optional(),
    status: z.string().optional(),
    availableQuantity: z.number().int().optional(),
    pricingSummary: z.object({ price: Amount.optional() }).loose().optional(),
    listing: z.object({ listingId: z.string().optional(), listingStatus: z.string().optional() }).loose().optional(),
  })
  .loose();
export type Offer = z.infer<typeof Offer>;

export const Offers = z.object({ offers: z.array(Offer).default([]), total: z.number().optional() }).loose();
export const OfferResponse = z.object({ offerId: z.string().optional(), warnings: z.array(ErrorDetail).optional() }).loose();
/** 204 No Content is success too (specs/ebay/sell_inventory_v1_oas3.json#/paths/~1offer~1{offerId}/put). */
export const UpdateOfferResponse = z.union([OfferResponse, z.literal(''), z.undefined(), z.null()]).transform((v) => (v && typeof v === 'object' ? v : {}));
export const PublishResponse = z.object({ listingId: z.string().optional(), warnings: z.array(ErrorDetail).optional() }).loose();

export interface PriceQuantity {
  sku?: string;
  shipToLocationAvailability?: { quantity: number };
  offers?: Array<{ offerId: string; availableQuantity?: number; price?: { value: string; currency: string } }>;
}

export const BulkPriceQuantityResponse = z
  .object({ responses: z.array(z.object({ sku: z.string().optional(), offerId: z.string().optional(), statusCode: z.number().int(), errors: z.array(ErrorDetail).optional(), warnings: z.array(ErrorDetail).optional() }).loose()).default([]) })
  .loose();

/** createOrReplaceInventoryItemGroup body (InventoryItemGroup; the key travels in the path). */
export interface WireItemGroup {
  title: string;
  description?: string;
  imageUrls?: string[];
  aspects?: Record<string, string[]>;
  variantSKUs: string[];
  variesBy: { specifications: Array<{ name: string; values: string[] }>; aspectsImageVariesBy?: string[] };
  [field: string]: unknown;
}

export const ItemGroupRead = z.object({ inventoryItemGroupKey: z.string().optional(), variantSKUs: z.array(z.string()).optional() }).loose();

/** Per-item results of the bulk listing calls (BulkInventoryItemResponse, BulkGetInventoryItemResponse, BulkOfferResponse, BulkPublishResponse). */
const BulkEntry = { sku: z.string().optional(), statusCode: z.number().int(), errors: z.array(ErrorDetail).optional(), warnings: z.array(ErrorDetail).optional() };
export const BulkItemResponse = z.object({ responses: z.array(z.object({ ...BulkEntry, locale: z.string().optional() }).loose()).default([]) }).loose();
export const BulkGetItemResponse = z.object({ responses: z.array(z.object({ ...BulkEntry, inventoryItem: z.record(z.string(), z.unknown()).optional() }).loose()).default([]) }).loose();
export const BulkOfferResponse = z.object({ responses: z.array(z.object({ ...BulkEntry, offerId: z.string().optional(), marketplaceId: z.string().optional(), format: z.string().optional() }).loose()).default([]) }).loose();
export const BulkPublishResponse = z.object({ responses: z.array(z.object({ ...BulkEntry, offerId: z.string().optional(), listingId: z.string().optional() }).loose()).default([]) }).loose();
export type BulkOfferOut = z.output<typeof BulkOfferResponse>;
export type BulkPublishOut = z.output<typeof BulkPublishResponse>;
