/**
 * AliExpress buyers (src/sandbox/buyer.ts): they see an on-sale product SKU's inventory, and the
 * product's inventory deduction strategy decides when an order takes its units.
 */
import { buyerQuantity, type BuyerOrderInput, type BuyerOrderResult, type SandboxBuyer } from '../../../src/sandbox/buyer.js';
import type { AliExpressSandboxState, SandboxProduct } from './state.js';

function find(world: AliExpressSandboxState, sku: string): { product: SandboxProduct; line: SandboxProduct['skus'][number] } | undefined {
  for (const product of world.products.values()) {
    if (product.status !== 'onSelling') continue;
    const line = product.skus.find((s) => s.sku_code === sku);
    if (line) return { product, line };
  }
  return undefined;
}

export function aliexpressBuyer(world: AliExpressSandboxState): SandboxBuyer {
  const shown = (_store: string, sku: string): number => Math.max(0, find(world, sku)?.line.inventory ?? 0);
  return {
    shown,
    order(input: BuyerOrderInput): BuyerOrderResult {
      const quantity = buyerQuantity(input);
      const hit = find(world, input.sku);
      const before = Math.max(0, hit?.line.inventory ?? 0);
      if (!hit || before < quantity) return { placed: false, shown: before };
      const paid = input.paid ?? true;
      // Order statuses: PLACE_ORDER_SUCCESS awaits payment, WAIT_SELLER_SEND_GOODS is paid
      // (specs/aliexpress/aliexpress_solution_order_get.json#param0.order_status).
      const order = world.addOrder({ status: paid ? 'WAIT_SELLER_SEND_GOODS' : 'PLACE_ORDER_SUCCESS', lines: [{ sku: input.sku, price: hit.line.discount_price ?? hit.line.price, count: quantity }] });
      // inventory_deduction_strategy: place_order_withhold deducts "just after the order is placed",
      // payment_success_deduct "after the payment is done successfully"
      // (specs/aliexpress/aliexpress_solution_product_post.json#inventory_deduction_strategy).
      const strategy = hit.product.request.inventory_deduction_strategy;
      // Neither that page nor the inventory read (specs/aliexpress/aliexpress_solution_product_info_get.json#result.reduce_strategy)
      // says whether units come back when an unpaid order is closed or an order is cancelled: the
      // simulator gives none back (an undocumented restock is never modelled).
      if (paid || strategy === 'place_order_withhold') hit.line.inventory = before - quantity;
      return { placed: true, orderId: order.id, shown: before };
    },
  };
}
