import type { Redis } from 'ioredis';
import { ValidationError } from '../errors/classes.js';
import { DEFAULT_PREFIX, namespacedKey, viaRedis, type RedisStoreOptions } from './connection.js';

export interface RedisRecordMapOptions extends RedisStoreOptions {
  /** Forget a record this long after its last write (default: never). */
  ttlMs?: number;
}

/**
 * A core-neutral map of small flat records keyed by (scope, key), shared by every process. `set`
 * merges field by field (HSET: atomic, a field not given keeps its value), which is what an adapter's
 * memory of a SKU wants: the Amazon adapter's `ListingMemory` is this shape, so
 * `amazon({ listingMemory: stores.records<RememberedListing>('amazon', 'acct') })` shares what one
 * process learnt (product type, existence, channel) with all. Values are stored as JSON per field.
 */
export class RedisRecordMap<T extends object> {
  private readonly base: string;
  private readonly ttlMs: number | undefined;

  constructor(
    private readonly client: Redis,
    marketplace: string,
    account: string,
    opts: RedisRecordMapOptions = {},
  ) {
    for (const [path, v] of [['marketplace', marketplace], ['account', account]] as const) {
      if (typeof v !== 'string' || !/^[^:\s]+$/.test(v)) throw new ValidationError({ message: `${path} must be a non-empty string without ":" or spaces`, path });
    }
    this.base = namespacedKey(opts.prefix ?? DEFAULT_PREFIX, 'record', `${marketplace}:${account}`);
    this.ttlMs = opts.ttlMs;
  }

  /** The record stored under (scope, key); undefined when none. */
  async get(scope: string, key: string): Promise<T | undefined> {
    const h = await viaRedis('record get', () => this.client.hgetall(this.key(scope, key)));
    const fields = Object.entries(h);
    if (!fields.length) return undefined;
    return Object.fromEntries(fields.map(([f, v]) => [f, JSON.parse(v)])) as T;
  }

  /** Merges the record's defined fields into the stored one (refreshing the TTL when configured). */
  async set(scope: string, key: string, value: T): Promise<void> {
    const fields = Object.entries(value).filter(([, v]) => v !== undefined);
    if (!fields.length) return;
    const k = this.key(scope, key);
    const m = this.client.multi().hset(k, Object.fromEntries(fields.map(([f, v]) => [f, JSON.stringify(v)])));
    if (this.ttlMs !== undefined) m.pexpire(k, this.ttlMs);
    await viaRedis('record set', () => m.exec());
  }

  private key(scope: string, key: string): string {
    // Length-prefixed: a scope or key containing ':' cannot collide with another pair.
    return `${this.base}:${scope.length}:${scope}:${key}`;
  }
}
