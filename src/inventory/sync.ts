/**
 * The inventory sync engine: imported orders become reservations in the ledger, every ledger
 * change re-quotes the listings it affects, and one AccountPusher per account pushes them.
 *
 *   const engine = createInventorySync({ ledger, accounts });
 *   engine.start();
 *   await hub.orders.sync({ ..., handle: engine.handle });   // or engine.ingest(account, order)
 *   const report = await engine.stop();
 *
 * `inventorySync(opts)` runs the same from an async feed of { account, order }.
 */
import { setMaxListeners } from 'node:events';
import { z } from 'zod';
import type { MarketplaceAdapter } from '../adapter.js';
import { ValidationError } from '../errors/classes.js';
import { parseInput } from '../errors/from-response.js';
import { systemClock, type Clock } from '../http/clock.js';
import { AccountPusher } from './account-pusher.js';
import { DEFAULT_RULES, targetKey, targetOf, type QuantityRules, type Target } from './availability.js';
import { FilePushJournal, MemoryPushJournal, type PushJournal } from './journal.js';
import { StockLedger, type OrderApplyResult } from './ledger.js';
import { entryKey, splitEntry, type LedgerChange } from './ops.js';
import { SyncStats, type InventorySyncReport, type PushEvent } from './report.js';
import type { StockException } from './schemas.js';

export interface OrderEvent {
  /** Hub account key, e.g. 'amazonEU'. */
  account: string;
  order: unknown;
}

export interface InventorySyncOptions {
  ledger: StockLedger;
  accounts: Record<string, MarketplaceAdapter>;
  /** Orders to import (e.g. the hub's order feed); the engine can also be fed with `ingest`. */
  orders?: AsyncIterable<OrderEvent>;
  /** Keep running until `signal` aborts; otherwise stop once the feed is drained and pushes settle. */
  follow?: boolean;
  signal?: AbortSignal;
  onPush?(e: PushEvent): void;
  onException?(e: StockException): void;
  /** Follow mode: how often to pick up ledger changes committed by other processes (default 5 s). */
  intervalMs?: number;
  /** Attempts per pushed quantity before it is reported failed (default 5). */
  maxAttempts?: number;
  /** Base of the exponential retry backoff (default 1 s). */
  retryDelayMs?: number;
  /**
   * Before a push, read what the stores show where the adapter can (`inventory.get`) and take off
   * the units they sold that are not imported yet, so a push never offers them again (default
   * true; one batched read per push call, zero-outs excepted).
   */
  readBeforePush?: boolean;
  /** At start: push figures that differ from the last confirmed ones ('changed', default), all, or none. */
  reconcile?: 'changed' | 'all' | 'none';
  /** Follow mode: finished orders older than this are pruned hourly (default 30 days). */
  retentionDays?: number;
  /** A JSONL path or a journal; default in memory. */
  journal?: PushJournal | string;
  clock?: Clock;
}

const fn = <F>() => z.custom<F>((v) => typeof v === 'function', 'expected a function');
const AdapterSchema = z.custom<MarketplaceAdapter>(
  (v) => typeof v === 'object' && v !== null && typeof (v as MarketplaceAdapter).inventory?.set === 'function' && typeof (v as MarketplaceAdapter).capabilities?.quantity === 'object',
  'expected a MarketplaceAdapter with inventory.set and capabilities.quantity',
);
const OptionsSchema = z.object({
  ledger: z.instanceof(StockLedger, { message: 'expected a StockLedger' }),
  accounts: z.record(z.string().regex(/^[^:\s]+$/, 'account keys cannot contain ":"'), AdapterSchema),
  orders: z.custom<AsyncIterable<OrderEvent>>((v) => v === undefined || (typeof v === 'object' && v !== null && Symbol.asyncIterator in v), 'expected an AsyncIterable').optional(),
  follow: z.boolean().default(false),
  signal: z.custom<AbortSignal>((v) => v instanceof AbortSignal, 'expected an AbortSignal').optional(),
  onPush: fn<NonNullable<InventorySyncOptions['onPush']>>().optional(),
  onException: fn<NonNullable<InventorySyncOptions['onException']>>().optional(),
  intervalMs: z.number().int().min(10).max(86_400_000).default(5000),
  maxAttempts: z.number().int().min(1).max(50).default(5),
  retryDelayMs: z.number().min(0).max(3_600_000).default(1000),
  readBeforePush: z.boolean().default(true),
  reconcile: z.enum(['changed', 'all', 'none']).default('changed'),
  retentionDays: z.number().min(1).max(3650).default(30),
  journal: z.union([z.string().min(1), z.custom<PushJournal>((v) => typeof (v as PushJournal)?.append === 'function', 'expected a PushJournal')]).optional(),
  clock: z.custom<Clock>((v) => typeof (v as Clock)?.now === 'function' && typeof (v as Clock)?.sleep === 'function', 'expected a Clock').optional(),
});

