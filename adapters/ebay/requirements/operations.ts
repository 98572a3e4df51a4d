import { z } from 'zod';
import { op, type RequestParts } from '../../../src/http/operation.js';
import { TokenResponse } from '../schemas/common.js';
import { TOKEN_PATH } from '../marketplaces.js';
import { dailyPlan, RATE_PLANS } from '../rate-plans.js';

/**
 * Taxonomy and Metadata operations (specs/ebay/commerce_taxonomy_v1_oas3.json,
 * specs/ebay/sell_metadata_v1_oas3.json). Taxonomy takes an application token from the
 * client_credentials grant with the base api_scope (research amazon-ebay.md "client_credentials ...
 * Taxonomy"; getItemAspectsForCategory "OAuth scope"), so those ops carry their own Authorization.
 */
const T = '/commerce/taxonomy/v1';
const M = '/sell/metadata/v1';
// Taxonomy: 5,000 calls/day (research amazon-ebay.md "Default daily call limits", unconfirmed).
const taxonomy = { group: 'taxonomy', rate: dailyPlan(5_000) } as const;
// Metadata counts with the Sell APIs the adapter already paces (same app quota family).
const metadata = { group: 'metadata', rate: RATE_PLANS.inventory } as const;

type Bearer = { headers: { Authorization: string } };

const Loose = <T extends z.ZodRawShape>(shape: T) => z.object(shape).passthrough();

export const AspectSchema = Loose({
  localizedAspectName: z.string(),
  aspectConstraint: Loose({
    aspectRequired: z.boolean().optional(),
    aspectUsage: z.string().optional(),
    aspectMode: z.string().optional(),
    aspectDataType: z.string().optional(),
    aspectMaxLength: z.number().int().optional(),
    itemToAspectCardinality: z.string().optional(),
    aspectEnabledForVariations: z.boolean().optional(),
    expectedRequiredByDate: z.string().optional(),
  }).optional(),
  aspectValues: z.array(Loose({ localizedValue: z.string() })).optional(),
});
export type WireAspect = z.infer<typeof AspectSchema>;

export const AspectMetadata = Loose({ aspects: z.array(AspectSchema).optional() });
export const BaseCategoryTree = Loose({ categoryTreeId: z.string(), categoryTreeVersion: z.string().optional() });
export const CategorySuggestionResponse = Loose({
  categoryTreeId: z.string().optional(),
  categoryTreeVersion: z.string().optional(),
  categorySuggestions: z.array(Loose({
    category: Loose({ categoryId: z.string(), categoryName: z.string().optional() }),
    categoryTreeNodeAncestors: z.array(Loose({ categoryId: z.string().optional(), categoryName: z.string().optional() })).optional(),
    categoryTreeNodeLevel: z.number().int().optional(),
    relevancy: z.string().optional(),
  })).optional(),
});
export const ItemConditionPolicyResponse = Loose({
  itemConditionPolicies: z.array(Loose({
    categoryId: z.string(),
    categoryTreeId: z.string().optional(),
    itemConditionRequired: z.boolean().optional(),
    itemConditions: z.array(Loose({ conditionId: z.string(), conditionDescription: z.string().optional(), usage: z.string().optional() })).optional(),
  })).optional(),
});

export const requirementOps = {
  /** client_credentials grant (Basic client auth) for the application token Taxonomy needs. */
  appToken: op<RequestParts & { body: { grant_type: 'client_credentials'; scope: string }; headers: Record<string, string> }, z.infer<typeof TokenResponse>>({
    id: 'appToken', method: 'POST', path: TOKEN_PATH, group: 'token', rate: RATE_PLANS.token, idempotent: true, noAuth: true, bodyType: 'form', response: TokenResponse,
  }),
  getDefaultCategoryTreeId: op<RequestParts & Bearer & { query: { marketplace_id: string } }, z.infer<typeof BaseCategoryTree>>({
    id: 'getDefaultCategoryTreeId', method: 'GET', path: `${T}/get_default_category_tree_id`, ...taxonomy, idempotent: true, noAuth: true, response: BaseCategoryTree,
  }),
  getItemAspectsForCategory: op<RequestParts & Bearer & { params: { category_tree_id: string }; query: { category_id: string } }, z.infer<typeof AspectMetadata>>({
    id: 'getItemAspectsForCategory', method: 'GET', path: `${T}/category_tree/{category_tree_id}/get_item_aspects_for_category`, ...taxonomy, idempotent: true, noAuth: true, response: AspectMetadata,
  }),
  getCategorySuggestions: op<RequestParts & Bearer & { params: { category_tree_id: string }; query: { q: string } }, z.infer<typeof CategorySuggestionResponse>>({
    id: 'getCategorySuggestions', method: 'GET', path: `${T}/category_tree/{category_tree_id}/get_category_suggestions`, ...taxonomy, idempotent: true, noAuth: true, response: CategorySuggestionResponse,
  }),
  /** filter=categoryIds:{id} (getItemConditionPolicies `filter` parameter); user token with sell.inventory scope. */
  getItemConditionPolicies: op<RequestParts & { params: { marketplace_id: string }; query: { filter: string } }, z.infer<typeof ItemConditionPolicyResponse>>({
    id: 'getItemConditionPolicies', method: 'GET', path: `${M}/marketplace/{marketplace_id}/get_item_condition_policies`, ...metadata, idempotent: true, response: ItemConditionPolicyResponse,
  }),
};
