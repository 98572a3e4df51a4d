import type { Redis } from 'ioredis';
import type { Intent, IntentJournal } from '../state/intent-journal.js';
import { DEFAULT_PREFIX, namespacedKey, viaRedis, type RedisStoreOptions } from './connection.js';

export interface RedisIntentJournalOptions extends RedisStoreOptions {
  /**
   * Forget an intent this long after its last write (default: never, like the file journal). Set it
   * longer than any replay of the same idempotency key can come.
   */
  ttlMs?: number;
}

/** One string key per intent (JSON); the last put for a key wins, as in the file journal. */
export class RedisIntentJournal implements IntentJournal {
  private readonly prefix: string;
  private readonly ttlMs: number | undefined;

  constructor(
    private readonly client: Redis,
    opts: RedisIntentJournalOptions = {},
  ) {
    this.prefix = opts.prefix ?? DEFAULT_PREFIX;
    this.ttlMs = opts.ttlMs;
  }

  /** The intent journaled under `key`; undefined when none. */
  async get(key: string): Promise<Intent | undefined> {
    const text = await viaRedis('journal get', () => this.client.get(this.key(key)));
    return text === null ? undefined : (JSON.parse(text) as Intent);
  }

  /** Stores the intent under its key, replacing the previous one (with the TTL when configured). */
  async put(intent: Intent): Promise<void> {
    const k = this.key(intent.key);
    const text = JSON.stringify(intent);
    const ttl = this.ttlMs;
    await viaRedis('journal put', () => (ttl === undefined ? this.client.set(k, text) : this.client.set(k, text, 'PX', ttl)));
  }

  private key(key: string): string {
    return namespacedKey(this.prefix, 'intent', key);
  }
}
