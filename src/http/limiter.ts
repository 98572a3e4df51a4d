import PQueue from 'p-queue';
import { AbortedError, RateLimitError } from '../errors/classes.js';
import type { Clock } from './clock.js';
import { systemClock } from './clock.js';
import { MemoryLimiterStore, type BucketState, type LimiterStore } from './limiter-store.js';
import type { RatePlan } from './rate-plan.js';

export interface AcquireOptions {
  signal?: AbortSignal;
  deadline?: number;
  /** Called before each wait (metrics). */
  onWait?(waitMs: number): void;
}

/**
 * Token buckets keyed by (marketplace, account, operation group), each drained through its own
 * p-queue (concurrency 1) so waiters are served in order and a burst never overshoots.
 */
export class Limiter {
  private readonly queues = new Map<string, PQueue>();
  private readonly overrides = new Map<string, Partial<RatePlan>>();

  constructor(
    private readonly store: LimiterStore = new MemoryLimiterStore(),
    private readonly clock: Clock = systemClock,
  ) {}

  /** Waits for one token; returns the time waited. Throws RateLimitError if the deadline would pass. */
  async acquire(key: string, plan: RatePlan, opts: AcquireOptions = {}): Promise<number> {
    const queue = this.queueFor(key);
    const started = this.clock.now();
    try {
      await queue.add(() => this.take(key, plan, opts), { signal: opts.signal });
    } catch (e) {
      // p-queue rejects a queued task with a DOMException on abort; callers only see typed errors.
      if (opts.signal?.aborted && !(e instanceof AbortedError)) throw new AbortedError({ cause: opts.signal.reason });
      throw e;
    }
    return this.clock.now() - started;
  }

  /** Adopts a rate the server announced (e.g. SP-API x-amzn-RateLimit-Limit). */
  updateRate(key: string, perSecond: number): void {
    if (!(perSecond > 0)) return;
    this.overrides.set(key, { ...this.overrides.get(key), perSecond });
  }

  /** After a 429: empty the bucket so the next token comes no sooner than `retryAfterMs`. */
  async penalize(key: string, plan: RatePlan, retryAfterMs: number): Promise<void> {
    const state = await this.refilled(key, plan);
    const debt = (retryAfterMs / 1000) * state.perSecond;
    await this.store.set(key, { ...state, tokens: Math.min(state.tokens, 1 - Math.max(debt, 1)) });
  }

  effectivePlan(key: string, plan: RatePlan): RatePlan {
    return { ...plan, ...this.overrides.get(key) };
  }

  private queueFor(key: string): PQueue {
    let q = this.queues.get(key);
    if (!q) {
      q = new PQueue({ concurrency: 1 });
      this.queues.set(key, q);
    }
    return q;
  }

  private async take(key: string, plan: RatePlan, opts: AcquireOptions): Promise<void> {
    for (;;) {
      const state = await this.refilled(key, plan);
      if (state.tokens >= 1) {
        await this.store.set(key, { ...state, tokens: state.tokens - 1 });
        return;
      }
      const waitMs = Math.ceil(((1 - state.tokens) / state.perSecond) * 1000);
      if (opts.deadline !== undefined && this.clock.now() + waitMs > opts.deadline) {
        throw new RateLimitError({ message: `Rate limit bucket ${key} needs ${waitMs} ms, past the deadline`, retryAfterMs: waitMs, bucket: key, retryable: false });
      }
      opts.onWait?.(waitMs);
      await this.clock.sleep(waitMs, opts.signal);
    }
  }

  private async refilled(key: string, plan: RatePlan): Promise<BucketState> {
    const eff = this.effectivePlan(key, plan);
    const now = this.clock.now();
    const prev = await this.store.get(key);
    if (!prev) return { tokens: eff.burst, updatedAt: now, perSecond: eff.perSecond, burst: eff.burst };
    const elapsed = Math.max(0, now - prev.updatedAt) / 1000;
    const tokens = Math.min(eff.burst, prev.tokens + elapsed * eff.perSecond);
    return { tokens, updatedAt: now, perSecond: eff.perSecond, burst: eff.burst };
  }
}
