/**
 * Propagation lag: from an order's import to each store's confirmed update, and to the last one.
 * An import waits on every target it made dirty; a target resolves it once a push computed at or
 * after that import is confirmed (or found unnecessary, or given up).
 */
export interface LagStats {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** The most recent `limit` samples. */
export class Samples {
  private readonly xs: number[] = [];
  constructor(private readonly limit = 10_000) {}
  add(x: number): void {
    this.xs.push(x);
    if (this.xs.length > this.limit) this.xs.shift();
  }
  stats(): LagStats {
    const s = [...this.xs].sort((a, b) => a - b);
    return { count: s.length, p50: percentile(s, 50), p95: percentile(s, 95), max: s.at(-1) ?? 0 };
  }
}

interface PendingImport {
  at: number;
  seq: number;
  remaining: Set<string>;
  lastConfirmAt?: number;
  lastZeroAt?: number;
}

export interface Resolution {
  at: number;
  /** Ledger seq of the quote that resolved the target. */
  seq: number;
  pushed: boolean;
  /** Not pushed because already confirmed: when that confirmation landed (it may postdate the import). */
  confirmedAt?: number;
  quantity?: number;
  stores: readonly string[];
}

export class LagTracker {
  private readonly imports = new Map<number, PendingImport>();
  private readonly waiting = new Map<string, Set<number>>();
  private nextId = 1;
  /** Per store ref: import → that store's confirmed update. */
  readonly perStore = new Map<string, Samples>();
  /** Import → the last affected store's confirmed update. */
  readonly propagation = new Samples();
  /** Import → the last confirmed zero-out it caused (the oversell-protecting path). */
  readonly zeroOut = new Samples();

  onImport(at: number, seq: number, keys: Iterable<string>): void {
    const remaining = new Set(keys);
    if (!remaining.size) return;
    const id = this.nextId++;
    this.imports.set(id, { at, seq, remaining });
    for (const k of remaining) {
      let set = this.waiting.get(k);
      if (!set) this.waiting.set(k, (set = new Set()));
      set.add(id);
    }
  }

  resolve(key: string, r: Resolution): void {
    const ids = this.waiting.get(key);
    if (!ids) return;
    for (const id of [...ids]) {
      const imp = this.imports.get(id)!;
      if (imp.seq > r.seq) continue; // this push predates the import; a later one will answer it
      ids.delete(id);
      imp.remaining.delete(key);
      const at = r.pushed ? r.at : r.confirmedAt !== undefined && r.confirmedAt >= imp.at ? r.confirmedAt : undefined;
      if (at !== undefined) {
        imp.lastConfirmAt = Math.max(imp.lastConfirmAt ?? at, at);
        if (r.quantity === 0) imp.lastZeroAt = Math.max(imp.lastZeroAt ?? at, at);
        for (const s of r.stores) {
          let samples = this.perStore.get(s);
          if (!samples) this.perStore.set(s, (samples = new Samples()));
          samples.add(at - imp.at);
        }
      }
      if (!imp.remaining.size) {
        this.imports.delete(id);
        if (imp.lastConfirmAt !== undefined) this.propagation.add(imp.lastConfirmAt - imp.at);
        if (imp.lastZeroAt !== undefined) this.zeroOut.add(imp.lastZeroAt - imp.at);
      }
    }
    if (!ids.size) this.waiting.delete(key);
  }

  get pendingImports(): number {
    return this.imports.size;
  }
}
