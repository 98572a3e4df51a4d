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
  emptyLedgerState, LedgerStateSchema, MapTargetSchema, PolicyPatchSchema, QuantitySchema, SetOnHandOptionsSchema, SkuSchema, StockOrderSchema, StoreRefSchema, toEpoch,
  type Confirmed, type LedgerState, type Mapping, type MapTarget, type Policy, type PolicyPatch, type StockException,
} from './schemas.js';
import { memoryLedgerStore, type LedgerStore } from './store.js';

const OptionsSchema = z
  .object({
    store: z.custom<LedgerStore>((v) => typeof v === 'object' && v !== null && ['load', 'commit', 'read'].every((m) => typeof (v as Record<string, unknown>)[m] === 'function'), 'expected a LedgerStore { load, commit, read }').optional(),
    now: z.custom<() => number>((v) => typeof v === 'function', 'expected a function').optional(),
  })
  .strict();
// Built once: zod schemas are costly to construct per call.
const DeltaSchema = z.number().int().min(-1e9).max(1e9);
const AccountSchema = z.string().min(1).regex(/^[^:\s]+$/, 'must be an account key without ":"');

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
    const loaded = this.store.load(replayOps);
    // A custom store answering with anything but a ledger state is the caller's input error.
    if (loaded !== undefined && !LedgerStateSchema.safeParse(loaded).success) {
      throw new ValidationError({ message: 'options.store.load() did not return a ledger state', path: 'options.store' });
    }
    this.model = new LedgerModel(loaded ?? emptyLedgerState());
  }

  // ---- warehouse truth ----
  /** Units physically in the warehouse, including those picked for not-yet-shipped orders. */
  setOnHand(sku: string, quantity: number, opts: { asOf?: Date | string | number } = {}): void {
    const { asOf } = parseInput(SetOnHandOptionsSchema, opts, 'options');
    const at = asOf === undefined ? undefined : toEpoch(asOf);
    if (at !== undefined && !Number.isFinite(at)) throw new ValidationError({ message: 'options.asOf is not a valid date', path: 'options.asOf' });
    this.exec({ op: 'onHand', sku: skuKey(sku, 'sku'), qty: parseInput(QuantitySchema, quantity, 'quantity'), asOf: at ?? this.now() });
  }

  /** Receipts (+) and write-offs (−) relative to the current count. */
  adjustOnHand(sku: string, delta: number): void {
    this.exec({ op: 'adjust', sku: skuKey(sku, 'sku'), delta: parseInput(DeltaSchema, delta, 'delta'), at: this.now() });
  }

  // ---- configuration ----
  /** Links a store's marketplace SKU to warehouse stock: `{ sku, qty? }` (item or pack) or `{ bundle }`. */
  map(store: string, marketplaceSku: string, target: MapTarget): void {
    const ref = storeKey(store, 'store');
    const sku = skuKey(marketplaceSku, 'marketplaceSku');
    const t = parseInput(MapTargetSchema, target, 'target');
    const list = 'bundle' in t ? t.bundle : [{ sku: t.sku, qty: t.qty }];
    list.forEach((c, i) => plainKey(c.sku, 'bundle' in t ? `target.bundle[${i}].sku` : 'target.sku'));
    const merged = new Map<string, number>();
    for (const c of list) merged.set(c.sku, (merged.get(c.sku) ?? 0) + c.qty);
    const components = [...merged].map(([s, qty]) => ({ sku: s, qty }));
    this.exec({ op: 'map', store: ref, sku, mapping: { components, fulfilledBy: t.fulfilledBy } });
  }

  unmap(store: string, marketplaceSku: string): void {
    this.exec({ op: 'unmap', store: storeKey(store, 'store'), sku: skuKey(marketplaceSku, 'marketplaceSku') });
  }

  /** Merges into the store's policy: safety stock (warehouse units), cap (listing units), paused. */
  policy(store: string, patch: PolicyPatch): void {
    this.exec({ op: 'policy', store: storeKey(store, 'store'), patch: parseInput(PolicyPatchSchema, patch, 'policy') });
  }

  // ---- orders ----
  /** Reserves, releases or consumes stock for one order version; idempotent per (account, order, line). */
  applyOrder(account: string, order: unknown): OrderApplyResult {
    const acc = plainKey(parseInput(AccountSchema, account, 'account'), 'account');
    const o = parseInput(StockOrderSchema, order, 'order');
    plainKey(o.id, 'order.id');
    plainKey(o.store, 'order.store');
    o.lines.forEach((l, i) => {
      plainKey(l.lineId, `order.lines[${i}].lineId`);
      if (l.sku !== undefined) plainKey(l.sku, `order.lines[${i}].sku`);
    });
    const change = this.exec({ op: 'order', account: acc, order: o, at: this.now() });
    return {
      applied: change.account !== undefined,
      oversells: change.exceptions.filter((e) => e.kind === 'oversell'),
      unmapped: change.exceptions.filter((e) => e.kind === 'unmapped'),
    };
  }

  acknowledge(exceptionId: string): void {
    if (typeof exceptionId !== 'string') throw new ValidationError({ message: 'exceptionId must be a string', path: 'exceptionId' });
    if (!this.model.state.exceptions.some((e) => e.id === exceptionId)) throw new ValidationError({ message: `No stock exception "${exceptionId}"`, path: 'exceptionId' });
    this.exec({ op: 'ack', id: exceptionId });
  }

  /** Drops finished orders last updated before `before` (default 30 days ago). */
  prune(before: Date | string | number = this.now() - 30 * 86_400_000): void {
    const t = before instanceof Date || typeof before === 'string' || typeof before === 'number' ? toEpoch(before) : NaN;
    if (!Number.isFinite(t)) throw new ValidationError({ message: 'before must be a valid date', path: 'before' });
    this.exec({ op: 'prune', before: t });
  }

  // ---- push bookkeeping (used by the sync engine) ----
  markSending(t: Target, qty: number): void {
    this.exec({ op: 'sending', account: t.account, store: t.store, sku: t.sku, qty });
  }
  confirm(t: Target, qty: number): void {
    this.exec({ op: 'confirm', account: t.account, store: t.store, sku: t.sku, qty, at: this.now() });
  }
  confirmed(t: Target): Confirmed | undefined {
    targetKeys(t);
    return this.model.state.confirmed[t.account]?.[t.store ?? '*']?.[t.sku];
  }

  // ---- queries ----
  onHand(sku: string): number {
    return this.model.onHand(skuKey(sku, 'sku'));
  }
  reserved(sku: string): number {
    return this.model.reservedOf(skuKey(sku, 'sku'));
  }
  /** On-hand − reserved; negative means oversold. */
  free(sku: string): number {
    return this.model.free(skuKey(sku, 'sku'));
  }
  /** What one store should show for its SKU (undefined: unmapped or marketplace-fulfilled). */
  available(store: string, marketplaceSku: string, rules: Partial<QuantityRules> = {}): number | undefined {
    const ref = storeKey(store, 'store');
    const sku = skuKey(marketplaceSku, 'marketplaceSku');
    checkRules(rules);
    return storeQuantity(this.model, ref, sku, rules.includesReserved ?? false);
  }
  quote(t: Target, rules: QuantityRules = DEFAULT_RULES): Quote | undefined {
    targetKeys(t);
    checkRules(rules);
    return quoteTarget(this.model, t, rules);
  }
  isStale(q: Quote): boolean {
    return isStale(this.model, q);
  }
  policyOf(store: string): Policy {
    return { ...this.model.policy(storeKey(store, 'store')) };
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
    if (typeof filter !== 'object' || filter === null) throw new ValidationError({ message: 'filter must be an object', path: 'filter' });
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

// ---- key hardening (issue 12.3) ----
// The ledger state is plain JSON objects keyed by caller ids; a SKU, store or order id named like
// an Object.prototype member ("__proto__", "constructor", "toString"...) would read or replace the
// prototype instead of an entry. Such ids are refused (ValidationError naming the field) at every
// public door, so the persisted state keeps its simple JSON shape.
const RESERVED_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));

