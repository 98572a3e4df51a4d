/**
 * One store's share of a bulk run: price every listing for the store, skip what the journal says
 * is done, then write the rest through the adapter (its own bulk path when it has one). Pacing is
 * the adapter limiter's job; this only keeps enough calls queued to use the whole quota.
 */
import { createHash } from 'node:crypto';
import type { BulkItemResult, Listing, ListingResult } from '../model/listing.js';
import { OutcomeUnknownError } from '../errors/classes.js';
import { isXborderError } from '../errors/xborder-error.js';
import type { BulkItemReport, BulkProgressEvent, HubBulkOptions, StoreCounts } from './bulk-types.js';
import type { Catalog } from './catalog-types.js';
import { toErrorInfo, type ErrorInfo } from './errors.js';
import { journalKey, type BulkJournal, type JournalEntry } from './journal.js';
import { priceListing } from './pricing.js';
import type { ResolvedStore } from './store-ref.js';
import PQueue from 'p-queue';

interface Pending {
  index: number;
  listing: Listing;
  hash: string;
  key: string;
  resumed: boolean;
}

// Enough in flight that an adapter needing several paced calls per SKU keeps its buckets full.
const DEFAULT_CONCURRENCY = 16;
const DEFAULT_CHUNK = 500;

export class StoreRun {
  readonly items: BulkItemReport[] = [];
  readonly counts: StoreCounts;
  path: 'single' | 'bulk' = 'single';
  rateWaits = 0;
  rateWaitMs = 0;
  throttled = 0;
  durationMs = 0;
  private readonly pending: Pending[] = [];

  constructor(
    readonly target: ResolvedStore,
    private readonly catalog: Catalog,
    private readonly prior: Map<string, JournalEntry>,
    private readonly journal: BulkJournal | undefined,
    private readonly opts: HubBulkOptions,
    private readonly emit: (e: BulkProgressEvent) => void,
  ) {
    this.counts = { total: catalog.listings.length, done: 0, failed: 0, skipped: 0, cancelled: 0, queued: catalog.listings.length };
  }

  async run(): Promise<void> {
    const started = Date.now();
    this.plan();
    const { adapter } = this.target;
    const threshold = adapter.capabilities.bulkListingThreshold;
    // What is left to write (a re-run skips what the journal has done; hashes are checked later).
    const left = this.pending.filter((p) => this.prior.get(journalKey(this.target.ref, p.listing.sku))?.t !== 'done').length;
    this.path = !this.opts.singleOnly && threshold !== null && left >= threshold ? 'bulk' : 'single';
    this.emit({ type: 'start', store: this.target.ref, counts: { ...this.counts }, path: this.path });
    if (this.path === 'bulk') await this.runBulk();
    else await this.runSingles();
    for (const p of this.pending) if (!this.items[p.index]) this.finish(p, { outcome: 'cancelled', via: this.path });
    this.durationMs = Date.now() - started;
    this.emit({ type: 'store-done', store: this.target.ref, counts: { ...this.counts } });
  }

  /** Queues every listing; pricing and the journal check happen as each one comes up. */
  private plan(): void {
    this.catalog.listings.forEach((listing, index) => this.pending.push({ index, listing, hash: '', key: '', resumed: false }));
  }

  /**
   * Prices a listing for this store and checks the journal: false when it needs no write (done
   * by an earlier run, or it cannot be priced). Done lazily so the first write starts at once.
   */
  private prepare(p: Pending): boolean {
    const { ref, store, adapter } = this.target;
    try {
      p.listing = priceListing(p.listing, store, adapter.marketplace, this.opts.pricing);
    } catch (e) {
      this.finish(p, { outcome: 'failed', via: 'single', error: toErrorInfo(e) });
      return false;
    }
    p.hash = createHash('sha256').update(JSON.stringify(p.listing)).digest('hex').slice(0, 16);
    p.key = `xb-bulk:${ref}:${p.listing.sku}:${p.hash}`;
    const prior = this.prior.get(journalKey(ref, p.listing.sku));
    p.resumed = prior?.t === 'start';
    if (prior?.t === 'done' && prior.hash === p.hash) {
      this.finish(p, { outcome: 'skipped', via: 'journal', action: prior.action, status: prior.status, marketplaceId: prior.marketplaceId });
      return false;
    }
    return true;
  }

  private async runSingles(): Promise<void> {
    // In catalog order, `concurrency` in flight; the adapter's limiter paces the calls themselves.
    const queue = new PQueue({ concurrency: Math.max(1, this.opts.concurrency ?? DEFAULT_CONCURRENCY) });
    await queue.addAll(this.pending.map((p) => () => this.one(p)));
  }

