import type { ListingIssue, Listing } from '../../../src/model/listing.js';
import { toDecimal } from '../../../src/model/money.js';
import type { ListingDefaults } from '../config.js';
import { entriesOf } from '../errors.js';
import type { ErrorDetail } from '../schemas/common.js';
import type { WireInventoryItem, WireOfferDetails } from '../schemas/inventory.js';

/** Unified condition → ConditionEnum (sell/inventory types/slr:ConditionEnum). */
export const CONDITIONS: Record<Listing['condition'], string> = {
  new: 'NEW',
  refurbished: 'SELLER_REFURBISHED',
  used_like_new: 'USED_EXCELLENT',
  used_very_good: 'USED_VERY_GOOD',
  used_good: 'USED_GOOD',
  used_acceptable: 'USED_ACCEPTABLE',
};

const WEIGHT = { kg: 'KILOGRAM', g: 'GRAM', lb: 'POUND', oz: 'OUNCE' } as const;

/** Item specifics: the eBay override wins over neutral attributes; brand becomes the Brand aspect. */
export function aspectsOf(l: Listing): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(l.attributes)) out[k] = [String(v)];
  if (l.brand) out.Brand = [l.brand];
  if (l.identifiers.mpn) out.MPN = [l.identifiers.mpn];
  return { ...out, ...(l.marketplace.ebay?.aspects ?? {}) };
}

function packageOf(l: Listing): WireInventoryItem['packageWeightAndSize'] {
  const w = l.package.weight;
  const d = l.package.dimensions;
  if (!w && !d) return undefined;
  const dims = d && (d.unit === 'mm' ? { length: d.length / 10, width: d.width / 10, height: d.height / 10, unit: 'CENTIMETER' as const } : { length: d.length, width: d.width, height: d.height, unit: ({ cm: 'CENTIMETER', in: 'INCH', m: 'METER' } as const)[d.unit] });
  return { ...(w ? { weight: { value: w.value, unit: WEIGHT[w.unit] } } : {}), ...(dims ? { dimensions: dims } : {}) };
}

/** createOrReplaceInventoryItem body (the whole item: PUT replaces it). */
export function inventoryItemOf(l: Listing): WireInventoryItem {
  const ids = l.identifiers;
  const aspects = aspectsOf(l);
  const description = l.description ?? (l.bullets.length ? l.bullets.join('\n') : undefined);
  return {
    product: {
      title: l.title,
      ...(description ? { description } : {}),
      ...(Object.keys(aspects).length ? { aspects } : {}),
      ...(l.brand ? { brand: l.brand } : {}),
      ...(ids.mpn ? { mpn: ids.mpn } : {}),
      ...(ids.ean ? { ean: [ids.ean] } : ids.gtin?.length === 13 ? { ean: [ids.gtin] } : {}),
      ...(ids.upc ? { upc: [ids.upc] } : ids.gtin?.length === 12 ? { upc: [ids.gtin] } : {}),
      ...(ids.isbn ? { isbn: [ids.isbn] } : {}),
      ...(l.images.length ? { imageUrls: l.images } : {}),
    },
    condition: CONDITIONS[l.condition],
    availability: { shipToLocationAvailability: { quantity: l.quantity } },
    ...(packageOf(l) ? { packageWeightAndSize: packageOf(l) } : {}),
  };
}

/** createOffer/updateOffer fields xborder sets for one site (the seller SKU of that site). */
export function offerOf(l: Listing, sellerSku: string, marketplaceId: string, defaults: ListingDefaults, categoryId: string): WireOfferDetails {
  const description = l.description ?? (l.bullets.length ? l.bullets.join('\n') : undefined);
  const price = l.price as { amount: number; currency: string };
  return {
    sku: sellerSku,
    marketplaceId,
    format: 'FIXED_PRICE',
    availableQuantity: l.quantity,
    categoryId,
    ...(description ? { listingDescription: description } : {}),
    listingDuration: 'GTC',
    listingPolicies: { fulfillmentPolicyId: defaults.fulfillmentPolicyId, paymentPolicyId: defaults.paymentPolicyId, returnPolicyId: defaults.returnPolicyId },
    merchantLocationKey: defaults.merchantLocationKey,
    pricingSummary: { price: { value: toDecimal(price), currency: price.currency } },
  };
}

/** eBay errors/warnings → listing issues (parameters name the offending fields). */
export function issuesOf(details: readonly ErrorDetail[] | undefined, severity: ListingIssue['severity'], sku: string): ListingIssue[] {
  return entriesOf(details).map((e) => ({ code: e.code, message: e.details ?? e.message, severity, attributes: e.field ? e.field.split(',') : [], categories: [], sku }));
}
