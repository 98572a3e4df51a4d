/**
 * Pushes one account's quantities: one `inventory.set` call at a time (so updates coalesce while a
 * call is in flight), batches of `capabilities.inventoryBatchSize`, zero-outs first. Each quantity
 * is checked against the ledger immediately before the call and recomputed if an import landed
 * since it was computed (the stale-quantity invariant). Where the adapter reads live quantities,
 * what the store shows is read right before the write and its sales not yet imported are taken
 * off (increase-gate.ts rule 5). Setting an absolute quantity is idempotent, so failed or unknown
 * outcomes are retried with backoff, up to `maxAttempts`.
 */
import type { MarketplaceAdapter, InventoryResult } from '../adapter.js';
import { isXborderError, type ErrorCode } from '../errors/xborder-error.js';
import type { Clock } from '../http/clock.js';
import { backoffDelay, inventoryRetryPolicy, type RetryPolicy } from '../http/retry.js';
import { targetKey, type QuantityRules, type Target } from './availability.js';
import { CallCost } from './call-cost.js';
import { IncreaseGate } from './increase-gate.js';
import { ReadBeforePush } from './live-read.js';
import type { PushItemOutcome, PushJournal } from './journal.js';
import type { StockLedger } from './ledger.js';
import { priorityOf, PushQueue, type QueueEntry } from './push-queue.js';
import { RetryTimer } from './retry-timer.js';
import type { PushEvent, SyncStats } from './report.js';

const RETRYABLE: ReadonlySet<ErrorCode> = new Set(['OUTCOME_UNKNOWN', 'TIMEOUT', 'NETWORK', 'RATE_LIMITED', 'MARKETPLACE_UNAVAILABLE', 'QUOTA_EXHAUSTED']);

export interface PusherDeps {
  account: string;
  adapter: MarketplaceAdapter;
  rules: QuantityRules;
  ledger: StockLedger;
  journal: PushJournal;
  stats: SyncStats;
  clock: Clock;
  signal: AbortSignal;
  maxAttempts: number;
  retryDelayMs: number;
  /** Read what the store shows before each push where the adapter can (`inventory.get`). */
  readBeforePush: boolean;
  onPush?(e: PushEvent): void;
  /** Called whenever this pusher may have become idle. */
  onSettled(): void;
  /**
   * Up to when (engine clock) the orders of every account selling one of these warehouse SKUs are
   * known to be imported (committed order-sync windows), or undefined when the engine is not told
   * (then increases are not held).
   */
  importedUntil(components: readonly string[]): number | undefined;
}

export class AccountPusher {
  private readonly queue = new PushQueue();
  private active = false;
  private calls = 0;
  /** Engine-clock time of each target's last confirmation (lag of imports that needed no new push). */
  private readonly confirmedAt = new Map<string, number>();
  /** Increases waiting for the order feeds (increase-gate.ts). */
  private readonly held = new Map<string, QueueEntry>();
  private readonly gate = new IncreaseGate();
  private readonly reader: ReadBeforePush;
  /** Retries waiting for their backoff: one timer per pusher, not one sleep (and signal listener) each. */
  private readonly retries: RetryTimer;
  /** Sizes batches by what one more item costs (call-cost.ts). */
  private readonly cost = new CallCost();
  readonly batchSize: number;
  /** The SDK's one retry policy (src/http/retry.ts), sized by maxAttempts and retryDelayMs. */
  private readonly retryPolicy: RetryPolicy;

  constructor(private readonly d: PusherDeps) {
    this.batchSize = Math.max(1, Math.floor(d.adapter.capabilities.inventoryBatchSize) || 1);
    this.retryPolicy = inventoryRetryPolicy(d.maxAttempts, d.retryDelayMs);
    this.reader = new ReadBeforePush({ ...d, gate: this.gate, enabled: d.readBeforePush });
    this.retries = new RetryTimer(d.clock, d.signal, { fire: (t, attempt) => this.enqueue(t, true, attempt), fired: () => this.kick(), settled: () => d.onSettled() });
  }

  get busy(): boolean {
    return this.active || this.retries.size > 0 || this.queue.size > 0;
  }

  /** Increases held back until the account's orders are imported far enough. */
  get heldIncreases(): number {
    return this.held.size;
  }

  /** An imported order of this target's own store(s) sold `units` more, placed at `at` (increase-gate.ts). */
  sold(target: Target, at: number, units: number): void {
    this.gate.sold(targetKey(target), at, units);
  }

  /** The marketplace reported the figure a target shows (e.g. Amazon's MFN quantity notification). */
  observed(target: Target, qty: number, at: number): void {
    const key = targetKey(target);
    this.gate.observed(key, qty, at, this.confirmedAt.get(key));
  }