export class InventorySyncEngine {
  private readonly o: z.output<typeof OptionsSchema>;
  private readonly ledger: StockLedger;
  private readonly clock: Clock;
  private readonly journal: PushJournal;
  private readonly stats = new SyncStats();
  private readonly controller = new AbortController();
  private readonly signal: AbortSignal;
  private readonly pushers = new Map<string, AccountPusher>();
  private readonly rules = new Map<string, QuantityRules>();
  private readonly unsubscribe: () => void;
  private idleWaiters: Array<() => void> = [];
  /** Per account: up to when (engine clock) its orders are known to be imported. */
  private readonly importedUntil = new Map<string, number>();
  private started = false;
  private ticker?: Promise<void>;

  constructor(options: InventorySyncOptions) {
    this.o = parseInput(OptionsSchema, options, 'options');
    this.ledger = this.o.ledger;
    this.clock = this.o.clock ?? systemClock;
    this.journal = typeof this.o.journal === 'string' ? new FilePushJournal(this.o.journal) : (this.o.journal ?? new MemoryPushJournal());
    this.signal = this.o.signal ? AbortSignal.any([this.o.signal, this.controller.signal]) : this.controller.signal;
    // Every call of every pusher listens on this signal while in flight (one push may run many
    // lookups at once): bounded by the calls in flight, not a leak, so no listener cap (issue 26.4).
    setMaxListeners(0, this.signal);
    for (const [account, adapter] of Object.entries(this.o.accounts)) {
      this.rules.set(account, { ...DEFAULT_RULES, ...adapter.capabilities.quantity });
      this.pushers.set(account, new AccountPusher({
        account, adapter, rules: this.rules.get(account)!, ledger: this.ledger, journal: this.journal, stats: this.stats, clock: this.clock, signal: this.signal,
        maxAttempts: this.o.maxAttempts, retryDelayMs: this.o.retryDelayMs, readBeforePush: this.o.readBeforePush, onPush: this.o.onPush, onSettled: () => this.checkIdle(),
        importedUntil: (components) => this.horizon(account, components),
      }));
    }
    this.unsubscribe = this.ledger.subscribe((c) => this.onChange(c));
  }

  /** Reconciles (per `reconcile`) and starts pushing; in follow mode also polls the ledger store. */
  start(): this {
    if (this.started) return this;
    this.started = true;
    this.warnUnknownStores();
    for (const { target, pusher } of this.allTargets().values()) {
      const pending = this.ledger.confirmed(target)?.pending !== undefined;
      if (this.o.reconcile === 'none' && !pending) continue;
      pusher.enqueue(target, pending || this.o.reconcile === 'all');
    }
    for (const p of this.pushers.values()) p.kick();
    if (this.o.follow) this.ticker = this.tick();
    this.checkIdle();
    return this;
  }

  /** Applies one imported order (idempotent per order line) and persists it before resolving. */
  async ingest(account: string, order: unknown): Promise<OrderApplyResult> {
    const r = this.ledger.applyOrder(account, order);
    if (r.applied) this.stats.ordersApplied++;
    else this.stats.ordersIgnored++;
    await this.ledger.flush();
    return r;
  }

