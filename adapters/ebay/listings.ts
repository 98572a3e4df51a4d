import type { BulkUpsertOptions, ListingsService, StoreOptions, UpsertOptions, ValidateOptions } from '../../src/adapter.js';
import { AbortedError, MarketplaceError, NotFoundError, ValidationError } from '../../src/errors/classes.js';
import { parseInput } from '../../src/errors/from-response.js';
import { isXborderError } from '../../src/errors/xborder-error.js';
import { parseCallOptions, type CallOptions } from '../../src/http/call-options.js';
import { ListingSchema, type BulkItemResult, type Listing, type ListingInput, type ListingIssue, type ListingResult } from '../../src/model/listing.js';
import { MoneyInputSchema, type Money } from '../../src/model/money.js';
import { z } from 'zod';
import type { EbayStore } from './config.js';
import type { EbayContext } from './context.js';
import { updatePriceQuantity } from './inventory.js';
import { findOffer, keyedFor, readItem, rejectedIssues } from './offers.js';
import { inventoryItemOf, issuesOf, offerOf } from './mappers/listing.js';
import { mergeInventoryItem, mergeOffer } from './mappers/merge.js';
import { inventoryMarketplaceId } from './marketplaces.js';
import { ops } from './operations.js';
import { upsertFamily } from './variations.js';
import { bulkList, type BulkEntry } from './bulk-listings.js';
import { DEFAULTS } from './config.js';
import { localizeAspects } from './requirements/localize.js';
import type { CategorySuggestion, EbayRequirements } from './requirements/service.js';

const SkuSchema = z.string().min(1).max(50, 'eBay SKUs are limited to 50 characters');
const PatchSchema = z.object({ price: MoneyInputSchema.optional(), quantity: z.number().int().nonnegative().optional() }).refine((p) => p.price !== undefined || p.quantity !== undefined, 'give price or quantity');

const callOptsOf = ({ store: _s, replace: _r, ...rest }: UpsertOptions = {}): CallOptions => rest;

/** listings.delete options: the inventory item (every listing of the seller SKU) only on request. */
export interface DeleteOptions extends StoreOptions {
  deleteInventoryItem?: boolean;
}


/** What must be in place before eBay can publish (research B3), checked before any call. */
function preflight(ctx: EbayContext, l: Listing, store: EbayStore): { issues: ListingIssue[]; categoryId?: string } {
  const issues: ListingIssue[] = [];
  const defaults = ctx.config.parsed.listingDefaults[store.id];
  const categoryId = l.marketplace.ebay?.categoryId ?? defaults?.categoryId;
  const issue = (code: string, message: string, attributes: string[] = []) => issues.push({ code, message, severity: 'error', attributes, categories: [], sku: l.sku });
  if (!defaults) issue('MISSING_LISTING_DEFAULTS', `No listingDefaults (policies, merchantLocationKey) configured for ${store.id}`);
  if (!categoryId) issue('MISSING_CATEGORY', 'An eBay categoryId is required (marketplace.ebay.categoryId or listingDefaults.categoryId)', ['categoryId']);
  for (const sku of [l.sku, ...l.variants.map((v) => v.sku)]) {
    const sellerSku = ctx.skus.sellerSku(sku, store.id);
    if (sellerSku.length > 50) issue('SKU_TOO_LONG', `eBay SKUs are limited to 50 characters (seller SKU on ${store.id}: ${sellerSku})`, ['sku']);
  }
  const currency = (l.price as { currency: string }).currency;
  if (currency !== store.currency) issue('CURRENCY_MISMATCH', `${store.id} lists in ${store.currency}, not ${currency}`, ['price']);
  return { issues, ...(categoryId ? { categoryId } : {}) };
}


/** The unified listings service plus eBay's category requirements and suggestions. */
export type EbayListingsService = ListingsService & {
  /** Category aspects and condition policies of a site's category, in the unified shape (cached). */
  requirements: EbayRequirements['requirements'];
  /** getCategorySuggestions on the store's category tree. */
  suggestCategories(q: string, opts?: CallOptions & { store?: string }): Promise<CategorySuggestion[]>;
};