  /**
   * An order feed moved: held increases are re-queued (and recomputed when they run), and so are
   * pushes a read lowered once the feeds are past that read (live-read.ts).
   */
  release(): void {
    let queued = this.held.size > 0;
    for (const [key, e] of this.held) {
      this.held.delete(key);
      this.enqueue(e.target, e.force, e.attempt);
    }
    for (const target of this.reader.due((c) => this.d.importedUntil(c))) {
      this.enqueue(target, false);
      queued = true;
    }
    if (queued) this.kick();
  }

  /** A call is in flight (or about to be). */
  get running(): boolean {
    return this.active;
  }

  /** (Re)computes the target's quantity now and queues it; the latest value replaces older ones. */
  enqueue(target: Target, force: boolean, attempt = 0): void {
    const key = targetKey(target);
    const quote = this.d.ledger.quote(target, this.d.rules);
    this.held.delete(key);
    if (!quote) {
      this.queue.remove(key);
      this.d.stats.lag.resolve(key, { at: this.d.clock.now(), seq: this.d.ledger.view.seq, pushed: false, stores: [] });
      return;
    }
    this.queue.put({ key, target, quote, force, attempt }, priorityOf(quote.quantity, this.d.ledger.confirmed(target)?.qty));
  }

  kick(): void {
    if (this.active || this.d.signal.aborted) return;
    this.active = true;
    void this.loop().finally(() => {
      this.active = false;
      if (this.queue.size && !this.d.signal.aborted) this.kick();
      else this.d.onSettled();
    });
  }

  private async loop(): Promise<void> {
    while (!this.d.signal.aborted) {
      const batch = this.take();
      if (!batch.length) return;
      await this.send(batch);
    }
  }

  /** Next batch: priority order, unchanged figures skipped, one update per SKU per call, zero-outs in calls of their own. */
  private take(): QueueEntry[] {
    // Zero-outs travel alone: a big batch may take a slow bulk path (Amazon feeds); they must not wait.
    const zeros = this.fill(0);
    return zeros.length ? zeros : this.fill(2);
  }

  private fill(maxPriority: 0 | 2): QueueEntry[] {
    const { ledger, stats } = this.d;
    const batch: QueueEntry[] = [];
    const skus = new Set<string>();
    const later: QueueEntry[] = [];
    for (const e of this.queue.drain(maxPriority)) {
      if (ledger.isStale(e.quote)) {
        stats.pushes.discardedStale++;
        if (!this.refresh(e)) continue;
      }
      const confirmed = ledger.confirmed(e.target);
      if (!e.force && confirmed && confirmed.pending === undefined && confirmed.qty === e.quote.quantity) {
        stats.pushes.skippedUnchanged++;
        stats.lag.resolve(e.key, { at: this.d.clock.now(), seq: e.quote.seq, pushed: false, quantity: e.quote.quantity, confirmedAt: this.confirmedAt.get(e.key), stores: e.quote.stores });
        continue;
      }
      if (this.holdsIncrease(e, confirmed)) continue;
      if (skus.has(e.target.sku)) later.push(e);
      else {
        skus.add(e.target.sku);
        batch.push(e);
      }
      if (batch.length >= this.cost.batchLimit(this.batchSize)) break;
    }
    for (const e of later) this.queue.put(e, priorityOf(e.quote.quantity, ledger.confirmed(e.target)?.qty));
    return batch;
  }

  /** An increase over what the store can be showing waits for the order feeds (increase-gate.ts). */
  private holdsIncrease(e: QueueEntry, confirmed: { qty?: number; at?: number } | undefined): boolean {
    const shownSince = this.confirmedAt.get(e.key) ?? confirmed?.at ?? 0;
    const held = this.gate.holds(e.key, e.quote.quantity, confirmed?.qty, this.d.importedUntil(e.quote.components), shownSince, this.d.clock.now(), () => this.d.stats.pushes.heldIncreases++);
    if (held) this.held.set(e.key, e);
    return held;
  }

  /** Recomputes a stale quote; false (and resolved) when the target no longer has one. */
  private refresh(e: QueueEntry): boolean {
    const q = this.d.ledger.quote(e.target, this.d.rules);
    if (q) e.quote = q;
    else this.d.stats.lag.resolve(e.key, { at: this.d.clock.now(), seq: this.d.ledger.view.seq, pushed: false, stores: [] });
    return q !== undefined;
  }

