/**
 * Every ledger mutation is a plain, serializable op. The ledger applies ops in memory and the
 * store persists the resulting state; when another process committed first, the store replays our
 * ops on its state instead of overwriting it (so `xborder stock set` beside a running sync is safe).
 */
import type { Mapping, PolicyPatch, StockException, StockOrder } from './schemas.js';

export type LedgerOp =
  | { op: 'onHand'; sku: string; qty: number; asOf: number }
  | { op: 'adjust'; sku: string; delta: number; at: number }
  | { op: 'map'; store: string; sku: string; mapping: Mapping }
  | { op: 'unmap'; store: string; sku: string }
  | { op: 'policy'; store: string; patch: PolicyPatch }
  | { op: 'order'; account: string; order: StockOrder; at: number }
  | { op: 'sending'; account: string; store?: string; sku: string; qty: number }
  | { op: 'confirm'; account: string; store?: string; sku: string; qty: number; at: number }
  | { op: 'ack'; id: string }
  | { op: 'prune'; before: number };

/** Key of a store-level listing: 'account:store' + marketplace SKU. */
export type EntryKey = string;
export const entryKey = (storeRef: string, sku: string): EntryKey => `${storeRef}\u0000${sku}`;
export function splitEntry(key: EntryKey): { storeRef: string; account: string; store: string; sku: string } {
  const [storeRef = '', sku = ''] = key.split('\u0000');
  const i = storeRef.indexOf(':');
  return { storeRef, account: storeRef.slice(0, i), store: storeRef.slice(i + 1), sku };
}

/** What an op changed, for the sync engine: which listings to recompute and why. */
export interface LedgerChange {
  kind: LedgerOp['op'] | 'reload';
  /** Ledger sequence number after the op (quotes computed before it are stale if they read these). */
  seq: number;
  /** Store-level listings whose quantity may have changed. */
  entries: Set<EntryKey>;
  /** Everything may have changed (reload after another process committed). */
  all?: boolean;
  /** Account of an imported order (its marketplace may have decremented its own figure). */
  account?: string;
  /** Listing units an imported order newly sold, placed at `at` (its first imported version's update time). */
  sold?: Array<{ entry: EntryKey; units: number; at: number }>;
  exceptions: StockException[];
}
