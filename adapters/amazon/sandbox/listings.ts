import { randomUUID } from 'node:crypto';
import type { SandboxContext } from '../../../src/sandbox/module.js';
import type { Router, SandboxRequest } from '../../../src/sandbox/router.js';
import type { Attributes, PatchOperation } from '../schemas/listings.js';
import { guarded, type GuardOptions } from './guard.js';
import { applyChannelRule, applyPatches, asinFor, definitionIssues, requiredIssues } from './listing-rules.js';
import { fail, invalidInput, ok } from './responses.js';
import type { AmazonSandboxState, SandboxListing } from './state.js';

/** Listings Items API 2021-08-01 routes: state per SKU, PUT replaces, PATCH patches, ACCEPTED → live later. */
export interface ListingsOptions extends GuardOptions {
  /** Amazon-time until an accepted listing is live (divided by the time scale). */
  liveAfterMs: number;
}

const ITEM = '/listings/2021-08-01/items/{sellerId}/{sku}';

function csv(q: URLSearchParams, name: string): string[] {
  return (q.get(name) ?? '').split(',').filter(Boolean);
}

/** Renders a listings item for one marketplace and the requested includedData (default summaries). */
export function renderItem(l: SandboxListing, marketplaceIds: string[], included: string[], now: number) {
  const inc = new Set(included.length ? included : ['summaries']);
  const parent = l.attributes.parentage_level?.[0]?.value === 'parent';
  const live = marketplaceIds.filter((m) => (l.markets.get(m)?.liveAt ?? Infinity) <= now);
  const offers = (l.attributes.purchasable_offer ?? []).map((o) => ({
    marketplaceId: String(o.marketplace_id),
    offerType: 'B2C',
    price: { currencyCode: String(o.currency), amount: String(((o.our_price as Array<{ schedule: Array<{ value_with_tax: number }> }>) ?? [])[0]?.schedule[0]?.value_with_tax ?? '') },
  }));
  return {
    sku: l.sku,
    ...(inc.has('summaries')
      ? {
          summaries: live.map((m) => ({
            marketplaceId: m, asin: asinFor(l.sku), productType: l.productType, conditionType: l.attributes.condition_type?.[0]?.value,
            status: parent ? ['DISCOVERABLE'] : ['BUYABLE', 'DISCOVERABLE'], itemName: l.attributes.item_name?.[0]?.value,
            createdDate: new Date(l.markets.get(m)!.createdAt).toISOString(), lastUpdatedDate: new Date(l.markets.get(m)!.updatedAt).toISOString(),
          })),
        }
      : {}),
    ...(inc.has('attributes') ? { attributes: l.attributes } : {}),
    ...(inc.has('issues') ? { issues: l.warnings } : {}),
    ...(inc.has('offers') ? { offers: offers.filter((o) => marketplaceIds.includes(o.marketplaceId)) } : {}),
    ...(inc.has('fulfillmentAvailability')
      ? { fulfillmentAvailability: (l.attributes.fulfillment_availability ?? []).map((f) => ({ fulfillmentChannelCode: String(f.fulfillment_channel_code), ...(typeof f.quantity === 'number' ? { quantity: f.quantity } : {}) })) }
      : {}),
    ...(inc.has('productTypes') ? { productTypes: marketplaceIds.map((m) => ({ marketplaceId: m, productType: l.productType })) } : {}),
  };
}

/** Stores a valid submission (shared with the feed processor). */
export function saveListing(state: AmazonSandboxState, sellerId: string, sku: string, productType: string, requirements: string, attributes: Attributes, marketplaceId: string, now: number, liveAt: number) {
  const key = state.listingKey(sellerId, sku);
  const prev = state.listings.get(key);
  const markets = prev?.markets ?? new Map();
  const market = markets.get(marketplaceId);
  markets.set(marketplaceId, { createdAt: market?.createdAt ?? now, updatedAt: now, liveAt: market && market.liveAt <= now ? market.liveAt : liveAt });
  state.listings.set(key, { sku, productType, requirements, attributes: applyChannelRule(prev?.attributes, attributes), markets, warnings: prev?.warnings ?? [] });
}

