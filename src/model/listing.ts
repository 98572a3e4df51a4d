import { z } from 'zod';
import { CountryCodeSchema } from './address.js';
import { MoneyInputSchema } from './money.js';

export const WeightSchema = z.object({ value: z.number().positive(), unit: z.enum(['kg', 'g', 'lb', 'oz']) });
export type Weight = z.infer<typeof WeightSchema>;

export const DimensionsSchema = z.object({
  length: z.number().positive(),
  width: z.number().positive(),
  height: z.number().positive(),
  unit: z.enum(['cm', 'mm', 'in', 'm']),
});
export type Dimensions = z.infer<typeof DimensionsSchema>;

export const IdentifiersSchema = z.object({
  gtin: z.string().regex(/^\d{8,14}$/, 'GTIN has 8 to 14 digits').optional(),
  ean: z.string().regex(/^\d{8}$|^\d{13}$/, 'EAN has 8 or 13 digits').optional(),
  upc: z.string().regex(/^\d{12}$/, 'UPC has 12 digits').optional(),
  isbn: z.string().regex(/^(\d{9}[\dX]|\d{13})$/, 'ISBN-10 or ISBN-13').optional(),
  mpn: z.string().optional(),
  /** An existing Amazon ASIN to offer against (LISTING_OFFER_ONLY). */
  asin: z.string().regex(/^[A-Z0-9]{10}$/).optional(),
});

export const ConditionSchema = z.enum(['new', 'refurbished', 'used_like_new', 'used_very_good', 'used_good', 'used_acceptable']);
export type Condition = z.infer<typeof ConditionSchema>;

const SkuSchema = z.string().min(1).max(40, 'SKUs are limited to 40 characters by Amazon/eBay');

export const VariantSchema = z.object({
  sku: SkuSchema,
  /** Option values, e.g. { size: 'M', color: 'Red' }; keys must be the listing's optionNames. */
  options: z.record(z.string(), z.string()),
  price: MoneyInputSchema.optional(),
  quantity: z.number().int().nonnegative().optional(),
  images: z.array(z.url()).default([]),
  identifiers: IdentifiersSchema.default({}),
});
export type Variant = z.infer<typeof VariantSchema>;

/** Typed per-marketplace overrides: the escape hatch for what the neutral model does not say. */
export const MarketplaceOverridesSchema = z.object({
  amazon: z
    .object({
      productType: z.string().optional(),
      /** Extra product-type attributes in SP-API shape, merged over the mapped ones. */
      attributes: z.record(z.string(), z.unknown()).optional(),
      variationTheme: z.string().optional(),
      /** Who fulfils a new listing: the merchant (DEFAULT channel) or Amazon (FBA); existing SKUs keep the channel Amazon reports. */
      fulfilment: z.enum(['merchant', 'amazon']).optional(),
    })
    .optional(),
  ebay: z.object({ categoryId: z.string().optional(), aspects: z.record(z.string(), z.array(z.string())).optional() }).optional(),
  shopee: z
    .object({
      categoryId: z.number().int().optional(),
      attributes: z.array(z.unknown()).optional(),
      brandId: z.number().int().optional(),
      logisticIds: z.array(z.number().int()).optional(),
      /**
       * Per-channel settings of add_item logistic_info (a channel named here is also enabled):
       * sizeId for SIZE_SELECTION channels, shippingFee for CUSTOM_PRICE ones, isFree when the
       * seller covers shipping (specs/shopee/v2.product.add_item.json logistic_info[]).
       */
      logistics: z
        .array(
          z.object({
            logisticId: z.number().int(),
            sizeId: z.number().int().optional(),
            shippingFee: MoneyInputSchema.optional(),
            isFree: z.boolean().optional(),
          }),
        )
        .optional(),
    })
    .optional(),
  aliexpress: z.object({ categoryId: z.number().int().optional(), attributes: z.array(z.unknown()).optional() }).optional(),
});

export const ListingSchema = z
  .object({
    sku: SkuSchema,
    title: z.string().min(1).max(500),
    description: z.string().optional(),
    bullets: z.array(z.string()).max(10).default([]),
    brand: z.string().optional(),
    condition: ConditionSchema.default('new'),
    images: z.array(z.url()).default([]),
    identifiers: IdentifiersSchema.default({}),
    /** Neutral attributes (e.g. { color: 'Red', material: 'Cotton' }). */
    attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
    price: MoneyInputSchema,
    /** Recommended retail price (Amazon list_price). */
    listPrice: MoneyInputSchema.optional(),
    quantity: z.number().int().nonnegative(),
    /** Option names of the variation family, e.g. ['size', 'color']. */
    optionNames: z.array(z.string()).default([]),
    variants: z.array(VariantSchema).default([]),
    package: z.object({ weight: WeightSchema.optional(), dimensions: DimensionsSchema.optional() }).default({}),
    customs: z.object({ hsCode: z.string().regex(/^\d{6,10}$/, 'HS code has 6 to 10 digits').optional(), originCountry: CountryCodeSchema.optional() }).default({}),
    handlingTimeDays: z.number().int().min(0).max(30).optional(),
    marketplace: MarketplaceOverridesSchema.default({}),
  })
  .superRefine((l, ctx) => {
    l.variants.forEach((v, i) => {
      for (const name of l.optionNames) {
        if (!(name in v.options)) ctx.addIssue({ code: 'custom', path: ['variants', i, 'options', name], message: `variant is missing option "${name}"` });
      }
    });
    if (l.variants.length > 0 && l.optionNames.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['optionNames'], message: 'a listing with variants needs optionNames' });
    }
    const seen = new Set([l.sku]);
    l.variants.forEach((v, i) => {
      if (seen.has(v.sku)) ctx.addIssue({ code: 'custom', path: ['variants', i, 'sku'], message: `duplicate sku "${v.sku}"` });
      seen.add(v.sku);
    });
  });
export type Listing = z.infer<typeof ListingSchema>;
export type ListingInput = z.input<typeof ListingSchema>;

export const ListingIssueSchema = z.object({
  code: z.string(),
  message: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  attributes: z.array(z.string()).default([]),
  categories: z.array(z.string()).default([]),
  sku: z.string().optional(),
});
export type ListingIssue = z.infer<typeof ListingIssueSchema>;

export type ListingStatus = 'accepted' | 'active' | 'inactive' | 'invalid' | 'not_found' | 'pending' | 'deleted';

/** Outcome of an upsert/validate/get on one store. */
export interface ListingResult {
  sku: string;
  store: string;
  status: ListingStatus;
  /** Marketplace's own listing id (ASIN, item_id, offerId...) when known. */
  marketplaceId?: string;
  issues: ListingIssue[];
  /** What the adapter did: created, updated (patched), unchanged, validated, deleted. */
  action?: 'created' | 'updated' | 'unchanged' | 'validated' | 'deleted' | 'read';
  raw?: unknown;
}

/** One bulk item's outcome: succeeded or failed with its cause, exactly once per SKU. */
export type BulkItemResult =
  | { sku: string; ok: true; result: ListingResult }
  | { sku: string; ok: false; error: import('../errors/xborder-error.js').XborderError };
