import { ValidationError } from '../../../src/errors/classes.js';
import { parseInput } from '../../../src/errors/from-response.js';
import type { CallOptions } from '../../../src/http/call-options.js';
import { ListingSchema, type Listing, type ListingInput, type ListingIssue } from '../../../src/model/listing.js';
import { cachedRequirements, requirementsKey } from '../../../src/requirements/cache.js';
import { offlineResult } from '../../../src/requirements/result.js';
import type { OfflineValidationResult, Requirements, RequirementsCache, RequirementIssue, RequirementsQuery } from '../../../src/requirements/types.js';
import { validateAgainst } from '../../../src/requirements/validate.js';
import type { EbayStore } from '../config.js';
import type { EbayContext } from '../context.js';
import { AppToken } from './app-token.js';
import { aspectField, baseFields } from './aspect-fields.js';
import { conditionIssues, conditionsOf } from './conditions.js';
import { requirementOps as ops } from './operations.js';

/** One leaf category getCategorySuggestions proposes for a query. */
export interface CategorySuggestion {
  /** Leaf category id (use it as marketplace.ebay.categoryId). */
  categoryId: string;
  /** The category's name on the site. */
  categoryName?: string;
  /** Ancestors, nearest first (categoryTreeNodeAncestors). */
  path: string[];
  /** eBay's relevancy hint, when given. */
  relevancy?: string;
}

const callOpts = ({ signal, deadline, timeoutMs }: CallOptions): CallOptions => ({ signal, deadline, timeoutMs });

/** Category requirements on eBay: taxonomy aspects + condition policies, cached per site and category. */
export function ebayRequirements(ctx: EbayContext, cache: RequirementsCache) {
  const app = new AppToken(ctx);
  const read = cachedRequirements(cache);
  const trees = new Map<string, Promise<{ id: string; version: string }>>();
  const bearer = async (o: CallOptions) => ({ Authorization: `Bearer ${await app.get(o.signal)}` });

  /** getDefaultCategoryTreeId per site (a tree per marketplace; categoryTreeVersion is worth caching, BaseCategoryTree). */
  function treeOf(store: EbayStore, o: CallOptions): Promise<{ id: string; version: string }> {
    let t = trees.get(store.marketplaceId);
    if (!t) {
      t = (async () => {
        const res = await ctx.call(ops.getDefaultCategoryTreeId, { headers: await bearer(o), query: { marketplace_id: store.marketplaceId } }, callOpts(o));
        return { id: res.data.categoryTreeId, version: res.data.categoryTreeVersion ?? '' };
      })();
      t.catch(() => trees.delete(store.marketplaceId));
      trees.set(store.marketplaceId, t);
    }
    return t;
  }

  async function fetchCategory(store: EbayStore, categoryId: string, o: CallOptions): Promise<Requirements> {
    const tree = await treeOf(store, o);
    const aspects = await ctx.call(ops.getItemAspectsForCategory, { headers: await bearer(o), params: { category_tree_id: tree.id }, query: { category_id: categoryId } }, callOpts(o));
    const policies = await ctx.call(ops.getItemConditionPolicies, { params: { marketplace_id: store.marketplaceId }, query: { filter: `categoryIds:{${categoryId}}` } }, callOpts(o));
    const conditions = conditionsOf(policies.data ?? {}, categoryId);
    return {
      marketplace: 'ebay', store: store.id, kind: 'category', id: categoryId, locale: store.language,
      version: `${tree.id}@${tree.version}`, fetchedAt: new Date(ctx.clock.now()).toISOString(),
      fields: [...baseFields(), ...(aspects.data?.aspects ?? []).map((a) => aspectField(a, store.language))],
      ...(conditions ? { conditions } : {}),
    };
  }

  const keyOf = (store: EbayStore, categoryId: string) => requirementsKey({ marketplace: 'ebay', store: store.id, kind: 'category', id: categoryId });

  async function requirements(query: RequirementsQuery): Promise<Requirements> {
    if (query === null || typeof query !== 'object') throw new ValidationError({ message: 'requirements needs { store, category }', path: 'query' });
    const store = ctx.store(query.store);
    const category = query.category;
    if ((typeof category !== 'string' || !/^\d+$/.test(category)) && !(typeof category === 'number' && Number.isSafeInteger(category) && category > 0)) {
      throw new ValidationError({ message: 'category must be an eBay leaf category id such as "15687"', path: 'query.category' });
    }
    return read(keyOf(store, String(category)), () => fetchCategory(store, String(category), query), query.refresh);
  }

  /** Requirements already cached (no call): what upsert uses to localize aspect names. */
  async function cached(store: EbayStore, categoryId: string): Promise<Requirements | undefined> {
    return cache.get(keyOf(store, categoryId));
  }

  /** Offline validation: the adapter's own checks plus the category's published requirements. */
  async function validateOffline(input: ListingInput | Listing, store: EbayStore, categoryId: string | undefined, own: ListingIssue[], o: CallOptions): Promise<OfflineValidationResult> {
    const l = parseInput(ListingSchema, input, 'listing');
    const mine: RequirementIssue[] = own.map((i) => ({ ...i, path: i.attributes[0] === 'categoryId' ? 'marketplace.ebay.categoryId' : (i.attributes[0] ?? ''), attribute: i.attributes[0] ?? '' }));
    if (!categoryId) return offlineResult(l.sku, store.id, mine);
    const req = await requirements({ ...callOpts(o), store: store.id, category: categoryId });
    const issues = [...mine, ...validateAgainst(l, req, { marketplaceValues: l.marketplace.ebay?.aspects ?? {} }), ...conditionIssues(l, req)];
    return offlineResult(l.sku, store.id, issues, req);
  }

  /** getCategorySuggestions: leaf categories for a query, best first. */
  async function suggestCategories(q: string, opts: CallOptions & { store?: string } = {}): Promise<CategorySuggestion[]> {
    if (typeof q !== 'string' || !q.trim()) throw new ValidationError({ message: 'give words describing the item', path: 'q' });
    const store = ctx.store(opts.store);
    const tree = await treeOf(store, opts);
    const res = await ctx.call(ops.getCategorySuggestions, { headers: await bearer(opts), params: { category_tree_id: tree.id }, query: { q } }, callOpts(opts));
    return (res.data?.categorySuggestions ?? []).map((s) => ({
      categoryId: s.category.categoryId,
      ...(s.category.categoryName ? { categoryName: s.category.categoryName } : {}),
      path: (s.categoryTreeNodeAncestors ?? []).map((a) => a.categoryName ?? a.categoryId ?? ''),
      ...(s.relevancy ? { relevancy: s.relevancy } : {}),
    }));
  }

  return { requirements, cached, validateOffline, suggestCategories };
}

export type EbayRequirements = ReturnType<typeof ebayRequirements>;
