import { ValidationError } from '../../../src/errors/classes.js';
import type { Listing, ListingIssue, Variant } from '../../../src/model/listing.js';
import { toDecimal, type Money } from '../../../src/model/money.js';
import type { AmazonMarketplace } from '../marketplaces.js';
import type { Attributes, Requirements } from '../schemas/listings.js';
import { filterAttributes, type ProductTypeDefinitions } from './attribute-filter.js';
import { fbaChannel, type Fulfilment } from './fulfilment-channel.js';

/**
 * Unified Listing → Listings Items attributes for one store. Attribute names and shapes follow the
 * model's examples (item_name, brand, bullet_point, list_price, item_package_weight,
 * item_package_dimensions, part_number...) and the listings feed examples (fulfillment_availability);
 * the product-type specific ones (purchasable_offer, externally_assigned_product_identifier,
 * parentage_level, child_parent_sku_relationship, variation_theme, merchant_suggested_asin, image
 * locators) follow Amazon's product type definitions. `marketplace.amazon.attributes` wins last.
 */
export interface SkuSubmission {
  sku: string;
  role: 'single' | 'parent' | 'child';
  /** From the typed override; otherwise the adapter's memory or a lookup supplies it. */
  productType?: string;
  requirements: Requirements;
  attributes: Attributes;
  parentSku?: string;
  /** What the caller said about fulfilment (marketplace.amazon.fulfilment). */
  fulfilment?: Fulfilment;
  /** Per-SKU warnings of the mapping itself (e.g. a dropped attribute column). */
  warnings: ListingIssue[];
}

export interface MapOptions {
  fulfilment?: Fulfilment;
  /** Cached product type definitions: only the attributes a product type defines are sent. */
  definitions?: ProductTypeDefinitions;
}

const CONDITION: Record<Listing['condition'], string> = {
  new: 'new_new',
  refurbished: 'refurbished_refurbished',
  used_like_new: 'used_like_new',
  used_very_good: 'used_very_good',
  used_good: 'used_good',
  used_acceptable: 'used_acceptable',
};
const WEIGHT_UNIT = { kg: 'kilograms', g: 'grams', lb: 'pounds', oz: 'ounces' } as const;
const LENGTH_UNIT = { cm: 'centimeters', mm: 'millimeters', in: 'inches', m: 'meters' } as const;
/** Other image slots available next to the main one. */
const OTHER_IMAGE_SLOTS = 8;

/** Neutral option/attribute names → Amazon attribute names. */
export function amazonAttributeName(name: string): string {
  const n = name.trim().toLowerCase().replace(/[\s-]+/g, '_');
  return n === 'colour' ? 'color' : n;
}

/** Money goes on the wire as a JSON number: its shortest decimal text equals toDecimal exactly. */
function wireNumber(m: Money): number {
  return Number(toDecimal(m));
}

/** The consumer offer (audience ALL) only: B2B offers and the entry's other prices are left alone (listing-diff.ts). */
export function purchasableOffer(price: Money, market: AmazonMarketplace) {
  return [{ audience: 'ALL', currency: price.currency, marketplace_id: market.id, our_price: [{ schedule: [{ value_with_tax: wireNumber(price) }] }] }];
}

export function fulfillmentAvailability(quantity: number, handlingTimeDays?: number) {
  return [{ fulfillment_channel_code: 'DEFAULT', quantity, ...(handlingTimeDays !== undefined ? { lead_time_to_ship_max_days: handlingTimeDays } : {}) }];
}

function checkCurrency(m: Money, market: AmazonMarketplace, path: string): Money {
  if (m.currency !== market.currency) {
    throw new ValidationError({ message: `${path} is in ${m.currency} but Amazon ${market.country} sells in ${market.currency}; convert it first`, path: `${path}.currency` });
  }
  return m;
}

function common(listing: Listing, market: AmazonMarketplace): Attributes {
  const mp = market.id;
  const text = (value: string) => [{ value, language_tag: market.language, marketplace_id: mp }];
  const out: Attributes = { item_name: text(listing.title) };
  if (listing.brand) out.brand = text(listing.brand);
  if (listing.bullets.length) out.bullet_point = listing.bullets.map((b) => ({ value: b, language_tag: market.language, marketplace_id: mp }));
  if (listing.description) out.product_description = text(listing.description);
  for (const [key, value] of Object.entries(listing.attributes)) {
    out[amazonAttributeName(key)] = [typeof value === 'string' ? { value, language_tag: market.language, marketplace_id: mp } : { value, marketplace_id: mp }];
  }
  return out;
}

function images(urls: string[], mp: string): Attributes {
  const out: Attributes = {};
  const [main, ...rest] = urls;
  if (main) out.main_product_image_locator = [{ media_location: main, marketplace_id: mp }];
  rest.slice(0, OTHER_IMAGE_SLOTS).forEach((url, i) => (out[`other_product_image_locator_${i + 1}`] = [{ media_location: url, marketplace_id: mp }]));
  return out;
}

function identifiers(ids: Listing['identifiers'], mp: string): Attributes {
  const out: Attributes = {};
  const picked = (['gtin', 'ean', 'upc', 'isbn'] as const).find((k) => ids[k]);
  if (picked) out.externally_assigned_product_identifier = [{ type: picked, value: ids[picked]!, marketplace_id: mp }];
  if (ids.mpn) out.part_number = [{ value: ids.mpn, marketplace_id: mp }];
  return out;
}

