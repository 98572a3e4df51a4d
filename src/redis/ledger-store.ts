import type { Redis } from 'ioredis';
import { ValidationError } from '../errors/classes.js';
import { LedgerModel } from '../inventory/model.js';
import type { LedgerOp } from '../inventory/ops.js';
import { emptyLedgerState, type LedgerState } from '../inventory/schemas.js';
import type { CommitResult, LedgerStore, Replay } from '../inventory/store.js';
import { DEFAULT_PREFIX, LuaScript, namespacedKey, viaRedis, type RedisStoreOptions } from './connection.js';

/**
 * The ledger's op log in Redis: `v` (the version counter), `log` (a list of `<version>\n<ops JSON>`,
 * versions contiguous) and `snap` (a hash: `v` and the folded state). One script appends a commit
 * and bumps the version, so commits from any number of processes are totally ordered and none is
 * lost; each process replays them in that order (the ledger's reducer is deterministic).
 */
const APPEND = new LuaScript(`
local v = redis.call('INCR', KEYS[2])
redis.call('RPUSH', KEYS[1], v .. '\\n' .. ARGV[1])
return v
`);

/**
 * What a process at version ARGV[1] needs to catch up, read atomically: {v} when current;
 * {v, 'inc', entries...} when the log still holds every entry after ARGV[1]; else
 * {v, 'full', snapVersion, snapState, entries...}.
 */
const READ = new LuaScript(`
local v = tonumber(redis.call('GET', KEYS[2]) or '0')
local from = tonumber(ARGV[1])
if from == v then return {v} end
local head = redis.call('LINDEX', KEYS[1], 0)
local h = head and tonumber(string.match(head, '^(%d+)')) or (v + 1)
if from >= 0 and from + 1 >= h then
  local out = {v, 'inc'}
  for _, e in ipairs(redis.call('LRANGE', KEYS[1], from + 1 - h, -1)) do out[#out + 1] = e end
  return out
end
local snap = redis.call('HMGET', KEYS[3], 'v', 'state')
local out = {v, 'full', snap[1] or '0', snap[2] or ''}
for _, e in ipairs(redis.call('LRANGE', KEYS[1], 0, -1)) do out[#out + 1] = e end
return out
`);

/** Folds the log up to ARGV[1] into the snapshot (skipped if a newer snapshot is already there). */
const COMPACT = new LuaScript(`
local at = tonumber(ARGV[1])
local cur = tonumber(redis.call('HGET', KEYS[3], 'v') or '-1')
if cur >= at then return 0 end
redis.call('HSET', KEYS[3], 'v', ARGV[1], 'state', ARGV[2])
while true do
  local head = redis.call('LINDEX', KEYS[1], 0)
  if not head or tonumber(string.match(head, '^(%d+)')) > at then break end
  redis.call('LPOP', KEYS[1])
end
return 1
`);

export interface RedisLedgerStoreOptions extends RedisStoreOptions {
  /** Several ledgers (warehouses) can share one Redis: `[A-Za-z0-9_.-]+`, default `default`. */
  name?: string;
  /** Fold the log into a snapshot every this many commits (default 500). */
  compactEvery?: number;
}

interface Cached {
  version: number;
  state: LedgerState;
}

/**
 * A StockLedger store shared by every process: `await RedisLedgerStore.open(client)` reads the
 * ledger once (the ledger's `load` is synchronous), then `new StockLedger({ store })`. Each commit
 * is appended atomically; a process that was behind gets the rebuilt state back (`rebased`) and
 * the ledger replays its own pending ops on it, as with the file store. No TTL: stock is not cache.
 */
export class RedisLedgerStore implements LedgerStore {
  private readonly keys: string[];
  private readonly compactEvery: number;
  /** The newest state this process has rebuilt: later reads replay only the entries after it. */
  private cache?: Cached;

  private constructor(
    private readonly client: Redis,
    opts: RedisLedgerStoreOptions,
  ) {
    const name = opts.name ?? 'default';
    if (!/^[A-Za-z0-9_.-]+$/.test(name)) throw new ValidationError({ message: 'ledger name must match [A-Za-z0-9_.-]+', path: 'name' });
    const base = namespacedKey(opts.prefix ?? DEFAULT_PREFIX, 'ledger', name);
    this.keys = [`${base}:log`, `${base}:v`, `${base}:snap`];
    this.compactEvery = opts.compactEvery ?? 500;
  }

