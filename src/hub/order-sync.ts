/**
 * Incremental, checkpointed order sync: one feed per account (not per store), at-least-once
 * delivery. Each account runs its own loop — window, then its own wait — so the slowest quota
 * (Amazon's order search: one call per three minutes after its burst) never sets the cadence of
 * the others (issue 26). `follow` repeats until the signal aborts; every wait is on `opts.clock`.
 */
import { setMaxListeners } from 'node:events';
import type { MarketplaceAdapter } from '../adapter.js';
import { ValidationError } from '../errors/classes.js';
import { systemClock, type Clock } from '../http/clock.js';
import type { AccountSyncReport, OrderSyncOptions, SyncEvent, SyncReport, WindowReport } from './sync-types.js';
import { lagOf, syncWindow } from './sync-window.js';

const DEFAULT_INTERVAL_MS = 60_000;

export async function syncOrders(accounts: Readonly<Record<string, MarketplaceAdapter>>, opts: OrderSyncOptions): Promise<SyncReport> {
  check(opts);
  const keys = opts.accounts ?? Object.keys(accounts);
  for (const [i, k] of keys.entries()) {
    if (!accounts[k]) throw new ValidationError({ message: `Unknown account "${k}" (accounts: ${Object.keys(accounts).join(', ')})`, path: `accounts[${i}]` });
  }
  if (opts.signal) setMaxListeners(0, opts.signal);
  const safe: OrderSyncOptions = { ...opts, onEvent: (e: SyncEvent) => { try { opts.onEvent?.(e); } catch { /* observers never stop a sync */ } } };
  const clock: Clock = opts.clock ?? { now: opts.now ?? systemClock.now, sleep: systemClock.sleep };
  const now = () => clock.now();
  const startedAt = new Date(now()).toISOString();
  const reports = new Map<string, AccountSyncReport>(keys.map((k) => [k, {
    account: k, marketplace: accounts[k]!.marketplace, ok: true, windows: 0, delivered: 0, duplicates: 0, lagMs: lagOf(accounts[k]!, opts), errors: [],
  }]));

  const loop = async (k: string) => {
    const pace = new QuotaPace(opts.intervalMs ?? DEFAULT_INTERVAL_MS);
    for (;;) {
      const started = now();
      const w = await syncWindow(k, accounts[k]!, { ...safe, clock });
      record(reports.get(k)!, w, opts, now);
      if (!opts.follow || opts.signal?.aborted) return;
      const interval = pace.next(started, w.firstReadMs, now());
      safe.onEvent!({ type: 'idle', account: k, nextAt: new Date(now() + interval).toISOString() });
      try {
        await clock.sleep(interval, opts.signal);
      } catch {
        return; // aborted: follow mode ends normally with its report
      }
    }
  };
  await Promise.all(keys.map(loop));

  for (const [k, r] of reports) r.committedUntil = (await opts.checkpoints.get(k).catch(() => undefined))?.until;
  const list = [...reports.values()];
  return {
    startedAt,
    finishedAt: new Date(now()).toISOString(),
    ok: list.every((r) => r.ok),
    delivered: list.reduce((n, r) => n + r.delivered, 0),
    accounts: list,
  };
}

/**
 * When the next window starts (issue 26.5). A window freezes its bound before it reads; when its
 * first read then waits for the account's quota (Amazon's order search: one call per ~3 minutes
 * after its burst), every order placed meanwhile waits for the window after. So once reads are
 * seen waiting, the next window starts one observed quota period after the last read, when the
 * quota has refilled and the bound is fresh; the period decays while reads stop waiting.
 */
class QuotaPace {
  private lastReadAt?: number;
  private period = 0;
  constructor(private readonly interval: number) {}

  /** Ms to sleep after a window that started at `started` and first read after `firstReadMs`. */
  next(started: number, firstReadMs: number | undefined, now: number): number {
    if (firstReadMs !== undefined) {
      const readAt = started + firstReadMs;
      if (firstReadMs > this.interval / 2 && this.lastReadAt !== undefined) this.period = readAt - this.lastReadAt;
      else this.period = Math.floor(this.period * 0.9);
      this.lastReadAt = readAt;
    }
    const due = this.lastReadAt === undefined ? 0 : this.lastReadAt + this.period - now;
    return Math.max(this.interval, due);
  }
}

function record(r: AccountSyncReport, w: WindowReport, opts: OrderSyncOptions, now: () => number): void {
  r.windows++;
  r.delivered += w.delivered;
  r.duplicates += w.duplicates;
  r.last = w;
  // Stopping a follow loop is how it ends, not a failure of the window it interrupted.
  const stopped = w.error?.code === 'ABORTED' && opts.signal?.aborted;
  if (w.error && !stopped) {
    r.errors = [...r.errors, { at: new Date(now()).toISOString(), error: w.error }].slice(-20);
  }
  // The latest window decides: in follow mode a good window clears an earlier failure (kept in errors).
  r.ok = (w.error === undefined || !!stopped) && w.held === undefined;
}

function check(opts: OrderSyncOptions): void {
  if (!opts || typeof opts.handle !== 'function') throw new ValidationError({ message: 'sync needs a handle(order) function', path: 'handle' });
  if (!opts.checkpoints || typeof opts.checkpoints.get !== 'function' || typeof opts.checkpoints.set !== 'function') {
    throw new ValidationError({ message: 'sync needs a CheckpointStore (memoryCheckpoints() or fileCheckpoints(path))', path: 'checkpoints' });
  }
  const ms = (v: number | undefined, name: string) => {
    if (v !== undefined && (!Number.isFinite(v) || v < 0)) throw new ValidationError({ message: `${name} must be a number of milliseconds ≥ 0`, path: name });
  };
  ms(opts.overlapMs, 'overlapMs');
  ms(opts.lagMs, 'lagMs');
  ms(opts.intervalMs, 'intervalMs');
  if (opts.maxPasses !== undefined && (!Number.isInteger(opts.maxPasses) || opts.maxPasses < 1)) throw new ValidationError({ message: 'maxPasses must be a whole number ≥ 1', path: 'maxPasses' });
  if (opts.clock !== undefined && (typeof opts.clock?.now !== 'function' || typeof opts.clock?.sleep !== 'function')) throw new ValidationError({ message: 'clock needs now() and sleep(ms, signal)', path: 'clock' });
  if (opts.since !== undefined && Number.isNaN(new Date(opts.since).getTime())) throw new ValidationError({ message: 'since is not a valid date', path: 'since' });
  if (opts.quarantine !== undefined && opts.quarantine !== 'hold' && opts.quarantine !== 'skip') throw new ValidationError({ message: "quarantine must be 'hold' or 'skip'", path: 'quarantine' });
}