function physical(listing: Listing, mp: string): Attributes {
  const out: Attributes = {};
  const w = listing.package.weight;
  if (w) out.item_package_weight = [{ unit: WEIGHT_UNIT[w.unit], value: w.value, marketplace_id: mp }];
  const d = listing.package.dimensions;
  if (d) {
    const unit = LENGTH_UNIT[d.unit];
    out.item_package_dimensions = [{ length: { unit, value: d.length }, width: { unit, value: d.width }, height: { unit, value: d.height }, marketplace_id: mp }];
  }
  if (listing.customs.originCountry) out.country_of_origin = [{ value: listing.customs.originCountry, marketplace_id: mp }];
  return out;
}

/** Sales terms: condition, selling price (purchasable_offer), RRP (list_price), stock + handling time. */
function offer(listing: Listing, price: Money, quantity: number, market: AmazonMarketplace, path: string, o: MapOptions): Attributes {
  const mp = market.id;
  const out: Attributes = {
    condition_type: [{ value: CONDITION[listing.condition], marketplace_id: mp }],
    purchasable_offer: purchasableOffer(checkCurrency(price, market, `${path}price`), market),
    // FBA: the channel only; Amazon counts the stock in its warehouses.
    fulfillment_availability: o.fulfilment === 'amazon' ? [{ fulfillment_channel_code: fbaChannel(market) }] : fulfillmentAvailability(quantity, listing.handlingTimeDays),
  };
  if (listing.listPrice) {
    const rrp = checkCurrency(listing.listPrice, market, 'listPrice');
    out.list_price = [{ currency: rrp.currency, value: wireNumber(rrp), marketplace_id: mp }];
  }
  return out;
}

export function variationTheme(listing: Listing): string {
  return listing.marketplace.amazon?.variationTheme ?? listing.optionNames.map((n) => amazonAttributeName(n).toUpperCase()).join('/');
}

function single(listing: Listing, market: AmazonMarketplace, o: MapOptions): SkuSubmission {
  const mp = market.id;
  const override = listing.marketplace.amazon;
  if (listing.identifiers.asin) {
    // An offer on an existing catalog item: sales terms only.
    return {
      sku: listing.sku, role: 'single', productType: override?.productType, requirements: 'LISTING_OFFER_ONLY', fulfilment: o.fulfilment, warnings: [],
      attributes: { merchant_suggested_asin: [{ value: listing.identifiers.asin, marketplace_id: mp }], ...offer(listing, listing.price, listing.quantity, market, '', o), ...(override?.attributes as Attributes) },
    };
  }
  return {
    sku: listing.sku, role: 'single', productType: override?.productType, requirements: 'LISTING', fulfilment: o.fulfilment, warnings: [],
    attributes: {
      ...common(listing, market), ...identifiers(listing.identifiers, mp), ...images(listing.images, mp), ...physical(listing, mp),
      ...offer(listing, listing.price, listing.quantity, market, '', o), ...(override?.attributes as Attributes),
    },
  };
}

function child(listing: Listing, v: Variant, index: number, market: AmazonMarketplace, theme: string, o: MapOptions): SkuSubmission {
  const mp = market.id;
  const options: Attributes = {};
  for (const [name, value] of Object.entries(v.options)) options[amazonAttributeName(name)] = [{ value, language_tag: market.language, marketplace_id: mp }];
  const ids = v.identifiers.asin ? { merchant_suggested_asin: [{ value: v.identifiers.asin, marketplace_id: mp }] } : identifiers(v.identifiers, mp);
  return {
    sku: v.sku, role: 'child', productType: listing.marketplace.amazon?.productType, requirements: 'LISTING', parentSku: listing.sku, fulfilment: o.fulfilment, warnings: [],
    attributes: {
      ...common(listing, market), ...ids, ...images(v.images.length ? v.images : listing.images, mp), ...physical(listing, mp),
      ...offer(listing, v.price ?? listing.price, v.quantity ?? listing.quantity, market, `variants[${index}].`, o),
      ...options,
      parentage_level: [{ value: 'child', marketplace_id: mp }],
      child_parent_sku_relationship: [{ child_relationship_type: 'variation', parent_sku: listing.sku, marketplace_id: mp }],
      variation_theme: [{ name: theme }],
      ...(listing.marketplace.amazon?.attributes as Attributes),
    },
  };
}

/** One submission per SKU: a single listing, or a non-buyable parent followed by its children. */
export function listingToSubmissions(listing: Listing, market: AmazonMarketplace, o: MapOptions = {}): SkuSubmission[] {
  return filterAttributes(mapListing(listing, market, o), listing, o.definitions);
}

function mapListing(listing: Listing, market: AmazonMarketplace, o: MapOptions): SkuSubmission[] {
  if (listing.variants.length === 0) return [single(listing, market, o)];
  const mp = market.id;
  const theme = variationTheme(listing);
  const parent: SkuSubmission = {
    sku: listing.sku, role: 'parent', productType: listing.marketplace.amazon?.productType, requirements: 'LISTING', warnings: [],
    attributes: {
      ...common(listing, market), ...images(listing.images, mp),
      parentage_level: [{ value: 'parent', marketplace_id: mp }],
      // Parents carry the relationship too (product type definitions: with parentage_level set,
      // child_parent_sku_relationship is required; child_relationship_type "variation", parent_sku only on children).
      child_parent_sku_relationship: [{ child_relationship_type: 'variation', marketplace_id: mp }],
      variation_theme: [{ name: theme }],
      ...(listing.marketplace.amazon?.attributes as Attributes),
    },
  };
  return [parent, ...listing.variants.map((v, i) => child(listing, v, i, market, theme, o))];
}
