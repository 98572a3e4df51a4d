import type { SandboxContext } from '../../../src/sandbox/module.js';
import type { Router, SandboxRequest, SandboxResponse } from '../../../src/sandbox/router.js';
import { guarded, type GuardOptions } from './guard.js';
import { installGroups } from './groups.js';
import { installOffers } from './offers.js';
import { installBulk } from './bulk.js';
import { fail, ok, type SandboxErrorDetail } from './responses.js';
import type { EbaySandboxState, SandboxItem } from './state.js';

export const I = '/sell/inventory/v1';
// 25702 "SKU {additionalInfo} is not available in the system" (getInventoryItem / deleteInventoryItem 400 x-response-codes, specs/ebay/sell_inventory_v1_oas3.json).
export const skuNotFound = (sku: string) => fail(404, { errorId: 25702, message: `SKU ${sku} is not available in the system` });

/** Content-Language is required on create/replace calls (research B2); 25709 "Invalid value for {fieldName}" in their x-response-codes. */
export function needsLanguage(req: SandboxRequest): SandboxResponse | undefined {
  const lang = String(req.headers['content-language'] ?? '');
  return /^[a-z]{2}-[A-Z]{2}$/.test(lang) ? undefined : fail(400, { errorId: 25709, message: 'Invalid value for header Content-Language.', parameters: [{ name: 'Content-Language', value: lang }] });
}

type ItemBody = ({ product?: { title?: string } & Record<string, unknown> } & Record<string, unknown>) | undefined;

/** createOrReplaceInventoryItem's rules, shared with bulk_create_or_replace_inventory_item (25709 / 25002 in both calls' 400 x-response-codes). */
export function putItemIn(state: EbaySandboxState, sku: string, body: ItemBody, locale: string): { created: boolean } | { error: SandboxErrorDetail } {
  if (!sku || sku.length > 50) return { error: { errorId: 25709, message: 'Invalid value for sku.' } };
  if (!body?.product?.title) return { error: { errorId: 25002, message: 'A user error has occurred. product.title is missing.', parameters: [{ name: '0', value: 'title' }] } };
  const existed = state.items.has(sku);
  const { sku: _s, locale: _l, ...fields } = body;
  state.items.set(sku, { ...fields, product: body.product, sku, locale } as SandboxItem);
  for (const o of state.offers.values()) if (o.sku === sku) state.revise(o);
  return { created: !existed };
}

type Bulk = Array<{ sku?: string; shipToLocationAvailability?: { quantity?: number }; offers?: Array<{ offerId: string; availableQuantity?: number; price?: { value: string; currency: string } }> }>;

export function installInventory(router: Router, state: EbaySandboxState, ctx: SandboxContext, opts: GuardOptions): void {
  const g = (h: (req: SandboxRequest) => SandboxResponse) => guarded(state, ctx, opts, 'inventory', h);

  // createOrReplaceInventoryItem "will do a complete replacement of the existing inventory item
  // record" (specs/ebay/sell_inventory_v1_oas3.json#/paths/~1inventory_item~1{sku}/put): whatever the
  // body leaves out is gone. 201 when created, 204 when replaced. Changes reach the item's live
  // listings (same description), each a revision.
  router.add('PUT', `${I}/inventory_item/{sku}`, g((req) => {
    const bad = needsLanguage(req);
    if (bad) return bad;
    const r = putItemIn(state, req.params.sku!, req.json<ItemBody>(), String(req.headers['content-language']).replace('-', '_'));
    return 'error' in r ? fail(400, r.error) : ok(undefined, r.created ? 201 : 204);
  }));

  router.add('GET', `${I}/inventory_item/{sku}`, g((req) => {
    const item = state.items.get(req.params.sku!);
    return item ? ok(item) : skuNotFound(req.params.sku!);
  }));

  // deleteInventoryItem also deletes the SKU's offers and ends its listings (its description).
  router.add('DELETE', `${I}/inventory_item/{sku}`, g((req) => {
    const sku = req.params.sku!;
    if (!state.items.delete(sku)) return skuNotFound(sku);
    for (const [id, o] of state.offers) if (o.sku === sku) state.offers.delete(id);
    return ok(undefined, 204);
  }));

  installOffers(router, state, ctx, opts);
  installGroups(router, state, ctx, opts);
  installBulk(router, state, ctx, opts);

  // bulkUpdatePriceQuantity: up to 25 requests (BulkPriceQuantity.requests); the item's
  // ship-to-home quantity and/or each published offer's price and availableQuantity; 207 when any
  // entry failed. A SKU given with offers must be those offers' SKU (PriceQuantity.sku).
  router.add('POST', `${I}/bulk_update_price_quantity`, g((req) => {
    const requests = req.json<{ requests?: Bulk }>()?.requests ?? [];
    // bulkUpdatePriceQuantity's own codes: 25002, 25709, 25759 (400 x-response-codes, specs/ebay/sell_inventory_v1_oas3.json#/paths/~1bulk_update_price_quantity/post).
    // Per-entry errors are "errors associated with the update to the offer or inventory item record"
    // (PriceQuantityResponse.errors): that record's codes, 25713 for an offer (getOffer / updateOffer
    // x-response-codes) and 25702 for an inventory item (getInventoryItem x-response-codes).
    if (!requests.length || requests.length > 25) return fail(400, { errorId: 25709, message: 'Invalid value for requests: 1 to 25 requests are allowed.' });
    const responses: unknown[] = [];
    const error = (errorId: number, message: string) => [{ errorId, domain: 'API_INVENTORY', category: 'REQUEST', message }];
    for (const r of requests) {
      if (r.sku !== undefined && r.shipToLocationAvailability?.quantity !== undefined) {
        const item = state.items.get(r.sku);
        if (!item) responses.push({ sku: r.sku, statusCode: 404, errors: error(25702, `SKU ${r.sku} is not available in the system`) });
        else {
          item.availability = { ...(item.availability ?? {}), shipToLocationAvailability: { ...(item.availability?.shipToLocationAvailability ?? {}), quantity: r.shipToLocationAvailability.quantity } };
          responses.push({ sku: r.sku, statusCode: 200 });
        }
      }
      for (const u of r.offers ?? []) {
        const o = state.offers.get(u.offerId);
        if (!o) responses.push({ offerId: u.offerId, sku: r.sku, statusCode: 404, errors: error(25713, 'This Offer is not available.') });
        else if (r.sku !== undefined && r.sku !== o.sku) responses.push({ offerId: u.offerId, sku: r.sku, statusCode: 400, errors: error(25002, 'A user error has occurred. The offer does not belong to this SKU.') });
        else if (!state.revise(o)) responses.push({ offerId: u.offerId, sku: o.sku, statusCode: 400, errors: error(25002, 'A user error has occurred. The listing reached its daily revision limit.') });
        else {
          if (u.price) o.pricingSummary = { ...(o.pricingSummary ?? {}), price: u.price };
          if (u.availableQuantity !== undefined) o.availableQuantity = u.availableQuantity;
          responses.push({ offerId: u.offerId, sku: o.sku, statusCode: 200 });
        }
      }
    }
    const partial = responses.some((r) => (r as { statusCode: number }).statusCode >= 400);
    return ok({ responses }, partial ? 207 : 200);
  }));
}
