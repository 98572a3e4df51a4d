import type { CallOptions } from '../../src/http/call-options.js';
import type { Listing, ListingIssue } from '../../src/model/listing.js';
import type { AdapterContext } from './context.js';
import { listOf, sellerOps } from './operations.js';

/** The brand attribute: name id 2, mandatory in every category since 2021-10-15 (research B4 "post (classic)"). */
export const BRAND_ATTRIBUTE_ID = 2;

export interface CommonAttribute { nameId: number; name: string; required: boolean; values: Array<{ id: number; name: string }> }
export type AttributeEntry = Record<string, string | number>;

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
const issue = (code: string, message: string, attributes: string[]): ListingIssue => ({ code, message, severity: 'error', attributes, categories: [] });
/** Value names the platform uses for "no brand" / "other" (matched loosely: NONE, None, No Brand, Other). */
const UNBRANDED = ['none', 'nobrand', 'other'];

/**
 * A category's attribute ids from `aliexpress.solution.sku.attribute.query`: the documented answer
 * gives ids in `supporting_common_attribute_list[]{aliexpress_common_attribute_name_id, ..._name,
 * required, aliexpress_common_attribute_value_list[]{..._value_id, ..._value}}`
 * (specs/aliexpress/aliexpress_solution_sku_attribute_query.json#responseParams). Read once per
 * category per adapter.
 */
export class CategoryAttributes {
  private readonly cache = new Map<number, Promise<CommonAttribute[]>>();

  constructor(private readonly ctx: AdapterContext) {}

  of(categoryId: number, opts?: CallOptions): Promise<CommonAttribute[]> {
    let p = this.cache.get(categoryId);
    if (!p) {
      p = this.fetch(categoryId, opts);
      p.catch(() => this.cache.delete(categoryId));
      this.cache.set(categoryId, p);
    }
    return p;
  }

  /**
   * The `attribute_list` entry for the brand (name id 2). A brand must be one the seller may use
   * in the category (brand permission: "Brand name after applying in
   * sellerjoin.aliexpress.com ... If the seller has not applied any brand permission, please leave
   * this field blank", specs/aliexpress/aliexpress_solution_product_post.json#brand_name); goods
   * without a brand take the category's "none" value, else its "other" value, which is filled
   * with name id, value id and attribute_value (product_post.json#attribute_list, case 3).
   */
  brand(l: Listing, attrs: CommonAttribute[]): { entry?: AttributeEntry; issues: ListingIssue[] } {
    const given = ((l.marketplace.aliexpress?.attributes ?? []) as AttributeEntry[]).find((a) => Number(a.aliexpress_attribute_name_id) === BRAND_ATTRIBUTE_ID);
    if (given) return { entry: given, issues: [] };
    const brand = attrs.find((a) => a.nameId === BRAND_ATTRIBUTE_ID);
    if (!brand) return { issues: [issue('BRAND_ATTRIBUTE_UNAVAILABLE', 'the category lists no brand attribute (id 2), which AliExpress requires', ['brand'])] };
    if (l.brand) {
      const v = brand.values.find((x) => norm(x.name) === norm(l.brand!));
      if (v) return { entry: { aliexpress_attribute_name_id: BRAND_ATTRIBUTE_ID, aliexpress_attribute_value_id: v.id }, issues: [] };
      return { issues: [issue('BRAND_NOT_AUTHORIZED', `brand "${l.brand}" is not among the brands this seller may use in the category; apply for it in the AliExpress seller center, or list the item without a brand`, ['brand'])] };
    }
    for (const name of UNBRANDED) {
      const v = brand.values.find((x) => norm(x.name) === name);
      if (v) return { entry: { aliexpress_attribute_name_id: BRAND_ATTRIBUTE_ID, aliexpress_attribute_value_id: v.id, ...(name === 'other' ? { attribute_value: 'NONE' } : {}) }, issues: [] };
    }
    return { issues: [issue('BRAND_NONE_UNAVAILABLE', 'the category offers no "none"/"other" brand value for unbranded goods', ['brand'])] };
  }

  /**
   * `sku_attributes_list` of one variant by ids (`sku_attribute_name_id` / `sku_attribute_value_id`;
   * the free-text `sku_attribute_name` is deprecated, product_post.json#sku_info_list.sku_attributes_list):
   * each option is matched by name and value against the category's attributes.
   */
  skuAttributes(options: Record<string, string>, attrs: CommonAttribute[], path: string): { entries: AttributeEntry[]; issues: ListingIssue[] } {
    const entries: AttributeEntry[] = [];
    const issues: ListingIssue[] = [];
    for (const [name, value] of Object.entries(options)) {
      const a = attrs.find((x) => norm(x.name) === norm(name));
      const v = a?.values.find((x) => norm(x.name) === norm(value));
      if (!a || !v) {
        issues.push(issue('SKU_ATTRIBUTE_UNRESOLVED', `${path}: option ${name}=${value} has no attribute id in this AliExpress category (aliexpress.solution.sku.attribute.query)`, [name]));
        continue;
      }
      entries.push({ sku_attribute_name_id: a.nameId, sku_attribute_value_id: v.id, ...(v.name !== value ? { sku_attribute_value: value } : {}) });
    }
    return { entries, issues };
  }

  private async fetch(categoryId: number, opts?: CallOptions): Promise<CommonAttribute[]> {
    const body = { query_sku_attribute_info_request: JSON.stringify({ aliexpress_category_id: categoryId }) };
    const res = await this.ctx.client.call(this.ctx.client.seller, sellerOps.skuAttributes, { body }, opts);
    const list = (res.data.result?.supporting_common_attribute_list ?? []) as Array<Record<string, unknown>>;
    return list.flatMap((a) => {
      const nameId = Number(a.aliexpress_common_attribute_name_id);
      if (!Number.isSafeInteger(nameId)) return [];
      const values = listOf.parse(a.aliexpress_common_attribute_value_list).flatMap((x) => {
        const r = x as { aliexpress_common_attribute_value_id?: unknown; aliexpress_common_attribute_value?: unknown };
        const id = Number(r.aliexpress_common_attribute_value_id);
        return Number.isSafeInteger(id) && typeof r.aliexpress_common_attribute_value === 'string' ? [{ id, name: r.aliexpress_common_attribute_value }] : [];
      });
      return [{ nameId, name: String(a.aliexpress_common_attribute_name ?? ''), required: a.required === true, values }];
    });
  }
}
