import type { Offer, WireInventoryItem, WireOfferDetails, WireOfferUpdate } from '../schemas/inventory.js';

/**
 * eBay's writes are complete replacements: createOrReplaceInventoryItem "will do a complete
 * replacement of the existing inventory item record, so all fields that are currently defined ...
 * are required" and updateOffer "does a complete replacement of the existing offer object"
 * (specs/ebay/sell_inventory_v1_oas3.json#/paths/~1inventory_item~1{sku}/put and
 * #/paths/~1offer~1{offerId}/put). So each upsert reads the record, lays the fields xborder sets over
 * it and writes the result: best offer terms, store categories, VAT %, purchase limits, regulatory
 * data, condition descriptors, videos, ePID... set elsewhere survive.
 */

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});

/** Fields getInventoryItem returns that the PUT body does not take (InventoryItemWithSkuLocaleGroupid). */
const ITEM_READ_ONLY = ['sku', 'locale', 'groupIds', 'inventoryItemGroupKeys'];
/** Fields getOffers returns that updateOffer's body does not take (EbayOfferDetailsWithAll vs WithId). */
const OFFER_READ_ONLY = ['offerId', 'status', 'listing', 'sku', 'marketplaceId', 'format'];

const without = (o: Obj, keys: readonly string[]): Obj => Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));

export function mergeInventoryItem(existing: Obj | undefined, ours: WireInventoryItem): WireInventoryItem {
  const base = without(obj(existing), ITEM_READ_ONLY);
  const availability = obj(base.availability);
  return {
    ...base,
    ...ours,
    product: { ...obj(base.product), ...ours.product },
    // Quantity is the caller's; pickup and per-location availability set elsewhere stay.
    availability: { ...availability, shipToLocationAvailability: { ...obj(availability.shipToLocationAvailability), ...ours.availability.shipToLocationAvailability } },
    ...(ours.packageWeightAndSize || base.packageWeightAndSize ? { packageWeightAndSize: { ...obj(base.packageWeightAndSize), ...(ours.packageWeightAndSize ?? {}) } } : {}),
  } as WireInventoryItem;
}

export function mergeOffer(existing: Offer, ours: WireOfferDetails): WireOfferUpdate {
  const base = without(obj(existing), OFFER_READ_ONLY);
  const { sku: _s, marketplaceId: _m, format: _f, ...fields } = ours;
  return {
    ...base,
    ...fields,
    // Best offer terms, eBay Plus, compliance and take-back policies live in listingPolicies too.
    listingPolicies: { ...obj(base.listingPolicies), ...(fields.listingPolicies ?? {}) },
    // Minimum advertised / strikethrough pricing live next to the price.
    pricingSummary: { ...obj(base.pricingSummary), ...fields.pricingSummary },
    ...(fields.listingDescription === undefined && typeof base.listingDescription === 'string' ? { listingDescription: base.listingDescription } : {}),
  } as WireOfferUpdate;
}
