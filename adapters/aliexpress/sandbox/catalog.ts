import type { SandboxResponse } from '../../../src/sandbox/router.js';
import { fail } from './envelope.js';
import type { AliExpressSandboxState } from './state.js';

const refuse = (sub_code: string, sub_msg: string): SandboxResponse => fail('ISV', '15', 'Remote service error', { sub_code, sub_msg });

/** A category's attributes as `supporting_common_attribute_list` entries (specs/aliexpress/aliexpress_solution_sku_attribute_query.json). */
export interface SandboxAttribute { id: number; name: string; required: boolean; values: Array<{ id: number; name: string }> }

/**
 * Sample attribute ids of every sandbox category: brand (2) with the seller's authorized brands
 * and the "NONE" value, colour and size for variations. Values are invented test data; the shape
 * is the documented one.
 */
export function sampleAttributes(brands: readonly string[]): SandboxAttribute[] {
  return [
    { id: 2, name: 'Brand Name', required: true, values: [{ id: 201512802, name: 'NONE' }, ...brands.map((name, i) => ({ id: 203000001 + i, name }))] },
    { id: 14, name: 'Color', required: false, values: ['Black', 'White', 'Red', 'Blue', 'Grey', 'Green'].map((name, i) => ({ id: 29 + i, name })) },
    { id: 5, name: 'Size', required: false, values: ['XS', 'S', 'M', 'L', 'XL', 'S/M', 'L/XL'].map((name, i) => ({ id: 100014064 + i, name })) },
    { id: 200000828, name: 'Model', required: false, values: ['iPhone 15', 'iPhone 16', 'Pixel 9'].map((name, i) => ({ id: 202000001 + i, name })) },
  ];
}

type Sku = { sku_code?: unknown; inventory?: unknown; sku_attributes_list?: Array<Record<string, unknown>>; sku_image_url?: unknown };

/**
 * The documented rules a product post/edit must meet, checked in the gateway's place:
 * - leaf category, and its required attributes (the `categories` option);
 * - brand, attribute id 2, in every product, with one of the category's brand value ids
 *   (mandatory since 2021-10-15: research B4 "post (classic)"; values from sku.attribute.query);
 * - `product_id` is a Number (specs/aliexpress/aliexpress_solution_product_edit.json#product_id);
 * - SKU stock 1..999999 ("inventory ... Maximum:999999, minumum:1", product_post.json / product_edit.json);
 * - SKU attributes by `sku_attribute_name_id` + `sku_attribute_value_id` of the category (the free-text
 *   `sku_attribute_name` is "Deprecated, please use sku_attribute_name_id"; this simulator reads that
 *   strictly and refuses it), required for each SKU when there are several (product_post.json#sku_attributes_list);
 * - images from the photobank: "The image url needs to be obtained via uploading the image through
 *   ... uploadimageforsdk" (product_post.json#marketing_images; photobank-only since 2022-08-11, research B4 "images").
 */
export function productRuleViolation(world: AliExpressSandboxState, r: Record<string, unknown>, edit: boolean): SandboxResponse | undefined {
  const cat = Number(r.aliexpress_category_id);
  const need = world.categories[cat];
  if (!need) return refuse('isv.category-not-leaf', `category ${cat} is not a leaf category you may publish to`);
  if (edit && typeof r.product_id !== 'number') return refuse('isv.param-error', 'product_id must be a number');
  const attrs = (r.attribute_list as Array<{ aliexpress_attribute_name_id?: unknown; aliexpress_attribute_value_id?: unknown }> | undefined) ?? [];
  const catalog = world.attributesOf(cat);
  for (const id of new Set([2, ...need])) if (!attrs.some((a) => a.aliexpress_attribute_name_id === id)) {
    return refuse('isv.required-attribute-missing', `attribute ${id} is required in category ${cat}`);
  }
  const brand = attrs.find((a) => a.aliexpress_attribute_name_id === 2)!;
  if (!catalog.find((a) => a.id === 2)!.values.some((v) => v.id === brand.aliexpress_attribute_value_id)) {
    return refuse('isv.brand-not-authorized', `brand value ${String(brand.aliexpress_attribute_value_id)} is not available to this seller in category ${cat}`);
  }
  const skus = r.sku_info_list as Sku[] | undefined;
  if (!Array.isArray(skus) || !skus.length) return refuse('isv.param-error', 'sku_info_list is required');
  for (const s of skus) {
    const inv = s.inventory;
    if (typeof inv !== 'number' || !Number.isInteger(inv) || inv < 1 || inv > 999999) return refuse('isv.param-error', `inventory of ${String(s.sku_code)} must be 1..999999`);
    const list = s.sku_attributes_list ?? [];
    if (skus.length > 1 && !list.length) return refuse('isv.param-error', `sku_attributes_list is required for ${String(s.sku_code)} when a product has several SKUs`);
    for (const a of list) {
      const def = catalog.find((x) => x.id === a.sku_attribute_name_id);
      if (!def || !def.values.some((v) => v.id === a.sku_attribute_value_id)) return refuse('isv.sku-attribute-invalid', `${String(s.sku_code)}: sku_attribute_name_id/sku_attribute_value_id are required and must be ids of category ${cat}`);
      const image = a.sku_image_url ?? a.sku_image;
      if (image !== undefined && !world.photobank.has(String(image))) return refuse('isv.image-not-in-photobank', `sku image ${String(image)} is not a photobank URL`);
    }
  }
  const images = r.main_image_urls_list as unknown[] | undefined;
  if (!Array.isArray(images) || !images.length || images.length > 6) return refuse('isv.param-error', 'main_image_urls_list takes 1 to 6 images');
  const foreign = images.find((u) => !world.photobank.has(String(u)));
  if (foreign !== undefined) return refuse('isv.image-not-in-photobank', `image ${String(foreign)} is not a photobank URL`);
  return undefined;
}
