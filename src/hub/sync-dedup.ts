/**
 * The bounded memory of what order sync delivered: `orderId → updatedAt` of recent versions only.
 * A window needs it for the versions it can list again — the slice boundary it just crossed and
 * the overlap the next window re-reads — never for the whole window (issue 17: constant memory,
 * checkpoint writes of bounded size). Forgetting costs a redelivery, never a skip.
 */

/** Most versions kept; past it the oldest are forgotten (they may be delivered again). */
export const DEDUP_CAP = 1_000;

export class RecentVersions {
  private readonly map = new Map<string, number>();

  constructor(entries?: Readonly<Record<string, string>>) {
    if (!entries || typeof entries !== 'object') return;
    for (const [id, at] of Object.entries(entries)) {
      const t = Date.parse(at);
      if (!Number.isNaN(t)) this.map.set(id, t);
    }
  }

  /** This version (or a later one) of the order was delivered. */
  has(id: string, at: number): boolean {
    const t = this.map.get(id);
    return t !== undefined && t >= at;
  }

  add(id: string, at: number): void {
    const t = this.map.get(id);
    if (t === undefined || at > t) this.map.set(id, at);
  }

  get size(): number {
    return this.map.size;
  }

  /** Forgets versions older than `keepFrom`, then the earliest delivered beyond `cap`. */
  prune(keepFrom: number, cap = DEDUP_CAP): void {
    for (const [id, t] of this.map) if (t < keepFrom) this.map.delete(id);
    // Map order is delivery order: the first keys are the longest delivered.
    for (const id of this.map.keys()) {
      if (this.map.size <= cap) break;
      this.map.delete(id);
    }
  }

  /** The checkpoint form of the versions at or after `from` (null-prototype: ids such as "__proto__" stay keys). */
  toRecord(from = -Infinity): Record<string, string> {
    const out = Object.create(null) as Record<string, string>;
    for (const [id, t] of this.map) if (t >= from) out[id] = new Date(t).toISOString();
    return out;
  }
}
