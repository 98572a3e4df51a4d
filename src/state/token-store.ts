import { readJsonFile, withFileLock, writeFileAtomic } from './atomic-file.js';

/** An OAuth token pair as persisted. `version` increases on every rotation (compare-and-swap). */
export interface StoredToken {
  accessToken: string;
  refreshToken?: string;
  /** Epoch ms. */
  expiresAt: number;
  refreshExpiresAt?: number;
  version: number;
  /** Marketplace extras (e.g. Shopee shop_id_list). */
  extra?: Record<string, unknown>;
}

/**
 * Where tokens live. `compareAndSwap` writes `next` only if the stored version is still
 * `expectedVersion` (undefined = nothing stored), so single-use refresh tokens are rotated by
 * exactly one process; the loser re-reads instead of burning the token again.
 */
export interface TokenStore {
  get(key: string): Promise<StoredToken | undefined>;
  compareAndSwap(key: string, expectedVersion: number | undefined, next: StoredToken): Promise<boolean>;
  /** Optional cross-process critical section around a refresh (file store: a lock file). */
  withLock?<T>(key: string, fn: () => Promise<T>): Promise<T>;
}

export class MemoryTokenStore implements TokenStore {
  private readonly tokens = new Map<string, StoredToken>();
  constructor(initial?: Record<string, StoredToken>) {
    for (const [k, v] of Object.entries(initial ?? {})) this.tokens.set(k, v);
  }
  async get(key: string) {
    return this.tokens.get(key);
  }
  async compareAndSwap(key: string, expectedVersion: number | undefined, next: StoredToken) {
    if (this.tokens.get(key)?.version !== expectedVersion) return false;
    this.tokens.set(key, next);
    return true;
  }
}

/**
 * JSON file of tokens by key; atomic writes (temp + rename) under a lock file for CAS across processes.
 * compareAndSwap returns only once the new pair is durable (file and directory fsynced).
 */
export class FileTokenStore implements TokenStore {
  constructor(private readonly file: string) {}

  async get(key: string) {
    const all = (await readJsonFile<Record<string, StoredToken>>(this.file)) ?? {};
    return all[key];
  }

  async compareAndSwap(key: string, expectedVersion: number | undefined, next: StoredToken) {
    return withFileLock(this.file, async () => {
      const all = (await readJsonFile<Record<string, StoredToken>>(this.file)) ?? {};
      if (all[key]?.version !== expectedVersion) return false;
      all[key] = next;
      await writeFileAtomic(this.file, JSON.stringify(all, null, 2));
      return true;
    });
  }

  withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    return withFileLock(`${this.file}.${key.replace(/[^\w.-]/g, '_')}.refresh`, fn, { staleMs: 60_000 });
  }
}

export function fileTokenStore(file: string): FileTokenStore {
  return new FileTokenStore(file);
}
