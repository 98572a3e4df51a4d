import type { SandboxContext } from '../../../src/sandbox/module.js';
import type { Router, SandboxRequest, SandboxResponse } from '../../../src/sandbox/router.js';
import { guarded, type GuardOptions } from './guard.js';
import { fail, ok } from './responses.js';
import type { EbaySandboxState, SandboxOffer } from './state.js';

const I = '/sell/inventory/v1';
const skuNotFound = (sku: string) => fail(404, { errorId: 25702, message: `SKU ${sku} is not available in the system` });
const offerNotFound = () => fail(404, { errorId: 25713, message: 'This Offer is not available.' });

/** Content-Language is required on create/replace calls (research B2). */
function needsLanguage(req: SandboxRequest): SandboxResponse | undefined {
  const lang = String(req.headers['content-language'] ?? '');
  return /^[a-z]{2}-[A-Z]{2}$/.test(lang) ? undefined : fail(400, { errorId: 25709, message: 'Invalid value for header Content-Language.', parameters: [{ name: 'Content-Language', value: lang }] });
}

/** What publishOffer checks before a listing goes live (research B3 prerequisites + item specifics). */
function publishErrors(state: EbaySandboxState, o: SandboxOffer): Array<{ errorId: number; message: string; parameters?: Array<{ name: string; value: string }> }> {
  const errs: Array<{ errorId: number; message: string; parameters?: Array<{ name: string; value: string }> }> = [];
  const item = state.items.get(o.sku);
  const missing = (field: string) => errs.push({ errorId: 25002, message: `A user error has occurred. ${field} is missing.`, parameters: [{ name: '0', value: field }] });
  if (!item) missing('inventory item');
  if (!o.categoryId) missing('categoryId');
  if (!o.listingPolicies?.fulfillmentPolicyId || !o.listingPolicies.paymentPolicyId || !o.listingPolicies.returnPolicyId) missing('listingPolicies');
  if (!o.merchantLocationKey) missing('merchantLocationKey');
  if (!o.pricingSummary?.price?.value) missing('pricingSummary.price');
  const aspects = (item?.product.aspects ?? {}) as Record<string, string[]>;
  if (item && !aspects.Brand?.length) missing('item specific Brand');
  return errs;
}

