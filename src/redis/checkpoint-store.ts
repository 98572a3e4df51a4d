import type { Redis } from 'ioredis';
import type { CheckpointStore, SyncCheckpoint } from '../hub/checkpoints.js';
import { DEFAULT_PREFIX, namespacedKey, viaRedis, type RedisStoreOptions } from './connection.js';

/**
 * One string key per account holding the checkpoint as JSON: a single SET replaces it whole, so a
 * crash (or a concurrent writer) leaves the previous checkpoint or the new one, never a mix. No
 * TTL: a lost checkpoint would re-read the account's whole history.
 */
export class RedisCheckpointStore implements CheckpointStore {
  private readonly prefix: string;

  constructor(
    private readonly client: Redis,
    opts: RedisStoreOptions = {},
  ) {
    this.prefix = opts.prefix ?? DEFAULT_PREFIX;
  }

  /** The account's checkpoint; undefined when none was stored. */
  async get(account: string): Promise<SyncCheckpoint | undefined> {
    const text = await viaRedis('checkpoint get', () => this.client.get(this.key(account)));
    return text === null ? undefined : (JSON.parse(text) as SyncCheckpoint);
  }

  async set(account: string, checkpoint: SyncCheckpoint): Promise<void> {
    const text = JSON.stringify(checkpoint);
    await viaRedis('checkpoint set', () => this.client.set(this.key(account), text));
  }

  private key(account: string): string {
    return namespacedKey(this.prefix, 'checkpoint', account);
  }
}
