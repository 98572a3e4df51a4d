import type { ListingIssue, ListingResult, ListingStatus } from '../../../src/model/listing.js';
import type { Store } from '../../../src/model/store.js';
import type { Issue, Item, SubmissionResponse } from '../schemas/listings.js';

const SEVERITY: Record<string, ListingIssue['severity']> = { ERROR: 'error', WARNING: 'warning', INFO: 'info' };

export function mapIssue(i: Pick<Issue, 'code' | 'message' | 'severity' | 'attributeNames' | 'categories'>, sku?: string): ListingIssue {
  return {
    code: i.code,
    message: i.message,
    // An unknown severity is reported as an error: safer than silently treating it as harmless.
    severity: SEVERITY[i.severity] ?? 'error',
    attributes: i.attributeNames ?? [],
    categories: i.categories ?? [],
    ...(sku ? { sku } : {}),
  };
}

/** PUT/PATCH/DELETE answer. ACCEPTED means queued for processing, not live (research A3). */
export function submissionResult(res: SubmissionResponse, store: Store, action: NonNullable<ListingResult['action']>): ListingResult {
  const status: ListingStatus = res.status === 'INVALID' ? 'invalid' : action === 'deleted' ? 'deleted' : 'accepted';
  const asin = res.identifiers?.find((i) => i.marketplaceId === store.marketplaceId)?.asin;
  return {
    sku: res.sku,
    store: store.id,
    status,
    ...(asin ? { marketplaceId: asin } : {}),
    issues: (res.issues ?? []).map((i) => mapIssue(i)),
    action,
  };
}

/** A listing's real state in one store: its summary status and the issues that apply there. */
export function itemResult(item: Item, store: Store): ListingResult {
  const summary = item.summaries?.find((s) => s.marketplaceId === store.marketplaceId);
  const issues = (item.issues ?? []).filter((i) => !i.marketplaceIds || i.marketplaceIds.includes(store.marketplaceId)).map((i) => mapIssue(i));
  let status: ListingStatus;
  if (!summary) status = 'pending';
  else if (summary.status.includes('BUYABLE') || summary.status.includes('DISCOVERABLE')) status = 'active';
  else status = issues.some((i) => i.severity === 'error') ? 'invalid' : 'inactive';
  return {
    sku: item.sku,
    store: store.id,
    status,
    ...(summary?.asin ? { marketplaceId: summary.asin } : {}),
    issues,
    action: 'read',
  };
}

export function notFoundResult(sku: string, store: Store): ListingResult {
  return { sku, store: store.id, status: 'not_found', issues: [], action: 'read' };
}
