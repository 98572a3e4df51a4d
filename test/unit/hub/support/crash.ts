/**
 * Simulated process death for sync tests: after `die()`, every further checkpoint write is lost,
 * exactly as if the process had been killed (nothing after the kill point reaches storage).
 */
import type { CheckpointStore, SyncCheckpoint } from '../../../../src/hub/checkpoints.js';

export class Crash extends Error {
  constructor() {
    super('simulated crash');
  }
}

export class DyingStore implements CheckpointStore {
  dead = false;
  writes = 0;
  /** Commits seen (writes that moved `until`), for invariant checks. */
  readonly commits: Array<{ account: string; until: string }> = [];
  constructor(private readonly inner: CheckpointStore, private readonly dieOnWrite?: number, private readonly onCommit?: (account: string, cp: SyncCheckpoint) => void) {}

  die(): void {
    this.dead = true;
  }

  get(account: string) {
    return this.inner.get(account);
  }

  async set(account: string, cp: SyncCheckpoint) {
    if (this.dead) throw new Crash();
    this.writes++;
    if (this.dieOnWrite !== undefined && this.writes >= this.dieOnWrite) {
      this.dead = true;
      throw new Crash();
    }
    const before = await this.inner.get(account);
    await this.inner.set(account, cp);
    if (cp.until && cp.until !== before?.until) {
      this.commits.push({ account, until: cp.until });
      this.onCommit?.(account, cp);
    }
  }
}
