import { AbortedError, RateLimitError } from '../errors/classes.js';
import type { Clock } from './clock.js';
import { systemClock } from './clock.js';
import { MemoryLimiterStore, type BucketState, type LimiterStore } from './limiter-store.js';
import type { RatePlan } from './rate-plan.js';
import { SignalWatch } from './signal-watch.js';

export interface AcquireOptions {
  signal?: AbortSignal;
  deadline?: number;
  /** Called before each wait (metrics). */
  onWait?(waitMs: number): void;
  /** Served before ordinary waiters (a call the server throttled already waited its turn once). */
  front?: boolean;
}

interface Waiter {
  plan: RatePlan;
  opts: AcquireOptions;
  started: number;
  resolve(waited: number): void;
  reject(e: unknown): void;
  done: boolean;
  lane: Lane;
}

/** One bucket's waiters, served in order by a single drain loop. */
interface Lane {
  waiters: Waiter[];
  draining: boolean;
  /** Cancels the drain loop's sleep once nobody is left waiting (no stray timer keeps a process up). */
  sleeping?: AbortController;
}

const ZERO = Promise.resolve(0);

/**
 * Token buckets keyed by (marketplace, account, operation group). A call that finds a token and no
 * queue takes it synchronously and allocates nothing; otherwise it waits in its bucket's FIFO lane,
 * drained by one loop so a burst never overshoots. However many calls wait on one AbortSignal, the
 * limiter holds a single listener on it (issue 26.4).
 */
export class Limiter {
  private readonly lanes = new Map<string, Lane>();
  private readonly overrides = new Map<string, number>();
  private readonly watch = new SignalWatch<Waiter>((w, signal) => this.abandon(w, new AbortedError({ cause: signal.reason })));
  /** The in-memory store answers synchronously: the fast path may read and write it in place. */
  private readonly memory: MemoryLimiterStore | undefined;

  constructor(
    private readonly store: LimiterStore = new MemoryLimiterStore(),
    private readonly clock: Clock = systemClock,
  ) {
    this.memory = store instanceof MemoryLimiterStore ? store : undefined;
  }

  /** Waits for one token; returns the time waited. Throws RateLimitError if the deadline would pass. */
  acquire(key: string, plan: RatePlan, opts: AcquireOptions = {}): Promise<number> {
    if (opts.signal?.aborted) return Promise.reject(new AbortedError({ cause: opts.signal.reason }));
    if (!opts.front && this.tryAcquire(key, plan)) return ZERO;
    return new Promise<number>((resolve, reject) => {
      const lane = this.laneFor(key);
      const w: Waiter = { plan, opts, started: this.clock.now(), resolve, reject, done: false, lane };
      if (opts.front) lane.waiters.unshift(w);
      else lane.waiters.push(w);
      if (opts.signal) this.watch.add(opts.signal, w);
      if (!lane.draining) void this.drain(key, lane);
    });
  }

  /**
   * Takes a token at once when one is there and nobody queues for it (in-memory store only);
   * false otherwise (then `acquire`). No allocation on success.
   */
  tryAcquire(key: string, plan: RatePlan): boolean {
    const mem = this.memory;
    if (!mem) return false;
    const lane = this.lanes.get(key);
    if (lane && (lane.draining || lane.waiters.length)) return false;
    const state = mem.peek(key);
    const now = this.clock.now();
    const perSecond = this.overrides.get(key) ?? plan.perSecond;
    if (!state) {
      if (plan.burst < 1) return false;
      mem.set(key, { tokens: plan.burst - 1, updatedAt: now, perSecond, burst: plan.burst });
      return true;
    }
    const tokens = Math.min(plan.burst, state.tokens + (Math.max(0, now - state.updatedAt) / 1000) * perSecond);
    if (tokens < 1) return false;
    state.tokens = tokens - 1;
    state.updatedAt = now;
    state.perSecond = perSecond;
    state.burst = plan.burst;
    return true;
  }

  /** Adopts a rate the server announced (e.g. SP-API x-amzn-RateLimit-Limit). */
  updateRate(key: string, perSecond: number): void {
    if (!(perSecond > 0)) return;
    this.overrides.set(key, perSecond);
    // Advisory: a store that cannot record it leaves this process's override in place.
    this.store.learnRate?.(key, perSecond).catch(() => undefined);
  }

