import type { SandboxOrder, SandboxPackage } from './state.js';
import type { ShopeeSandboxState } from './world.js';

export interface SeedLine {
  itemId?: number;
  modelId?: number;
  sku?: string;
  name?: string;
  /** Unit price as Shopee sends it: a float in the order currency. */
  price: number;
  discountedPrice?: number;
  quantity?: number;
  /**
   * A bundle-deal line: get_order_detail shows model_discounted_price 0 ("by design bundle deal
   * discount will not be breakdown to item/model level", v2.order.get_order_detail item_list), and
   * only the escrow detail carries `discountedPrice` (the real unit price paid).
   */
  bundleDeal?: boolean;
}

export interface SeedOrderSpec {
  shopId?: number;
  orderSn?: string;
  status?: string;
  /** Epoch ms. */
  createdAt?: number;
  updatedAt?: number;
  lines?: SeedLine[];
  mode?: SandboxOrder['mode'];
  channel?: SandboxOrder['channel'];
  /** Served with a broken create_time (clients must quarantine it). */
  malformed?: boolean;
  fulfilledByShopee?: boolean;
  recipient?: { name: string; phone: string; full_address: string; city?: string; state?: string; zipcode?: string };
  buyerUsername?: string;
  /** Buyer-paid shipping fee and order-level reductions, in the order currency (escrow detail). */
  shippingFee?: number;
  sellerVoucher?: number;
  shopeeVoucher?: number;
  coins?: number;
  /** Buyer-paid checkout fees (escrow buyer_payment_info.buyer_service_fee / initial_buyer_txn_fee). */
  buyerServiceFee?: number;
  buyerTxnFee?: number;
}

const ALNUM = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** order_sn shaped like Shopee's: YYMMDD + 8 characters. */
function orderSn(world: ShopeeSandboxState, createdAt: number): string {
  const d = new Date(createdAt).toISOString();
  let tail = '';
  let n = world.nextId() * 7919;
  for (let i = 0; i < 8; i++, n = Math.floor(n / ALNUM.length) + i * 31) tail += ALNUM[n % ALNUM.length];
  return `${d.slice(2, 4)}${d.slice(5, 7)}${d.slice(8, 10)}${tail}`;
}

/** Adds one order (READY_TO_SHIP by default, one line, integrated pickup) and returns it. */
export function seedOrder(world: ShopeeSandboxState, spec: SeedOrderSpec = {}): SandboxOrder {
  const shop = world.shops.get(spec.shopId ?? [...world.shops.keys()][0]!);
  if (!shop) throw new Error('seedOrder: unknown shop');
  const createdAt = spec.createdAt ?? world.now();
  const sn = spec.orderSn ?? orderSn(world, createdAt);
  const lines = (spec.lines ?? [{ price: shop.priceDecimals ? 19.9 : 199000 }]).map((l, i) => {
    const itemId = l.itemId ?? 30000 + world.nextId();
    return {
      item_id: itemId, item_name: l.name ?? `Item ${i + 1}`, item_sku: l.sku ?? `SKU-${itemId}`, model_id: l.modelId ?? 0, model_name: '', model_sku: l.sku ?? '',
      model_quantity_purchased: l.quantity ?? 1, model_original_price: l.price, model_discounted_price: l.bundleDeal ? 0 : l.discountedPrice ?? l.price,
      order_item_id: itemId, promotion_group_id: 0, promotion_type: l.bundleDeal ? 'bundle_deal' : '', wholesale: false, weight: 0.2,
    };
  });
  const money = {
    paid: (spec.lines ?? []).map((l) => l.discountedPrice ?? l.price),
    shippingFee: spec.shippingFee ?? 0, sellerVoucher: spec.sellerVoucher ?? 0, shopeeVoucher: spec.shopeeVoucher ?? 0, coins: spec.coins ?? 0,
    buyerServiceFee: spec.buyerServiceFee ?? 0, buyerTxnFee: spec.buyerTxnFee ?? 0,
  };
  if (!spec.lines) money.paid = lines.map((l) => l.model_original_price);
  // total_amount: "The total amount paid by the buyer": items paid + buyer-paid shipping (and the buyer's
  // checkout fees), offset by promotions (v2.order.get_order_detail total_amount).
  const scale = 10 ** shop.priceDecimals;
  const cents = (v: number) => Math.round(v * scale);
  const fees = cents(money.buyerServiceFee) + cents(money.buyerTxnFee);
  const total = (lines.reduce((s, l, i) => s + cents(money.paid[i]!) * l.model_quantity_purchased, 0) + cents(money.shippingFee) + fees - cents(money.sellerVoucher) - cents(money.shopeeVoucher) - cents(money.coins)) / scale;
  const mode = spec.mode ?? 'pickup';
  const pkg: SandboxPackage = {
    package_number: `OFG${world.nextId()}${sn.slice(-4)}`, logistics_status: 'LOGISTICS_READY', logistics_channel_id: mode === 'non_integrated' ? 18099 : 18025,
    shipping_carrier: mode === 'non_integrated' ? 'Seller Own Fleet' : 'Standard Delivery (SPX)',
    item_list: lines.map((l) => ({ item_id: l.item_id, model_id: l.model_id, model_quantity: l.model_quantity_purchased, order_item_id: l.order_item_id, promotion_group_id: 0 })),
  };
  const status = spec.status ?? 'READY_TO_SHIP';
  const createSec = Math.floor(createdAt / 1000);
  const order: SandboxOrder = {
    shopId: shop.shopId,
    money,
    mode,
    ...(spec.channel ? { channel: spec.channel } : {}),
    malformed: !!spec.malformed,
    shipments: 0,
    packages: [pkg],
    wire: {
      order_sn: sn, region: shop.region, currency: shop.currency, cod: false, order_status: status, message_to_seller: '',
      create_time: createSec, update_time: Math.floor((spec.updatedAt ?? createdAt) / 1000), days_to_ship: 2, ship_by_date: createSec + 2 * 86400, booking_sn: '',
      item_list: lines, total_amount: total, pay_time: status === 'UNPAID' ? null : createSec + 60,
      buyer_user_id: 1170319091, buyer_username: spec.buyerUsername ?? 'buyer_xt4f', recipient_address: spec.recipient ?? { name: 'Tan Ah Kow', phone: '6591234567', town: '', district: '', city: 'Singapore', state: '', region: shop.region, zipcode: '018956', full_address: '10 Bayfront Avenue, Singapore 018956' },
      cancel_by: '', cancel_reason: '', buyer_cancel_reason: '', fulfillment_flag: spec.fulfilledByShopee ? 'fulfilled_by_shopee' : 'fulfilled_by_local_seller',
      shipping_carrier: pkg.shipping_carrier, split_up: false,
    },
  };
  world.orders.set(sn, order);
  return order;
}
