/**
 * Bulk listing across stores: every store runs in parallel at its own adapter's pace; the run
 * ends with a report holding exactly one outcome per (store, SKU) plus every rejected row.
 */
import { setMaxListeners } from 'node:events';
import type { MarketplaceAdapter } from '../adapter.js';
import { ValidationError } from '../errors/classes.js';
import type { Listing, ListingInput } from '../model/listing.js';
import { buildBulkReport } from './bulk-report.js';
import { StoreRun } from './bulk-store.js';
import type { BulkItemReport, BulkProgressEvent, BulkReport, HubBulkOptions } from './bulk-types.js';
import { catalogOf, isCatalog } from './catalog.js';
import type { Catalog } from './catalog-types.js';
import type { HubHooks, HubSignal } from './hub-hooks.js';
import { openJournal, type BulkJournal } from './journal.js';
import { allStoreRefs, resolveStore } from './store-ref.js';
import { preflight, withPreflight, type PreflightResult } from './preflight.js';

export interface BulkContext {
  accounts: Readonly<Record<string, MarketplaceAdapter>>;
  hooks?: HubHooks;
}

export async function bulkUpsert(ctx: BulkContext, catalog: Catalog | ReadonlyArray<ListingInput | Listing>, opts: HubBulkOptions = {}): Promise<BulkReport> {
  const startedAt = new Date();
  checkOptions(opts);
  const cat = isCatalog(catalog) ? catalog : catalogOf(catalog);
  const refs = opts.stores ?? allStoreRefs(ctx.accounts);
  const targets = refs.map((r, i) => resolveStore(ctx.accounts, r, `stores[${i}]`));
  const dup = targets.find((t, i) => targets.findIndex((o) => o.ref === t.ref) !== i);
  if (dup) throw new ValidationError({ message: `Store ${dup.ref} is listed twice`, path: 'stores' });

  // Each write in flight (and each limiter wait) listens on the caller's signal.
  if (opts.signal) setMaxListeners(0, opts.signal);
  // Preflight (default on): held-back SKUs never reach the marketplace; their items carry the issues.
  const pre = opts.preflight === false ? undefined : await preflight(targets, cat, { pricing: opts.pricing, signal: opts.signal });
  const emit = (e: BulkProgressEvent) => {
    if (pre && e.type === 'item') withPreflightIssues(e.item, pre);
    try {
      opts.onProgress?.(e);
    } catch {
      // a progress callback that throws must not stop the listing run
    }
  };
  const journal = openJournal(opts.journal);
  const prior = journal ? await journal.load() : new Map();
  const runs = targets.map((t) => new StoreRun(pre ? withPreflight(t, pre.held.get(t.ref)) : t, cat, prior, journal, opts, emit));
  const unsubscribe = ctx.hooks?.subscribe((s) => attribute(s, ctx.accounts, runs, emit));
  let settled: PromiseSettledResult<void>[];
  try {
    settled = await Promise.allSettled(runs.map((r) => r.run()));
  } finally {
    unsubscribe?.();
    await journal?.close();
  }
  // Only infrastructure failures (the journal cannot be written) get here: items never throw.
  const broken = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (broken) throw broken.reason;
  const report = buildBulkReport(cat, startedAt, runs);
  return pre ? { ...report, preflight: pre.summary } : report;
}

/** A held-back item shows the requirement issues; a submitted one also its preflight warnings. */
function withPreflightIssues(item: BulkItemReport, pre: PreflightResult): void {
  const held = pre.held.get(item.store)?.get(item.sku);
  if (held && item.outcome === 'failed' && item.error?.code === 'VALIDATION') item.issues = held;
  const warned = pre.warnings.get(item.store)?.get(item.sku);
  if (warned && !held) item.issues = [...warned, ...item.issues];
}

/** Rate waits and 429 retries belong to an account (its buckets are shared by its stores). */
function attribute(s: HubSignal, accounts: BulkContext['accounts'], runs: StoreRun[], emit: (e: BulkProgressEvent) => void): void {
  for (const [account, adapter] of Object.entries(accounts)) {
    if (adapter.marketplace !== s.event.marketplace) continue;
    if (s.event.account !== undefined && s.event.account !== adapter.account) continue;
    const mine = runs.filter((r) => r.target.account === account && r.counts.queued > 0);
    if (mine.length === 0) continue;
    const stores = mine.map((r) => r.target.ref);
    if (s.kind === 'rate-wait') {
      for (const r of mine) {
        r.rateWaits += 1;
        r.rateWaitMs += s.event.waitMs;
      }
      emit({ type: 'rate-wait', account, stores, waitMs: s.event.waitMs, bucket: s.event.bucket });
    } else if (s.event.reason === 'RATE_LIMITED') {
      // Counted once per account (on its first active store) so totals are not multiplied.
      mine[0]!.throttled += 1;
      emit({ type: 'throttled', account, stores, delayMs: s.event.delayMs });
    }
  }
}

function checkOptions(opts: HubBulkOptions): void {
  const int = (v: number | undefined, name: string, max: number) => {
    if (v !== undefined && (!Number.isInteger(v) || v < 1 || v > max)) throw new ValidationError({ message: `${name} must be a whole number from 1 to ${max}`, path: name });
  };
  int(opts.concurrency, 'concurrency', 256);
  int(opts.bulkChunkSize, 'bulkChunkSize', 100_000);
  if (opts.stores !== undefined && (!Array.isArray(opts.stores) || Array.from(opts.stores).some((s) => typeof s !== 'string'))) {
    throw new ValidationError({ message: "stores must be an array of 'account:store' strings", path: 'stores' });
  }
  if (opts.pricing !== undefined && (typeof opts.pricing !== 'object' || opts.pricing === null || typeof opts.pricing.base !== 'string' || typeof opts.pricing.rates !== 'object' || opts.pricing.rates === null)) {
    throw new ValidationError({ message: 'pricing needs { base, rates }', path: 'pricing' });
  }
  const j = opts.journal as BulkJournal | string | undefined;
  if (j !== undefined && typeof j !== 'string' && (typeof j !== 'object' || j === null || typeof j.load !== 'function' || typeof j.append !== 'function' || typeof j.close !== 'function')) {
    throw new ValidationError({ message: 'journal must be a file path or a BulkJournal { load, append, close }', path: 'journal' });
  }
  if (opts.onProgress !== undefined && typeof opts.onProgress !== 'function') throw new ValidationError({ message: 'onProgress must be a function', path: 'onProgress' });
  if (opts.signal !== undefined && !(opts.signal instanceof AbortSignal)) throw new ValidationError({ message: 'signal must be an AbortSignal', path: 'signal' });
  if (opts.singleOnly !== undefined && typeof opts.singleOnly !== 'boolean') throw new ValidationError({ message: 'singleOnly must be a boolean', path: 'singleOnly' });
  if (opts.preflight !== undefined && typeof opts.preflight !== 'boolean') throw new ValidationError({ message: 'preflight must be a boolean', path: 'preflight' });
}
