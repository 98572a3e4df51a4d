/**
 * StockLedger: warehouse on-hand, marketplace SKU mappings (packs and bundles), per-store policies
 * and reservations from imported orders. Mutations are synchronous in memory and persisted in the
 * background through a LedgerStore; `await flush()` when it must be on disk (the sync engine does
 * before acknowledging an order, so order-sync checkpoints never run ahead of reservations).
 */
import { z } from 'zod';
import { ValidationError } from '../errors/classes.js';
import { parseInput } from '../errors/from-response.js';
import { isStale, quoteTarget, storeQuantity, DEFAULT_RULES, type Quote, type QuantityRules, type Target } from './availability.js';
import { LedgerModel } from './model.js';
import type { LedgerChange, LedgerOp } from './ops.js';
import {
  emptyLedgerState, MapTargetSchema, PolicyPatchSchema, QuantitySchema, SetOnHandOptionsSchema, SkuSchema, StockOrderSchema, StoreRefSchema, toEpoch,
  type Confirmed, type LedgerState, type Mapping, type MapTarget, type Policy, type PolicyPatch, type StockException,
} from './schemas.js';
import { memoryLedgerStore, type LedgerStore } from './store.js';

const OptionsSchema = z
  .object({
    store: z.custom<LedgerStore>((v) => typeof v === 'object' && v !== null && typeof (v as LedgerStore).commit === 'function', 'expected a LedgerStore').optional(),
    now: z.custom<() => number>((v) => typeof v === 'function', 'expected a function').optional(),
  })
  .strict();
export interface StockLedgerOptions {
  store?: LedgerStore;
  /** Time source for op timestamps (tests and simulations). */
  now?: () => number;
}

export interface OrderApplyResult {
  /** False when ignored: an older version than the one already applied, marketplace-fulfilled, or before the horizon. */
  applied: boolean;
  oversells: StockException[];
  unmapped: StockException[];
}

export interface MappingView extends Mapping {
  store: string;
  sku: string;
}

export class StockLedger {
  private readonly store: LedgerStore;
  private readonly now: () => number;
  private model: LedgerModel;
  private pending: LedgerOp[] = [];
  private saving?: Promise<void>;
  private scheduled = false;
  private saveError?: unknown;
  private readonly listeners = new Set<(c: LedgerChange) => void>();

  constructor(opts: StockLedgerOptions = {}) {
    const o = parseInput(OptionsSchema, opts, 'options');
    this.store = o.store ?? memoryLedgerStore();
    this.now = o.now ?? Date.now;
    this.model = new LedgerModel(this.store.load(replayOps) ?? emptyLedgerState());
  }

  // ---- warehouse truth ----
  /** Units physically in the warehouse, including those picked for not-yet-shipped orders. */
  setOnHand(sku: string, quantity: number, opts: { asOf?: Date | string | number } = {}): void {
    const { asOf } = parseInput(SetOnHandOptionsSchema, opts, 'options');
    this.exec({ op: 'onHand', sku: parseInput(SkuSchema, sku, 'sku'), qty: parseInput(QuantitySchema, quantity, 'quantity'), asOf: asOf === undefined ? this.now() : toEpoch(asOf) });
  }

  /** Receipts (+) and write-offs (−) relative to the current count. */
  adjustOnHand(sku: string, delta: number): void {
    this.exec({ op: 'adjust', sku: parseInput(SkuSchema, sku, 'sku'), delta: parseInput(z.number().int().min(-1e9).max(1e9), delta, 'delta'), at: this.now() });
  }

  // ---- configuration ----
  /** Links a store's marketplace SKU to warehouse stock: `{ sku, qty? }` (item or pack) or `{ bundle }`. */
  map(store: string, marketplaceSku: string, target: MapTarget): void {
    const ref = parseInput(StoreRefSchema, store, 'store');
    const sku = parseInput(SkuSchema, marketplaceSku, 'marketplaceSku');
    const t = parseInput(MapTargetSchema, target, 'target');
    const list = 'bundle' in t ? t.bundle : [{ sku: t.sku, qty: t.qty }];
    const merged = new Map<string, number>();
    for (const c of list) merged.set(c.sku, (merged.get(c.sku) ?? 0) + c.qty);
    const components = [...merged].map(([s, qty]) => ({ sku: s, qty }));
    this.exec({ op: 'map', store: ref, sku, mapping: { components, fulfilledBy: t.fulfilledBy } });
  }

  unmap(store: string, marketplaceSku: string): void {
    this.exec({ op: 'unmap', store: parseInput(StoreRefSchema, store, 'store'), sku: parseInput(SkuSchema, marketplaceSku, 'marketplaceSku') });
  }

  /** Merges into the store's policy: safety stock (warehouse units), cap (listing units), paused. */
  policy(store: string, patch: PolicyPatch): void {
    this.exec({ op: 'policy', store: parseInput(StoreRefSchema, store, 'store'), patch: parseInput(PolicyPatchSchema, patch, 'policy') });
  }

  // ---- orders ----
  /** Reserves, releases or consumes stock for one order version; idempotent per (account, order, line). */
  applyOrder(account: string, order: unknown): OrderApplyResult {
    const acc = parseInput(z.string().min(1).regex(/^[^:\s]+$/, 'must be an account key without ":"'), account, 'account');
    const o = parseInput(StockOrderSchema, order, 'order');
    const change = this.exec({ op: 'order', account: acc, order: o, at: this.now() });
    return {
      applied: change.account !== undefined,
      oversells: change.exceptions.filter((e) => e.kind === 'oversell'),
      unmapped: change.exceptions.filter((e) => e.kind === 'unmapped'),
    };
  }

