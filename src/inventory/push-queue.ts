/**
 * One account's pending pushes, coalesced by target (the latest value wins) and drained in
 * priority order: zero-outs first (they stop oversells), then decreases, then increases.
 */
import type { Quote, Target } from './availability.js';

export interface QueueEntry {
  key: string;
  target: Target;
  quote: Quote;
  /** Push even if equal to the last confirmed figure (the marketplace may have moved it). */
  force: boolean;
  /** Failed attempts so far. */
  attempt: number;
  /** The figure that went out (the quote less unimported sales found by a read). */
  sent?: number;
}

/** 0 zero-out, 1 decrease, 2 increase (or first push). */
export type Priority = 0 | 1 | 2;

export function priorityOf(quantity: number, confirmed: number | undefined): Priority {
  if (quantity === 0) return 0;
  return confirmed !== undefined && quantity < confirmed ? 1 : 2;
}

export class PushQueue {
  private readonly buckets: [Map<string, QueueEntry>, Map<string, QueueEntry>, Map<string, QueueEntry>] = [new Map(), new Map(), new Map()];

  /** Adds or replaces the entry for its target; force and attempts carry over. */
  put(entry: QueueEntry, priority: Priority): void {
    const prev = this.remove(entry.key);
    if (prev) {
      entry.force ||= prev.force;
      entry.attempt = Math.max(entry.attempt, prev.attempt);
    }
    this.buckets[priority].set(entry.key, entry);
  }

  remove(key: string): QueueEntry | undefined {
    for (const b of this.buckets) {
      const e = b.get(key);
      if (e) {
        b.delete(key);
        return e;
      }
    }
    return undefined;
  }

  /** Removes and yields entries in priority order, up to `maxPriority`, until the consumer stops. */
  *drain(maxPriority: Priority = 2): Generator<QueueEntry> {
    for (const b of this.buckets.slice(0, maxPriority + 1)) {
      for (const [key, e] of b) {
        b.delete(key);
        yield e;
      }
    }
  }

  get size(): number {
    return this.buckets[0].size + this.buckets[1].size + this.buckets[2].size;
  }
}
