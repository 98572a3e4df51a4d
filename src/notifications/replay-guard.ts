/**
 * Event ids already handled, kept for the replay window only: anything older is refused by its
 * timestamp anyway, so memory stays bounded by the traffic of one window.
 */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();
  private readonly inFlight = new Set<string>();

  constructor(private readonly windowMs: number, private readonly now: () => number) {}

  /** Within the window either way (a sender clock slightly ahead is tolerated the same). */
  fresh(sentAt: number): boolean {
    return Math.abs(this.now() - sentAt) <= this.windowMs;
  }

  /** Already handled, or being handled by a concurrent delivery of the same id. */
  has(id: string): boolean {
    this.evict();
    return this.seen.has(id) || this.inFlight.has(id);
  }

  begin(id: string): void {
    this.inFlight.add(id);
  }

  /** Handled: remembered for the window. Failed: forgotten, so the marketplace's redelivery is handled. */
  end(id: string, handled: boolean): void {
    this.inFlight.delete(id);
    if (handled) this.seen.set(id, this.now());
  }

  get size(): number {
    return this.seen.size;
  }

  private evict(): void {
    const cutoff = this.now() - 2 * this.windowMs;
    for (const [id, at] of this.seen) {
      if (at >= cutoff) break; // insertion order is time order
      this.seen.delete(id);
    }
  }
}
