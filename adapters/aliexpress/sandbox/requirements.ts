import type { SandboxAttribute } from './catalog.js';
import { fail, ok } from './envelope.js';
import { requirementRules } from './requirements-rules.js';
import { json, type Handler } from './routes.js';
import type { AliExpressSandboxState } from './state.js';

/** A sandbox attribute with its role: a SKU (variation) attribute or a general one, and a multi-select cap. */
export interface RequirementAttribute extends SandboxAttribute { sku?: boolean; maxItems?: number }
export interface SandboxCategory { name: string; path: string[]; words: string[]; attributes: (brands: readonly string[]) => RequirementAttribute[] }

const values = (start: number, names: string[]) => names.map((name, i) => ({ id: start + i, name }));
const brand = (brands: readonly string[]): RequirementAttribute => ({ id: 2, name: 'Brand Name', required: true, values: [{ id: 201512802, name: 'NONE' }, ...brands.map((name, i) => ({ id: 203000001 + i, name }))] });
const color: RequirementAttribute = { id: 14, name: 'Color', required: false, sku: true, values: values(29, ['Black', 'White', 'Red', 'Blue', 'Grey', 'Green']) };

/**
 * Leaf categories whose requirements the simulator publishes (schema.get, sku.attribute.query) and
 * enforces on product post/edit. Sandbox data in the documented shapes — ids and names are test
 * data, not a capture of AliExpress's live category tree. Brand (name id 2) is mandatory in every
 * category (research B4 "post (classic)").
 */
export const SANDBOX_CATEGORIES: Record<number, SandboxCategory> = {
  200900001: {
    name: 'Shirts', path: ["Men's Clothing", 'Tops & Tees', 'Shirts'], words: ['shirt', 'hemd', 'blouse', 'tee', 'oxford'],
    attributes: (b) => [brand(b),
      { id: 10, name: 'Material', required: true, maxItems: 3, values: values(47, ['Cotton', 'Polyester', 'Linen', 'Silk']) },
      { id: 200000463, name: 'Sleeve Length(cm)', required: false, values: values(200001500, ['Short', 'Full', 'Three Quarter']) },
      color, { id: 5, name: 'Size', required: false, sku: true, values: values(100014064, ['XS', 'S', 'M', 'L', 'XL', 'XXL']) }],
  },
  200900002: {
    name: 'Mugs', path: ['Home & Garden', 'Kitchen', 'Mugs'], words: ['mug', 'cup', 'tasse', 'becher'],
    attributes: (b) => [brand(b),
      { id: 10, name: 'Material', required: true, maxItems: 1, values: values(60, ['Ceramic', 'Glass', 'Stainless Steel', 'Porcelain']) },
      { id: 200000300, name: 'Capacity', required: false, values: values(200003001, ['201-300ml', '301-400ml', '401-500ml']) }, color],
  },
  200900003: {
    name: 'Phone Cases', path: ['Phones & Telecommunications', 'Phone Bags & Cases', 'Fitted Cases'], words: ['case', 'hülle', 'cover', 'phone'],
    attributes: (b) => [brand(b), { id: 200000828, name: 'Compatible Model', required: true, maxItems: 3, values: values(202000001, ['iPhone 15', 'iPhone 16', 'Pixel 9', 'Galaxy S24']) }, color],
  },
  200900004: {
    name: 'Backpacks', path: ['Luggage & Bags', 'Backpacks'], words: ['backpack', 'rucksack', 'bag'],
    attributes: (b) => [brand(b),
      { id: 10, name: 'Material', required: true, maxItems: 2, values: values(70, ['Nylon', 'Polyester', 'Canvas', 'Leather']) },
      { id: 200000301, name: 'Capacity', required: false, values: values(200003101, ['<20L', '20-35L', '36-55L']) }, color],
  },
};

/** The sandbox categories join the world: their required ids guard product post, their attributes answer sku.attribute.query. */
export function registerRequirementCategories(world: AliExpressSandboxState): void {
  for (const [id, c] of Object.entries(SANDBOX_CATEGORIES)) world.categories[Number(id)] ??= c.attributes(world.brands).filter((a) => a.required).map((a) => a.id);
  const base = world.attributesOf.bind(world);
  world.attributesOf = (cat: number) => SANDBOX_CATEGORIES[cat]?.attributes(world.brands) ?? base(cat);
}

/** Attributes with their role; the sample categories of catalog.ts have none: all but the brand are SKU attributes there (as sku.attribute.query answers). */
export function rolesOf(world: AliExpressSandboxState, cat: number): RequirementAttribute[] {
  if (SANDBOX_CATEGORIES[cat]) return SANDBOX_CATEGORIES[cat].attributes(world.brands);
  return world.attributesOf(cat).map((a) => ({ ...a, sku: a.id !== 2 }));
}

const option = (v: { id: number; name: string }) => ({ const: String(v.id), title: v.name });
function attributeSchema(a: RequirementAttribute) {
  const one = { type: 'string', oneOf: a.values.map(option) };
  const value = a.maxItems !== undefined ? { type: 'array', minItems: 1, maxItems: a.maxItems, uniqueItems: true, items: one } : one;
  return { type: 'object', title: a.name, required: ['value'], properties: { value, ...(a.sku ? { alias: { type: 'string', maxLength: 70 }, sku_image_url: { type: 'string' } } : {}) } };
}

