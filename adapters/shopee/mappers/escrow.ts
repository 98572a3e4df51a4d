import type { Money } from '../../../src/model/money.js';
import { minorUnits } from '../money.js';
import type { EscrowDetail } from '../schemas/payment.js';

/** One order line's money as settled: subtotals of its quantity (get_escrow_detail items[]). */
export interface EscrowLine {
  quantity: number;
  original: number;
  paid: number;
  activity?: string;
}

/** Integer minor units of one currency, read once from an escrow record. */
export interface EscrowMoney {
  /** Queues of escrow items by `item_id:model_id` (a bundle can list one model more than once). */
  lines: Map<string, EscrowLine[]>;
  charged?: number;
  shipping?: number;
  /** Order-level reductions the buyer got: vouchers, coins, payment promotions. */
  orderDiscounts: number;
  /** Taxes the buyer paid on top of the (tax-inclusive) prices: import/customs taxes, SST on shipping. */
  tax: number;
  /** Buyer-paid fees that are neither items, shipping nor tax (service, transaction, insurance, packaging...). */
  buyerFees: number;
  payout?: number;
  buyerUsername?: string;
}

type Amount = number | string | null | undefined;

export function escrowMoney(e: EscrowDetail, currency: string, exponent: number): EscrowMoney {
  const units = (v: Amount) => (v === undefined || v === null || v === '' ? undefined : minorUnits(v, currency, exponent));
  // Reductions come positive in get_escrow_detail's sample and negative in the batch sample: magnitude.
  const abs = (v: Amount) => Math.abs(units(v) ?? 0);
  const sum = (vs: Amount[]) => vs.reduce<number>((s, v) => s + abs(v), 0);
  const lines = new Map<string, EscrowLine[]>();
  for (const it of e.order_income.items) {
    const key = `${it.item_id}:${it.model_id}`;
    const original = units(it.original_price) ?? 0;
    const line: EscrowLine = { quantity: it.quantity_purchased ?? 0, original, paid: units(it.discounted_price) ?? original, activity: it.activity_type?.trim() || undefined };
    const q = lines.get(key);
    if (q) q.push(line);
    else lines.set(key, [line]);
  }
  const oi = e.order_income;
  const bp = e.buyer_payment_info;
  return {
    lines,
    charged: units(bp?.buyer_total_amount) ?? units(oi.buyer_total_amount),
    shipping: units(bp?.shipping_fee) ?? units(oi.buyer_paid_shipping_fee),
    orderDiscounts: bp
      ? sum([bp.seller_voucher, bp.shopee_voucher, bp.shopee_coins_redeemed, bp.credit_card_promotion, bp.ads_voucher_discount, bp.discount_pix, bp.trade_in_bonus])
      : sum([oi.voucher_from_seller, oi.voucher_from_shopee, oi.coins]),
    tax: bp ? sum([bp.buyer_tax_amount, bp.import_tax_amount, bp.icms_tax_amount, bp.iof_tax_amount, bp.shipping_fee_sst_amount]) : 0,
    buyerFees: bp ? sum([bp.buyer_service_fee, bp.initial_buyer_txn_fee, bp.insurance_premium, bp.buyer_paid_packaging_fee, bp.bulky_handling_fee, bp.bcrs_deposit, bp.shopeevip_subtotal]) : 0,
    payout: units(oi.escrow_amount),
    buyerUsername: e.buyer_user_name || undefined,
  };
}

/** Takes the escrow items covering `quantity` units of one model off its queue. */
export function takeLine(m: EscrowMoney, key: string, quantity: number): EscrowLine | undefined {
  const q = m.lines.get(key);
  if (!q?.length) return undefined;
  const out: EscrowLine = { quantity: 0, original: 0, paid: 0 };
  while (q.length && out.quantity < quantity) {
    const x = q.shift()!;
    out.quantity += x.quantity;
    out.original += x.original;
    out.paid += x.paid;
    out.activity ??= x.activity;
  }
  return out;
}

export const cash = (amount: number, currency: string): Money => ({ amount, currency });
