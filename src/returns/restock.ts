import type { StockLedger } from '../inventory/ledger.js';
import type { Return, ReturnStatus } from '../model/return.js';
import type { IntentJournal } from '../state/intent-journal.js';

/** What happens to stock when a return comes back: sellable again, set aside as damaged, or nothing. */
export type RestockPolicy = 'sellable' | 'damaged' | 'none';

export interface RestockOptions {
  ledger: StockLedger;
  /** One policy for all, or per return (e.g. by reason: `damaged` for 'damaged' / 'defective'). */
  policy: RestockPolicy | ((ret: Return) => RestockPolicy);
  /** Remembers which returns were restocked (use a FileIntentJournal to survive restarts). */
  journal: IntentJournal;
  /** Statuses meaning the item is back with the seller; default ['received']. */
  restockOn?: readonly ReturnStatus[];
}

export interface RestockResult {
  returnId: string;
  policy: RestockPolicy;
  /** Warehouse units put back per SKU (sellable), or set aside (damaged: not added to on-hand). */
  units: Record<string, number>;
  /** Lines without a SKU (or a mapping) that could not be restocked. */
  skipped: string[];
  /** The return was restocked before (idempotent per account and return id). */
  already: boolean;
  /** The units went back into the marketplace's warehouse (Amazon FBA): nothing was restocked. */
  heldByMarketplace?: true;
}

/**
 * Restocks a received return into the ledger once per (account, return id). The mark is journaled
 * before the ledger changes, so a crash in between loses a restock rather than doubling it
 * (under-counting stock never oversells). Marketplace SKUs go through the ledger's mappings
 * (packs and bundles) when the store maps them, else the SKU is the warehouse SKU.
 */
export async function restockReturn(account: string, ret: Return, opts: RestockOptions): Promise<RestockResult | undefined> {
  if (!(opts.restockOn ?? ['received']).includes(ret.status)) return undefined;
  // Marketplace-fulfilled stock (Amazon FBA) is the marketplace's to count: never the seller's pool.
  if (ret.stock?.heldBy === 'marketplace') return { returnId: ret.id, policy: 'none', units: {}, skipped: ret.lines.map((l) => l.lineId), already: false, heldByMarketplace: true };
  const policy = typeof opts.policy === 'function' ? opts.policy(ret) : opts.policy;
  const key = `restock:${account}:${ret.marketplace}:${ret.id}`;
  const prior = await opts.journal.get(key);
  if (prior?.state === 'succeeded') return { ...(prior.result as RestockResult), already: true };
  const units: Record<string, number> = {};
  const skipped: string[] = [];
  const mappings = opts.ledger.mappings().filter((m) => m.store === `${account}:${ret.store}`);
  for (const line of ret.lines) {
    if (!line.sku) {
      skipped.push(line.lineId);
      continue;
    }
    const mapped = mappings.find((m) => m.sku === line.sku);
    const parts = mapped ? mapped.components : [{ sku: line.sku, qty: 1 }];
    for (const c of parts) units[c.sku] = (units[c.sku] ?? 0) + c.qty * line.quantity;
  }
  const result: RestockResult = { returnId: ret.id, policy, units, skipped, already: false };
  await opts.journal.put({ key, operation: 'restock', state: 'succeeded', at: Date.now(), result });
  if (policy === 'sellable') {
    for (const [sku, n] of Object.entries(units)) opts.ledger.adjustOnHand(sku, n);
    await opts.ledger.flush();
  }
  return result;
}
