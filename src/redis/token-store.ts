import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { StoredToken, TokenStore } from '../state/token-store.js';
import { DEFAULT_PREFIX, LuaScript, namespacedKey, viaRedis, type RedisStoreOptions } from './connection.js';

/**
 * Compare-and-swap in one script: the pair is written only if the stored version is still the
 * expected one ('' = nothing stored), so exactly one process rotates a single-use refresh token.
 */
const CAS = new LuaScript(`
local cur = redis.call('HGET', KEYS[1], 'v')
if ARGV[1] == '' then
  if cur then return 0 end
elseif cur ~= ARGV[1] then
  return 0
end
redis.call('HSET', KEYS[1], 'v', ARGV[2], 't', ARGV[3])
return 1
`);

/** Releases a lock only if this holder still owns it (its lease may have passed to another). */
const UNLOCK = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);

export interface RedisTokenStoreOptions extends RedisStoreOptions {
  /** How long a refresh lock is held at most if its holder dies (default 60 s, as the file store). */
  lockLeaseMs?: number;
  /** Poll interval while another process holds the refresh lock (default 25 ms). */
  lockPollMs?: number;
}

/** Tokens as a hash per key (`v` version, `t` the pair as JSON); no TTL: a lost pair means re-authorizing. */
export class RedisTokenStore implements TokenStore {
  private readonly prefix: string;
  private readonly leaseMs: number;
  private readonly pollMs: number;

  constructor(
    private readonly client: Redis,
    opts: RedisTokenStoreOptions = {},
  ) {
    this.prefix = opts.prefix ?? DEFAULT_PREFIX;
    this.leaseMs = opts.lockLeaseMs ?? 60_000;
    this.pollMs = opts.lockPollMs ?? 25;
  }

  /** The stored token pair; undefined when none. */
  async get(key: string): Promise<StoredToken | undefined> {
    const text = await viaRedis('token get', () => this.client.hget(this.key(key), 't'));
    return text === null ? undefined : (JSON.parse(text) as StoredToken);
  }

  /** Writes `next` only if the stored version is still `expectedVersion` (undefined: nothing stored); true when written. */
  async compareAndSwap(key: string, expectedVersion: number | undefined, next: StoredToken): Promise<boolean> {
    const expected = expectedVersion === undefined ? '' : String(expectedVersion);
    const args = [expected, String(next.version), JSON.stringify(next)];
    return (await viaRedis('token compare-and-swap', () => CAS.run(this.client, [this.key(key)], args))) === 1;
  }

  /** One refresh at a time across processes: SET NX with a lease, released by its owner only. */
  async withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const lockKey = `${this.key(key)}:lock`;
    const owner = randomUUID();
    while ((await viaRedis('token lock', () => this.client.set(lockKey, owner, 'PX', this.leaseMs, 'NX'))) !== 'OK') {
      await new Promise((r) => setTimeout(r, this.pollMs));
    }
    try {
      return await fn();
    } finally {
      // A failed release only delays the next holder until the lease ends.
      await UNLOCK.run(this.client, [lockKey], [owner]).catch(() => undefined);
    }
  }

  private key(key: string): string {
    return namespacedKey(this.prefix, 'token', key);
  }
}
