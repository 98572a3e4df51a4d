/**
 * Push journal: one line before each `inventory.set` call (what we send and from which ledger
 * state) and one after (what each marketplace answered). Audit trail and debugging aid; crash
 * recovery does not need it because in-flight pushes are also marked in the ledger.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

export interface PushedItem {
  store?: string;
  sku: string;
  quantity: number;
  /** Ledger seq the quantity was computed at. */
  seq: number;
}

export interface PushItemOutcome {
  store?: string;
  sku: string;
  ok: boolean;
  applied?: number;
  code?: string;
  message?: string;
  warning?: string;
  /** Will be retried. */
  retry?: boolean;
}

export type PushJournalEntry =
  | { t: 'push'; id: string; at: string; account: string; attempt: number; items: PushedItem[] }
  | { t: 'result'; id: string; at: string; account: string; durationMs: number; items: PushItemOutcome[] };

export interface PushJournal {
  append(entry: PushJournalEntry): Promise<void>;
  close?(): Promise<void>;
}

/** Keeps the last `limit` entries in memory. */
export class MemoryPushJournal implements PushJournal {
  readonly entries: PushJournalEntry[] = [];
  constructor(private readonly limit = 10_000) {}
  async append(entry: PushJournalEntry): Promise<void> {
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
  }
}

/** Append-only JSONL; writes are chained so lines never interleave. */
export class FilePushJournal implements PushJournal {
  private chain: Promise<void> = Promise.resolve();
  private dirReady = false;
  constructor(private readonly file: string) {}

  append(entry: PushJournalEntry): Promise<void> {
    const line = `${JSON.stringify(entry)}\n`;
    const next = this.chain.then(async () => {
      if (!this.dirReady) {
        await fs.mkdir(path.dirname(this.file), { recursive: true });
        this.dirReady = true;
      }
      await fs.appendFile(this.file, line, 'utf8');
    });
    // One failed write must not wedge every later one.
    this.chain = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await this.chain;
  }
}
