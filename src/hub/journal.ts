/**
 * The bulk engine's resume journal: one JSONL line per (store, SKU) transition, appended before
 * and after each write. A re-run skips what is `done` with the same content, and replays what was
 * in flight with the same idempotency key so the adapter verifies before it writes again.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ErrorInfo } from './errors.js';

export type JournalEntry =
  | { t: 'start'; store: string; sku: string; hash: string; key: string; at: string }
  | { t: 'done'; store: string; sku: string; hash: string; at: string; action?: string; status?: string; marketplaceId?: string }
  | { t: 'failed'; store: string; sku: string; hash: string; at: string; error: ErrorInfo };

export interface BulkJournal {
  /** Last entry per (store, SKU). */
  load(): Promise<Map<string, JournalEntry>>;
  append(entry: JournalEntry): Promise<void>;
  close(): Promise<void>;
}

export const journalKey = (store: string, sku: string) => `${store}\u0000${sku}`;

export class MemoryBulkJournal implements BulkJournal {
  readonly entries: JournalEntry[] = [];
  async load() {
    return lastPerKey(this.entries);
  }
  async append(entry: JournalEntry) {
    this.entries.push(entry);
  }
  async close() {}
}

/**
 * Append-only file. Lines go out one at a time through one handle (ordered, no interleaving);
 * a torn last line after a kill is ignored, leaving that item in doubt, which is safe.
 */
export class FileBulkJournal implements BulkJournal {
  private handle?: fs.FileHandle;
  private tail: Promise<void> = Promise.resolve();
  constructor(readonly file: string) {}

  async load(): Promise<Map<string, JournalEntry>> {
    const text = await fs.readFile(this.file, 'utf8').catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return '';
      throw e;
    });
    const entries: JournalEntry[] = [];
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        const e = JSON.parse(line) as JournalEntry;
        if (e && typeof e.store === 'string' && typeof e.sku === 'string') entries.push(e);
      } catch {
        // torn line from a killed run
      }
    }
    // A torn last line has no newline: start the next append on a fresh line.
    if (text && !text.endsWith('\n')) await this.write('\n');
    return lastPerKey(entries);
  }

  append(entry: JournalEntry): Promise<void> {
    return this.write(`${JSON.stringify(entry)}\n`);
  }

  private write(text: string): Promise<void> {
    const run = this.tail.then(async () => {
      if (!this.handle) {
        await fs.mkdir(path.dirname(this.file), { recursive: true });
        this.handle = await fs.open(this.file, 'a');
      }
      await this.handle.write(text);
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    await this.tail;
    await this.handle?.close();
    this.handle = undefined;
  }
}

/** `journal: './bulk.jsonl'` or any BulkJournal. */
export function openJournal(journal: string | BulkJournal | undefined): BulkJournal | undefined {
  if (journal === undefined) return undefined;
  return typeof journal === 'string' ? new FileBulkJournal(journal) : journal;
}

function lastPerKey(entries: JournalEntry[]): Map<string, JournalEntry> {
  const map = new Map<string, JournalEntry>();
  for (const e of entries) map.set(journalKey(e.store, e.sku), e);
  return map;
}
