import type { SandboxContext } from '../../../src/sandbox/module.js';
import type { Router, SandboxRequest, SandboxResponse } from '../../../src/sandbox/router.js';
import { guarded, type GuardOptions } from './guard.js';
import { I, needsLanguage, skuNotFound } from './inventory.js';
import { fail, ok, type SandboxErrorDetail } from './responses.js';
import { categoryErrors } from './requirements.js';
import type { EbaySandboxState, SandboxGroup, SandboxOffer } from './state.js';

// 25713 "This Offer is not available : {additionalInfo}." (400 x-response-codes of getOffer, updateOffer, deleteOffer,
// publishOffer, withdrawOffer: specs/ebay/sell_inventory_v1_oas3.json#/paths/~1offer~1{offerId}/get and siblings).
const offerNotFound = () => fail(404, { errorId: 25713, message: 'This Offer is not available.' });
// 25002 "Any User error. {additionalInfo}" (updateOffer / publishOffer 400 x-response-codes, specs/ebay/sell_inventory_v1_oas3.json).
const revisionLimit = () => fail(400, { errorId: 25002, message: 'A user error has occurred. This listing reached its daily revision limit (250 per calendar day).' });
/** Fields an offer record carries that its writers do not set (EbayOfferDetailsWithAll vs WithId). */
const KEYS = ['offerId', 'sku', 'marketplaceId', 'format', 'status', 'listing'] as const;

/**
 * What publishOffer checks before a listing goes live (research B3 prerequisites + item specifics).
 * A group member's Brand may come from the group's common aspects.
 */
export function publishErrors(state: EbaySandboxState, o: SandboxOffer, group?: SandboxGroup): Array<{ errorId: number; message: string; parameters?: Array<{ name: string; value: string }> }> {
  const errs: Array<{ errorId: number; message: string; parameters?: Array<{ name: string; value: string }> }> = [];
  const item = state.items.get(o.sku);
  // 25002 "Any User error" (publishOffer, bulkPublishOffer, publishOfferByInventoryItemGroup 400 x-response-codes).
  const missing = (field: string) => errs.push({ errorId: 25002, message: `A user error has occurred. ${field} is missing.`, parameters: [{ name: '0', value: field }] });
  if (!item) missing('inventory item');
  if (!o.categoryId) missing('categoryId');
  const p = o.listingPolicies ?? {};
  if (!p.fulfillmentPolicyId || !p.paymentPolicyId || !p.returnPolicyId) missing('listingPolicies');
  if (!o.merchantLocationKey) missing('merchantLocationKey');
  if (!o.pricingSummary?.price?.value) missing('pricingSummary.price');
  const aspects = { ...(group?.aspects ?? {}), ...((item?.product.aspects ?? {}) as Record<string, string[]>) };
  if (item && !aspects.Brand?.length) missing('item specific Brand');
  errs.push(...categoryErrors(o, item, group)); // the category's published aspects and conditions (requirements.ts)
  return errs;
}

type OfferBody = ({ sku?: string; marketplaceId?: string; format?: string } & Record<string, unknown>) | undefined;

/**
 * createOffer's rules, shared by POST /offer and bulk_create_offer (`bulk`). Codes: the 400
 * x-response-codes of createOffer (25702, 25709) and bulkCreateOffer (25702, 25709, 25729) in
 * specs/ebay/sell_inventory_v1_oas3.json; createOffer lists no 25002 and no duplicate-offer code, so it answers 25709.
 */
export function createOfferIn(state: EbaySandboxState, body: OfferBody, bulk = false): { offerId: string } | { status: number; error: SandboxErrorDetail } {
  if (!body?.sku || !body.marketplaceId || !body.format) return { status: 400, error: { errorId: 25709, message: 'Invalid value for sku, marketplaceId or format.' } };
  if (!state.items.has(body.sku)) return { status: 404, error: { errorId: 25702, message: `SKU ${body.sku} is not available in the system` } };
  const mine = [...state.offers.values()].filter((o) => o.sku === body.sku);
  // "Only one offer ... may exist for each sku/marketplaceId/format combination" (EbayOfferDetailsWithKeys.sku).
  if (mine.some((o) => o.marketplaceId === body.marketplaceId && o.format === body.format)) {
    return { status: 400, error: bulk ? { errorId: 25729, message: 'The combination of SKU, marketplaceId and format should be unique.' } : { errorId: 25709, message: 'Invalid value for sku. Offer entity already exists.' } };
  }
  // "Currently, the Inventory API does not support the same SKU across multiple eBay marketplaces"
  // (https://developer.ebay.com/api-docs/sell/inventory/types/slr:Offers).
  if (mine.some((o) => o.marketplaceId !== body.marketplaceId)) return { status: 400, error: { errorId: 25709, message: `Invalid value for marketplaceId. SKU ${body.sku} already has an offer on another marketplace.` } };
  const offerId = String(5_000_000_000 + state.nextId());
  state.offers.set(offerId, { ...body, offerId, status: 'UNPUBLISHED' } as SandboxOffer);
  return { offerId };
}

