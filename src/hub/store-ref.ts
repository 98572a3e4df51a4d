import { ValidationError } from '../errors/classes.js';
import type { MarketplaceAdapter } from '../adapter.js';
import type { Store, StoreRef } from '../model/store.js';

/** A store resolved against the hub's accounts. */
export interface ResolvedStore {
  ref: StoreRef;
  account: string;
  adapter: MarketplaceAdapter;
  store: Store;
}

/** 'amazonEU:DE' → its account, adapter and store; a ValidationError names the bad part. */
export function resolveStore(accounts: Readonly<Record<string, MarketplaceAdapter>>, ref: string, path = 'stores'): ResolvedStore {
  const i = ref.indexOf(':');
  const account = i < 0 ? ref : ref.slice(0, i);
  const adapter = accounts[account];
  if (!adapter) {
    throw new ValidationError({ message: `Unknown account "${account}" in "${ref}" (accounts: ${Object.keys(accounts).join(', ') || 'none'})`, path });
  }
  // 'amazonEU' alone means the account's only store; ambiguity is an error rather than a guess.
  if (i < 0 && adapter.stores.length !== 1) {
    throw new ValidationError({ message: `"${ref}" has ${adapter.stores.length} stores; name one as ${account}:<store> (${adapter.stores.map((s) => s.id).join(', ')})`, path });
  }
  const id = i < 0 ? adapter.stores[0]!.id : ref.slice(i + 1);
  const store = adapter.stores.find((s) => s.id === id);
  if (!store) throw new ValidationError({ message: `Account "${account}" has no store "${id}" (stores: ${adapter.stores.map((s) => s.id).join(', ')})`, path });
  return { ref: `${account}:${store.id}`, account, adapter, store };
}

/** Every store of every account, in declaration order. */
export function allStoreRefs(accounts: Readonly<Record<string, MarketplaceAdapter>>): StoreRef[] {
  return Object.entries(accounts).flatMap(([account, a]) => a.stores.map((s): StoreRef => `${account}:${s.id}`));
}

/** The account part of 'account' or 'account:store'. */
export function accountOf(ref: string): string {
  const i = ref.indexOf(':');
  return i < 0 ? ref : ref.slice(0, i);
}
