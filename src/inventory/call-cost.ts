/**
 * What one more item in an `inventory.set` call costs, learned from recent calls, and the batch
 * size that keeps a call short (issue 26.5: behind per-item APIs a 50-item batch took marketplace
 * minutes, and a zero-out queued meanwhile waited all of it).
 */

/** A call should add about this much over a one-item call, so a zero-out waits one short call. */
export const TARGET_EXTRA_MS = 10_000;

export class CallCost {
  /** Recent answered calls: items and engine-clock ms. */
  private readonly recent: Array<{ n: number; ms: number }> = [];

  learn(n: number, ms: number): void {
    this.recent.push({ n, ms });
    if (this.recent.length > 8) this.recent.shift();
  }

  /**
   * The quickest recent call stands for a call's fixed cost; what multi-item calls took beyond it,
   * per extra item, is the cost of one more item. Bulk APIs (a feed, a 25-offer bulk call) add
   * almost nothing per item and keep `max`; per-item APIs get batches near TARGET_EXTRA_MS.
   */
  batchLimit(max: number): number {
    const multi = this.recent.filter((c) => c.n > 1);
    if (!multi.length) return max;
    const fixed = Math.min(...this.recent.map((c) => c.ms));
    const perItem = multi.reduce((sum, c) => sum + Math.max(0, c.ms - fixed) / (c.n - 1), 0) / multi.length;
    return perItem > 0 ? Math.max(1, Math.min(max, Math.floor(TARGET_EXTRA_MS / perItem))) : max;
  }
}
