import type { SandboxContext } from '../../../src/sandbox/module.js';
import type { Router, SandboxRequest, SandboxResponse } from '../../../src/sandbox/router.js';
import { fail, invalidToken, ok, type SandboxErrorDetail } from './responses.js';
import { ASPECTS, CATEGORY_TREES, CONDITION_POLICIES, SUGGESTIONS, TREE_VERSION } from './requirements-data.js';
import type { EbaySandboxState, SandboxGroup, SandboxItem, SandboxOffer } from './state.js';

const T = '/commerce/taxonomy/v1';
const M = '/sell/metadata/v1';
// 62002 / 62003 / 62004 / 62007: the x-response-codes of each taxonomy operation (specs/ebay/commerce_taxonomy_v1_oas3.json).
const taxonomyError = (errorId: number, message: string) => fail(400, { errorId, domain: 'API_TAXONOMY', category: 'REQUEST', message });

/** Any live token the sandbox issued: Taxonomy takes the application token (client_credentials grant). */
function authed(req: SandboxRequest, state: EbaySandboxState, ctx: SandboxContext): boolean {
  const h = String(req.headers.authorization ?? '');
  const known = h.startsWith('Bearer ') ? state.tokens.get(h.slice(7)) : undefined;
  return !!known && known.expiresAt > ctx.clock.now();
}

type Aspect = { localizedAspectName: string; aspectConstraint: { aspectRequired: boolean; aspectMode: string; itemToAspectCardinality: string; aspectMaxLength?: number }; aspectValues?: Array<{ localizedValue: string }> };
const aspectsOf = (tree: string | undefined, categoryId: string | undefined): Aspect[] => ((tree && categoryId ? (ASPECTS[tree]?.[categoryId] as { aspects: Aspect[] } | undefined) : undefined)?.aspects ?? []);

/** Taxonomy (getDefaultCategoryTreeId, getItemAspectsForCategory, getCategorySuggestions) and Metadata getItemConditionPolicies. */
export function installRequirements(router: Router, state: EbaySandboxState, ctx: SandboxContext): void {
  const guard = (h: (req: SandboxRequest) => SandboxResponse) => (req: SandboxRequest) => (authed(req, state, ctx) ? h(req) : invalidToken());
  router.add('GET', `${T}/get_default_category_tree_id`, guard((req) => {
    const id = req.query.get('marketplace_id');
    // 62002 / 62003 (getDefaultCategoryTreeId 400 x-response-codes).
    if (!id) return taxonomyError(62002, 'Missing marketplace ID.');
    const tree = CATEGORY_TREES[id];
    return tree ? ok({ categoryTreeId: tree, categoryTreeVersion: TREE_VERSION }) : taxonomyError(62003, 'The specified marketplace ID was not found.');
  }));
  router.add('GET', `${T}/category_tree/{category_tree_id}/get_item_aspects_for_category`, guard((req) => {
    const tree = req.params.category_tree_id!;
    if (!Object.values(CATEGORY_TREES).includes(tree)) return taxonomyError(62004, 'The specified category tree ID was not found.');
    const doc = ASPECTS[tree]?.[req.query.get('category_id') ?? ''];
    // A category the simulator has no aspect data for answers the documented 204 No Content.
    return doc ? ok(doc) : ok(undefined, 204);
  }));
  router.add('GET', `${T}/category_tree/{category_tree_id}/get_category_suggestions`, guard((req) => {
    const tree = req.params.category_tree_id!;
    if (!Object.values(CATEGORY_TREES).includes(tree)) return taxonomyError(62004, 'The specified category tree ID was not found.');
    const q = (req.query.get('q') ?? '').toLowerCase();
    if (!q) return taxonomyError(62007, "Missing keyword 'q'. Please specify a keyword.");
    const hits = SUGGESTIONS.filter((s) => s.words.some((w) => q.includes(w)) && s.names[tree]);
    if (!hits.length) return ok(undefined, 204);
    return ok({
      categoryTreeId: tree, categoryTreeVersion: TREE_VERSION,
      categorySuggestions: hits.map((s) => ({
        category: { categoryId: s.categoryId, categoryName: s.names[tree] },
        categoryTreeNodeAncestors: (s.ancestors[tree] ?? []).map((categoryName, i, all) => ({ categoryName, categoryTreeNodeLevel: all.length - i })),
        categoryTreeNodeLevel: (s.ancestors[tree] ?? []).length + 1,
      })),
    });
  }));
  router.add('GET', `${M}/marketplace/{marketplace_id}/get_item_condition_policies`, guard((req) => {
    const tree = CATEGORY_TREES[req.params.marketplace_id!];
    const ids = /categoryIds:\{([^}]*)\}/.exec(req.query.get('filter') ?? '')?.[1]?.split('|') ?? Object.keys(CONDITION_POLICIES);
    const itemConditionPolicies = ids.filter((id) => CONDITION_POLICIES[id]).map((categoryId) => ({ categoryId, categoryTreeId: tree, ...CONDITION_POLICIES[categoryId] }));
    return ok({ itemConditionPolicies });
  }));
}

