import { ValidationError } from '../../../src/errors/index.js';
import type { Listing, ListingIssue } from '../../../src/model/listing.js';
import { toDecimal, type Money } from '../../../src/model/money.js';
import type { ResolvedConfig } from '../config.js';

const KG = { kg: 1, g: 0.001, lb: 0.45359237, oz: 0.028349523125 } as const;
const CM = { cm: 1, mm: 0.1, in: 2.54, m: 100 } as const;

const issue = (code: string, message: string, attributes: string[] = []): ListingIssue => ({ code, message, severity: 'error', attributes, categories: [] });

/** Product-level problems AliExpress would refuse, found before any call. */
export function localIssues(l: Listing, cfg: ResolvedConfig): ListingIssue[] {
  const d = cfg.listingDefaults;
  const out: ListingIssue[] = [];
  if (!(l.marketplace.aliexpress?.categoryId ?? d.categoryId)) out.push(issue('MISSING_CATEGORY', 'aliexpress_category_id is required (marketplace.aliexpress.categoryId or listingDefaults.categoryId)', ['category']));
  if (d.freightTemplateId === undefined) out.push(issue('MISSING_FREIGHT_TEMPLATE', 'freight_template_id is required (listingDefaults.freightTemplateId)', ['freight_template_id']));
  if (d.servicePolicyId === undefined) out.push(issue('MISSING_SERVICE_POLICY', 'service_policy_id is required (listingDefaults.servicePolicyId)', ['service_policy_id']));
  if (l.images.length === 0) out.push(issue('MISSING_IMAGES', 'main_image_urls_list needs at least one image (photobank URLs)', ['images']));
  if (!l.package.weight) out.push(issue('MISSING_WEIGHT', 'weight is required', ['package.weight']));
  if (!l.package.dimensions) out.push(issue('MISSING_DIMENSIONS', 'package_length/width/height are required', ['package.dimensions']));
  return out;
}

function priceOf(m: Money, cfg: ResolvedConfig, path: string): string {
  if (m.currency !== cfg.store.currency) throw new ValidationError({ message: `price is in ${m.currency} but the store lists in ${cfg.store.currency}`, path });
  return toDecimal(m);
}

const cm = (v: number, unit: keyof typeof CM) => Math.min(700, Math.max(1, Math.ceil(v * CM[unit])));

/** What the adapter resolved through the API before building the request. */
export interface Resolved {
  productId?: string;
  /** The brand entry (attribute id 2), from CategoryAttributes.brand. */
  brand?: Record<string, string | number>;
  /** sku_attributes_list per variant, in variant order. */
  skuAttributes: Array<Array<Record<string, string | number>>>;
  /** Main images as photobank URLs, in listing order. */
  images: string[];
  /** Per-variant image (photobank URL) when the variant has one. */
  skuImages?: Array<string | undefined>;
}

/**
 * Stock on product post/edit is 1..999999 per SKU ("inventory ... Maximum:999999, minumum:1",
 * specs/aliexpress/aliexpress_solution_product_post.json#sku_info_list.inventory, same in
 * product_edit.json): a sold-out SKU is sent with 1 and then set to 0 through
 * batch.product.inventory.update, which documents no minimum (aliexpress_solution_batch_product_inventory_update.json).
 */
export const postedStock = (qty: number) => Math.min(999999, Math.max(1, qty));

/** The neutral listing → PostProductRequestDto (research B4 "post (classic)"). Assumes localIssues() is empty. */
export function postProductRequest(l: Listing, cfg: ResolvedConfig, r: Resolved): Record<string, unknown> {
  const d = cfg.listingDefaults;
  const language = cfg.store.language;
  const skus = l.variants.length
    ? l.variants.map((v, i) => {
      const attrs = r.skuAttributes[i] ?? [];
      const image = r.skuImages?.[i];
      return {
        sku_code: v.sku, price: priceOf(v.price ?? l.price, cfg, `variants.${i}.price`), inventory: postedStock(v.quantity ?? l.quantity),
        // The variant image sits on its first attribute: `sku_image_url` on post, `sku_image` on edit (product_post.json / product_edit.json#sku_attributes_list).
        sku_attributes_list: image && attrs.length ? [{ ...attrs[0], [r.productId ? 'sku_image' : 'sku_image_url']: image }, ...attrs.slice(1)] : attrs,
        ...(v.identifiers.ean ? { ean_code: v.identifiers.ean } : {}),
      };
    })
    : [{ sku_code: l.sku, price: priceOf(l.price, cfg, 'price'), inventory: postedStock(l.quantity), ...(l.identifiers.ean ? { ean_code: l.identifiers.ean } : {}) }];
  const w = l.package.weight!;
  const dim = l.package.dimensions!;
  const attributes = [
    ...((l.marketplace.aliexpress?.attributes as Record<string, unknown>[] | undefined) ?? []),
    ...(r.brand && !(l.marketplace.aliexpress?.attributes ?? []).includes(r.brand) ? [r.brand] : []),
    ...Object.entries(l.attributes).map(([name, value]) => ({ attribute_name: name, attribute_value: String(value) })),
  ];
  return {
    ...(r.productId ? { product_id: r.productId } : {}),
    language,
    multi_language_subject_list: [{ language, subject: l.title.slice(0, 218) }],
    ...(l.description ? { multi_language_description_list: [{ language, web_detail: l.description, mobile_detail: l.description }] } : {}),
    aliexpress_category_id: l.marketplace.aliexpress?.categoryId ?? d.categoryId,
    main_image_urls_list: r.images.slice(0, 6),
    ...(attributes.length ? { attribute_list: attributes } : {}),
    ...(l.brand ? { brand_name: l.brand } : {}),
    sku_info_list: skus,
    inventory_deduction_strategy: d.inventoryDeductionStrategy,
    weight: (w.value * KG[w.unit]).toFixed(3),
    package_length: cm(dim.length, dim.unit), package_width: cm(dim.width, dim.unit), package_height: cm(dim.height, dim.unit),
    freight_template_id: d.freightTemplateId,
    shipping_lead_time: l.handlingTimeDays ?? d.shippingLeadTime,
    service_policy_id: d.servicePolicyId,
    ...(d.productUnit ? { product_unit: d.productUnit } : {}),
  };
}

/**
 * The request as its JSON parameter, with `product_id` a bare JSON number ("product_id (Number)",
 * product_edit.json) written from its digits (ids are not round-tripped through floats).
 */
export function requestJson(req: Record<string, unknown>): string {
  const id = req.product_id;
  if (id === undefined) return JSON.stringify(req);
  if (!/^\d{1,20}$/.test(String(id))) throw new Error(`bad AliExpress product id ${String(id)}`);
  return JSON.stringify({ ...req, product_id: '@@PRODUCT_ID@@' }).replace('"@@PRODUCT_ID@@"', String(id));
}

/** product_status_type → unified listing status. */
export function listingStatus(s: string): 'active' | 'inactive' | 'pending' | 'invalid' {
  return s === 'onSelling' ? 'active' : s === 'offline' ? 'inactive' : s === 'auditing' ? 'pending' : 'invalid';
}
