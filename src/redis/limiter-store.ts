import type { Redis } from 'ioredis';
import type { BucketState, LimiterStore } from '../http/limiter-store.js';
import { DEFAULT_PREFIX, LuaScript, namespacedKey, viaRedis, type RedisStoreOptions } from './connection.js';

/** Idle buckets expire this long after they would be full again (a full bucket = no state). */
const IDLE_MS = 3_600_000;

/**
 * Both scripts start the same way: read the bucket, refill it to now. ARGV[nowArg] is the caller's
 * clock in ms, or '' for the Redis server's own clock (one clock for every host). A rate the server
 * announced (`learned`) wins over the caller's plan for every process.
 */
const refilled = (nowArg: number, rateArg: number, burstArg: number) => `
local now = tonumber(ARGV[${nowArg}])
if not now then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
end
local burst = tonumber(ARGV[${burstArg}])
local rate = tonumber(redis.call('HGET', KEYS[1], 'learned')) or tonumber(ARGV[${rateArg}])
local tokens = tonumber(redis.call('HGET', KEYS[1], 'tokens'))
local at = tonumber(redis.call('HGET', KEYS[1], 'at'))
if not tokens then tokens = burst; at = now end
tokens = math.min(burst, tokens + math.max(0, now - at) / 1000 * rate)`;

const saved = (burstArg: number) =>
  `redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'at', string.format('%.17g', math.max(now, at)), 'perSecond', string.format('%.17g', rate), 'burst', ARGV[${burstArg}])`;

/**
 * The whole take (refill, take one or say how long to wait) runs inside Redis, so any number of
 * processes drawing on one bucket never grant more than burst + rate × elapsed.
 */
const TAKE = new LuaScript(`${refilled(3, 1, 2)}
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
else
  wait = math.max(1, math.ceil((1 - tokens) / rate * 1000 - 1e-6))
end
${saved(2)}
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + tonumber(ARGV[4]))
return wait
`);

/**
 * A 429 penalty (the limiter's only `set`): refills the bucket to now, then lowers it to at most
 * ARGV[1] tokens, in one script. Tokens other processes took since the limiter read the bucket are
 * never given back, and every process sees the emptied bucket at once.
 */
const LOWER = new LuaScript(`${refilled(2, 3, 4)}
tokens = math.min(tokens, tonumber(ARGV[1]))
${saved(4)}
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1
`);

export interface RedisLimiterStoreOptions extends RedisStoreOptions {
  /**
   * Whose clock refills the buckets: 'server' (default; the Redis server's TIME, one clock for
   * every host, immune to skew between them) or 'caller' (the limiter's clock, e.g. a test clock).
   */
  clock?: 'server' | 'caller';
}

/** Token buckets shared by every process (one hash per bucket), with an idle TTL. */
export class RedisLimiterStore implements LimiterStore {
  private readonly prefix: string;
  private readonly serverClock: boolean;

  constructor(
    private readonly client: Redis,
    opts: RedisLimiterStoreOptions = {},
  ) {
    this.prefix = opts.prefix ?? DEFAULT_PREFIX;
    this.serverClock = (opts.clock ?? 'server') === 'server';
  }

  async take(key: string, plan: { perSecond: number; burst: number }, now: number): Promise<number> {
    const args = [plan.perSecond, plan.burst, this.serverClock ? '' : now, IDLE_MS];
    return Number(await viaRedis('limiter take', () => TAKE.run(this.client, [this.key(key)], args)));
  }

  /** Shared with every process until the bucket idles out (then the next response teaches it again). */
  async learnRate(key: string, perSecond: number): Promise<void> {
    if (!(perSecond > 0)) return;
    const k = this.key(key);
    // The TTL keeps a rate learned for a bucket nobody takes from any more from living forever.
    await viaRedis('limiter learnRate', () => this.client.multi().hset(k, 'learned', String(perSecond)).pexpire(k, IDLE_MS).exec());
  }

  /** The shared bucket's state (with the learned rate, if any); undefined when none. */
  async get(key: string): Promise<BucketState | undefined> {
    const h = await viaRedis('limiter get', () => this.client.hgetall(this.key(key)));
    if (h.tokens === undefined) return undefined;
    return { tokens: Number(h.tokens), updatedAt: Number(h.at), perSecond: Number(h.learned ?? h.perSecond), burst: Number(h.burst) };
  }

  /**
   * Used by the limiter only after a 429 (penalize; takes go through `take`): atomically lowers the
   * shared bucket to at most `state.tokens`, never raises it.
   */
  async set(key: string, state: BucketState): Promise<void> {
    const ttl = Math.ceil((state.burst / state.perSecond) * 1000) + IDLE_MS;
    const at = this.serverClock ? '' : state.updatedAt;
    await viaRedis('limiter set', () => LOWER.run(this.client, [this.key(key)], [state.tokens, at, state.perSecond, state.burst, ttl]));
  }

  private key(key: string): string {
    return namespacedKey(this.prefix, 'bucket', key);
  }
}
