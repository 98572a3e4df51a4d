/**
 * Amazon's buyers (src/sandbox/buyer.ts): they see a merchant-fulfilled listing's quantity on a
 * marketplace where it is live, and an order lowers that quantity.
 */
import { buyerQuantity, type BuyerOrderInput, type BuyerOrderResult, type SandboxBuyer } from '../../../src/sandbox/buyer.js';
import { marketsOf } from './order-seed.js';
import type { AmazonSandboxState, SandboxListing } from './state.js';

/** The merchant-fulfilled (DEFAULT channel) entry of fulfillment_availability, where MFN quantity lives. */
function mfn(l: SandboxListing): { quantity?: number } | undefined {
  return (l.attributes.fulfillment_availability ?? []).find((f) => f.fulfillment_channel_code === 'DEFAULT') as { quantity?: number } | undefined;
}

export function amazonBuyer(state: AmazonSandboxState): SandboxBuyer {
  const seller = () => [...state.sellers.keys()][0]!;
  const now = () => state.ctx?.clock.now() ?? Date.now();
  const shown = (store: string, sku: string): number => {
    state.tick(); // feeds whose time has come are applied before the buyer looks
    const l = state.listing(seller(), sku);
    const market = l?.markets.get(marketsOf([store])[0]!.id);
    // Only a live listing is buyable: ACCEPTED is not live yet (listings.ts liveAt).
    if (!l || !market || market.liveAt > now()) return 0;
    return Math.max(0, mfn(l)?.quantity ?? 0);
  };
  return {
    shown,
    order(input: BuyerOrderInput): BuyerOrderResult {
      const quantity = buyerQuantity(input);
      const before = shown(input.store, input.sku);
      if (before < quantity) return { placed: false, shown: before };
      const [doc] = state.seedOrders(1, { marketplaces: [input.store], quantity, fulfilledBy: 'MERCHANT' });
      const at = new Date(now()).toISOString();
      const stored = state.orders.get(doc!.orderId)!;
      for (const d of [stored.actual, stored.visible]) {
        d.createdTime = at;
        d.lastUpdatedTime = at;
        for (const it of d.orderItems ?? []) it.product.sellerSku = input.sku;
      }
      // The sale lowers the MFN quantity: Amazon announces "the inventory quantity of a MFN Seller
      // listing changes" (specs/amazon/ListingsItemMfnQuantityChange.json) — the quantity left to sell.
      const entry = mfn(state.listing(seller(), input.sku)!)!;
      entry.quantity = before - quantity;
      return { placed: true, orderId: doc!.orderId, shown: before };
    },
  };
}
