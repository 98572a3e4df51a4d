import type { Requirements, RequirementIssue, OfflineValidationResult } from './types.js';

/** The ListingResult of an offline validation: `invalid` as soon as one issue is an error. */
export function offlineResult(sku: string, store: string, issues: RequirementIssue[], req?: Requirements): OfflineValidationResult {
  return {
    sku,
    store,
    action: 'validated',
    status: issues.some((i) => i.severity === 'error') ? 'invalid' : 'accepted',
    issues,
    ...(req ? { requirements: { marketplace: req.marketplace, kind: req.kind, id: req.id, version: req.version, fetchedAt: req.fetchedAt } } : {}),
  };
}
