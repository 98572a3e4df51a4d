import type { SandboxContext } from '../../../src/sandbox/module.js';
import type { Router, SandboxRequest, SandboxResponse } from '../../../src/sandbox/router.js';
import { guarded, type GuardOptions } from './guard.js';
import { I, needsLanguage, putItemIn } from './inventory.js';
import { createOfferIn, publishIn } from './offers.js';
import { fail, ok, type SandboxErrorDetail } from './responses.js';
import type { EbaySandboxState } from './state.js';

/**
 * The bulk listing calls: up to 25 requests each, each request judged by the same rules as its
 * single-item call, per-item statusCode, 207 when any item failed
 * (specs/ebay/sell_inventory_v1_oas3.json#/paths/~1bulk_create_or_replace_inventory_item, ~1bulk_get_inventory_item,
 * ~1bulk_create_offer, ~1bulk_publish_offer; BulkInventoryItemResponse, BulkOfferResponse, BulkPublishResponse).
 */
// 25709 "Invalid value for {fieldName}" (400 x-response-codes of all four bulk calls, specs/ebay/sell_inventory_v1_oas3.json).
const tooMany = () => fail(400, { errorId: 25709, message: 'Invalid value for requests: 1 to 25 requests are allowed.' });
const entry = (status: number, error?: SandboxErrorDetail) => ({ statusCode: status, ...(error ? { errors: [{ domain: 'API_INVENTORY', category: 'REQUEST', ...error }] } : {}) });
const answer = (responses: Array<{ statusCode: number }>) => ok({ responses }, responses.some((r) => r.statusCode >= 400) ? 207 : 200);

export function installBulk(router: Router, state: EbaySandboxState, ctx: SandboxContext, opts: GuardOptions): void {
  const g = (h: (req: SandboxRequest) => SandboxResponse) => guarded(state, ctx, opts, 'inventory', h);
  const requestsOf = <T>(req: SandboxRequest): T[] | undefined => {
    const r = req.json<{ requests?: T[] }>()?.requests;
    return r && r.length >= 1 && r.length <= 25 ? r : undefined;
  };

  // bulkGetInventoryItem's own request codes (400 x-response-codes, specs/ebay/sell_inventory_v1_oas3.json#/paths/~1bulk_get_inventory_item/post):
  // 25727 "The number of InventoryItems in the request cannot exceed {additionalInfo}" (25, BulkGetInventoryItem.requests)
  // and 25734 "SKU should be unique in the request."
  router.add('POST', `${I}/bulk_get_inventory_item`, g((req) => {
    const requests = requestsOf<{ sku: string }>(req);
    if (!requests && (req.json<{ requests?: unknown[] }>()?.requests?.length ?? 0) > 25) return fail(400, { errorId: 25727, message: 'The number of InventoryItems in the request cannot exceed 25.' });
    if (!requests) return tooMany();
    if (new Set(requests.map((r) => r.sku)).size < requests.length) return fail(400, { errorId: 25734, message: 'SKU should be unique in the request.' });
    return answer(requests.map((r) => {
      const item = state.items.get(r.sku);
      // 25702 "SKU {additionalInfo} is not available in the system" (bulkGetInventoryItem 400 x-response-codes).
      return item ? { sku: r.sku, statusCode: 200, inventoryItem: item } : { sku: r.sku, ...entry(404, { errorId: 25702, message: `SKU ${r.sku} is not available in the system` }) };
    }));
  }));

  router.add('POST', `${I}/bulk_create_or_replace_inventory_item`, g((req) => {
    const bad = needsLanguage(req);
    if (bad) return bad;
    const requests = requestsOf<{ sku: string; locale?: string } & Record<string, unknown>>(req);
    if (!requests) return tooMany();
    return answer(requests.map((r) => {
      const out = putItemIn(state, r.sku, r as never, r.locale ?? String(req.headers['content-language']).replace('-', '_'));
      return { sku: r.sku, locale: r.locale, ...('error' in out ? entry(400, out.error) : entry(out.created ? 201 : 204)) };
    }));
  }));

  router.add('POST', `${I}/bulk_create_offer`, g((req) => {
    const bad = needsLanguage(req);
    if (bad) return bad;
    const requests = requestsOf<{ sku?: string; marketplaceId?: string; format?: string } & Record<string, unknown>>(req);
    if (!requests) return tooMany();
    return answer(requests.map((r) => {
      const out = createOfferIn(state, r, true);
      return { sku: r.sku, marketplaceId: r.marketplaceId, format: r.format, ...('offerId' in out ? { offerId: out.offerId, ...entry(200) } : entry(out.status, out.error)) };
    }));
  }));

  router.add('POST', `${I}/bulk_publish_offer`, g((req) => {
    const requests = requestsOf<{ offerId: string }>(req);
    if (!requests) return tooMany();
    return answer(requests.map((r) => {
      const o = state.offers.get(r.offerId);
      // 25713 "This Offer is not available" (bulkPublishOffer 400 x-response-codes, specs/ebay/sell_inventory_v1_oas3.json#/paths/~1bulk_publish_offer/post).
      if (!o) return { offerId: r.offerId, ...entry(404, { errorId: 25713, message: 'This Offer is not available.' }) };
      const out = publishIn(state, o);
      return 'listingId' in out ? { offerId: r.offerId, listingId: out.listingId, statusCode: 200 } : { offerId: r.offerId, statusCode: 400, errors: out.errors.map((e) => ({ domain: 'API_INVENTORY', category: 'REQUEST', ...e })) };
    }));
  }));
}