/**
 * The category's product schema: a JSON Schema with the 17 required first-level fields of
 * developer.alibaba.com articleId=120682 ("Product Schema Post/Edit"); attributes keyed by name
 * holding `value` ids (that page's instance samples). Limits are product.post's
 * (specs/aliexpress/aliexpress_solution_product_post.json: subject ≤ 218, ≤ 6 images, weight
 * 0.001..500 kg, package 1..700 cm, stock ≤ 999999, price 0.01..999999).
 */
export function productSchema(world: AliExpressSandboxState, cat: number): Record<string, unknown> {
  const attrs = rolesOf(world, cat);
  const general = attrs.filter((a) => !a.sku);
  const sku = attrs.filter((a) => a.sku);
  const props = (list: RequirementAttribute[]) => Object.fromEntries(list.map((a) => [a.name, attributeSchema(a)]));
  const cm = { type: 'integer', minimum: 1, maximum: 700 };
  return {
    type: 'object',
    required: ['title_multi_language_list', 'description_multi_language_list', 'locale', 'product_units_type', 'category_id', 'image_url_list', 'category_attributes', 'sku_info_list', 'inventory_deduction_strategy', 'package_weight', 'package_length', 'package_height', 'package_width', 'shipping_preparation_time', 'shipping_template_id', 'service_template_id', 'product_group_id'],
    properties: {
      title_multi_language_list: { type: 'array', minItems: 1, items: { type: 'object', required: ['locale', 'title'], properties: { locale: { type: 'string' }, title: { type: 'string', minLength: 1, maxLength: 218 } } } },
      description_multi_language_list: { type: 'array', items: { type: 'object', properties: { locale: { type: 'string' }, module_list: { type: 'array' } } } },
      locale: { type: 'string' },
      product_units_type: { type: 'string', oneOf: [{ const: '100000015', title: 'piece/pieces' }, { const: '100000017', title: 'set/sets' }] },
      category_id: { type: 'integer', const: cat },
      image_url_list: { type: 'array', minItems: 1, maxItems: 6, items: { type: 'string' } },
      category_attributes: { type: 'object', required: general.filter((a) => a.required).map((a) => a.name), properties: props(general) },
      sku_info_list: { type: 'array', minItems: 1, items: { type: 'object', required: ['sku_code', 'inventory', 'price'], properties: {
        sku_code: { type: 'string' }, inventory: { type: 'integer', minimum: 1, maximum: 999999 }, price: { type: 'number', minimum: 0.01, maximum: 999999 }, discount_price: { type: 'number' },
        sku_attributes: { type: 'object', required: sku.filter((a) => a.required).map((a) => a.name), properties: props(sku) },
      } } },
      inventory_deduction_strategy: { type: 'string', enum: ['place_order_withhold', 'payment_success_deduct'] },
      package_weight: { type: 'number', minimum: 0.001, maximum: 500 },
      package_length: cm, package_height: cm, package_width: cm,
      shipping_preparation_time: { type: 'integer', minimum: 1 },
      shipping_template_id: { type: 'string' }, service_template_id: { type: 'string' }, product_group_id: { type: 'string' },
    },
  };
}

const words = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** Routes of the requirements operations, plus product post/edit guarded by the category's published rules. */
export function requirementRoutes(world: AliExpressSandboxState, products: Record<string, Handler>): Record<string, Handler> {
  return {
    // title and language required, image_url optional; suggest_category_list "order by priority"
    // (specs/aliexpress/aliexpress_solution_product_category_suggest.json).
    'aliexpress.solution.product.category.suggest': (p) => {
      const title = p.get('title');
      if (!title || !p.get('language')) return fail('ISV', 'MissingParameter', 'title and language are required');
      const given = new Set(words(title));
      const hits = Object.entries(SANDBOX_CATEGORIES)
        .map(([id, c]) => ({ id: Number(id), c, score: c.words.filter((w) => given.has(w) || [...given].some((g) => g.startsWith(w))).length }))
        .filter((x) => x.score > 0).sort((a, b) => b.score - a.score);
      return ok('aliexpress.solution.product.category.suggest', { suggest_category_list: { suggest_category: hits.map(({ id, c }) => ({
        id, name: c.name, name_path: { string: c.path }, id_path: { number: [...c.path.slice(0, -1).map((_, i) => 200800000 + i), id] },
      })) } });
    },
    // result{success, error_code, error_message, schema} with the schema as a string (specs/aliexpress/aliexpress_solution_product_schema_get.json).
    'aliexpress.solution.product.schema.get': (p) => {
      const cat = Number(p.get('aliexpress_category_id'));
      if (!p.get('aliexpress_category_id')) return fail('ISV', 'MissingParameter', 'aliexpress_category_id is required');
      if (!world.categories[cat]) return ok('aliexpress.solution.product.schema.get', { result: { success: false, error_code: 'isv.category-not-leaf', error_message: `category ${cat} is not a leaf category you may publish to` } });
      return ok('aliexpress.solution.product.schema.get', { result: { success: true, schema: JSON.stringify(productSchema(world, cat)) } });
    },
    ...requirementRules(world, products, (p, name) => json<Record<string, unknown>>(p, name)),
  };
}
