import type { Listing } from '../../../src/model/listing.js';
import type { AllowedValue, Requirements, RequirementIssue } from '../../../src/requirements/types.js';
import { CONDITIONS } from '../mappers/listing.js';
import type { ItemConditionPolicyResponse } from './operations.js';
import type { z } from 'zod';

/**
 * ConditionEnum → condition ID ("Item condition ID and name values",
 * developer.ebay.com/api-docs/sell/static/metadata/condition-id-values.html, linked from
 * sell_metadata_v1_oas3.json ItemCondition.conditionId): getItemConditionPolicies answers IDs.
 */
export const CONDITION_IDS: Record<string, string> = {
  NEW: '1000', NEW_OTHER: '1500', NEW_WITH_DEFECTS: '1750', CERTIFIED_REFURBISHED: '2000', EXCELLENT_REFURBISHED: '2010',
  VERY_GOOD_REFURBISHED: '2020', GOOD_REFURBISHED: '2030', SELLER_REFURBISHED: '2500', LIKE_NEW: '2750', USED_EXCELLENT: '3000',
  USED_VERY_GOOD: '4000', USED_GOOD: '5000', USED_ACCEPTABLE: '6000', FOR_PARTS_OR_NOT_WORKING: '7000',
};

/** The category's policy → allowed conditions (absent when the category sets none). */
export function conditionsOf(res: z.infer<typeof ItemConditionPolicyResponse>, categoryId: string): AllowedValue[] | undefined {
  const policy = res.itemConditionPolicies?.find((p) => p.categoryId === categoryId);
  if (!policy?.itemConditions?.length) return undefined;
  return policy.itemConditions.map((c) => ({ value: c.conditionId, ...(c.conditionDescription ? { label: c.conditionDescription } : {}) }));
}

/** A listing's condition must be one the category accepts (getItemConditionPolicies itemConditions). */
export function conditionIssues(l: Listing, req: Requirements): RequirementIssue[] {
  if (!req.conditions?.length) return [];
  const id = CONDITION_IDS[CONDITIONS[l.condition]];
  if (id && req.conditions.some((c) => c.value === id)) return [];
  const accepted = req.conditions.map((c) => c.label ?? c.value);
  return [{
    code: 'VALUE_NOT_ALLOWED', severity: 'error', path: 'condition', attribute: 'condition', attributes: ['condition'], categories: [], sku: l.sku,
    message: `Condition "${l.condition}" is not accepted in eBay category ${req.id}; accepted: ${accepted.join(', ')}.`, suggestions: accepted.slice(0, 3),
  }];
}
