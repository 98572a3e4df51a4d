/** Token-bucket state as stored; plain data so a shared store (Redis...) can hold it. */
export interface BucketState {
  tokens: number;
  updatedAt: number;
  perSecond: number;
  burst: number;
}

/**
 * Where bucket state lives. The in-memory default needs no setup; a shared implementation lets
 * several processes draw on one seller's quota (DESIGN §9).
 */
export interface LimiterStore {
  get(key: string): Promise<BucketState | undefined> | BucketState | undefined;
  set(key: string, state: BucketState): Promise<void> | void;
  /**
   * Optional atomic take for a store shared by several processes (Redis): refills the bucket at
   * `now`, takes one token and answers 0, or answers the ms until one comes (≥ 1). The limiter
   * then never reads-modifies-writes the bucket itself (no lost update between processes).
   */
  take?(key: string, plan: { perSecond: number; burst: number }, now: number): Promise<number>;
  /** Optional: shares a rate the server announced with every process using the store. */
  learnRate?(key: string, perSecond: number): Promise<void>;
}

export class MemoryLimiterStore implements LimiterStore {
  private readonly buckets = new Map<string, BucketState>();
  get(key: string) {
    return this.buckets.get(key);
  }
  /** The stored state itself, synchronously (the limiter's fast path updates it in place). */
  peek(key: string): BucketState | undefined {
    return this.buckets.get(key);
  }
  set(key: string, state: BucketState) {
    this.buckets.set(key, state);
  }
}