/** ConditionEnum → condition ID (developer.ebay.com/api-docs/sell/static/metadata/condition-id-values.html). */
const CONDITION_IDS: Record<string, string> = { NEW: '1000', NEW_OTHER: '1500', NEW_WITH_DEFECTS: '1750', SELLER_REFURBISHED: '2500', LIKE_NEW: '2750', USED_EXCELLENT: '3000', USED_VERY_GOOD: '4000', USED_GOOD: '5000', USED_ACCEPTABLE: '6000' };

/**
 * What publishOffer refuses for the offer's category on its site: a required aspect missing under
 * its localized name (25002 "The item specific Farbe is missing.", the shape of eBay's answer in
 * test/fixtures/ebay/error-publish-missing-brand.json), a value outside a SELECTION_ONLY list or too
 * long (aspectMode / aspectMaxLength), several values on a SINGLE aspect, and a condition the
 * category's policy does not list (getItemConditionPolicies). Only categories with data here.
 */
export function categoryErrors(o: SandboxOffer, item: SandboxItem | undefined, group?: SandboxGroup): SandboxErrorDetail[] {
  const marketplace = o.marketplaceId === 'EBAY_MOTORS' ? 'EBAY_MOTORS_US' : o.marketplaceId;
  const aspects = aspectsOf(CATEGORY_TREES[marketplace], o.categoryId);
  if (!item || !aspects.length) return [];
  const given = { ...(group?.aspects ?? {}), ...((item.product.aspects ?? {}) as Record<string, string[]>) };
  const errs: SandboxErrorDetail[] = [];
  const user = (message: string, value: string) => errs.push({ errorId: 25002, message: `A user error has occurred. ${message}`, parameters: [{ name: '0', value }] });
  const product = item.product as { title?: string; imageUrls?: string[] };
  // Product.imageUrls: "Before an offer can be published, at least one image must exist"; Product.title: "Max Length: 80" (sell_inventory_v1_oas3.json).
  if (!product.imageUrls?.length && !(group as { imageUrls?: string[] } | undefined)?.imageUrls?.length) user('At least one picture (product.imageUrls) is required to publish.', 'imageUrls');
  if ((product.title ?? '').length > 80) user('The title is longer than 80 characters.', 'title');
  for (const a of aspects) {
    const values = (given[a.localizedAspectName] ?? []).filter((v) => String(v).trim() !== '');
    const c = a.aspectConstraint;
    if (!values.length) {
      if (c.aspectRequired) user(`The item specific ${a.localizedAspectName} is missing.`, a.localizedAspectName);
      continue;
    }
    if (c.itemToAspectCardinality === 'SINGLE' && values.length > 1) user(`The item specific ${a.localizedAspectName} takes a single value.`, a.localizedAspectName);
    for (const v of values) {
      if (c.aspectMode === 'SELECTION_ONLY' && !(a.aspectValues ?? []).some((x) => x.localizedValue === v)) user(`The value ${v} is not valid for item specific ${a.localizedAspectName}.`, a.localizedAspectName);
      if (c.aspectMaxLength !== undefined && v.length > c.aspectMaxLength) user(`The value of item specific ${a.localizedAspectName} is longer than ${c.aspectMaxLength} characters.`, a.localizedAspectName);
    }
  }
  const policy = o.categoryId ? CONDITION_POLICIES[o.categoryId] : undefined;
  const condition = CONDITION_IDS[String(item.condition ?? '')];
  if (policy && condition && !policy.itemConditions.some((c) => c.conditionId === condition)) user(`The condition ${String(item.condition)} is not valid for category ${o.categoryId}.`, 'condition');
  return errs;
}