  acknowledge(exceptionId: string): void {
    if (!this.model.state.exceptions.some((e) => e.id === exceptionId)) throw new ValidationError({ message: `No stock exception "${exceptionId}"`, path: 'exceptionId' });
    this.exec({ op: 'ack', id: exceptionId });
  }

  /** Drops finished orders last updated before `before` (default 30 days ago). */
  prune(before: Date | string | number = this.now() - 30 * 86_400_000): void {
    this.exec({ op: 'prune', before: toEpoch(before) });
  }

  // ---- push bookkeeping (used by the sync engine) ----
  markSending(t: Target, qty: number): void {
    this.exec({ op: 'sending', account: t.account, store: t.store, sku: t.sku, qty });
  }
  confirm(t: Target, qty: number): void {
    this.exec({ op: 'confirm', account: t.account, store: t.store, sku: t.sku, qty, at: this.now() });
  }
  confirmed(t: Target): Confirmed | undefined {
    return this.model.state.confirmed[t.account]?.[t.store ?? '*']?.[t.sku];
  }

  // ---- queries ----
  onHand(sku: string): number {
    return this.model.onHand(sku);
  }
  reserved(sku: string): number {
    return this.model.reservedOf(sku);
  }
  /** On-hand − reserved; negative means oversold. */
  free(sku: string): number {
    return this.model.free(sku);
  }
  /** What one store should show for its SKU (undefined: unmapped or marketplace-fulfilled). */
  available(store: string, marketplaceSku: string, rules: Partial<QuantityRules> = {}): number | undefined {
    return storeQuantity(this.model, store, marketplaceSku, rules.includesReserved ?? false);
  }
  quote(t: Target, rules: QuantityRules = DEFAULT_RULES): Quote | undefined {
    return quoteTarget(this.model, t, rules);
  }
  isStale(q: Quote): boolean {
    return isStale(this.model, q);
  }
  policyOf(store: string): Policy {
    return { ...this.model.policy(store) };
  }
  mappings(): MappingView[] {
    return Object.entries(this.model.state.mappings).flatMap(([store, m]) => Object.entries(m).map(([sku, v]) => ({ store, sku, ...structuredClone(v) })));
  }
  /** Warehouse SKUs with an on-hand count or a mapping. */
  skus(): string[] {
    const set = new Set(Object.keys(this.model.state.onHand));
    for (const m of Object.values(this.model.state.mappings)) for (const v of Object.values(m)) for (const c of v.components) set.add(c.sku);
    return [...set].sort();
  }
  exceptions(filter: { kind?: StockException['kind']; open?: boolean } = {}): StockException[] {
    return this.model.state.exceptions.filter((e) => (!filter.kind || e.kind === filter.kind) && (filter.open === undefined || filter.open !== e.acknowledged)).map((e) => ({ ...e }));
  }
  snapshot(): LedgerState {
    return structuredClone(this.model.state);
  }
  /** Store-level listings ('account:store' + SKU keys) that use a warehouse SKU. @internal */
  get view(): LedgerModel {
    return this.model;
  }

  // ---- change feed and persistence ----
  /** Called synchronously after every change (the sync engine recomputes and pushes from it). */
  subscribe(listener: (c: LedgerChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once every change so far is committed to the store. */
  async flush(): Promise<void> {
    while (this.pending.length || this.saving) {
      if (!this.saving) this.saving = this.commit().finally(() => (this.saving = undefined));
      await this.saving;
    }
    // A background save that failed was retried by the loop above (its ops went back to pending).
    this.saveError = undefined;
  }

  /** The last background save error, if the following saves have not succeeded yet. */
  get lastSaveError(): unknown {
    return this.saveError;
  }

  /** Adopts changes another process committed; true when something changed. */
  async refresh(): Promise<boolean> {
    await this.flush();
    const disk = await this.store.read(this.model.state.version, replayOps);
    if (!disk || this.pending.length || this.saving) return false;
    this.adopt(disk);
    return true;
  }

  private exec(op: LedgerOp): LedgerChange {
    const change = this.model.apply(op);
    this.pending.push(op);
    this.emit(change);
    if (!this.scheduled) {
      this.scheduled = true;
      queueMicrotask(() => {
        this.scheduled = false;
        this.flush().catch((e) => (this.saveError = e));
      });
    }
    return change;
  }

  private async commit(): Promise<void> {
    const ops = this.pending;
    this.pending = [];
    try {
      const res = await this.store.commit(this.model.state.version, ops, replayOps);
      if (res.rebased) this.adopt(res.rebased);
      else this.model.state.version = res.version;
    } catch (e) {
      this.pending = ops.concat(this.pending);
      throw e;
    }
  }

  /** Rebuilds the model on a newer committed state, replaying ops not yet committed. */
  private adopt(state: LedgerState): void {
    const model = new LedgerModel(state, this.model.seq);
    for (const op of this.pending) model.apply(op);
    this.model = model;
    this.emit({ kind: 'reload', seq: model.seq, entries: new Set(), all: true, exceptions: [] });
  }

  private emit(change: LedgerChange): void {
    for (const l of this.listeners) {
      try {
        l(change);
      } catch {
        // A listener's bug must not corrupt the ledger; the engine reports its own failures.
      }
    }
  }
}

function replayOps(base: LedgerState, ops: LedgerOp[]): LedgerState {
  const m = new LedgerModel(base);
  for (const op of ops) m.apply(op);
  return m.state;
}
