/**
 * Where order sync remembers how far each account is. A checkpoint only moves after every order
 * of its window reached the handler, so it is never ahead of what was delivered.
 */
import { readJsonFile, withFileLock, writeFileAtomic } from '../state/atomic-file.js';
import { ValidationError } from '../errors/classes.js';

export interface HeldRecord {
  index: number;
  recordId?: string;
  issues: Array<{ path: string; message: string }>;
}

export interface SyncCheckpoint {
  v: 1;
  /** Bound of the last committed window (ISO): every order updated before it was delivered. */
  until?: string;
  /**
   * Start of the next window (ISO): `until − overlap` after a commit; inside a window, the
   * watermark below which every order was delivered; held back by a quarantined record.
   */
  next?: string;
  /**
   * orderId → updatedAt of recently delivered versions, bounded (sync-dedup.ts): the overlap the
   * next window re-reads and, inside a window, the slice boundary. Not every delivered order.
   */
  delivered: Record<string, string>;
  /** Why the checkpoint did not move on its last run. */
  held?: { reason: 'quarantined' | 'unsettled'; since: string; at: string; records: HeldRecord[] };
  savedAt: string;
}

export interface CheckpointStore {
  get(account: string): Promise<SyncCheckpoint | undefined>;
  /** Must be atomic: a crash leaves the previous checkpoint or the new one, never a mix. */
  set(account: string, checkpoint: SyncCheckpoint): Promise<void>;
}

export class MemoryCheckpointStore implements CheckpointStore {
  private readonly map = new Map<string, string>();
  async get(account: string) {
    const s = this.map.get(account);
    return s === undefined ? undefined : (JSON.parse(s) as SyncCheckpoint);
  }
  async set(account: string, checkpoint: SyncCheckpoint) {
    // Stored as text: callers can never mutate a saved checkpoint by reference.
    this.map.set(account, JSON.stringify(checkpoint));
  }
}

interface CheckpointFile {
  v: 1;
  accounts: Record<string, SyncCheckpoint>;
}

/**
 * One JSON file for all accounts: temp file + rename under a lock file, so concurrent accounts
 * (and processes) never lose each other's writes and a kill never leaves half a file.
 */
export class FileCheckpointStore implements CheckpointStore {
  private tail: Promise<unknown> = Promise.resolve();
  constructor(readonly file: string) {}

  async get(account: string) {
    return (await this.read()).accounts[account];
  }

  set(account: string, checkpoint: SyncCheckpoint): Promise<void> {
    const run = this.tail.then(() =>
      withFileLock(this.file, async () => {
        const all = await this.read();
        all.accounts[account] = checkpoint;
        // Compact: a write is the bound, the watermark and a bounded dedup set per account (O(page)).
        await writeFileAtomic(this.file, `${JSON.stringify(all)}\n`);
      }),
    );
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async read(): Promise<CheckpointFile> {
    let data: CheckpointFile | undefined;
    try {
      data = await readJsonFile<CheckpointFile>(this.file);
    } catch (e) {
      throw new ValidationError({ message: `Checkpoint file ${this.file} is not valid JSON: ${(e as Error).message}`, path: 'checkpoints', cause: e });
    }
    if (data === undefined) return { v: 1, accounts: {} };
    if (data.v !== 1 || typeof data.accounts !== 'object' || data.accounts === null) {
      throw new ValidationError({ message: `Checkpoint file ${this.file} has an unknown format`, path: 'checkpoints' });
    }
    return data;
  }
}

export const memoryCheckpoints = () => new MemoryCheckpointStore();
export const fileCheckpoints = (file: string) => new FileCheckpointStore(file);
