import path from 'node:path';
import { readJsonFile, writeFileAtomic } from '../state/atomic-file.js';
import type { Requirements, RequirementsCache } from './types.js';

/** Bumped when the cached shape changes: older files are ignored (read again), never misread. */
export const CACHE_FORMAT = 1;

export interface CacheEntry {
  format: number;
  savedAt: string;
  requirements: Requirements;
}

/** The cache key of one requirements document: marketplace / store / product type or category (+ level). */
export function requirementsKey(r: Pick<Requirements, 'marketplace' | 'store' | 'kind' | 'id' | 'level'>): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_.-]/g, '_');
  return [r.marketplace, r.store, `${r.kind}-${r.id}${r.level ? `.${r.level}` : ''}`].map(safe).join('/');
}

/** In-process cache with an optional time to live (the default for every adapter). */
export class MemoryRequirementsCache implements RequirementsCache {
  private readonly map = new Map<string, { at: number; value: Requirements }>();
  constructor(private readonly opts: { ttlMs?: number; now?: () => number } = {}) {}

  /** The entry unless absent or older than the TTL. */
  async get(key: string): Promise<Requirements | undefined> {
    const hit = this.map.get(key);
    const now = this.opts.now?.() ?? Date.now();
    if (!hit || (this.opts.ttlMs !== undefined && now - hit.at > this.opts.ttlMs)) return undefined;
    return hit.value;
  }

  /** Keeps the document from now on. */
  async set(key: string, value: Requirements): Promise<void> {
    this.map.set(key, { at: this.opts.now?.() ?? Date.now(), value });
  }
}

/** Where and how long FileRequirementsCache keeps documents. */
export interface FileRequirementsCacheOptions {
  /** Directory that holds one JSON file per key. */
  dir: string;
  /** Older entries are read again from the marketplace (default 7 days: definitions change rarely). */
  ttlMs?: number;
  /** Clock for the TTL (tests). */
  now?: () => number;
}

/**
 * Requirements on disk, one file per key (`<dir>/<marketplace>/<store>/<kind>-<id>.json`), written
 * atomically like the other state files so a crash never leaves half a document behind. An entry
 * past its TTL or of another cache format is a miss.
 */
export class FileRequirementsCache implements RequirementsCache {
  private readonly ttlMs: number;
  constructor(private readonly opts: FileRequirementsCacheOptions) {
    this.ttlMs = opts.ttlMs ?? 7 * 24 * 3600_000;
  }

  /** The file a key is stored in. */
  fileOf(key: string): string {
    return path.join(this.opts.dir, `${key}.json`);
  }

  /** The document unless absent, unreadable, of another format or past the TTL. */
  async get(key: string): Promise<Requirements | undefined> {
    let entry: CacheEntry | undefined;
    try {
      entry = await readJsonFile<CacheEntry>(this.fileOf(key));
    } catch {
      return undefined; // unreadable or corrupt: read the marketplace again and overwrite it
    }
    if (!entry || entry.format !== CACHE_FORMAT || !entry.requirements) return undefined;
    const age = (this.opts.now?.() ?? Date.now()) - Date.parse(entry.savedAt);
    return age >= 0 && age <= this.ttlMs ? entry.requirements : undefined;
  }

  /** Writes the document atomically with its save time. */
  async set(key: string, requirements: Requirements): Promise<void> {
    const entry: CacheEntry = { format: CACHE_FORMAT, savedAt: new Date(this.opts.now?.() ?? Date.now()).toISOString(), requirements };
    await writeFileAtomic(this.fileOf(key), JSON.stringify(entry));
  }
}

/**
 * Cache-first read: a fresh cached document is returned without any call; otherwise `fetch` runs
 * and its answer is cached. Concurrent misses on one key share one fetch.
 */
export function cachedRequirements(cache: RequirementsCache) {
  const inflight = new Map<string, Promise<Requirements>>();
  return async (key: string, fetch: () => Promise<Requirements>, refresh = false): Promise<Requirements> => {
    if (!refresh) {
      const hit = await cache.get(key);
      if (hit) return hit;
    }
    const running = inflight.get(key);
    if (running) return running;
    const p = (async () => {
      const fresh = await fetch();
      await cache.set(key, fresh);
      return fresh;
    })().finally(() => inflight.delete(key));
    inflight.set(key, p);
    return p;
  };
}
