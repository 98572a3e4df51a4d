/**
 * Preflight for bulk listing: every (store, SKU) is checked offline against the marketplace's
 * published requirements (listings.validate with offline: true) before anything is written.
 * What fails is held back and reported with its issues; what passes is submitted. Adapters
 * without requirements (no listings.requirements) are not checked.
 */
import PQueue from 'p-queue';
import type { MarketplaceAdapter } from '../adapter.js';
import { ValidationError } from '../errors/classes.js';
import { isXborderError } from '../errors/xborder-error.js';
import type { BulkItemResult, Listing, ListingInput, ListingIssue } from '../model/listing.js';
import type { StoreRef } from '../model/store.js';
import type { Catalog } from './catalog-types.js';
import { priceListing, type PricingOptions } from './pricing.js';
import type { ResolvedStore } from './store-ref.js';

export interface PreflightOptions {
  pricing?: PricingOptions;
  signal?: AbortSignal;
  /** Validations in flight per store (requirements are cached after the first read); default 8. */
  concurrency?: number;
}

/** One held-back (store, SKU) with everything found; `checked` counts every validated pair. */
export interface PreflightSummary {
  checked: number;
  held: number;
  /** Stores whose adapter publishes no requirements (not checked). */
  unchecked: StoreRef[];
  /** Requirements that could not be read: those SKUs were not checked (the marketplace decides). */
  unavailable: Array<{ store: StoreRef; sku: string; message: string }>;
}

export interface PreflightResult {
  /** store ref → SKU → issues (errors and warnings) of the listings held back. */
  held: Map<StoreRef, Map<string, ListingIssue[]>>;
  /** store ref → SKU → warnings of the listings that pass (shown, not blocking). */
  warnings: Map<StoreRef, Map<string, ListingIssue[]>>;
  summary: PreflightSummary;
}

export const checksRequirements = (a: MarketplaceAdapter) => typeof a.listings.requirements === 'function';

/** Validates each listing of the catalog on each target store, offline. */
export async function preflight(targets: readonly ResolvedStore[], catalog: Catalog, opts: PreflightOptions = {}): Promise<PreflightResult> {
  const held = new Map<StoreRef, Map<string, ListingIssue[]>>();
  const warnings = new Map<StoreRef, Map<string, ListingIssue[]>>();
  const summary: PreflightSummary = { checked: 0, held: 0, unchecked: [], unavailable: [] };
  await Promise.all(targets.map(async (t) => {
    if (!checksRequirements(t.adapter)) return void summary.unchecked.push(t.ref);
    const mine = new Map<string, ListingIssue[]>();
    const warned = new Map<string, ListingIssue[]>();
    const queue = new PQueue({ concurrency: opts.concurrency ?? 8 });
    await queue.addAll(catalog.listings.map((listing) => async () => {
      if (opts.signal?.aborted) return;
      let priced: Listing;
      try {
        priced = priceListing(listing, t.store, t.adapter.marketplace, opts.pricing);
      } catch {
        return; // unpriceable: the run itself reports it
      }
      try {
        const r = await t.adapter.listings.validate(priced, { store: t.store.id, offline: true, signal: opts.signal });
        summary.checked += 1;
        if (r.status === 'invalid' || r.issues.some((i) => i.severity === 'error')) mine.set(listing.sku, r.issues);
        else if (r.issues.some((i) => i.severity === 'warning')) warned.set(listing.sku, r.issues.filter((i) => i.severity === 'warning'));
      } catch (e) {
        // Bad input is the run's to report; requirements that cannot be read leave the SKU unchecked.
        if (isXborderError(e) && e.code === 'VALIDATION') return;
        summary.unavailable.push({ store: t.ref, sku: listing.sku, message: e instanceof Error ? e.message : String(e) });
      }
    }));
    if (mine.size) held.set(t.ref, mine);
    if (warned.size) warnings.set(t.ref, warned);
    summary.held += mine.size;
  }));
  return { held, warnings, summary };
}

/** The error a held-back item ends with: names the first problem's unified path and the count. */
export function preflightError(store: StoreRef, sku: string, issues: readonly ListingIssue[]): ValidationError {
  const errors = issues.filter((i) => i.severity === 'error');
  const first = (errors[0] ?? issues[0]) as (ListingIssue & { path?: string }) | undefined;
  return new ValidationError({
    message: `Held back by preflight on ${store}: ${errors.length} problem(s) against the marketplace's published requirements${first ? ` — ${first.message}` : ''}`,
    path: first?.path ?? 'listing',
    issues: errors.map((i) => ({ path: (i as { path?: string }).path ?? '', message: i.message })),
  });
}

/**
 * The target seen through preflight: its adapter refuses held-back SKUs (single path: throws;
 * bulk path: a failed result per held SKU, the rest go to the real bulk call), so every item still
 * ends with exactly one result and nothing held back reaches the marketplace.
 */
export function withPreflight(t: ResolvedStore, held: Map<string, ListingIssue[]> | undefined): ResolvedStore {
  if (!held?.size) return t;
  const real = t.adapter.listings;
  const isHeld = (l: ListingInput | Listing) => held.has(l.sku);
  const listings = new Proxy(real, {
    get(target, key, receiver) {
      if (key === 'upsert') {
        return (l: ListingInput, o?: object) => (isHeld(l) ? Promise.reject(preflightError(t.ref, l.sku, held.get(l.sku)!)) : real.upsert(l, o));
      }
      if (key === 'bulkUpsert') {
        return async (ls: ListingInput[], o?: object): Promise<BulkItemResult[]> => {
          const pass = ls.filter((l) => !isHeld(l));
          const out: BulkItemResult[] = ls.filter(isHeld).map((l) => ({ sku: l.sku, ok: false, error: preflightError(t.ref, l.sku, held.get(l.sku)!) }));
          return [...out, ...(pass.length ? await real.bulkUpsert(pass, o) : [])];
        };
      }
      return Reflect.get(target, key, receiver);
    },
  });
  const adapter = new Proxy(t.adapter, { get: (target, key, receiver) => (key === 'listings' ? listings : Reflect.get(target, key, receiver)) });
  return { ...t, adapter };
}