function plainKey(value: string, path: string): string {
  if (RESERVED_KEYS.has(value)) throw new ValidationError({ message: `${path} "${value}" is a reserved name`, path });
  return value;
}

function skuKey(value: unknown, path: string): string {
  return plainKey(parseInput(SkuSchema, value, path), path);
}

function storeKey(value: unknown, path: string): string {
  const ref = parseInput(StoreRefSchema, value, path);
  const i = ref.indexOf(':');
  plainKey(ref.slice(0, i), path);
  plainKey(ref.slice(i + 1), path);
  return ref;
}

function targetKeys(t: unknown): void {
  const v = t as Partial<Target> | null;
  if (typeof v !== 'object' || v === null) throw new ValidationError({ message: 'target must be { account, store?, sku }', path: 'target' });
  if (typeof v.account !== 'string') throw new ValidationError({ message: 'target.account must be a string', path: 'target.account' });
  plainKey(v.account, 'target.account');
  if (v.store !== undefined) {
    if (typeof v.store !== 'string') throw new ValidationError({ message: 'target.store must be a string', path: 'target.store' });
    plainKey(v.store, 'target.store');
  }
  skuKey(v.sku, 'target.sku');
}

function checkRules(rules: unknown): void {
  if (typeof rules !== 'object' || rules === null) throw new ValidationError({ message: 'rules must be an object', path: 'rules' });
  const r = rules as Partial<QuantityRules>;
  if (r.includesReserved !== undefined && typeof r.includesReserved !== 'boolean') throw new ValidationError({ message: 'rules.includesReserved must be a boolean', path: 'rules.includesReserved' });
}