  /** Opens the store and reads the current ledger (so `load` can answer synchronously). */
  static async open(client: Redis, opts: RedisLedgerStoreOptions = {}): Promise<RedisLedgerStore> {
    const store = new RedisLedgerStore(client, opts);
    await store.catchUp(replayOps);
    return store;
  }

  load(replay: Replay): LedgerState | undefined {
    const c = this.cache;
    // Nothing committed yet: the ledger starts empty (as the memory and file stores answer).
    if (!c || c.version === 0) return undefined;
    void replay;
    return structuredClone(c.state);
  }

  async read(version: number, replay: Replay): Promise<LedgerState | undefined> {
    const c = await this.catchUp(replay);
    return c.version === version ? undefined : structuredClone(c.state);
  }

  /** Appends `ops` atomically; when another process committed since `version`, also returns the rebased state. */
  async commit(version: number, ops: LedgerOp[], replay: Replay): Promise<CommitResult> {
    const v = Number(await viaRedis('ledger commit', () => APPEND.run(this.client, this.keys.slice(0, 2), [JSON.stringify(ops)])));
    let result: CommitResult;
    if (v === version + 1 && this.cache?.version === version) {
      // Nobody committed in between: the caller's state is current; keep our copy in step.
      this.cache = { version: v, state: { ...replay(this.cache.state, ops), version: v } };
      result = { version: v };
    } else if (v === version + 1) {
      result = { version: v };
    } else {
      const c = await this.catchUp(replay);
      result = { version: c.version, rebased: structuredClone(c.state) };
    }
    if (v % this.compactEvery === 0) await this.compact(v, replay);
    return result;
  }

  /** Brings the cached state up to the committed version (only the new entries when it can). */
  private async catchUp(replay: Replay): Promise<Cached> {
    const from = this.cache?.version ?? -1;
    const reply = (await viaRedis('ledger read', () => READ.run(this.client, this.keys, [from]))) as Array<string | number>;
    const v = Number(reply[0]);
    if (reply.length === 1 && this.cache) return this.cache;
    let state: LedgerState;
    let entries: string[];
    if (reply[1] === 'inc' && this.cache) {
      state = this.cache.state;
      entries = reply.slice(2) as string[];
    } else {
      const snapVersion = Number(reply[2]);
      state = reply[3] ? (JSON.parse(String(reply[3])) as LedgerState) : emptyLedgerState();
      entries = (reply.slice(4) as string[]).filter((e) => entryVersion(e) > snapVersion);
    }
    const ops = entries.flatMap((e) => JSON.parse(e.slice(e.indexOf('\n') + 1)) as LedgerOp[]);
    this.cache = { version: v, state: { ...replay(state, ops), version: v } };
    return this.cache;
  }

  private async compact(at: number, replay: Replay): Promise<void> {
    const c = await this.catchUp(replay);
    // The snapshot is the state at `at` exactly: rebuilt from the snapshot and the log up to it.
    const reply = (await viaRedis('ledger read', () => READ.run(this.client, this.keys, [-1]))) as Array<string | number>;
    const snapVersion = Number(reply[2]);
    if (snapVersion >= at || c.version < at) return;
    const base = reply[3] ? (JSON.parse(String(reply[3])) as LedgerState) : emptyLedgerState();
    const upTo = (reply.slice(4) as string[]).filter((e) => entryVersion(e) > snapVersion && entryVersion(e) <= at);
    const state = { ...replay(base, upTo.flatMap((e) => JSON.parse(e.slice(e.indexOf('\n') + 1)) as LedgerOp[])), version: at };
    await viaRedis('ledger compact', () => COMPACT.run(this.client, this.keys, [at, JSON.stringify(state)]));
  }
}

function entryVersion(entry: string): number {
  return Number(entry.slice(0, entry.indexOf('\n')));
}

/** The ledger's reducer (StockLedger replays the same way), for the read `open` does before any ledger exists. */
function replayOps(base: LedgerState, ops: LedgerOp[]): LedgerState {
  const m = new LedgerModel(base);
  for (const op of ops) m.apply(op);
  return m.state;
}
