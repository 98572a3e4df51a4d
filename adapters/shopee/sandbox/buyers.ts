/**
 * Shopee buyers (src/sandbox/buyer.ts): they see a shop listing's sellable stock, and an order
 * takes its units out of it.
 */
import { buyerQuantity, type BuyerOrderInput, type BuyerOrderResult, type SandboxBuyer } from '../../../src/sandbox/buyer.js';
import { seedOrder } from './seed.js';
import type { SandboxItem, SandboxModel } from './state.js';
import type { ShopeeSandboxState } from './world.js';

function find(world: ShopeeSandboxState, shopId: number, sku: string): { item: SandboxItem; model?: SandboxModel } | undefined {
  for (const item of world.items.values()) {
    if (item.shopId !== shopId || item.item_status !== 'NORMAL') continue;
    const model = item.models.find((m) => m.model_sku === sku);
    if (model) return { item, model };
    if (item.item_sku === sku && item.models.length === 0) return { item };
  }
  return undefined;
}

export function shopeeBuyer(world: ShopeeSandboxState): SandboxBuyer {
  // What buyers can buy: "Stock can be sold currently" = seller stock − reserved
  // (stock_info_v2.summary_info.total_available_stock / total_reserved_stock,
  // specs/shopee/v2.product.get_item_base_info.json and v2.product.get_model_list.json).
  const sellable = (s: { stock: number; reserved: number }) => Math.max(0, s.stock - s.reserved);
  const shown = (store: string, sku: string): number => {
    const hit = find(world, Number(store), sku);
    return hit ? sellable(hit.model ?? hit.item) : 0;
  };
  return {
    shown,
    order(input: BuyerOrderInput): BuyerOrderResult {
      const quantity = buyerQuantity(input);
      const hit = find(world, Number(input.store), input.sku);
      const before = hit ? sellable(hit.model ?? hit.item) : 0;
      if (!hit || before < quantity) return { placed: false, shown: before };
      const paid = input.paid ?? true;
      const now = world.now();
      const price = hit.model?.price ?? hit.item.price;
      // UNPAID until the buyer pays, then READY_TO_SHIP (v2.order.get_order_list order_status).
      const order = seedOrder(world, {
        shopId: hit.item.shopId, status: paid ? 'READY_TO_SHIP' : 'UNPAID', createdAt: now, updatedAt: now,
        lines: [{ itemId: hit.item.item_id, modelId: hit.model?.model_id ?? 0, sku: input.sku, quantity, price }],
      });
      const stock = hit.model ?? hit.item;
      // A paid order takes its units out of the seller stock; an unpaid one holds them as reserved
      // stock (update_stock may not go below it: "Can not update item with stock less than reserved
      // stock", specs/shopee/v2.product.update_stock.json; push code 8 "reserved stock change",
      // specs/shopee/v2.push.set_app_push_config.json).
      if (paid) stock.stock -= quantity;
      else stock.reserved += quantity;
      // New orders are announced by the order status push (code 3) when the app has a push URL.
      if (world.pushUrl) void world.emitPush(3, hit.item.shopId, { ordersn: order.wire.order_sn, status: order.wire.order_status, update_time: order.wire.update_time });
      return { placed: true, orderId: order.wire.order_sn, shown: before };
    },
  };
}

/**
 * The buyer of an UNPAID order pays: READY_TO_SHIP with pay_time set ("The time when the order
 * status is updated from UNPAID to PAID", specs/shopee/v2.order.get_order_detail.json; statuses from
 * v2.order.get_order_list order_status). The units it held as reserved stock leave the seller stock
 * now, as a paid order's do at checkout (the rule in `order` above); the order status push (code 3)
 * announces it.
 */
export function payOrder(world: ShopeeSandboxState, orderSn: string): void {
  const o = world.orders.get(orderSn);
  if (!o || o.wire.order_status !== 'UNPAID') throw new Error(`order ${orderSn} is not UNPAID`);
  for (const line of o.wire.item_list as Array<{ item_id: number; model_id: number; model_quantity_purchased: number }>) {
    const item = world.items.get(line.item_id);
    if (!item) continue;
    const stock = item.models.find((m) => m.model_id === line.model_id) ?? item;
    stock.reserved = Math.max(0, stock.reserved - line.model_quantity_purchased);
    stock.stock = Math.max(0, stock.stock - line.model_quantity_purchased);
  }
  o.wire.order_status = 'READY_TO_SHIP';
  o.wire.pay_time = world.nowSeconds();
  world.touch(o);
}