  /**
   * The account's order feed has delivered every order last changed before `until` (the hub's
   * order sync calls this when a window commits). From then on an increase for that account's
   * stores waits until the feed has passed the moment it was wanted (no push re-inflates a store
   * over sales not yet imported); accounts never reported this way push increases at once.
   */
  caughtUp(account: string, until: number | Date | string): void {
    const t = typeof until === 'number' ? until : new Date(until).getTime();
    if (!Number.isFinite(t) || t <= (this.importedUntil.get(account) ?? -Infinity)) return;
    this.importedUntil.set(account, t);
    // Any account's feed may be the one an increase waits for (increase-gate.ts rule 3).
    for (const p of this.pushers.values()) p.release();
  }

  /**
   * The marketplace reported the figure a listing shows at `at` (engine clock), e.g. Amazon's
   * LISTINGS_ITEM_MFN_QUANTITY_CHANGE: a report made after our last confirmed push bounds what
   * later pushes to it may send without a feed catching up (increase-gate.ts rule 4).
   */
  observed(account: string, o: { store?: string; sku: string; quantity: number; at: number }): void {
    const pusher = this.pushers.get(account);
    if (!pusher || !Number.isInteger(o.quantity) || o.quantity < 0 || !Number.isFinite(o.at)) return;
    const rules = this.rules.get(account)!;
    const store = rules.sharedAcrossStores ? undefined : (o.store ?? this.o.accounts[account]!.stores[0]?.id);
    pusher.observed({ account, ...(store !== undefined ? { store } : {}), sku: o.sku }, o.quantity, o.at);
  }

  /** Min feed position of the accounts that sell any of these warehouse SKUs (only those that report one). */
  private horizon(account: string, components: readonly string[]): number | undefined {
    const accounts = new Set([account]);
    for (const c of components) for (const e of this.ledger.view.entriesOf(c)) accounts.add(splitEntry(e).account);
    let min: number | undefined;
    for (const a of accounts) {
      const t = this.importedUntil.get(a);
      if (t !== undefined) min = min === undefined ? t : Math.min(min, t);
    }
    return min;
  }

  /** Shaped for the hub's `orders.sync({ handle })`. */
  readonly handle = async (order: unknown, ctx: { account: string }): Promise<void> => {
    await this.ingest(ctx.account, order);
  };

  /** Resolves when nothing is queued, in flight or waiting for a retry. */
  idle(): Promise<void> {
    return new Promise((resolve) => {
      this.idleWaiters.push(resolve);
      this.checkIdle();
    });
  }

  /** Records an order the feed delivered but the ledger rejected (malformed). */
  skipped(account: string, error: unknown): void {
    this.stats.ordersIgnored++;
    this.stats.warn({ account, message: `order skipped: ${error instanceof Error ? error.message : String(error)}` });
  }

  report(): InventorySyncReport {
    return this.stats.toReport(this.o.signal?.aborted ?? false);
  }

  /** Stops after in-flight calls, persists the ledger and returns the report. */
  async stop(): Promise<InventorySyncReport> {
    this.controller.abort();
    this.unsubscribe();
    await this.ticker;
    if (!this.settled()) await new Promise<void>((r) => this.idleWaiters.push(r));
    await this.ledger.flush();
    await this.journal.close?.();
    return this.report();
  }

  private onChange(c: LedgerChange): void {
    if (c.kind === 'sending' || c.kind === 'confirm' || c.kind === 'ack') return;
    for (const e of c.exceptions) {
      this.stats.exception(e);
      try {
        this.o.onException?.(e);
      } catch {
        // observers never break the sync
      }
    }
    const targets = c.all ? this.allTargets() : this.targetsOf(c.entries);
    if (c.kind === 'order') this.stats.lag.onImport(this.clock.now(), c.seq, targets.keys());
    // Before anything is recomputed: the sold units lower what their store can be showing.
    for (const s of c.sold ?? []) {
      const { storeRef, account, sku } = splitEntry(s.entry);
      const rules = this.rules.get(account);
      if (rules) this.pushers.get(account)!.sold(targetOf(storeRef, sku, rules), s.at, s.units);
    }
    const touched = new Set<AccountPusher>();
    for (const { target, pusher } of targets.values()) {
      // The marketplace that sold may have moved its own figure: push even if "unchanged".
      pusher.enqueue(target, c.kind === 'order' && c.account === target.account);
      touched.add(pusher);
    }
    if (this.started) for (const p of touched) p.kick();
  }