  private async one(p: Pending): Promise<void> {
    const { signal } = this.opts;
    if (signal?.aborted) return this.finish(p, { outcome: 'cancelled', via: 'single' });
    if (!this.prepare(p)) return;
    await this.journal?.append({ t: 'start', store: this.target.ref, sku: p.listing.sku, hash: p.hash, key: p.key, at: new Date().toISOString() });
    try {
      const r = await this.target.adapter.listings.upsert(p.listing, { store: this.target.store.id, signal, idempotencyKey: p.key });
      await this.settle(p, r, 'single');
    } catch (e) {
      await this.fail(p, e, 'single');
    }
  }

  private async runBulk(): Promise<void> {
    const { signal } = this.opts;
    const size = Math.max(1, this.opts.bulkChunkSize ?? DEFAULT_CHUNK);
    for (let i = 0; i < this.pending.length && !signal?.aborted; i += size) {
      const chunk = this.pending.slice(i, i + size).filter((p) => this.prepare(p));
      if (chunk.length === 0) continue;
      const at = new Date().toISOString();
      for (const p of chunk) await this.journal?.append({ t: 'start', store: this.target.ref, sku: p.listing.sku, hash: p.hash, key: p.key, at });
      let results: BulkItemResult[];
      try {
        const key = `xb-bulk:${this.target.ref}:${createHash('sha256').update(chunk.map((p) => p.key).join('\n')).digest('hex').slice(0, 16)}`;
        results = await this.target.adapter.listings.bulkUpsert(chunk.map((p) => p.listing), {
          store: this.target.store.id,
          signal,
          idempotencyKey: key,
          onProgress: (e) => this.emit({ type: 'bulk-progress', store: this.target.ref, done: this.counts.done + e.done, failed: this.counts.failed + e.failed, total: this.counts.total }),
        });
      } catch (e) {
        for (const p of chunk) await this.fail(p, e, 'bulk');
        continue;
      }
      const bySku = new Map(results.map((r) => [r.sku, r]));
      for (const p of chunk) {
        const r = bySku.get(p.listing.sku);
        if (!r) await this.fail(p, new OutcomeUnknownError({ marketplace: this.target.adapter.marketplace, message: `The bulk path returned no result for ${p.listing.sku}` }), 'bulk');
        else if (r.ok) await this.settle(p, r.result, 'bulk');
        else await this.fail(p, r.error, 'bulk');
      }
    }
  }

  /** A result with error issues (status invalid) is the marketplace refusing the listing. */
  private async settle(p: Pending, r: ListingResult, via: 'single' | 'bulk'): Promise<void> {
    const errors = r.issues.filter((i) => i.severity === 'error');
    const base = { via, action: r.action, status: r.status, marketplaceId: r.marketplaceId, issues: r.issues };
    if (r.status === 'invalid' || r.status === 'not_found' || errors.length > 0) {
      const error: ErrorInfo = {
        code: 'MARKETPLACE_REJECTED',
        message: errors.map((i) => `${i.code}: ${i.message}`).join('; ') || `listing status ${r.status}`,
        marketplace: this.target.adapter.marketplace,
        ...(errors[0] ? { detail: errors[0].code } : {}),
      };
      await this.journal?.append({ t: 'failed', store: this.target.ref, sku: p.listing.sku, hash: p.hash, at: new Date().toISOString(), error });
      return this.finish(p, { ...base, outcome: 'failed', error });
    }
    await this.journal?.append({
      t: 'done', store: this.target.ref, sku: p.listing.sku, hash: p.hash, at: new Date().toISOString(),
      ...(r.action ? { action: r.action } : {}), status: r.status, ...(r.marketplaceId ? { marketplaceId: r.marketplaceId } : {}),
    });
    this.finish(p, { ...base, outcome: 'done' });
  }

  /** Aborted writes stay "in flight" in the journal: the next run replays them with the same key. */
  private async fail(p: Pending, e: unknown, via: 'single' | 'bulk'): Promise<void> {
    if (this.opts.signal?.aborted || (isXborderError(e) && e.code === 'ABORTED')) return this.finish(p, { outcome: 'cancelled', via });
    const error = toErrorInfo(e);
    await this.journal?.append({ t: 'failed', store: this.target.ref, sku: p.listing.sku, hash: p.hash, at: new Date().toISOString(), error });
    this.finish(p, { outcome: 'failed', via, error });
  }

  private finish(p: Pending, r: Partial<BulkItemReport> & Pick<BulkItemReport, 'outcome' | 'via'>): void {
    if (this.items[p.index]) return;
    const item: BulkItemReport = {
      store: this.target.ref,
      sku: p.listing.sku,
      row: this.catalog.rows[p.listing.sku],
      variants: p.listing.variants.length,
      issues: [],
      ...(p.hash && r.outcome !== 'cancelled' ? { price: p.listing.price } : {}),
      ...(p.resumed ? { resumed: true } : {}),
      ...r,
    };
    this.items[p.index] = item;
    this.counts[item.outcome] += 1;
    this.counts.queued -= 1;
    this.emit({ type: 'item', store: this.target.ref, item, counts: { ...this.counts } });
  }
}
