/**
 * Available-to-sell arithmetic and the meaning of "quantity" on each marketplace.
 *
 * Per store and marketplace SKU: for every component, (on-hand − reserved − safety stock) ÷ units
 * per listing, rounded down; the smallest component wins; then the store's cap; never negative.
 * The marketplace rules come from the adapter's `capabilities.quantity`:
 *  - sharedAcrossStores: one figure per account and SKU (Amazon MFN per region, eBay, AliExpress),
 *    so the account's stores collapse into one target that takes the smallest store figure;
 *  - includesReserved: the figure also covers units the store's own unpaid orders hold (Shopee),
 *    so those are added back, which also keeps the push at or above Shopee's reserved stock;
 *  - marketplace-fulfilled listings (FBA) are never pushed.
 */
import type { Capabilities } from '../adapter.js';
import type { LedgerModel } from './model.js';

export type QuantityRules = Capabilities['quantity'];
export const DEFAULT_RULES: QuantityRules = { sharedAcrossStores: false, includesReserved: false, marketplaceFulfilledReadOnly: true };

/** Where one quantity is pushed: a store's SKU, or (store undefined) an account's pooled SKU. */
export interface Target {
  account: string;
  store?: string;
  sku: string;
}

export interface Quote extends Target {
  quantity: number;
  /** Ledger seq when computed: the stale-quantity check compares it with later changes. */
  seq: number;
  components: string[];
  /** Store refs whose figure went into this quote. */
  stores: string[];
}

export const targetKey = (t: Target): string => `${t.account}\u0000${t.store ?? '*'}\u0000${t.sku}`;

export function targetOf(storeRef: string, sku: string, rules: QuantityRules): Target {
  const i = storeRef.indexOf(':');
  const account = storeRef.slice(0, i);
  return rules.sharedAcrossStores ? { account, sku } : { account, store: storeRef.slice(i + 1), sku };
}

/** What one store should show for one of its SKUs; undefined when nothing is to be pushed. */
export function storeQuantity(m: LedgerModel, storeRef: string, sku: string, includesReserved = false): number | undefined {
  const mapping = m.mapping(storeRef, sku);
  if (!mapping || mapping.fulfilledBy === 'marketplace') return undefined;
  const policy = m.policy(storeRef);
  let units = Infinity;
  for (const c of mapping.components) units = Math.min(units, Math.floor((m.free(c.sku) - policy.safetyStock) / c.qty));
  if (policy.cap !== undefined) units = Math.min(units, policy.cap);
  units = Math.max(0, units);
  return includesReserved ? units + m.unpaidOf(storeRef, sku) : units;
}

/** The quantity to push for a target, honouring the account's quantity rules and paused stores. */
export function quoteTarget(m: LedgerModel, t: Target, rules: QuantityRules): Quote | undefined {
  const refs = t.store !== undefined ? [`${t.account}:${t.store}`] : storesOfAccount(m, t.account).filter((r) => m.mapping(r, t.sku));
  let quantity: number | undefined;
  const stores: string[] = [];
  const components = new Set<string>();
  for (const ref of refs) {
    if (m.policy(ref).paused) continue;
    const q = storeQuantity(m, ref, t.sku, rules.includesReserved);
    if (q === undefined) continue;
    quantity = quantity === undefined ? q : Math.min(quantity, q);
    stores.push(ref);
    for (const c of m.mapping(ref, t.sku)!.components) components.add(c.sku);
  }
  if (quantity === undefined) return undefined;
  return { ...t, quantity, seq: m.seq, components: [...components], stores };
}

/**
 * A quote is stale once anything it read changed, or once an order of its account was imported
 * after it was computed: pushing it would re-inflate a figure the marketplace already decremented.
 */
export function isStale(m: LedgerModel, q: Quote): boolean {
  if (m.rev(m.importRev, q.account) > q.seq) return true;
  for (const c of q.components) if (m.rev(m.skuRev, c) > q.seq) return true;
  // A pooled quote also goes stale when a store that did not contribute is mapped or resumed.
  for (const s of q.store === undefined ? storesOfAccount(m, q.account) : q.stores) if (m.rev(m.storeRev, s) > q.seq) return true;
  return false;
}

export function storesOfAccount(m: LedgerModel, account: string): string[] {
  return Object.keys(m.state.mappings).filter((r) => r.startsWith(`${account}:`));
}
