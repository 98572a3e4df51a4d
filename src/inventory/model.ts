/**
 * The ledger's in-memory model: persisted state plus derived indexes (reserved units per SKU,
 * unpaid units per listing, listings per warehouse SKU) and revision counters for stale checks.
 * `apply(op)` is deterministic so a store can replay ops on another process's state.
 */
import { lineEffect } from './order-effects.js';
import { entryKey, type EntryKey, type LedgerChange, type LedgerOp } from './ops.js';
import type { LedgerState, Mapping, Policy, StockException, StockOrder } from './schemas.js';

const MAX_EXCEPTIONS = 1000;
const NO_POLICY: Policy = { safetyStock: 0, paused: false };

export class LedgerModel {
  private readonly reserved = new Map<string, number>();
  private readonly unpaid = new Map<EntryKey, number>();
  private readonly bySku = new Map<string, Set<EntryKey>>();
  /** Revisions (ledger seq of the last change) per warehouse SKU, per store, per account import. */
  readonly skuRev = new Map<string, number>();
  readonly storeRev = new Map<string, number>();
  readonly importRev = new Map<string, number>();
  /** Bumped on every change; after a rebuild every revision reads as "now". */
  seq = 0;
  floorRev = 0;

  constructor(readonly state: LedgerState, seq = 0) {
    this.seq = seq + 1;
    this.floorRev = this.seq;
    for (const [store, maps] of Object.entries(state.mappings)) for (const [sku, m] of Object.entries(maps)) this.index(store, sku, m, 1);
    for (const [account, orders] of Object.entries(state.orders)) {
      for (const o of Object.values(orders)) {
        for (const line of Object.values(o.lines)) this.reserve(`${account}:${o.store}`, line.sku, line.components, line.open, line.unpaid ? line.open : 0);
      }
    }
  }

  onHand(sku: string): number {
    return this.state.onHand[sku]?.qty ?? 0;
  }
  reservedOf(sku: string): number {
    return this.reserved.get(sku) ?? 0;
  }
  free(sku: string): number {
    return this.onHand(sku) - this.reservedOf(sku);
  }
  mapping(storeRef: string, sku: string): Mapping | undefined {
    return this.state.mappings[storeRef]?.[sku];
  }
  policy(storeRef: string): Policy {
    return this.state.policies[storeRef] ?? NO_POLICY;
  }
  unpaidOf(storeRef: string, sku: string): number {
    return this.unpaid.get(entryKey(storeRef, sku)) ?? 0;
  }
  entriesOf(sku: string): ReadonlySet<EntryKey> {
    return this.bySku.get(sku) ?? new Set();
  }
  rev(map: Map<string, number>, key: string): number {
    return map.get(key) ?? this.floorRev;
  }

  apply(op: LedgerOp): LedgerChange {
    const seq = ++this.seq;
    const change: LedgerChange = { kind: op.op, seq, entries: new Set(), exceptions: [] };
    const s = this.state;
    switch (op.op) {
      case 'onHand':
      case 'adjust': {
        const prev = s.onHand[op.sku];
        s.onHand[op.sku] = op.op === 'onHand' ? { qty: op.qty, asOf: op.asOf } : { qty: (prev?.qty ?? 0) + op.delta, asOf: prev?.asOf ?? 0 };
        this.touchSku(op.sku, change);
        break;
      }
      case 'map':
      case 'unmap': {
        const prev = s.mappings[op.store]?.[op.sku];
        if (prev) this.index(op.store, op.sku, prev, -1);
        if (op.op === 'map') {
          (s.mappings[op.store] ??= {})[op.sku] = op.mapping;
          this.index(op.store, op.sku, op.mapping, 1);
        } else if (s.mappings[op.store]) delete s.mappings[op.store]![op.sku];
        this.storeRev.set(op.store, seq);
        change.entries.add(entryKey(op.store, op.sku));
        break;
      }
      case 'policy': {
        const next = { ...this.policy(op.store) };
        if (op.patch.safetyStock !== undefined) next.safetyStock = op.patch.safetyStock;
        if (op.patch.cap !== undefined) next.cap = op.patch.cap ?? undefined;
        if (op.patch.paused !== undefined) next.paused = op.patch.paused;
        if (next.cap === undefined) delete next.cap;
        s.policies[op.store] = next;
        this.storeRev.set(op.store, seq);
        for (const sku of Object.keys(s.mappings[op.store] ?? {})) change.entries.add(entryKey(op.store, sku));
        break;
      }
      case 'order':
        this.applyOrder(op.account, op.order, op.at, change);
        break;
      case 'sending':
      case 'confirm': {
        const byStore = ((s.confirmed[op.account] ??= {})[op.store ?? '*'] ??= {});
        const prev = byStore[op.sku];
        byStore[op.sku] = op.op === 'sending' ? { ...prev, pending: op.qty } : { qty: op.qty, at: op.at };
        break;
      }
      case 'ack':
        for (const e of s.exceptions) if (e.id === op.id) e.acknowledged = true;
        break;
      case 'prune':
        this.prune(op.before);
        break;
    }
    return change;
  }

