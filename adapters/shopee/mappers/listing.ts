import type { Dimensions, Listing, ListingIssue, Weight } from '../../../src/model/listing.js';
import type { Money } from '../../../src/model/money.js';
import { priceToWire } from '../money.js';
import type { AddItemBody, AttributeValue, Dimension, SellerStock, StandardiseTier } from '../schemas/requests.js';

export interface PriceRule {
  currency: string;
  decimals: number;
}

const issue = (code: string, message: string, attributes: string[] = []): ListingIssue => ({ code, message, severity: 'error', attributes, categories: [] });

const KG = { kg: 1, g: 0.001, lb: 0.45359237, oz: 0.028349523125 } as const;
const CM = { cm: 1, mm: 0.1, in: 2.54, m: 100 } as const;

/** Kilograms rounded to grams (Shopee's weight field is a float in kg). */
export function weightKg(w: Weight): number {
  return Math.round(w.value * KG[w.unit] * 1000) / 1000;
}

/** Whole centimetres, rounded up so the parcel is never under-declared. */
export function dimensionCm(d: Dimensions): Dimension {
  const cm = (v: number) => Math.max(1, Math.ceil(v * CM[d.unit] - 1e-9));
  return { package_length: cm(d.length), package_width: cm(d.width), package_height: cm(d.height) };
}

export function descriptionOf(l: Listing): string {
  const parts = [l.description?.trim(), ...l.bullets.map((b) => `- ${b}`)].filter(Boolean);
  return parts.length ? parts.join('\n') : l.title;
}

function attributesOf(raw: unknown[] | undefined): AttributeValue[] | undefined {
  if (!raw?.length) return undefined;
  return raw.filter((a): a is AttributeValue => typeof a === 'object' && a !== null && typeof (a as AttributeValue).attribute_id === 'number');
}

export function gtinOf(l: Listing): string | undefined {
  return l.identifiers.gtin ?? l.identifiers.ean ?? l.identifiers.upc;
}

/** What Shopee will refuse anyway, found before any upload or call. */
export function listingIssues(l: Listing, rule: PriceRule, logisticIds: number[]): ListingIssue[] {
  const out: ListingIssue[] = [];
  if (!l.marketplace.shopee?.categoryId) out.push(issue('MISSING_CATEGORY', 'Shopee needs marketplace.shopee.categoryId (a leaf category_id)', ['category_id']));
  if (!l.package.weight) out.push(issue('MISSING_WEIGHT', 'Shopee needs the package weight', ['weight']));
  if (!logisticIds.length) out.push(issue('MISSING_LOGISTICS', 'Shopee needs at least one logistics channel (marketplace.shopee.logisticIds or the logisticIds option)', ['logistic_info']));
  if (!l.images.length) out.push(issue('MISSING_IMAGE', 'Shopee needs at least one image', ['image']));
  if (l.images.length > 9) out.push(issue('TOO_MANY_IMAGES', 'Shopee takes at most 9 item images', ['image']));
  if (l.optionNames.length > 2) out.push(issue('TOO_MANY_TIERS', 'Shopee supports at most 2 variation tiers', ['tier_variation']));
  if (l.variants.length > 50) out.push(issue('TOO_MANY_VARIANTS', 'Shopee supports at most 50 models per item', ['model']));
  return [...out, ...priceIssues(l, rule)];
}

/** Prices in the store currency with the market's decimals (IDR/VND... whole numbers). */
export function priceIssues(l: Listing, rule: PriceRule): ListingIssue[] {
  const out: ListingIssue[] = [];
  const prices: Array<[Money, string]> = [[l.price, 'price'], ...l.variants.flatMap((v, i): Array<[Money, string]> => (v.price ? [[v.price, `variants[${i}].price`]] : []))];
  for (const [m, path] of prices) {
    try {
      priceToWire(m, rule.currency, rule.decimals, path);
    } catch (e) {
      out.push(issue('INVALID_PRICE', (e as Error).message, [path]));
    }
  }
  return out;
}

/** Unified listing → add_item body (images uploaded; logistic_info and pre_order checked by listing-rules.ts). */
export function toAddItem(l: Listing, rule: PriceRule, imageIds: string[], shipping: Pick<AddItemBody, 'logistic_info' | 'pre_order'>, locationId?: string): AddItemBody {
  const s = l.marketplace.shopee ?? {};
  const body: AddItemBody = {
    item_name: l.title,
    description: descriptionOf(l),
    item_sku: l.sku,
    category_id: s.categoryId!,
    original_price: priceToWire(l.price, rule.currency, rule.decimals),
    weight: weightKg(l.package.weight!),
    logistic_info: shipping.logistic_info,
    image: { image_id_list: imageIds },
    condition: l.condition === 'new' ? 'NEW' : 'USED',
    item_status: 'NORMAL',
    seller_stock: [{ ...(locationId ? { location_id: locationId } : {}), stock: l.variants.length ? 0 : l.quantity }],
  };
  if (l.package.dimensions) body.dimension = dimensionCm(l.package.dimensions);
  const attrs = attributesOf(s.attributes);
  if (attrs) body.attribute_list = attrs;
  if (s.brandId !== undefined) body.brand = { brand_id: s.brandId, original_brand_name: l.brand ?? 'NoBrand' };
  if (shipping.pre_order) body.pre_order = shipping.pre_order;
  const gtin = gtinOf(l);
  if (gtin) body.gtin_code = gtin;
  return body;
}

export interface TierPlan {
  tiers: StandardiseTier[];
  models: Array<{ sku: string; tier_index: number[]; price: number; stock: SellerStock[] }>;
}

/**
 * Variants → custom tiers (variation_id 0, as the documented payload sample sends them) and one
 * model per variant; `optionImages` maps a first-tier option value to its uploaded image id.
 */
export function toTiers(l: Listing, rule: PriceRule, optionImages: Map<string, string> = new Map(), locationId?: string): TierPlan {
  const values = l.optionNames.map((name) => [...new Set(l.variants.map((v) => v.options[name]!))]);
  const tiers = l.optionNames.map((name, t): StandardiseTier => ({
    variation_id: 0,
    variation_group_id: 0,
    variation_name: name,
    variation_option_list: values[t]!.map((value) => {
      const image_id = t === 0 ? optionImages.get(value) : undefined;
      return { variation_option_id: 0, variation_option_name: value, ...(image_id ? { image_id } : {}) };
    }),
  }));
  const models = l.variants.map((v, i) => ({
    sku: v.sku,
    tier_index: l.optionNames.map((name, t) => values[t]!.indexOf(v.options[name]!)),
    price: priceToWire(v.price ?? l.price, rule.currency, rule.decimals, `variants[${i}].price`),
    stock: [{ ...(locationId ? { location_id: locationId } : {}), stock: v.quantity ?? 0 }],
  }));
  return { tiers, models };
}