  private targetsOf(entries: Iterable<string>): Map<string, { target: Target; pusher: AccountPusher }> {
    const out = new Map<string, { target: Target; pusher: AccountPusher }>();
    for (const e of entries) {
      const { storeRef, account, sku } = splitEntry(e);
      const pusher = this.pushers.get(account);
      if (!pusher) continue;
      const target = targetOf(storeRef, sku, this.rules.get(account)!);
      out.set(targetKey(target), { target, pusher });
    }
    return out;
  }

  private allTargets(): Map<string, { target: Target; pusher: AccountPusher }> {
    const entries: string[] = [];
    for (const [store, maps] of Object.entries(this.ledger.view.state.mappings)) for (const sku of Object.keys(maps)) entries.push(entryKey(store, sku));
    return this.targetsOf(entries);
  }

  /** Nothing queued, in flight or awaiting a retry; once stopped, only in-flight calls count. */
  private settled(): boolean {
    return ![...this.pushers.values()].some((p) => (this.signal.aborted ? p.running : p.busy));
  }

  private checkIdle(): void {
    if (!this.idleWaiters.length || !this.settled()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  private async tick(): Promise<void> {
    let prunedAt = this.clock.now();
    while (!this.signal.aborted) {
      try {
        await this.clock.sleep(this.o.intervalMs, this.signal);
        await this.ledger.refresh();
        // Finished orders older than the retention are forgotten (hourly); the ledger stays bounded.
        if (this.clock.now() - prunedAt >= 3_600_000) {
          prunedAt = this.clock.now();
          this.ledger.prune(prunedAt - this.o.retentionDays * 86_400_000);
        }
      } catch (e) {
        if (this.signal.aborted) return;
        this.stats.warn({ message: `ledger refresh failed: ${e instanceof Error ? e.message : String(e)}` });
      }
    }
  }

  private warnUnknownStores(): void {
    for (const ref of Object.keys(this.ledger.view.state.mappings)) {
      const i = ref.indexOf(':');
      const adapter = this.o.accounts[ref.slice(0, i)];
      if (!adapter) this.stats.warn({ store: ref, message: `mapped store "${ref}" has no account in this sync; not pushed` });
      else if (!adapter.stores.some((s) => s.id === ref.slice(i + 1))) this.stats.warn({ store: ref, message: `account "${ref.slice(0, i)}" has no store "${ref.slice(i + 1)}"` });
    }
  }
}

export function createInventorySync(options: InventorySyncOptions): InventorySyncEngine {
  return new InventorySyncEngine(options);
}

/**
 * Runs the engine: imports `orders` as they come and pushes. Without `follow` it returns once the
 * feed is drained and every push settled; with `follow` it runs until `signal` aborts. An order the
 * ledger rejects (malformed) is reported as a warning and skipped.
 */
export async function inventorySync(options: InventorySyncOptions): Promise<InventorySyncReport> {
  if (options?.follow && !options.signal) throw new ValidationError({ message: 'follow mode needs a signal to stop it', path: 'signal' });
  const engine = createInventorySync(options).start();
  const { signal, orders, follow } = options;
  const aborted = new Promise<void>((r) => (signal?.aborted ? r() : signal?.addEventListener('abort', () => r(), { once: true })));
  let failure: unknown;
  try {
    if (orders) {
      for await (const ev of orders) {
        if (signal?.aborted) break;
        await engine.ingest(ev.account, ev.order).catch((e: unknown) => engine.skipped(ev.account, e));
      }
    }
    await (follow ? aborted : Promise.race([engine.idle(), aborted]));
  } catch (e) {
    failure = e;
  }
  const report = await engine.stop();
  if (failure !== undefined) throw failure;
  return report;
}