export function installListings(router: Router, state: AmazonSandboxState, ctx: SandboxContext, opts: ListingsOptions): void {
  const liveAt = () => ctx.clock.now() + opts.liveAfterMs / ctx.timeScale;
  const sellerCheck = (req: SandboxRequest, sellerId: string) => (req.params.sellerId !== sellerId ? fail(403, 'Unauthorized', 'Access to requested resource is denied.', 'sellerId does not match the authorized seller') : undefined);

  function submission(req: SandboxRequest, sellerId: string, attributes: Attributes | undefined, productType: string, requirements: string, exists: boolean) {
    const marketplaceIds = csv(req.query, 'marketplaceIds');
    if (marketplaceIds.length !== 1) return invalidInput('Invalid input', 'marketplaceIds must contain exactly one marketplace');
    const preview = req.query.get('mode') === 'VALIDATION_PREVIEW';
    // requirements=LISTING|LISTING_OFFER_ONLY... and the loaded product type definition decide the issues (specs/amazon/listingsItems_2021-08-01.json putListingsItem `requirements`; specs/amazon/definitionsProductTypes_2020-09-01.json).
    const issues = attributes ? [...requiredIssues(attributes, requirements), ...definitionIssues(attributes, state.productTypes[productType], requirements)] : [];
    const invalid = issues.some((i) => i.severity === 'ERROR');
    if (!invalid && !preview && attributes) saveListing(state, sellerId, req.params.sku!, productType, requirements, attributes, marketplaceIds[0]!, ctx.clock.now(), liveAt());
    const status = preview ? (invalid ? 'INVALID' : 'VALID') : invalid ? 'INVALID' : 'ACCEPTED';
    const withIdentifiers = csv(req.query, 'includedData').includes('identifiers') && !invalid && (exists || !preview);
    return ok({ sku: req.params.sku, status, submissionId: randomUUID(), issues, ...(withIdentifiers ? { identifiers: [{ marketplaceId: marketplaceIds[0], asin: asinFor(req.params.sku!) }] } : {}) });
  }

  router.add('GET', ITEM, guarded(state, ctx, opts, 'getListingsItem', (req, sellerId) => {
    state.tick();
    const denied = sellerCheck(req, sellerId);
    if (denied) return denied;
    const marketplaceIds = csv(req.query, 'marketplaceIds');
    const l = state.listing(sellerId, req.params.sku!);
    if (!l || !marketplaceIds.some((m) => l.markets.has(m))) return fail(404, 'NOT_FOUND', `SKU '${req.params.sku}' not found in marketplace ${marketplaceIds.join(',')}`);
    return ok(renderItem(l, marketplaceIds, csv(req.query, 'includedData'), ctx.clock.now()));
  }));

  router.add('PUT', ITEM, guarded(state, ctx, opts, 'putListingsItem', (req, sellerId) => {
    const denied = sellerCheck(req, sellerId);
    if (denied) return denied;
    const body = req.json<{ productType?: string; requirements?: string; attributes?: Attributes }>();
    if (!body?.productType || !body.attributes || typeof body.attributes !== 'object') return invalidInput('Invalid input', 'productType and attributes are required');
    return submission(req, sellerId, body.attributes, body.productType, body.requirements ?? 'LISTING', !!state.listing(sellerId, req.params.sku!));
  }));

  router.add('PATCH', ITEM, guarded(state, ctx, opts, 'patchListingsItem', (req, sellerId) => {
    const denied = sellerCheck(req, sellerId);
    if (denied) return denied;
    const body = req.json<{ productType?: string; patches?: PatchOperation[] }>();
    if (!body?.productType || !Array.isArray(body.patches) || body.patches.length === 0) return invalidInput('Invalid input', 'productType and patches are required');
    if (body.patches.some((p) => !/^\/attributes\/[^/]+$/.test(p.path))) return invalidInput('Invalid input', 'Only top-level attributes can be patched');
    const l = state.listing(sellerId, req.params.sku!);
    if (!l) return fail(404, 'NOT_FOUND', `SKU '${req.params.sku}' not found`);
    return submission(req, sellerId, applyPatches(l.attributes, body.patches), body.productType, l.requirements, true);
  }));

  router.add('DELETE', ITEM, guarded(state, ctx, opts, 'deleteListingsItem', (req, sellerId) => {
    const denied = sellerCheck(req, sellerId);
    if (denied) return denied;
    const l = state.listing(sellerId, req.params.sku!);
    if (!l) return fail(404, 'NOT_FOUND', `SKU '${req.params.sku}' not found`);
    for (const m of csv(req.query, 'marketplaceIds')) l.markets.delete(m);
    if (l.markets.size === 0) state.listings.delete(state.listingKey(sellerId, l.sku));
    return ok({ sku: l.sku, status: 'ACCEPTED', submissionId: randomUUID(), issues: [] });
  }));

  router.add('GET', '/listings/2021-08-01/items/{sellerId}', guarded(state, ctx, opts, 'searchListingsItems', (req, sellerId) => {
    state.tick();
    const denied = sellerCheck(req, sellerId);
    if (denied) return denied;
    const marketplaceIds = csv(req.query, 'marketplaceIds');
    const identifiers = csv(req.query, 'identifiers');
    if (identifiers.length > 20) return invalidInput('Invalid input', 'at most 20 identifiers');
    // identifiersType "is required when `identifiers` is provided" (specs/amazon/listingsItems_2021-08-01.json#/paths/~1listings~12021-08-01~1items~1{sellerId}/get identifiersType).
    if (identifiers.length && !req.query.get('identifiersType')) return invalidInput('Invalid input', 'identifiersType is required when identifiers is provided');
    const pageSize = Math.min(20, Number(req.query.get('pageSize') ?? 10));
    const found = identifiers
      .map((sku) => state.listing(sellerId, sku))
      .filter((l): l is SandboxListing => !!l && marketplaceIds.some((m) => l.markets.has(m)));
    // numberOfResults: "The total number of selling partner listings items found for the search criteria (only results
    // up to the page count limit is returned per request regardless of the number found)" (same spec, #/definitions/ItemSearchResults).
    const page = found.slice(0, pageSize);
    return ok({ numberOfResults: found.length, items: page.map((l) => renderItem(l, marketplaceIds, csv(req.query, 'includedData'), ctx.clock.now())) });
  }));
}