export function installInventory(router: Router, state: EbaySandboxState, ctx: SandboxContext, opts: GuardOptions): void {
  const g = (h: (req: SandboxRequest) => SandboxResponse) => guarded(state, ctx, opts, 'inventory', h);

  router.add('PUT', `${I}/inventory_item/{sku}`, g((req) => {
    const bad = needsLanguage(req);
    if (bad) return bad;
    const sku = req.params.sku!;
    if (sku.length > 50) return fail(400, { errorId: 25709, message: 'Invalid value for sku.' });
    const body = req.json<{ product?: { title?: string }; condition?: string; availability?: { shipToLocationAvailability?: { quantity?: number } } }>();
    if (!body?.product?.title) return fail(400, { errorId: 25002, message: 'A user error has occurred. product.title is missing.', parameters: [{ name: '0', value: 'title' }] });
    const existed = state.items.has(sku);
    state.items.set(sku, { sku, locale: String(req.headers['content-language']).replace('-', '_'), product: body.product as Record<string, unknown>, ...(body.condition ? { condition: body.condition } : {}), ...(body.availability ? { availability: body.availability } : {}) });
    for (const o of state.offers.values()) if (o.sku === sku && body.availability?.shipToLocationAvailability?.quantity !== undefined) o.availableQuantity = body.availability.shipToLocationAvailability.quantity;
    return ok(undefined, existed ? 204 : 201);
  }));

  router.add('GET', `${I}/inventory_item/{sku}`, g((req) => {
    const item = state.items.get(req.params.sku!);
    return item ? ok(item) : skuNotFound(req.params.sku!);
  }));

  router.add('DELETE', `${I}/inventory_item/{sku}`, g((req) => {
    const sku = req.params.sku!;
    if (!state.items.delete(sku)) return skuNotFound(sku);
    for (const [id, o] of state.offers) if (o.sku === sku) state.offers.delete(id);
    return ok(undefined, 204);
  }));

  router.add('GET', `${I}/offer`, g((req) => {
    const sku = req.query.get('sku');
    const site = req.query.get('marketplace_id');
    if (!sku) return fail(400, { errorId: 25709, message: 'Invalid value for sku.' });
    if (!state.items.has(sku)) return skuNotFound(sku);
    const offers = [...state.offers.values()].filter((o) => o.sku === sku && (!site || o.marketplaceId === site));
    if (!offers.length) return offerNotFound();
    return ok({ href: `${ctx.baseUrl()}${I}/offer?sku=${encodeURIComponent(sku)}`, limit: 25, offers, size: offers.length, total: offers.length });
  }));

  router.add('POST', `${I}/offer`, g((req) => {
    const bad = needsLanguage(req);
    if (bad) return bad;
    const body = req.json<Omit<SandboxOffer, 'offerId' | 'status'>>();
    if (!body?.sku || !body.marketplaceId || !body.format) return fail(400, { errorId: 25002, message: 'A user error has occurred. sku, marketplaceId and format are required.' });
    if (!state.items.has(body.sku)) return skuNotFound(body.sku);
    if ([...state.offers.values()].some((o) => o.sku === body.sku && o.marketplaceId === body.marketplaceId && o.format === body.format)) {
      return fail(400, { errorId: 25002, message: 'A user error has occurred. Offer entity already exists.' });
    }
    const offerId = String(5_000_000_000 + state.nextId());
    state.offers.set(offerId, { ...body, offerId, status: 'UNPUBLISHED' });
    return ok({ offerId }, 201);
  }));

  router.add('PUT', `${I}/offer/{offerId}`, g((req) => {
    const bad = needsLanguage(req);
    if (bad) return bad;
    const o = state.offers.get(req.params.offerId!);
    if (!o) return offerNotFound();
    const body = req.json<Partial<SandboxOffer>>() ?? {};
    state.offers.set(o.offerId, { ...o, ...body, offerId: o.offerId, sku: o.sku, marketplaceId: o.marketplaceId, status: o.status, ...(o.listing ? { listing: o.listing } : {}) });
    return ok({});
  }));

  router.add('POST', `${I}/offer/{offerId}/publish`, g((req) => {
    const o = state.offers.get(req.params.offerId!);
    if (!o) return offerNotFound();
    const errs = publishErrors(state, o);
    if (errs.length) return fail(400, ...errs);
    o.status = 'PUBLISHED';
    o.listing ??= { listingId: String(380_000_000_000 + state.nextId()), listingStatus: 'ACTIVE' };
    return ok({ listingId: o.listing.listingId });
  }));

  router.add('POST', `${I}/bulk_update_price_quantity`, g((req) => {
    const requests = req.json<{ requests?: Array<{ sku?: string; shipToLocationAvailability?: { quantity?: number }; offers?: Array<{ offerId: string; availableQuantity?: number; price?: { value: string; currency: string } }> }> }>()?.requests ?? [];
    if (!requests.length || requests.length > 25) return fail(400, { errorId: 25709, message: 'Invalid value for requests: 1 to 25 requests are allowed.' });
    const responses: unknown[] = [];
    for (const r of requests) {
      if (r.sku !== undefined) {
        const item = state.items.get(r.sku);
        if (!item) responses.push({ sku: r.sku, statusCode: 404, errors: [{ errorId: 25702, domain: 'API_INVENTORY', category: 'REQUEST', message: `SKU ${r.sku} is not available in the system` }] });
        else if (r.shipToLocationAvailability?.quantity !== undefined) {
          item.availability = { shipToLocationAvailability: { quantity: r.shipToLocationAvailability.quantity } };
          responses.push({ sku: r.sku, statusCode: 200 });
        }
      }
      for (const u of r.offers ?? []) {
        const o = state.offers.get(u.offerId);
        if (!o) responses.push({ offerId: u.offerId, sku: r.sku, statusCode: 404, errors: [{ errorId: 25713, domain: 'API_INVENTORY', category: 'REQUEST', message: 'This Offer is not available.' }] });
        else {
          if (u.price) o.pricingSummary = { price: u.price };
          if (u.availableQuantity !== undefined) o.availableQuantity = u.availableQuantity;
          responses.push({ offerId: u.offerId, sku: o.sku, statusCode: 200 });
        }
      }
    }
    const partial = responses.some((r) => (r as { statusCode: number }).statusCode >= 400);
    return ok({ responses }, partial ? 207 : 200);
  }));
}
