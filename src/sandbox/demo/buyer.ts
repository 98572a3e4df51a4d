import type { BuyerOrderInput, BuyerOrderResult, SandboxBuyer } from '../buyer.js';
import type { SandboxModule } from '../module.js';
import type { DemoAccount } from './profiles.js';

/**
 * The demo's buyers, by hub account key: `demo.buyer.order({ account: 'shopeeSG', sku: 'MUG', quantity: 1 })`
 * places an order only when the store's live listing shows enough, and the marketplace lowers
 * the listing's quantity as it documents. `store` defaults to the account's first store.
 */
export interface DemoBuyer {
  /** What the store's live listing of `sku` shows buyers as available. */
  shown(input: { account: string; store?: string; sku: string }): number;
  /** Orders `quantity` units if the listing shows them (see {@link SandboxBuyer.order}). */
  order(input: Omit<BuyerOrderInput, 'store'> & { account: string; store?: string }): BuyerOrderResult;
}

/** The demo's buyers over its accounts' simulator modules. */
export function demoBuyer(accounts: DemoAccount[], modules: Record<string, SandboxModule<unknown>>): DemoBuyer {
  const resolve = (key: string, store: string | undefined): { buyer: SandboxBuyer; store: string } => {
    const a = accounts.find((x) => x.key === key);
    if (!a) throw new Error(`no demo account ${key} (the demo accounts are ${accounts.map((x) => x.key).join(', ')})`);
    const buyer = modules[a.marketplace]?.buyer;
    if (!buyer) throw new Error(`the ${a.marketplace} simulator has no buyers`);
    const ids = a.stores.map((r) => r.slice(r.indexOf(':') + 1));
    const id = store ?? ids[0]!;
    if (!ids.includes(id)) throw new Error(`account ${key} has no store ${id} (its stores are ${ids.join(', ')})`);
    return { buyer, store: id };
  };
  return {
    shown: ({ account, store, sku }) => {
      const r = resolve(account, store);
      return r.buyer.shown(r.store, sku);
    },
    order: ({ account, store, ...rest }) => {
      const r = resolve(account, store);
      return r.buyer.order({ ...rest, store: r.store });
    },
  };
}
