/**
 * One Redis URL selects the shared stores (issue 24). ioredis is an optional peer: it is only
 * imported here, lazily, so the core bundle never loads it for users without Redis.
 */
import { createHash } from 'node:crypto';
import type { Redis, RedisOptions } from 'ioredis';
import { NetworkError, ValidationError } from '../errors/classes.js';

/** Read by the CLI (and `connectRedis()` without a URL). */
export const REDIS_URL_ENV = 'XBORDER_REDIS_URL';
/** First key segment of every store when no `prefix` is given. */
export const DEFAULT_PREFIX = 'xborder';

/** The ioredis client the stores use. */
export type RedisClient = Redis;

/** Options every Redis store accepts. */
export interface RedisStoreOptions {
  /** First key segment (default `xborder`): several deployments can share one Redis. */
  prefix?: string;
}

/** The URL to use: the one given, else `XBORDER_REDIS_URL`. Only redis:// and rediss:// are accepted. */
export function resolveRedisUrl(url?: string, env: Record<string, string | undefined> = process.env): string {
  const href = url ?? env[REDIS_URL_ENV];
  if (!href) throw new ValidationError({ message: `No Redis URL: pass redis://host:port or set ${REDIS_URL_ENV}`, path: 'redis.url' });
  let protocol: string;
  try {
    protocol = new URL(href).protocol;
  } catch {
    // The URL itself is not echoed: it may carry a password.
    throw new ValidationError({ message: 'Redis URL is not a valid URL', path: 'redis.url' });
  }
  if (protocol !== 'redis:' && protocol !== 'rediss:') {
    throw new ValidationError({ message: `Redis URL must start with redis:// or rediss:// (got ${protocol}//)`, path: 'redis.url' });
  }
  return href;
}

/** Loads ioredis on first use; a clear error when the optional peer is not installed. */
async function loadIoredis(): Promise<typeof import('ioredis')> {
  try {
    return await import('ioredis');
  } catch (e) {
    throw new ValidationError({ message: 'Redis stores need the optional peer dependency ioredis (npm install ioredis@^5)', path: 'redis', cause: e });
  }
}

/** Opens (and waits for) a connection; the caller closes it with `quit()`. */
export async function connectRedis(url?: string, options: RedisOptions = {}): Promise<Redis> {
  const href = resolveRedisUrl(url);
  const mod = await loadIoredis();
  const client = new mod.Redis(href, { lazyConnect: true, maxRetriesPerRequest: 3, ...options });
  await client.connect();
  return client;
}

/**
 * `<prefix>:<marketplace>:<account>:<kind>[:<rest>]` from a store key whose first two segments are
 * the marketplace and the account (bucket keys `amazon:acct:group`, journal keys
 * `ebay:acct:op:idem`, token keys `shopee:partner:shop:id`). A key without a marketplace goes under
 * `_`. Keys of one account share a prefix, so they can be listed or dropped together.
 */
export function namespacedKey(prefix: string, kind: string, key: string): string {
  const parts = key.split(':');
  if (parts.length === 1) return `${prefix}:_:${key}:${kind}`;
  const [marketplace, account, ...rest] = parts;
  return [prefix, marketplace, account, kind, ...rest].join(':');
}

/** Redis failures surface as a retryable NetworkError naming the store operation (cause kept). */
export async function viaRedis<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    throw new NetworkError({ message: `Redis ${what} failed: ${(e as Error).message}`, cause: e });
  }
}

/** A Lua script run by SHA (EVALSHA), loaded on the first NOSCRIPT (a restarted or new server). */
export class LuaScript {
  private readonly sha: string;
  constructor(private readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  async run(client: Redis, keys: string[], args: Array<string | number>): Promise<unknown> {
    try {
      return await client.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (e) {
      if (!String((e as Error).message).startsWith('NOSCRIPT')) throw e;
      return client.eval(this.source, keys.length, ...keys, ...args);
    }
  }
}
