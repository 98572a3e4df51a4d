/** What `inventorySync` reports: per push (onPush), per store, and for the whole run. */
import { LagTracker, Samples, type LagStats } from './lag.js';
import type { PushItemOutcome } from './journal.js';
import type { StockException } from './schemas.js';

export interface PushEvent {
  account: string;
  /** Journal id of the call. */
  id: string;
  at: string;
  durationMs: number;
  /** Highest attempt number among the items (1 = first try). */
  attempt: number;
  /** Items whose quantity was recomputed because an import landed after it was computed. */
  discardedStale: number;
  items: Array<PushItemOutcome & { quantity: number; stores: string[] }>;
}

export interface StoreSyncStats {
  confirmed: number;
  failed: number;
  /** Order import → this store's confirmed update. */
  lagMs: LagStats;
}

export interface PushFailure {
  account: string;
  store?: string;
  sku: string;
  code: string;
  message: string;
  at: string;
}

export interface InventorySyncReport {
  startedAt: string;
  finishedAt: string;
  /** No push failed for good and no oversell was recorded. */
  ok: boolean;
  aborted: boolean;
  ordersApplied: number;
  /** Older versions, marketplace-fulfilled orders, orders before the pruning horizon. */
  ordersIgnored: number;
  /**
   * `reads`: live-quantity reads before a push (`readBeforePush`); `readFailures`: reads that failed
   * (the computed figures went out); `readCorrections`: items lowered because the store had sold
   * units not imported yet.
   */
  pushes: { calls: number; items: number; confirmed: number; failed: number; retried: number; discardedStale: number; skippedUnchanged: number; heldIncreases: number; reads: number; readFailures: number; readCorrections: number };
  stores: Record<string, StoreSyncStats>;
  /** Order import → the last affected store's confirmed update. */
  propagationMs: LagStats;
  /** Order import → the last confirmed zero-out it caused. */
  zeroOutMs: LagStats;
  oversells: StockException[];
  unmapped: StockException[];
  failures: PushFailure[];
  warnings: Array<{ account?: string; store?: string; sku?: string; message: string }>;
}

const KEEP = 200;

/** Mutable counters behind the report. */
export class SyncStats {
  readonly startedAt = new Date();
  readonly lag = new LagTracker();
  ordersApplied = 0;
  ordersIgnored = 0;
  readonly pushes = { calls: 0, items: 0, confirmed: 0, failed: 0, retried: 0, discardedStale: 0, skippedUnchanged: 0, heldIncreases: 0, reads: 0, readFailures: 0, readCorrections: 0 };
  private readonly perStore = new Map<string, { confirmed: number; failed: number }>();
  readonly oversells: StockException[] = [];
  readonly unmapped: StockException[] = [];
  readonly failures: PushFailure[] = [];
  readonly warnings: InventorySyncReport['warnings'] = [];

  store(ref: string): { confirmed: number; failed: number } {
    let s = this.perStore.get(ref);
    if (!s) this.perStore.set(ref, (s = { confirmed: 0, failed: 0 }));
    return s;
  }

  exception(e: StockException): void {
    push(e.kind === 'oversell' ? this.oversells : this.unmapped, e);
  }
  failure(f: PushFailure): void {
    push(this.failures, f);
  }
  warn(w: InventorySyncReport['warnings'][number]): void {
    push(this.warnings, w);
  }

  toReport(aborted: boolean): InventorySyncReport {
    const stores: Record<string, StoreSyncStats> = {};
    const refs = new Set([...this.perStore.keys(), ...this.lag.perStore.keys()]);
    for (const ref of [...refs].sort()) {
      const s = this.store(ref);
      stores[ref] = { ...s, lagMs: (this.lag.perStore.get(ref) ?? new Samples()).stats() };
    }
    return {
      startedAt: this.startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      ok: this.pushes.failed === 0 && this.oversells.length === 0,
      aborted,
      ordersApplied: this.ordersApplied,
      ordersIgnored: this.ordersIgnored,
      pushes: { ...this.pushes },
      stores,
      propagationMs: this.lag.propagation.stats(),
      zeroOutMs: this.lag.zeroOut.stats(),
      oversells: [...this.oversells],
      unmapped: [...this.unmapped],
      failures: [...this.failures],
      warnings: [...this.warnings],
    };
  }
}

function push<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > KEEP) list.shift();
}
