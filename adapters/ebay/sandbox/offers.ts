import type { SandboxContext } from '../../../src/sandbox/module.js';
import type { Router, SandboxRequest, SandboxResponse } from '../../../src/sandbox/router.js';
import { guarded, type GuardOptions } from './guard.js';
import { I, needsLanguage, skuNotFound } from './inventory.js';
import { fail, ok } from './responses.js';
import type { EbaySandboxState, SandboxGroup, SandboxOffer } from './state.js';

const offerNotFound = () => fail(404, { errorId: 25713, message: 'This Offer is not available.' });
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
  const missing = (field: string) => errs.push({ errorId: 25002, message: `A user error has occurred. ${field} is missing.`, parameters: [{ name: '0', value: field }] });
  if (!item) missing('inventory item');
  if (!o.categoryId) missing('categoryId');
  const p = o.listingPolicies ?? {};
  if (!p.fulfillmentPolicyId || !p.paymentPolicyId || !p.returnPolicyId) missing('listingPolicies');
  if (!o.merchantLocationKey) missing('merchantLocationKey');
  if (!o.pricingSummary?.price?.value) missing('pricingSummary.price');
  const aspects = { ...(group?.aspects ?? {}), ...((item?.product.aspects ?? {}) as Record<string, string[]>) };
  if (item && !aspects.Brand?.length) missing('item specific Brand');
  return errs;
}

export function installOffers(router: Router, state: EbaySandboxState, ctx: SandboxContext, opts: GuardOptions): void {
  const g = (h: (req: SandboxRequest) => SandboxResponse) => guarded(state, ctx, opts, 'inventory', h);

  router.add('GET', `${I}/offer`, g((req) => {
    const sku = req.query.get('sku');
    const site = req.query.get('marketplace_id');
    if (!sku) return fail(400, { errorId: 25709, message: 'Invalid value for sku.' });
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
    const body = req.json<{ sku?: string; marketplaceId?: string; format?: string } & Record<string, unknown>>();
    if (!body?.sku || !body.marketplaceId || !body.format) return fail(400, { errorId: 25002, message: 'A user error has occurred. sku, marketplaceId and format are required.' });
    if (!state.items.has(body.sku)) return skuNotFound(body.sku);
    const mine = [...state.offers.values()].filter((o) => o.sku === body.sku);
    // "Only one offer ... may exist for each sku/marketplaceId/format combination" (EbayOfferDetailsWithKeys.sku).
    if (mine.some((o) => o.marketplaceId === body.marketplaceId && o.format === body.format)) return fail(400, { errorId: 25002, message: 'A user error has occurred. Offer entity already exists.' });
    // "Currently, the Inventory API does not support the same SKU across multiple eBay marketplaces"
    // (https://developer.ebay.com/api-docs/sell/inventory/types/slr:Offers).
    if (mine.some((o) => o.marketplaceId !== body.marketplaceId)) return fail(400, { errorId: 25002, message: `A user error has occurred. SKU ${body.sku} already has an offer on another marketplace.` });
    const offerId = String(5_000_000_000 + state.nextId());
    state.offers.set(offerId, { ...body, offerId, status: 'UNPUBLISHED' } as SandboxOffer);
    return ok({ offerId }, 201);
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

  // Publishing a published offer revises its listing again (publishOffer: 250 revisions a day).
  router.add('POST', `${I}/offer/{offerId}/publish`, g((req) => {
    const o = state.offers.get(req.params.offerId!);
    if (!o) return offerNotFound();
    const errs = publishErrors(state, o);
    if (errs.length) return fail(400, ...errs);
    if (o.status === 'PUBLISHED' && !state.revise(o)) return revisionLimit();
    o.status = 'PUBLISHED';
    if (!o.listing || o.listing.listingStatus === 'ENDED') o.listing = { listingId: o.listing?.listingId ?? String(380_000_000_000 + state.nextId()), listingStatus: 'ACTIVE' };
    return ok({ listingId: o.listing.listingId });
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