  private async send(taken: QueueEntry[]): Promise<void> {
    const { ledger, stats, adapter, account, clock } = this.d;
    // Mark in flight durably first: after a crash mid-call the next start re-pushes these targets.
    for (const e of taken) ledger.markSending(e.target, e.quote.quantity);
    await ledger.flush().catch((err: unknown) => stats.warn({ account, message: `ledger save failed before a push: ${err instanceof Error ? err.message : String(err)}` }));
    const live = await this.reader.read(taken);
    // Stale-quantity invariant: a quantity computed before the latest change it depends on (or
    // before the latest order import of this account) is discarded and recomputed here, and
    // nothing asynchronous happens between this check and the call.
    let discarded = 0;
    const batch = taken.filter((e) => {
      if (!ledger.isStale(e.quote)) return true;
      discarded++;
      return this.refresh(e);
    });
    stats.pushes.discardedStale += discarded;
    if (!batch.length) return;
    const id = `${account}-${++this.calls}`;
    for (const e of batch) e.sent = this.reader.corrected(e, live);
    const updates = batch.map((e) => (e.target.store === undefined ? { sku: e.target.sku, quantity: e.sent! } : { sku: e.target.sku, quantity: e.sent!, store: e.target.store }));
    const started = clock.now();
    const sent = adapter.inventory.set(updates, { signal: this.d.signal });
    void this.d.journal.append({ t: 'push', id, at: new Date().toISOString(), account, attempt: maxAttempt(batch), items: batch.map((e) => ({ store: e.target.store, sku: e.target.sku, quantity: e.sent!, seq: e.quote.seq })) }).catch(() => undefined);
    stats.pushes.calls++;
    stats.pushes.items += batch.length;
    let results: Array<InventoryResult | undefined>;
    try {
      results = matchResults(updates, await sent);
    } catch (e) {
      results = batch.map((b) => ({ sku: b.target.sku, ok: false, error: e as InventoryResult['error'] }));
    }
    const at = clock.now();
    if (results.some((x) => x !== undefined)) this.cost.learn(batch.length, at - started);
    const outcomes = batch.map((e, i) => this.settle(e, results[i], at, started));
    void this.d.journal.append({ t: 'result', id, at: new Date().toISOString(), account, durationMs: at - started, items: outcomes }).catch(() => undefined);
    try {
      this.d.onPush?.({ account, id, at: new Date(at).toISOString(), durationMs: at - started, attempt: maxAttempt(batch), discardedStale: discarded, items: outcomes.map((o, i) => ({ ...o, quantity: batch[i]!.sent!, stores: batch[i]!.quote.stores })) });
    } catch {
      // Observers never break the sync.
    }
  }

  private settle(e: QueueEntry, r: InventoryResult | undefined, at: number, sentAt: number): PushItemOutcome {
    const { ledger, stats } = this.d;
    const base = { store: e.target.store, sku: e.target.sku };
    const labels = e.quote.stores.length ? e.quote.stores : [`${e.target.account}:${e.target.store ?? '*'}`];
    if (r?.ok) {
      const sent = e.sent ?? e.quote.quantity;
      const applied = r.appliedQuantity ?? sent;
      ledger.confirm(e.target, applied);
      this.confirmedAt.set(e.key, at);
      this.gate.pushed(e.key, sentAt);
      stats.pushes.confirmed++;
      for (const s of labels) stats.store(s).confirmed++;
      stats.lag.resolve(e.key, { at, seq: e.quote.seq, pushed: true, quantity: applied, stores: labels });
      const warning = r.warning ?? (applied !== sent ? `marketplace applied ${applied} instead of ${sent}` : undefined);
      if (warning) stats.warn({ account: e.target.account, store: e.target.store, sku: e.target.sku, message: warning });
      return { ...base, ok: true, applied, ...(warning ? { warning } : {}) };
    }
    const err = r?.error;
    const code = err && isXborderError(err) ? err.code : r ? 'MARKETPLACE_REJECTED' : 'OUTCOME_UNKNOWN';
    const message = err instanceof Error ? err.message : r ? 'rejected without an error' : 'no result for this SKU';
    const retryable = code !== 'ABORTED' && (!err || !isXborderError(err) || err.retryable || RETRYABLE.has(code));
    const attempt = e.attempt + 1;
    if (retryable && attempt < this.d.maxAttempts && !this.d.signal.aborted) {
      stats.pushes.retried++;
      // The pipeline's backoff (full jitter, capped); the retry recomputes the quantity when it runs.
      this.retries.schedule(e.target, attempt, backoffDelay(attempt, this.retryPolicy));
      return { ...base, ok: false, code, message, retry: true };
    }
    stats.pushes.failed++;
    for (const s of labels) stats.store(s).failed++;
    stats.failure({ account: e.target.account, store: e.target.store, sku: e.target.sku, code, message, at: new Date(at).toISOString() });
    stats.lag.resolve(e.key, { at, seq: e.quote.seq, pushed: false, stores: labels });
    return { ...base, ok: false, code, message };
  }
}

const maxAttempt = (batch: QueueEntry[]) => Math.max(...batch.map((e) => e.attempt)) + 1;

/** Results in request order when the adapter keeps it, else by SKU. */
function matchResults(updates: Array<{ sku: string }>, results: InventoryResult[]): Array<InventoryResult | undefined> {
  if (results.length === updates.length && results.every((r, i) => r.sku === updates[i]!.sku)) return results;
  const bySku = new Map<string, InventoryResult>();
  for (const r of results) if (!bySku.has(r.sku)) bySku.set(r.sku, r);
  return updates.map((u) => bySku.get(u.sku));
}

