import path from 'node:path';
import { readJsonFile, writeFileAtomic } from '../../src/state/atomic-file.js';

/** Where a seller SKU lives in one shop: an item (model_id 0) or one model of an item. */
export interface SkuLocation {
  itemId: number;
  modelId: number;
  hasModel: boolean;
}

/** A shop's SKU index as persisted: every live SKU, complete up to `syncedTo` (epoch seconds of item update_time). */
export interface SkuIndexSnapshot {
  syncedTo: number;
  skus: Record<string, SkuLocation>;
}

/** Keeps SKU indexes between runs, so a large shop is scanned once and then only by update time. */
export interface SkuIndexStore {
  load(key: string): Promise<SkuIndexSnapshot | undefined>;
  save(key: string, snapshot: SkuIndexSnapshot): Promise<void>;
}

/** The default: indexes live as long as the process (a large shop is scanned once per run). */
export class MemorySkuIndexStore implements SkuIndexStore {
  private readonly data = new Map<string, SkuIndexSnapshot>();
  async load(key: string) {
    const s = this.data.get(key);
    return s && { syncedTo: s.syncedTo, skus: { ...s.skus } };
  }
  async save(key: string, snapshot: SkuIndexSnapshot) {
    this.data.set(key, { syncedTo: snapshot.syncedTo, skus: { ...snapshot.skus } });
  }
}

/** One JSON file per shop under `dir` (atomic, durable writes). */
export class FileSkuIndexStore implements SkuIndexStore {
  constructor(private readonly dir: string) {}
  private file(key: string) {
    return path.join(this.dir, `${key.replace(/[^\w.-]/g, '_')}.json`);
  }
  async load(key: string) {
    return readJsonFile<SkuIndexSnapshot>(this.file(key));
  }
  async save(key: string, snapshot: SkuIndexSnapshot) {
    await writeFileAtomic(this.file(key), JSON.stringify(snapshot));
  }
}

/** A FileSkuIndexStore keeping one JSON file per shop under `dir`. */
export function fileSkuIndexStore(dir: string): FileSkuIndexStore {
  return new FileSkuIndexStore(dir);
}