  private applyOrder(account: string, order: StockOrder, at: number, change: LedgerChange): void {
    const s = this.state;
    const updatedAt = Date.parse(order.updatedAt.utc);
    const orders = (s.orders[account] ??= {});
    const prev = orders[order.id];
    // Redelivery of an older version (sync overlap) or an order from before the pruning horizon.
    if (prev ? updatedAt < prev.updatedAt : updatedAt < s.horizon || order.fulfilledBy === 'marketplace') return;
    const storeRef = `${account}:${order.store}`;
    change.account = account;
    this.importRev.set(account, change.seq);
    const rec = prev ?? { store: order.store, updatedAt, lines: {} };
    const placedAt = rec.updatedAt;
    rec.updatedAt = updatedAt;
    const added = new Map<string, { before: number; units: number; lineId: string }>();
    for (const line of order.lines) {
      const before = rec.lines[line.lineId];
      // A line seen before without a mapping reserved nothing: it starts afresh once one exists.
      const fresh = !before || before.components.length === 0;
      const mapping = fresh ? this.resolveMapping(account, storeRef, line.sku) : undefined;
      if (fresh && mapping?.fulfilledBy === 'marketplace') continue; // FBA-style listing: not our warehouse
      if (!before && !mapping) this.unmapped(account, storeRef, order, line.lineId, line.sku, at, change);
      const { next, dOpen, dShipped } = lineEffect(order, line, mapping?.components ?? before?.components ?? [], fresh && mapping ? undefined : before);
      rec.lines[line.lineId] = next;
      // The store's own figure dropped by these units when they were sold (increase-gate.ts).
      const sold = next.open + next.shipped - (before ? before.open + before.shipped : 0);
      if (sold > 0 && line.sku !== undefined) (change.sold ??= []).push({ entry: entryKey(storeRef, line.sku), units: sold, at: placedAt });
      for (const c of next.components) {
        if (dOpen > 0 && !added.has(c.sku)) added.set(c.sku, { before: this.free(c.sku), units: 0, lineId: line.lineId });
        const onHand = s.onHand[c.sku];
        // A WMS count taken after this order's last update already reflects the shipment.
        if (dShipped > 0 && updatedAt > (onHand?.asOf ?? 0)) s.onHand[c.sku] = { qty: (onHand?.qty ?? 0) - dShipped * c.qty, asOf: onHand?.asOf ?? 0 };
        if (dOpen !== 0 || dShipped !== 0) this.touchSku(c.sku, change);
      }
      const dUnpaid = (next.unpaid ? next.open : 0) - (before?.unpaid ? before.open : 0);
      this.reserve(storeRef, line.sku, next.components, dOpen, dUnpaid);
      // Paid or not changes what Shopee-like stores must be sent, even with no stock movement.
      if (dUnpaid !== 0 && line.sku !== undefined) change.entries.add(entryKey(storeRef, line.sku));
    }
    orders[order.id] = rec;
    for (const [sku, a] of added) {
      const shortBy = -this.free(sku);
      const units = shortBy - Math.max(0, -a.before);
      if (units > 0) change.exceptions.push(this.exception({ kind: 'oversell', at, sku, store: storeRef, account, orderId: order.id, lineId: a.lineId, shortBy, units }));
    }
  }

  /** Pooled accounts (Amazon MFN region, eBay) sell one SKU on several stores: any store's mapping applies. */
  private resolveMapping(account: string, storeRef: string, sku: string | undefined): Mapping | undefined {
    if (sku === undefined) return undefined;
    const own = this.mapping(storeRef, sku);
    if (own) return own;
    for (const [ref, maps] of Object.entries(this.state.mappings)) if (ref.startsWith(`${account}:`) && maps[sku]) return maps[sku];
    return undefined;
  }

  private unmapped(account: string, storeRef: string, order: StockOrder, lineId: string, sku: string | undefined, at: number, change: LedgerChange): void {
    const key = sku ?? `(no sku, line ${lineId})`;
    if (this.state.exceptions.some((e) => e.kind === 'unmapped' && !e.acknowledged && e.store === storeRef && e.sku === key)) return;
    change.exceptions.push(this.exception({ kind: 'unmapped', at, sku: key, store: storeRef, account, orderId: order.id, lineId }));
  }

  private exception(e: Omit<StockException, 'id' | 'acknowledged'>): StockException {
    const full: StockException = { id: `E${this.state.nextId++}`, acknowledged: false, ...e };
    this.state.exceptions.push(full);
    if (this.state.exceptions.length > MAX_EXCEPTIONS) this.state.exceptions.splice(0, this.state.exceptions.length - MAX_EXCEPTIONS);
    return full;
  }

  private reserve(storeRef: string, sku: string | undefined, components: Mapping['components'], dOpen: number, dUnpaid: number): void {
    for (const c of components) this.reserved.set(c.sku, this.reservedOf(c.sku) + dOpen * c.qty);
    if (sku !== undefined && dUnpaid !== 0) this.unpaid.set(entryKey(storeRef, sku), this.unpaidOf(storeRef, sku) + dUnpaid);
  }

  private index(store: string, sku: string, m: Mapping, dir: 1 | -1): void {
    for (const c of m.components) {
      let set = this.bySku.get(c.sku);
      if (!set) this.bySku.set(c.sku, (set = new Set()));
      if (dir > 0) set.add(entryKey(store, sku));
      else set.delete(entryKey(store, sku));
    }
  }

  private touchSku(sku: string, change: LedgerChange): void {
    this.skuRev.set(sku, change.seq);
    for (const e of this.entriesOf(sku)) change.entries.add(e);
  }

  /** Forget finished orders last updated before `before`; older orders arriving later are ignored. */
  private prune(before: number): void {
    const s = this.state;
    s.horizon = Math.max(s.horizon, before);
    for (const orders of Object.values(s.orders)) {
      for (const [id, o] of Object.entries(orders)) if (o.updatedAt < before && Object.values(o.lines).every((l) => l.open === 0)) delete orders[id];
    }
  }
}