export function listingsService(ctx: EbayContext, reqs: EbayRequirements): EbayListingsService {
  /**
   * Issues 20.4 / 21: neutral item specifics under the category's localized aspect names
   * (getItemAspectsForCategory localizedAspectName, specs/ebay/commerce_taxonomy_v1_oas3.json#/components/schemas/Aspect).
   * Aspects not cached yet are read through the cached requirements path: one read per site and
   * category, concurrent SKUs share the in-flight one (cachedRequirements). Decision: a failed read
   * (network, auth, eBay error) does not fail the listing; it goes out as before and eBay answers.
   * Only the seller's own abort stops it. `failed` (one bulkUpsert's categories whose read failed)
   * keeps a bulk from trying a failing read once per SKU.
   */
  async function localized(l: Listing, store: EbayStore, categoryId: string, o: CallOptions, failed?: Set<string>): Promise<Listing> {
    if ((!Object.keys(l.attributes).length && !l.optionNames.length && !l.brand) || failed?.has(categoryId)) return l;
    try {
      return localizeAspects(l, await reqs.requirements({ signal: o.signal, deadline: o.deadline, timeoutMs: o.timeoutMs, store: store.id, category: categoryId }));
    } catch (e) {
      if (!isXborderError(e) || e instanceof AbortedError) throw e;
      failed?.add(categoryId);
      return l;
    }
  }

  const upsert = (input: ListingInput, opts?: UpsertOptions) => upsertOne(input, opts);

  async function upsertOne(input: ListingInput, opts: UpsertOptions = {}, failed?: Set<string>): Promise<ListingResult> {
    opts = parseCallOptions(opts) as UpsertOptions; // null: none; hostile: ValidationError
    let l = parseInput(ListingSchema, input, 'listing');
    const store = ctx.store(opts.store);
    const callOpts = callOptsOf(opts);
    const pre = preflight(ctx, l, store);
    if (pre.issues.length) return { sku: l.sku, store: store.id, status: 'invalid', issues: pre.issues };
    l = await localized(l, store, pre.categoryId!, callOpts, failed);
    if (l.variants.length) return upsertFamily(ctx, l, store, pre.categoryId!, callOpts);
    const sku = ctx.skus.sellerSku(l.sku, store.id);
    const language = { 'Content-Language': store.language };
    // 1. The inventory item of this site's seller SKU: read, merge, write (a PUT replaces it whole).
    const current = await readItem(ctx, sku, callOpts);
    const item = await ctx.call(ops.createOrReplaceInventoryItem, { params: { sku }, headers: language, body: mergeInventoryItem(current, inventoryItemOf(l)) }, callOpts);
    const warnings = issuesOf(item.data?.warnings, 'warning', l.sku);
    // 2. The offer: read first, so a retried upsert never creates a second offer; merged for the same reason as the item.
    const ours = offerOf(l, sku, inventoryMarketplaceId(store.marketplaceId), ctx.config.parsed.listingDefaults[store.id]!, pre.categoryId!);
    const existing = await findOffer(ctx, sku, store, callOpts);
    const action = existing ? 'updated' : 'created';
    let offerId = existing?.offerId;
    try {
      if (existing) {
        const res = await ctx.call(ops.updateOffer, { params: { offerId: existing.offerId }, headers: language, body: mergeOffer(existing, ours) }, callOpts);
        warnings.push(...issuesOf(res.data.warnings, 'warning', l.sku));
      } else {
        const res = await ctx.call(ctx.ops.createOffer, { headers: language, body: { ...ours, listingDescription: ours.listingDescription ?? l.title } }, keyedFor(callOpts, sku));
        warnings.push(...issuesOf(res.data.warnings, 'warning', l.sku));
        if (!res.data.offerId) throw new MarketplaceError({ marketplace: 'ebay', operation: 'createOffer', message: 'createOffer returned no offerId' });
        offerId = res.data.offerId;
      }
      const raw = { offerId, sellerSku: sku };
      // 3. A published offer is already revised by updateOffer ("a successful updateOffer call will
      // actually update the active eBay listing", EbayOfferDetailsWithId): publishing it again would
      // spend another of the listing's 250 daily revisions (publishOffer description).
      if (existing?.status === 'PUBLISHED') {
        const listingId = existing.listing?.listingId;
        return { sku: l.sku, store: store.id, status: 'active', ...(listingId ? { marketplaceId: listingId } : {}), issues: warnings, action, raw };
      }
      const res = await ctx.call(ctx.ops.publishOffer, { params: { offerId: offerId! } }, keyedFor(callOpts, offerId!));
      warnings.push(...issuesOf(res.data.warnings, 'warning', l.sku));
      return { sku: l.sku, store: store.id, status: 'active', ...(res.data.listingId ? { marketplaceId: res.data.listingId } : {}), issues: warnings, action, raw };
    } catch (e) {
      // eBay's refusals (publish prerequisites, a revision it rejects) are the listing's issues.
      if (e instanceof MarketplaceError && e.code === 'MARKETPLACE_REJECTED' && e.errors.length) {
        return { sku: l.sku, store: store.id, status: 'invalid', issues: [...rejectedIssues(e, l.sku), ...warnings], action, ...(offerId ? { raw: { offerId, sellerSku: sku } } : {}) };
      }
      throw e;
    }
  }

  async function validate(input: ListingInput, opts: ValidateOptions = {}): Promise<ListingResult> {
    opts = parseCallOptions(opts) as ValidateOptions; // null: none; hostile: ValidationError
    const l = parseInput(ListingSchema, input, 'listing');
    const store = ctx.store(opts.store);
    const { issues, categoryId } = preflight(ctx, l, store);
    if (opts.offline === true) return reqs.validateOffline(l, store, categoryId, issues, opts);
    return { sku: l.sku, store: store.id, status: issues.length ? 'invalid' : 'accepted', issues, action: 'validated' };
  }

  async function get(sku: string, opts: StoreOptions = {}): Promise<ListingResult> {
    opts = parseCallOptions(opts) as StoreOptions; // null: none; hostile: ValidationError
    const id = parseInput(SkuSchema, sku, 'sku');
    const store = ctx.store(opts.store);
    const callOpts = callOptsOf(opts);
    const sellerSku = ctx.skus.sellerSku(id, store.id);
    if (!(await readItem(ctx, sellerSku, callOpts))) return { sku: id, store: store.id, status: 'not_found', issues: [], action: 'read' };
    const offer = await findOffer(ctx, sellerSku, store, callOpts);
    const live = offer?.status === 'PUBLISHED' && (offer.listing?.listingStatus ?? 'ACTIVE') === 'ACTIVE';
    const listingId = offer?.listing?.listingId;
    return { sku: id, store: store.id, status: live ? 'active' : 'inactive', ...(listingId ? { marketplaceId: listingId } : {}), issues: [], action: 'read', raw: offer };
  }

  async function update(sku: string, patch: { price?: Money; quantity?: number }, opts: StoreOptions = {}): Promise<ListingResult> {
    opts = parseCallOptions(opts) as StoreOptions; // null: none; hostile: ValidationError
    const id = parseInput(SkuSchema, sku, 'sku');
    const p = parseInput(PatchSchema, patch, 'patch');
    const store = ctx.store(opts.store);
    const [r] = await updatePriceQuantity(ctx, [{ sku: id, ...(p.price ? { price: p.price } : {}), ...(p.quantity !== undefined ? { quantity: p.quantity } : {}), store: store.id }], callOptsOf(opts));
    if (!r || r.ok) return { sku: id, store: store.id, status: 'accepted', issues: r?.warning ? [{ code: 'WARNING', message: r.warning, severity: 'warning', attributes: [], categories: [], sku: id }] : [], action: 'updated' };
    if (r.error instanceof NotFoundError) return { sku: id, store: store.id, status: 'not_found', issues: [], action: 'updated' };
    if (r.error && isXborderError(r.error) && r.error instanceof MarketplaceError) return { sku: id, store: store.id, status: 'invalid', issues: rejectedIssues(r.error, id), action: 'updated' };
    throw r.error ?? new ValidationError({ message: `update of ${id} failed`, path: 'sku' });
  }

  /**
   * Withdraws this site's listing only: deleteOffer ends a published offer's listing and deletes the
   * offer (deleteOffer description). `deleteInventoryItem: true` deletes the site's inventory item
   * instead, which also ends every listing and offer of that seller SKU (deleteInventoryItem description).
   */
  async function del(sku: string, opts: DeleteOptions = {}): Promise<ListingResult> {
    opts = parseCallOptions(opts) as DeleteOptions; // null: none; hostile: ValidationError
    const id = parseInput(SkuSchema, sku, 'sku');
    const { deleteInventoryItem, ...rest } = opts;
    const store = ctx.store(rest.store);
    const callOpts = callOptsOf(rest);
    const sellerSku = ctx.skus.sellerSku(id, store.id);
    const gone: ListingResult = { sku: id, store: store.id, status: 'not_found', issues: [], action: 'deleted' };
    try {
      if (deleteInventoryItem) {
        await ctx.call(ops.deleteInventoryItem, { params: { sku: sellerSku } }, callOpts);
      } else {
        const offer = await findOffer(ctx, sellerSku, store, callOpts);
        if (!offer) return gone;
        await ctx.call(ops.deleteOffer, { params: { offerId: offer.offerId } }, callOpts);
      }
    } catch (e) {
      if (e instanceof NotFoundError) return gone;
      throw e;
    }
    return { sku: id, store: store.id, status: 'deleted', issues: [], action: 'deleted' };
  }

  /**
   * Above DEFAULTS.bulkListingThreshold SKUs, simple listings take the bulk path (bulk-listings.ts);
   * families and smaller catalogs go one upsert per SKU. Every SKU ends with exactly one result.
   */
  async function bulkUpsert(listings: ListingInput[], opts: BulkUpsertOptions = {}): Promise<BulkItemResult[]> {
    opts = parseCallOptions(opts) as BulkUpsertOptions; // null: none; hostile: ValidationError
    listings = parseInput(z.array(z.unknown()), listings, 'listings') as ListingInput[]; // each item is checked by upsert
    const { onProgress, ...rest } = opts;
    const failedReads = new Set<string>();
    const out: BulkItemResult[] = new Array(listings.length);
    let done = 0;
    let failed = 0;
    const settle = (i: number, r: BulkItemResult) => {
      out[i] = r;
      if (!r.ok) failed++;
      onProgress?.({ done: ++done, failed, total: listings.length, sku: r.sku });
    };
    const one = async (i: number, input: ListingInput) => {
      const sku = typeof (input as { sku?: unknown })?.sku === 'string' ? (input as { sku: string }).sku : `#${i}`;
      try {
        settle(i, { sku, ok: true, result: await upsertOne(input, rest, failedReads) });
      } catch (e) {
        if (!isXborderError(e)) throw e;
        settle(i, { sku, ok: false, error: e });
      }
    };
    if (listings.length <= DEFAULTS.bulkListingThreshold) {
      for (const [i, input] of listings.entries()) await one(i, input);
      return out;
    }
    const store = ctx.store(rest.store);
    const bulk: Array<{ i: number } & BulkEntry> = [];
    for (const [i, input] of listings.entries()) {
      let l: Listing;
      try {
        l = parseInput(ListingSchema, input, `listings[${i}]`);
      } catch (e) {
        if (!isXborderError(e)) throw e;
        settle(i, { sku: typeof (input as { sku?: unknown })?.sku === 'string' ? (input as { sku: string }).sku : `#${i}`, ok: false, error: e });
        continue;
      }
      const pre = preflight(ctx, l, store);
      if (pre.issues.length) settle(i, { sku: l.sku, ok: true, result: { sku: l.sku, store: store.id, status: 'invalid', issues: pre.issues } });
      else if (l.variants.length) await one(i, input);
      else bulk.push({ i, l: await localized(l, store, pre.categoryId!, callOptsOf(rest), failedReads), categoryId: pre.categoryId! });
    }
    const results = await bulkList(ctx, bulk, store, callOptsOf(rest));
    for (const b of bulk) {
      const r = results.get(b.l.sku)!;
      settle(b.i, isXborderError(r) ? { sku: b.l.sku, ok: false, error: r } : { sku: b.l.sku, ok: true, result: r });
    }
    return out;
  }

  return { upsert, validate, get, update, delete: del, bulkUpsert, requirements: reqs.requirements, suggestCategories: reqs.suggestCategories };
}
