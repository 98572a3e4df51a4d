/**
 * What the adapter remembers about a SKU in a marketplace. PATCH needs the product type, and the
 * bulk path must know whether a SKU exists (UPDATE for new SKUs, PATCH for existing ones) without
 * one call per SKU. Callers can persist it by supplying their own implementation.
 */
export interface RememberedListing {
  /** Unknown when the SKU was learnt from the merchant listings report (it has no product type). */
  productType?: string;
  exists: boolean;
  /** FBA stock is read-only: learnt from fulfillmentAvailability channel codes. */
  fulfilledBy?: 'merchant' | 'amazon';
  /** The fulfillment_channel_code (DEFAULT, AMAZON_EU...): what a write must keep. */
  channel?: string;
}

export interface ListingMemory {
  get(marketplaceId: string, sku: string): RememberedListing | undefined | Promise<RememberedListing | undefined>;
  set(marketplaceId: string, sku: string, value: RememberedListing): void | Promise<void>;
}

export class MemoryListingMemory implements ListingMemory {
  private readonly map = new Map<string, RememberedListing>();
  get(marketplaceId: string, sku: string) {
    return this.map.get(`${marketplaceId}\n${sku}`);
  }
  set(marketplaceId: string, sku: string, value: RememberedListing) {
    const key = `${marketplaceId}\n${sku}`;
    this.map.set(key, { ...this.map.get(key), ...value });
  }
}
