import { createHash } from 'node:crypto';
import { MarketplaceError, ValidationError } from '../../../src/errors/classes.js';
import { parseInput } from '../../../src/errors/from-response.js';
import type { CallOptions } from '../../../src/http/call-options.js';
import { ListingSchema, type Listing, type ListingInput, type ListingIssue } from '../../../src/model/listing.js';
import { cachedRequirements, requirementsKey } from '../../../src/requirements/cache.js';
import { offlineResult } from '../../../src/requirements/result.js';
import type { OfflineValidationResult, Requirements, RequirementsCache, RequirementIssue, RequirementsQuery } from '../../../src/requirements/types.js';
import { validateAgainst } from '../../../src/requirements/validate.js';
import { CategoryAttributes, type AttributeEntry, type CommonAttribute } from '../attributes.js';
import type { AdapterContext } from '../context.js';
import { localIssues } from '../mappers/listing.js';
import { schemaIssues } from './ajv.js';
import { requirementOps as ops, SuggestCategory } from './operations.js';
import { attributeIdsOf } from './query.js';
import { isSkuField, parseSchema, postFields, schemaFields } from './schema.js';

const callOpts = ({ signal, deadline, timeoutMs }: CallOptions): CallOptions => ({ signal, deadline, timeoutMs });

function categoryOf(v: unknown, path: string): number {
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n <= 0) throw new ValidationError({ message: 'category must be an AliExpress leaf category id such as 200000001', path });
  return n;
}

/** A suggested category: `suggest_category_list` entries, best first (specs/aliexpress/aliexpress_solution_product_category_suggest.json). */
export interface SuggestedCategory { id: number; name?: string; path: string[] }

