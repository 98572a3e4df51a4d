/**
 * Rule 6 of increase-gate.ts: before an increase goes out, read the other stores that sell the same
 * warehouse SKUs. A restock pushed while another store's sale sits in its feed's blind spot (placed
 * after the last import) offers that sold unit again; each other store's figure, compared with what
 * it can be showing (rule 5's arithmetic), says how many units it sold that the ledger does not
 * know, and those units come off the increase. Increases only: a decrease cannot raise a store.
 */
import { quoteTarget, targetKey, targetOf, type QuantityRules, type Target } from './availability.js';
import type { StockLedger } from './ledger.js';
import type { LiveLevels } from './live-read.js';
import { splitEntry } from './ops.js';
import type { QueueEntry } from './push-queue.js';

/** One account's reading side (its pusher's). */
export interface AccountReader {
  rules: QuantityRules;
  /**
   * What the target's last confirmed push was, or undefined while a push to it is in flight: a
   * figure read across a push of its own cannot be compared with either side of it.
   */
  stamp(target: Target): string | undefined;
  /** A push to this target is being read or sent right now. */
  inFlight(key: string): boolean;
  read(targets: ReadonlyMap<string, Target>): Promise<LiveLevels | undefined>;
  unimported(key: string, target: Target, shown: number, at: number): number;
}

interface Other {
  account: string;
  target: Target;
  storeRef: string;
  sku: string;
}

/** The other targets (key → where) that sell one of the entry's warehouse SKUs. */
function othersOf(ledger: StockLedger, readers: ReadonlyMap<string, AccountReader>, e: QueueEntry): Map<string, Other> {
  const out = new Map<string, Other>();
  for (const c of e.quote.components) {
    for (const entry of ledger.view.entriesOf(c)) {
      const { storeRef, account, sku } = splitEntry(entry);
      const r = readers.get(account);
      if (!r) continue;
      const target = targetOf(storeRef, sku, r.rules);
      const key = targetKey(target);
      if (key !== e.key && !out.has(key)) out.set(key, { account, target, storeRef, sku });
    }
  }
  return out;
}

/**
 * A store's figure read while a push to it is in flight says nothing (it may or may not show that
 * push): an increase waits while another store selling the same warehouse SKUs is being pushed.
 */
export function othersInFlight(ledger: StockLedger, readers: ReadonlyMap<string, AccountReader>, e: QueueEntry): boolean {
  for (const [key, o] of othersOf(ledger, readers, e)) if (readers.get(o.account)!.inFlight(key)) return true;
  return false;
}

/**
 * Per entry key: warehouse SKU → units the OTHER stores selling it have sold and not imported.
 * One batched read per account; an account whose read fails (or cannot read) adds nothing.
 */
export async function unimportedElsewhere(ledger: StockLedger, readers: ReadonlyMap<string, AccountReader>, entries: readonly QueueEntry[]): Promise<Map<string, Map<string, number>>> {
  const others = new Map<string, Other>();
  const wantedBy = new Map<string, Set<string>>();
  for (const e of entries) {
    const mine = othersOf(ledger, readers, e);
    for (const [key, o] of mine) if (!others.has(key)) others.set(key, o);
    if (mine.size) wantedBy.set(e.key, new Set(mine.keys()));
  }
  const sold = await soldUnimported(ledger, readers, others);
  const out = new Map<string, Map<string, number>>();
  for (const [entryKey, keys] of wantedBy) {
    const units = new Map<string, number>();
    for (const k of keys) for (const [c, n] of sold.get(k) ?? []) units.set(c, (units.get(c) ?? 0) + n);
    if (units.size) out.set(entryKey, units);
  }
  return out;
}

/** Per other target: warehouse SKU → units its unimported sales took (sold listings × units per listing). */
async function soldUnimported(ledger: StockLedger, readers: ReadonlyMap<string, AccountReader>, others: ReadonlyMap<string, Other>): Promise<Map<string, Map<string, number>>> {
  const byAccount = new Map<string, Map<string, Target>>();
  for (const [key, o] of others) byAccount.set(o.account, (byAccount.get(o.account) ?? new Map()).set(key, o.target));
  const sold = new Map<string, Map<string, number>>();
  await Promise.all(
    [...byAccount].map(async ([account, targets]) => {
      const r = readers.get(account)!;
      const before = new Map([...targets].map(([key, t]) => [key, r.stamp(t)]));
      const live = await r.read(targets);
      for (const [key, shown] of live?.shown ?? []) {
        const o = others.get(key)!;
        const stamp = before.get(key);
        if (stamp === undefined || stamp !== r.stamp(o.target)) continue;
        const listings = r.unimported(key, o.target, shown, live!.at);
        const mapping = listings > 0 ? ledger.view.mapping(o.storeRef, o.sku) : undefined;
        if (mapping) sold.set(key, new Map(mapping.components.map((c) => [c.sku, listings * c.qty])));
      }
    }),
  );
  return sold;
}

/** The entry's quote with other stores' unimported sales reserved; the quote when there are none. */
export function quoteLessElsewhere(ledger: StockLedger, e: QueueEntry, rules: QuantityRules, unimported: ReadonlyMap<string, number> | undefined): number {
  if (!unimported) return e.quote.quantity;
  const q = quoteTarget(ledger.view, e.target, rules, unimported);
  return Math.min(e.quote.quantity, q?.quantity ?? e.quote.quantity);
}