/** publishOffer's rules, shared by /publish and bulk_publish_offer. Publishing a published offer revises it (250 a day). */
export function publishIn(state: EbaySandboxState, o: SandboxOffer): { listingId: string } | { errors: SandboxErrorDetail[] } {
  const errs = publishErrors(state, o);
  if (errs.length) return { errors: errs };
  if (o.status === 'PUBLISHED' && !state.revise(o)) return { errors: [{ errorId: 25002, message: 'A user error has occurred. This listing reached its daily revision limit (250 per calendar day).' }] };
  o.status = 'PUBLISHED';
  if (!o.listing || o.listing.listingStatus === 'ENDED') o.listing = { listingId: o.listing?.listingId ?? String(380_000_000_000 + state.nextId()), listingStatus: 'ACTIVE' };
  return { listingId: o.listing.listingId };
}

export function installOffers(router: Router, state: EbaySandboxState, ctx: SandboxContext, opts: GuardOptions): void {
  const g = (h: (req: SandboxRequest) => SandboxResponse) => guarded(state, ctx, opts, 'inventory', h);

  router.add('GET', `${I}/offer`, g((req) => {
    const sku = req.query.get('sku');
    const site = req.query.get('marketplace_id');
    if (!sku) return fail(400, { errorId: 25709, message: 'Invalid value for sku.' }); // getOffers 400 x-response-codes
    if (!state.items.has(sku)) return skuNotFound(sku);
    const offers = [...state.offers.values()].filter((o) => o.sku === sku && (!site || o.marketplaceId === site));
    if (!offers.length) return offerNotFound();
    return ok({ href: `${ctx.baseUrl()}${I}/offer?sku=${encodeURIComponent(sku)}`, limit: 25, offers, size: offers.length, total: offers.length });
  }));

  router.add('GET', `${I}/offer/{offerId}`, g((req) => {
    const o = state.offers.get(req.params.offerId!);
    return o ? ok(o) : offerNotFound();
  }));

  router.add('POST', `${I}/offer`, g((req) => {
    const bad = needsLanguage(req);
    if (bad) return bad;
    const r = createOfferIn(state, req.json<OfferBody>());
    return 'offerId' in r ? ok(r, 201) : fail(r.status, r.error);
  }));

  // updateOffer "does a complete replacement of the existing offer object" and revises a live
  // listing (#/paths/~1offer~1{offerId}/put, EbayOfferDetailsWithId); success is 204 No Content.
  router.add('PUT', `${I}/offer/{offerId}`, g((req) => {
    const bad = needsLanguage(req);
    if (bad) return bad;
    const o = state.offers.get(req.params.offerId!);
    if (!o) return offerNotFound();
    const body = req.json<Record<string, unknown>>() ?? {};
    const fields = Object.fromEntries(Object.entries(body).filter(([k]) => !(KEYS as readonly string[]).includes(k)));
    if (!state.revise(o)) return revisionLimit();
    const keys = Object.fromEntries(KEYS.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
    state.offers.set(o.offerId, { ...fields, ...keys } as SandboxOffer);
    return ok(undefined, 204);
  }));

  router.add('POST', `${I}/offer/{offerId}/publish`, g((req) => {
    const o = state.offers.get(req.params.offerId!);
    if (!o) return offerNotFound();
    const r = publishIn(state, o);
    return 'listingId' in r ? ok(r) : fail(400, ...r.errors);
  }));

  // withdrawOffer ends the listing; the offer stays, unpublished (its description).
  router.add('POST', `${I}/offer/{offerId}/withdraw`, g((req) => {
    const o = state.offers.get(req.params.offerId!);
    if (!o) return offerNotFound();
    o.status = 'UNPUBLISHED';
    if (o.listing) o.listing = { ...o.listing, listingStatus: 'ENDED' };
    return ok({ listingId: o.listing?.listingId });
  }));

  // deleteOffer deletes the offer and, when published, ends its listing (its description).
  router.add('DELETE', `${I}/offer/{offerId}`, g((req) => {
    if (!state.offers.delete(req.params.offerId!)) return offerNotFound();
    return ok(undefined, 204);
  }));
}