/** Category requirements on AliExpress: the product schema plus the attribute ids of sku.attribute.query, cached per category. */
export function aliexpressRequirements(ctx: AdapterContext, cache: RequirementsCache) {
  const read = cachedRequirements(cache);
  const resolver = new CategoryAttributes(ctx);
  const storeId = ctx.store.id;
  const call = <Req extends { body: Record<string, string> }, Out>(o: import('../../../src/http/operation.js').Operation<Req, Out>, body: Req['body'], co: CallOptions) =>
    ctx.client.call(ctx.client.seller, o, { body } as Req, co);

  async function fetchCategory(category: number, o: CallOptions): Promise<Requirements> {
    const res = await call(ops.schemaGet, { aliexpress_category_id: String(category) }, o);
    const r = res.data.result;
    const schema = parseSchema(r?.schema);
    // result{success, error_code, error_message, schema} (specs/aliexpress/aliexpress_solution_product_schema_get.json).
    if (r?.success === false || !schema) {
      throw new MarketplaceError({ message: `AliExpress gave no product schema for category ${category}: ${r?.error_message ?? 'schema missing or not JSON'}`, marketplace: 'aliexpress', operation: ops.schemaGet.id, errors: [{ code: r?.error_code ?? 'SCHEMA_UNAVAILABLE', message: r?.error_message ?? 'no schema' }] });
    }
    const q = await call(ops.skuAttributes, { query_sku_attribute_info_request: JSON.stringify({ aliexpress_category_id: category }) }, o);
    const ids = attributeIdsOf(q.data.result);
    const now = new Date(ctx.clock.now()).toISOString();
    return {
      marketplace: 'aliexpress', store: storeId, kind: 'category', id: String(category), locale: ctx.config.store.language,
      // The schema carries no version: a digest of the document stands in, so a changed schema is a new version.
      version: `sha256:${createHash('sha256').update(r!.schema!).digest('hex').slice(0, 16)}`, fetchedAt: now,
      fields: [...postFields(schema), ...schemaFields(schema, ids.common, new Set(ids.skuRequired))],
      documents: { schema, attributes: ids.common },
    };
  }

  function storeCheck(store: unknown, path: string): void {
    if (store !== undefined && store !== storeId) throw new ValidationError({ message: `this AliExpress account has one store, "${storeId}"`, path });
  }

  async function requirements(query: RequirementsQuery): Promise<Requirements> {
    if (query === null || typeof query !== 'object') throw new ValidationError({ message: 'requirements needs { category }', path: 'query' });
    storeCheck(query.store, 'query.store');
    const category = categoryOf(query.category ?? ctx.config.listingDefaults.categoryId, 'query.category');
    const key = requirementsKey({ marketplace: 'aliexpress', store: storeId, kind: 'category', id: String(category) });
    return read(key, () => fetchCategory(category, callOpts(query)), query.refresh);
  }

  /**
   * Offline validation: the adapter's own checks (localIssues), the unified fields, ajv over the
   * schema's category attributes, and the id resolution upsert performs (brand, SKU options), on
   * the cached documents; no marketplace call once they are cached.
   */
  async function validateOffline(input: ListingInput | Listing, opts: CallOptions & { store?: string } = {}): Promise<OfflineValidationResult> {
    const l = parseInput(ListingSchema, input, 'listing');
    storeCheck(opts.store, 'store');
    const categoryId = l.marketplace.aliexpress?.categoryId ?? ctx.config.listingDefaults.categoryId;
    // Presence of images, weight and dimensions is a requirement field once the category is known: not reported twice.
    const covered = categoryId === undefined ? new Set<string>() : new Set(['MISSING_IMAGES', 'MISSING_WEIGHT', 'MISSING_DIMENSIONS']);
    const own = localIssues(l, ctx.config).filter((i) => !covered.has(i.code)).map(ownIssue);
    if (categoryId === undefined) return offlineResult(l.sku, storeId, own);
    const full = await requirements({ ...callOpts(opts), category: categoryId });
    // A single-SKU product sends no sku_attributes_list ("Some categories don't have sku attributes, then
    // sku_attributes_list should be empty", specs/aliexpress/aliexpress_solution_product_post.json): SKU attributes apply to variations.
    const req = l.variants.length ? full : { ...full, fields: full.fields.filter((f) => !isSkuField(f)) };
    const common = (req.documents?.attributes ?? []) as CommonAttribute[];
    const given = overrides(l, common);
    const found = validateAgainst(l, req, { marketplaceValues: given });
    const extra = schemaIssues(l, req, found, given);
    const resolved = resolutionIssues(l, common, [...found, ...extra]);
    return offlineResult(l.sku, storeId, [...own, ...found, ...extra, ...resolved], full);
  }

  /** What upsert would refuse while resolving ids: a brand not authorized, a variant option with no id in the category. */
  function resolutionIssues(l: Listing, common: CommonAttribute[], reported: RequirementIssue[]): RequirementIssue[] {
    const paths = new Set(reported.filter((i) => i.severity === 'error').map((i) => i.path));
    const brand = paths.has('brand') ? [] : resolver.brand(l, common).issues.map((i) => ({ ...i, path: 'brand', attribute: 'Brand Name', sku: l.sku }));
    const options = l.variants.flatMap((v, n) => resolver.skuAttributes(v.options, common, `variants.${n}.options`).issues.map((i) => ({ ...i, path: `variants[${n}].options.${i.attributes[0] ?? ''}`, attribute: i.attributes[0] ?? '', sku: l.sku })));
    return [...brand, ...options.filter((i) => !paths.has(i.path))];
  }

  /** `suggest_category_list` for a title ("order by priority"); `language` is required by the API, the store's by default. */
  async function suggestCategories(title: string, opts: CallOptions & { language?: string; imageUrl?: string } = {}): Promise<SuggestedCategory[]> {
    if (typeof title !== 'string' || !title.trim()) throw new ValidationError({ message: 'give the product title to suggest a category for', path: 'title' });
    const body = { title, language: opts.language ?? ctx.config.store.language, ...(opts.imageUrl ? { image_url: opts.imageUrl } : {}) };
    const res = await call(ops.categorySuggest, body, callOpts(opts));
    return (res.data.suggest_category_list ?? []).flatMap((x) => {
      const p = SuggestCategory.safeParse(x);
      return p.success ? [{ id: p.data.id, ...(p.data.name ? { name: p.data.name } : {}), path: (p.data.name_path ?? []).map(String) }] : [];
    });
  }

  return { requirements, validateOffline, suggestCategories };
}

const OWN_PATHS: Record<string, string> = { category: 'marketplace.aliexpress.categoryId', freight_template_id: 'listingDefaults.freightTemplateId', service_policy_id: 'listingDefaults.servicePolicyId' };
const ownIssue = (i: ListingIssue): RequirementIssue => ({ ...i, path: OWN_PATHS[i.attributes[0] ?? ''] ?? i.attributes[0] ?? '', attribute: i.attributes[0] ?? '' });

/** marketplace.aliexpress.attributes given by id (attribute_list entries) as { [attribute name]: value names }. */
function overrides(l: Listing, common: CommonAttribute[]): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const e of (l.marketplace.aliexpress?.attributes ?? []) as AttributeEntry[]) {
    const a = common.find((x) => x.nameId === Number(e.aliexpress_attribute_name_id));
    if (!a) continue;
    const v = a.values.find((x) => x.id === Number(e.aliexpress_attribute_value_id))?.name ?? e.attribute_value;
    if (v !== undefined) (out[a.name] ??= []).push(v);
  }
  return out;
}

export type AliExpressRequirements = ReturnType<typeof aliexpressRequirements>;
