import type { SandboxContext } from '../../../src/sandbox/module.js';
import type { Router } from '../../../src/sandbox/router.js';
import { fail, ok } from './envelope.js';
import { bodyOf, route, type Caller } from './gate.js';
import type { SandboxOrder } from './state.js';
import type { ShopeeSandboxState } from './world.js';

type Shop = Extract<Caller, { kind: 'shop' }>;
type Line = { item_id: number; item_name: string; item_sku: string; model_id: number; model_name: string; model_sku: string; model_quantity_purchased: number; model_original_price: number; promotion_type: string };

/** Seller commission the simulator charges: 5 % of the items paid (any figure; Shopee's varies by shop). */
const COMMISSION = 0.05;

/**
 * The escrow detail of one order (specs/shopee/v2.payment.get_escrow_detail.json): items[] carry
 * subtotals of their quantity (original_price, discounted_price), bundle lines included;
 * buyer_payment_info is the checkout snapshot (merchant_subtotal + shipping_fee + buyer_service_fee +
 * initial_buyer_txn_fee − vouchers − coins = buyer_total_amount, "the total amount paid by buyer"); escrow_amount follows the documented formula with the terms modelled here
 * (cost of goods sold − voucher_from_seller + buyer_paid_shipping_fee − actual_shipping_fee − commission_fee).
 */
export function escrowOf(o: SandboxOrder, decimals: number): Record<string, unknown> {
  const scale = 10 ** decimals;
  const cents = (v: number) => Math.round(v * scale);
  const out = (c: number) => c / scale;
  const lines = o.wire.item_list as Line[];
  const m = o.money ?? { paid: lines.map((l) => l.model_original_price), shippingFee: 0, sellerVoucher: 0, shopeeVoucher: 0, coins: 0 };
  const items = lines.map((l, i) => {
    const q = l.model_quantity_purchased;
    return {
      item_id: l.item_id, item_name: l.item_name, item_sku: l.item_sku, model_id: l.model_id, model_name: l.model_name, model_sku: l.model_sku,
      original_price: out(cents(l.model_original_price) * q), selling_price: out(cents(l.model_original_price) * q), discounted_price: out(cents(m.paid[i]!) * q),
      activity_type: l.promotion_type === 'bundle_deal' ? 'bundle_deal' : '', activity_id: 0, is_main_item: false, quantity_purchased: q,
    };
  });
  const goods = items.reduce((s, it) => s + cents(it.discounted_price), 0);
  const serviceFee = cents(m.buyerServiceFee ?? 0);
  const txnFee = cents(m.buyerTxnFee ?? 0);
  const total = goods + cents(m.shippingFee) + serviceFee + txnFee - cents(m.sellerVoucher) - cents(m.shopeeVoucher) - cents(m.coins);
  const commission = Math.round(goods * COMMISSION);
  const escrow = goods - cents(m.sellerVoucher) + cents(m.shippingFee) - cents(m.shippingFee) - commission;
  return {
    order_sn: o.wire.order_sn,
    buyer_user_name: o.wire.buyer_username,
    return_order_sn_list: [],
    buyer_payment_info: {
      buyer_payment_method: 'ShopeePay', buyer_total_amount: out(total), merchant_subtotal: out(goods), shipping_fee: out(cents(m.shippingFee)),
      seller_voucher: -out(cents(m.sellerVoucher)), shopee_voucher: -out(cents(m.shopeeVoucher)), shopee_coins_redeemed: -out(cents(m.coins)),
      credit_card_promotion: 0, buyer_tax_amount: 0, import_tax_amount: 0, buyer_service_fee: out(serviceFee), initial_buyer_txn_fee: out(txnFee), insurance_premium: 0,
    },
    order_income: {
      escrow_amount: out(escrow), buyer_total_amount: out(total), cost_of_goods_sold: out(goods), original_cost_of_goods_sold: out(goods),
      buyer_paid_shipping_fee: out(cents(m.shippingFee)), actual_shipping_fee: out(cents(m.shippingFee)), voucher_from_seller: out(cents(m.sellerVoucher)),
      voucher_from_shopee: out(cents(m.shopeeVoucher)), coins: out(cents(m.coins)), commission_fee: out(commission), service_fee: 0, seller_transaction_fee: 0,
      items,
    },
  };
}

export function installPayment(router: Router, world: ShopeeSandboxState, ctx: SandboxContext): void {
  const own = (caller: Shop, sn: unknown) => {
    const o = world.orders.get(String(sn));
    return o && o.shopId === caller.id ? o : undefined;
  };

  // Refusals: specs/shopee/v2.payment.get_escrow_detail.json error_list.
  route<Shop>(router, world, ctx, 'GET', '/api/v2/payment/get_escrow_detail', (req, caller) => {
    const sn = req.query.get('order_sn');
    if (!sn) return fail('error_param', 'Missing order_sn. Please include a valid order_sn to get escrow details.');
    const o = own(caller, sn);
    if (!o) return fail('order_not_found', 'Order SN provided is invalid or does not belong to you. Please enter a valid Order SN.');
    return ok(escrowOf(o, caller.shop.priceDecimals));
  });

  // Refusals: specs/shopee/v2.payment.get_escrow_detail_batch.json error_list.
  route<Shop>(router, world, ctx, 'POST', '/api/v2/payment/get_escrow_detail_batch', (req, caller) => {
    const { body, res } = bodyOf<{ order_sn_list?: unknown }>(req);
    if (res) return res;
    const list = body.order_sn_list;
    if (!Array.isArray(list) || !list.length || list.some((x) => typeof x !== 'string')) return fail('error_param', 'order_sn_list is required, format should be string[]');
    if (list.length > 50) return fail('exceed_max_limit', 'Your request exceeds the max limit of 50 orders.');
    const orders = list.map((sn) => own(caller, sn));
    // How a batch treats an unknown order is not documented: the simulator refuses the whole batch with
    // the documented error_data "data not exist", the strictest reading. The sample answers [{ escrow_detail }].
    if (orders.some((o) => !o)) return fail('error_data', 'data not exist');
    return ok(orders.map((o) => ({ escrow_detail: escrowOf(o!, caller.shop.priceDecimals) })));
  });
}
