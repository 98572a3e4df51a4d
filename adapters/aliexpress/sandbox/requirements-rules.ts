import type { SandboxResponse } from '../../../src/sandbox/router.js';
import { fail } from './envelope.js';
import type { RequirementAttribute } from './requirements.js';
import { rolesOf } from './requirements.js';
import type { Handler } from './routes.js';
import type { AliExpressSandboxState } from './state.js';

const POST = 'specs/aliexpress/aliexpress_solution_product_post.json';
/**
 * Business refusals in the gateway's error envelope: `{"error_response":{"code":15,"msg":"Remote service
 * error","sub_code":"isv.…","sub_msg":"…"}}` (research B4, S15 ErrorResponseBody: isv.* sub-codes for
 * business validation), as the simulator's other product rules answer (catalog.ts).
 */
const refuse = (sub_code: string, sub_msg: string): SandboxResponse => fail('ISV', '15', 'Remote service error', { sub_code, sub_msg });

type Entry = { aliexpress_attribute_name_id?: unknown; aliexpress_attribute_value_id?: unknown; attribute_value?: unknown; attribute_name?: unknown };
const decimal = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+(\.\d+)?$/.test(v) ? Number(v) : NaN);

/** Values checked against product.post's documented ranges (POST#requestParams). */
function rangeViolation(r: Record<string, unknown>): SandboxResponse | undefined {
  // multi_language_subject_list[].subject: "maximum length 218 characters".
  for (const s of (r.multi_language_subject_list as Array<{ subject?: unknown }> | undefined) ?? []) {
    if (typeof s.subject !== 'string' || s.subject.length < 1 || [...s.subject].length > 218) return refuse('isv.param-error', 'subject must be 1..218 characters');
  }
  // weight: "in Kilograms (Kg) with a maximum 500 and minumum 0.001".
  const w = decimal(r.weight);
  if (r.weight !== undefined && !(w >= 0.001 && w <= 500)) return refuse('isv.param-error', `weight ${String(r.weight)} must be 0.001..500 kg`);
  // package_length / package_height / package_width: "Maximum 700 cm, minumum: 1 cm".
  for (const k of ['package_length', 'package_height', 'package_width']) {
    const v = r[k];
    if (v !== undefined && !(typeof v === 'number' && v >= 1 && v <= 700)) return refuse('isv.param-error', `${k} must be 1..700 cm`);
  }
  // sku_info_list[].price: "Maximum: 999999, minumum:0.01".
  for (const s of (r.sku_info_list as Array<{ sku_code?: unknown; price?: unknown }> | undefined) ?? []) {
    const p = decimal(s.price);
    if (!(p >= 0.01 && p <= 999999)) return refuse('isv.param-error', `price of ${String(s.sku_code)} must be 0.01..999999`);
  }
  return undefined;
}

/**
 * attribute_list against the category's attributes (POST#attribute_list): a standard dropdown entry
 * carries an aliexpress_attribute_value_id of that attribute (ids from sku.attribute.query), or
 * attribute_value when the value is typed in (cases 1-3); a multi-dropdown is split into one entry
 * per value and takes no more values than the category's schema allows (`maxItems`).
 */
function attributeViolation(attrs: RequirementAttribute[], list: Entry[], cat: number): SandboxResponse | undefined {
  const counts = new Map<number, number>();
  for (const e of list) {
    if (e.aliexpress_attribute_name_id === undefined) continue; // case 4: the merchant's own attribute name and value
    const a = attrs.find((x) => x.id === e.aliexpress_attribute_name_id);
    if (!a) return refuse('isv.attribute-invalid', `attribute ${String(e.aliexpress_attribute_name_id)} does not belong to category ${cat}`);
    if (e.aliexpress_attribute_value_id === undefined && typeof e.attribute_value !== 'string') return refuse('isv.attribute-invalid', `attribute ${a.id} needs aliexpress_attribute_value_id or attribute_value`);
    if (e.aliexpress_attribute_value_id !== undefined && !a.values.some((v) => v.id === e.aliexpress_attribute_value_id)) {
      return refuse('isv.attribute-value-invalid', `value ${String(e.aliexpress_attribute_value_id)} is not a value of attribute ${a.id} (${a.name}) in category ${cat}`);
    }
    counts.set(a.id, (counts.get(a.id) ?? 0) + 1);
  }
  for (const [id, n] of counts) {
    const a = attrs.find((x) => x.id === id)!;
    if (n > (a.maxItems ?? 1)) return refuse('isv.attribute-value-invalid', `attribute ${id} (${a.name}) takes at most ${a.maxItems ?? 1} value(s) in category ${cat}; ${n} were given`);
  }
  return undefined;
}

/** Product post/edit: the category's published rules first, then the simulator's product routes. */
export function requirementRules(world: AliExpressSandboxState, products: Record<string, Handler>, json: (p: URLSearchParams, name: string) => Record<string, unknown> | undefined): Record<string, Handler> {
  const guard = (method: string, param: string, edit: boolean): Handler => (p, seller, req) => {
    let r = json(p, param);
    if (r && edit) r = { ...(world.products.get(String(r.product_id))?.request ?? {}), ...r };
    const cat = Number(r?.aliexpress_category_id);
    if (r && world.categories[cat]) {
      const bad = rangeViolation(r) ?? attributeViolation(rolesOf(world, cat), (r.attribute_list as Entry[] | undefined) ?? [], cat);
      if (bad) return bad;
    }
    return products[method]!(p, seller, req);
  };
  return {
    'aliexpress.solution.product.post': guard('aliexpress.solution.product.post', 'post_product_request', false),
    'aliexpress.solution.product.edit': guard('aliexpress.solution.product.edit', 'edit_product_request', true),
  };
}

export { POST as PRODUCT_POST_SPEC };
