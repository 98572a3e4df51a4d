import { promises as fs } from 'node:fs';
import path from 'node:path';

export type IntentState = 'pending' | 'succeeded' | 'failed' | 'unknown';

/** A write recorded before it is sent, keyed by its idempotency key. */
export interface Intent {
  key: string;
  operation: string;
  state: IntentState;
  at: number;
  /** Result payload of a succeeded write (what a deduplicated replay returns). */
  result?: unknown;
  error?: { code: string; message: string };
}

export interface IntentJournal {
  get(key: string): Promise<Intent | undefined>;
  put(intent: Intent): Promise<void>;
}

export class MemoryIntentJournal implements IntentJournal {
  private readonly intents = new Map<string, Intent>();
  async get(key: string) {
    return this.intents.get(key);
  }
  async put(intent: Intent) {
    this.intents.set(intent.key, intent);
  }
}

/** Append-only JSONL journal; the last line for a key wins. Survives crashes (append + fsync-free). */
export class FileIntentJournal implements IntentJournal {
  private cache?: Map<string, Intent>;
  constructor(private readonly file: string) {}

  private async load(): Promise<Map<string, Intent>> {
    if (this.cache) return this.cache;
    const map = new Map<string, Intent>();
    const text = await fs.readFile(this.file, 'utf8').catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return '';
      throw e;
    });
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        const i = JSON.parse(line) as Intent;
        map.set(i.key, i);
      } catch {
        // A torn last line after a crash: the intent it described stays pending (verify decides).
      }
    }
    this.cache = map;
    return map;
  }

  async get(key: string) {
    return (await this.load()).get(key);
  }

  async put(intent: Intent) {
    const map = await this.load();
    map.set(intent.key, intent);
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    await fs.appendFile(this.file, `${JSON.stringify(intent)}\n`, 'utf8');
  }
}
