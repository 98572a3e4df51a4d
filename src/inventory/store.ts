/**
 * Where a ledger lives: a snapshot plus an append-only log of ops, so a commit costs what it
 * changed, not the size of the ledger. A commit names the version it builds on; if another writer
 * committed since, the store rebuilds the state from its own record and replays our ops on top
 * (optimistic concurrency), so a CLI `stock set` and a running `stock sync` never overwrite each
 * other. Every `compactEvery` commits the log is folded into a new snapshot.
 */
import { readFileSync, statSync, type Stats } from 'node:fs';
import { promises as fs } from 'node:fs';
import { parseInput } from '../errors/from-response.js';
import { withFileLock, writeFileAtomic } from '../state/atomic-file.js';
import type { LedgerOp } from './ops.js';
import { emptyLedgerState, LedgerStateSchema, type LedgerState } from './schemas.js';

/** Applies ops to a state (the ledger's reducer), returning the state. */
export type Replay = (base: LedgerState, ops: LedgerOp[]) => LedgerState;

export interface CommitResult {
  /** Version after this commit. */
  version: number;
  /** Present when someone else committed first: the rebuilt state including our ops. */
  rebased?: LedgerState;
}

export interface LedgerStore {
  /** Synchronous, so a ledger is usable right after `new StockLedger(...)`. */
  load(replay: Replay): LedgerState | undefined;
  commit(version: number, ops: LedgerOp[], replay: Replay): Promise<CommitResult>;
  /** The committed state if it is newer than `version`, else undefined. */
  read(version: number, replay: Replay): Promise<LedgerState | undefined>;
}

interface LogEntry {
  v: number;
  ops: LedgerOp[];
}

/** In-process store (tests, one-shot scripts); several ledgers may share one. */
export function memoryLedgerStore(initial?: LedgerState, compactEvery = 1000): LedgerStore {
  let base = initial ? structuredClone(initial) : emptyLedgerState();
  let log: LogEntry[] = [];
  const version = () => base.version + log.length;
  const build = (replay: Replay) => ({ ...replay(structuredClone(base), log.flatMap((e) => e.ops)), version: version() });
  return {
    load: (replay) => (initial || log.length ? build(replay) : undefined),
    read: async (v, replay) => (v === version() ? undefined : build(replay)),
    async commit(v, ops, replay) {
      const rebased = v !== version();
      log.push({ v: version() + 1, ops: structuredClone(ops) });
      if (log.length >= compactEvery) {
        base = build(replay);
        log = [];
      }
      return rebased ? { version: version(), rebased: build(replay) } : { version: version() };
    },
  };
}

/** `file` holds the snapshot, `file.log` the ops since (JSONL); writes are atomic and locked. */
export function fileLedgerStore(file: string, compactEvery = 500): LedgerStore {
  const logFile = `${file}.log`;
  // What this store last saw on disk; an unchanged disk means nobody else wrote (fast path).
  let known: { version: number; snap: string; logSize: number; entries: number } | undefined;

  const sig = (s: Stats | undefined) => (s ? `${s.size}:${s.mtimeMs}:${s.ino}` : 'none');
  const statOrUndef = (p: string) => {
    try {
      return statSync(p);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  };
  const readText = (p: string) => {
    try {
      return readFileSync(p, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  };

  /** Snapshot + log, replayed; records what was seen. */
  function fromDisk(replay: Replay): LedgerState | undefined {
    const snapStat = statOrUndef(file);
    const snapText = readText(file);
    const logText = readText(logFile) ?? '';
    if (snapText === undefined && !logText) {
      known = { version: 0, snap: 'none', logSize: 0, entries: 0 };
      return undefined;
    }
    const snap = snapText === undefined ? emptyLedgerState() : parseInput(LedgerStateSchema, JSON.parse(snapText), file);
    const entries: LogEntry[] = [];
    for (const line of logText.split('\n')) {
      if (!line.trim()) continue;
      try {
        const e = JSON.parse(line) as LogEntry;
        // Entries already folded into the snapshot (a crash between snapshot and log truncation).
        if (e.v > snap.version) entries.push(e);
      } catch {
        // A torn last line: that commit never returned, so nobody relied on it.
      }
    }
    const version = entries.at(-1)?.v ?? snap.version;
    known = { version, snap: sig(snapStat), logSize: Buffer.byteLength(logText), entries: entries.length };
    return { ...replay(snap, entries.flatMap((e) => e.ops)), version };
  }

  const untouched = () => known !== undefined && sig(statOrUndef(file)) === known.snap && (statOrUndef(logFile)?.size ?? 0) === known.logSize;

  return {
    load: (replay) => fromDisk(replay),
    async read(version, replay) {
      if (untouched() && known!.version === version) return undefined;
      const s = fromDisk(replay);
      return s && s.version !== version ? s : undefined;
    },
    commit(version, ops, replay) {
      return withFileLock(file, async () => {
        let rebased: LedgerState | undefined;
        if (!untouched() || known!.version !== version) rebased = fromDisk(replay) ?? emptyLedgerState();
        const k = known!;
        const line = `${JSON.stringify({ v: k.version + 1, ops } satisfies LogEntry)}\n`;
        await appendDurable(logFile, line);
        known = { ...k, version: k.version + 1, logSize: k.logSize + Buffer.byteLength(line), entries: k.entries + 1 };
        if (rebased) rebased = { ...replay(rebased, ops), version: known.version };
        if (known.entries >= compactEvery) await compact(replay);
        return rebased ? { version: known.version, rebased } : { version: known.version };
      });
    },
  };

  async function compact(replay: Replay): Promise<void> {
    const state = fromDisk(replay) ?? emptyLedgerState();
    await writeFileAtomic(file, `${JSON.stringify(state)}\n`);
    await writeFileAtomic(logFile, '');
    known = { version: state.version, snap: sig(statOrUndef(file)), logSize: 0, entries: 0 };
  }
}

async function appendDurable(p: string, text: string): Promise<void> {
  const h = await fs.open(p, 'a', 0o600);
  try {
    await h.appendFile(text, 'utf8');
    await h.sync();
  } finally {
    await h.close();
  }
}
