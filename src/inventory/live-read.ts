/**
 * Reads what stores show right before a push (increase-gate.ts rule 5): one `inventory.get` per
 * push call, on the adapter's own batched read, and the units a store sold that are not imported
 * yet come off what goes out. A failed read never blocks a push: the computed figures go out as
 * they would without a read, and the failure is counted.
 */
import type { InventoryRef, MarketplaceAdapter } from '../adapter.js';
import type { Clock } from '../http/clock.js';
import type { Target } from './availability.js';
import type { IncreaseGate } from './increase-gate.js';
import type { StockLedger } from './ledger.js';
import type { QueueEntry } from './push-queue.js';
import type { SyncStats } from './report.js';

const SECOND = 1000;

export interface LiveLevels {
  /** Engine-clock time the read was sent (a level reflects sales placed before it). */
  at: number;
  /** Target key → the figure the listing shows. */
  shown: Map<string, number>;
}

export interface ReadBeforePushDeps {
  account: string;
  adapter: MarketplaceAdapter;
  ledger: StockLedger;
  stats: SyncStats;
  clock: Clock;
  signal: AbortSignal;
  gate: IncreaseGate;
  enabled: boolean;
}

export class ReadBeforePush {
  /** Pushes lowered by a read: checked again once the feeds pass the read (they may have under-offered). */
  private readonly verify = new Map<string, { target: Target; components: readonly string[]; readAt: number }>();

  constructor(private readonly d: ReadBeforePushDeps) {}

  /**
   * Reads what the stores of a batch show. Zero-outs cannot raise a store and targets never
   * confirmed have no expected figure to compare with: neither is read.
   */
  async read(batch: readonly QueueEntry[]): Promise<LiveLevels | undefined> {
    const { adapter, stats, ledger, account, clock, signal } = this.d;
    if (!this.d.enabled || typeof adapter.inventory.get !== 'function') return undefined;
    const targets = new Map<string, Target>();
    for (const e of batch) if (e.quote.quantity > 0 && ledger.confirmed(e.target)?.qty !== undefined) targets.set(e.key, e.target);
    if (!targets.size) return undefined;
    stats.pushes.reads++;
    const at = clock.now();
    try {
      return { at, shown: match(targets, await adapter.inventory.get(refsOf(targets), { signal })) };
    } catch (err) {
      stats.pushes.readFailures++;
      stats.warn({ account, message: `live quantity read failed, computed figures sent: ${err instanceof Error ? err.message : String(err)}` });
      return undefined;
    }
  }

  /** The figure to send: the quote, less the units the store sold and the ledger has not imported. */
  corrected(e: QueueEntry, live: LiveLevels | undefined): number {
    const shown = live?.shown.get(e.key);
    if (shown === undefined || e.quote.quantity === 0) return e.quote.quantity;
    const unimported = this.d.gate.unimported(e.key, this.d.ledger.confirmed(e.target)?.qty, shown, live!.at);
    if (!unimported) return e.quote.quantity;
    this.lowered(e, live!.at);
    return Math.max(0, e.quote.quantity - unimported);
  }

  /** A push went out below the ledger's figure on a read taken at `readAt`: checked again later. */
  private lowered(e: QueueEntry, readAt: number): void {
    this.d.stats.pushes.readCorrections++;
    const prev = this.verify.get(e.key);
    this.verify.set(e.key, { target: e.target, components: e.quote.components, readAt: Math.max(readAt, prev?.readAt ?? readAt) });
  }

  /**
   * Lowered pushes whose feeds are now past the read: the ledger has every unit the store had sold
   * by then, so its figure is exact and goes out if it differs (a hold the read took for a sale).
   */
  due(importedUntil: (components: readonly string[]) => number | undefined): Target[] {
    const out: Target[] = [];
    for (const [key, v] of this.verify) {
      const horizon = importedUntil(v.components);
      if (horizon === undefined || horizon < v.readAt + SECOND) continue;
      this.verify.delete(key);
      out.push(v.target);
    }
    return out;
  }
}

const refsOf = (targets: ReadonlyMap<string, Target>): InventoryRef[] => [...targets.values()].map((t) => (t.store === undefined ? { sku: t.sku } : { sku: t.sku, store: t.store }));
const refKey = (sku: string, store: string | undefined) => `${store ?? ''}\u0000${sku}`;

/** Levels by target key; accounts with one pool may answer without a store. */
function match(targets: ReadonlyMap<string, Target>, levels: ReadonlyArray<{ sku: string; store?: string; quantity: number }>): Map<string, number> {
  const byRef = new Map<string, number>();
  for (const l of levels) if (Number.isInteger(l.quantity) && l.quantity >= 0) byRef.set(refKey(l.sku, l.store), l.quantity);
  const shown = new Map<string, number>();
  for (const [key, t] of targets) {
    const q = byRef.get(refKey(t.sku, t.store)) ?? byRef.get(refKey(t.sku, undefined));
    if (q !== undefined) shown.set(key, q);
  }
  return shown;
}