  /**
   * After a 429: the bucket is emptied, so its next token comes one interval later (or at
   * Retry-After when the server names an earlier time), then it resumes at its documented rate.
   * The throttled call itself waits out the full Retry-After outside the bucket (the pipeline's
   * retry); a long Retry-After no longer stalls every other call of the group (issue 17.4).
   */
  async penalize(key: string, plan: RatePlan, retryAfterMs: number): Promise<void> {
    const state = await this.refilled(key, plan);
    const tokens = Math.max(0, 1 - (Math.max(0, retryAfterMs) / 1000) * state.perSecond);
    await this.store.set(key, { ...state, tokens: Math.min(state.tokens, tokens) });
  }

  effectivePlan(key: string, plan: RatePlan): RatePlan {
    const perSecond = this.overrides.get(key);
    return perSecond === undefined ? plan : { ...plan, perSecond };
  }

  private laneFor(key: string): Lane {
    let lane = this.lanes.get(key);
    if (!lane) this.lanes.set(key, (lane = { waiters: [], draining: false }));
    return lane;
  }

  private async drain(key: string, lane: Lane): Promise<void> {
    lane.draining = true;
    try {
      for (;;) {
        while (lane.waiters.length && lane.waiters[0]!.done) lane.waiters.shift();
        const w = lane.waiters[0];
        if (!w) return;
        let wait: number;
        try {
          wait = await this.take(key, w);
        } catch (e) {
          this.abandon(w, e);
          continue;
        }
        if (wait === 0) {
          lane.waiters.shift();
          this.settle(w);
          w.resolve(this.clock.now() - w.started);
          continue;
        }
        w.opts.onWait?.(wait);
        lane.sleeping = new AbortController();
        await this.clock.sleep(wait, lane.sleeping.signal).catch(() => undefined);
        lane.sleeping = undefined;
      }
    } finally {
      lane.draining = false;
      if (!lane.waiters.length) this.lanes.delete(key);
    }
  }

  /** Takes a token for `w` (0) or says how long until one comes (≥ 1 ms); throws past the deadline. */
  private async take(key: string, w: Waiter): Promise<number> {
    const waitMs = this.store.take ? await this.store.take(key, this.effectivePlan(key, w.plan), this.clock.now()) : await this.takeLocal(key, w.plan);
    if (waitMs === 0) return 0;
    if (w.opts.deadline !== undefined && this.clock.now() + waitMs > w.opts.deadline) {
      throw new RateLimitError({ message: `Rate limit bucket ${key} needs ${waitMs} ms, past the deadline`, retryAfterMs: waitMs, bucket: key, retryable: false });
    }
    return waitMs;
  }

  /** Read-modify-write of the bucket (a store without an atomic `take`): 0 or the ms to wait. */
  private async takeLocal(key: string, plan: RatePlan): Promise<number> {
    const state = await this.refilled(key, plan);
    if (state.tokens >= 1) {
      await this.store.set(key, { ...state, tokens: state.tokens - 1 });
      return 0;
    }
    // (the epsilon keeps float dust, 0.30000000000000004 s, from adding a millisecond)
    return Math.max(1, Math.ceil(((1 - state.tokens) / state.perSecond) * 1000 - 1e-6));
  }

  /** A waiter leaves (aborted or past its deadline); the lane stops sleeping when nobody is left. */
  private abandon(w: Waiter, e: unknown): void {
    if (w.done) return;
    this.settle(w);
    w.reject(e);
    if (w.lane.waiters.every((x) => x.done)) w.lane.sleeping?.abort();
  }

  private settle(w: Waiter): void {
    w.done = true;
    if (w.opts.signal) this.watch.remove(w.opts.signal, w);
  }

  private async refilled(key: string, plan: RatePlan): Promise<BucketState> {
    const perSecond = this.overrides.get(key) ?? plan.perSecond;
    const now = this.clock.now();
    const prev = await this.store.get(key);
    if (!prev) return { tokens: plan.burst, updatedAt: now, perSecond, burst: plan.burst };
    const elapsed = Math.max(0, now - prev.updatedAt) / 1000;
    const tokens = Math.min(plan.burst, prev.tokens + elapsed * perSecond);
    return { tokens, updatedAt: now, perSecond, burst: plan.burst };
  }
}
