/**
 * eBay's buyers (src/sandbox/buyer.ts): they see what a published offer's live listing shows on
 * its site, and a purchase lowers the quantity available at both levels.
 */
import { buyerQuantity, type BuyerOrderInput, type BuyerOrderResult, type SandboxBuyer } from '../../../src/sandbox/buyer.js';
import type { EbaySandboxState } from './state.js';

export function ebayBuyer(state: EbaySandboxState): SandboxBuyer {
  const shown = (store: string, sku: string): number => {
    const offer = state.offerOf(sku, store);
    if (!offer || offer.listing?.listingStatus !== 'ACTIVE') return 0;
    return Math.max(0, state.listedQuantity(offer.offerId) ?? 0);
  };
  return {
    shown,
    order(input: BuyerOrderInput): BuyerOrderResult {
      const quantity = buyerQuantity(input);
      const before = shown(input.store, input.sku);
      if (before < quantity) return { placed: false, shown: before };
      const [doc] = state.seedOrders(1, { marketplaces: [input.store], sku: input.sku, quantity });
      const at = new Date(state.now()).toISOString();
      doc!.creationDate = at;
      doc!.lastModifiedDate = at;
      // The units bought are no longer "available for purchase" (EbayOfferDetailsWithKeys.
      // availableQuantity, ShipToLocationAvailability.quantity: "the quantity of the inventory item
      // that is available for purchase", specs/ebay/sell_inventory_v1_oas3.json); the listing shows
      // the smaller of the two (listedQuantity), so both go down by the sale. The item as read back
      // (getInventoryItem, bulkGetInventoryItem) "shows the quantity of the inventory item that is
      // available for purchase" (#/components/schemas/InventoryItemWithSkuLocaleGroupKeys/properties/availability).
      const offer = state.offerOf(input.sku, input.store)!;
      if (offer.availableQuantity !== undefined) offer.availableQuantity = Math.max(0, offer.availableQuantity - quantity);
      const ship = state.items.get(input.sku)?.availability?.shipToLocationAvailability;
      if (ship?.quantity !== undefined) ship.quantity = Math.max(0, ship.quantity - quantity);
      // seedOrders notified ORDER_CONFIRMATION subscribers of the checkout (notifications-orders.ts;
      // https://developer.ebay.com/api-docs/master/commerce/notification/asyncapi/order_confirmation.yaml).
      return { placed: true, orderId: doc!.orderId, shown: before };
    },
  };
}
