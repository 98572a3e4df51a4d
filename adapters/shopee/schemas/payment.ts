import { z } from 'zod';
import { Id, Num, envelope } from './common.js';

/** specs/shopee/v2.payment.get_escrow_detail.json: order_income.items[] (amounts are subtotals of the line's quantity). */
const EscrowItem = z.looseObject({
  item_id: Id,
  model_id: Id,
  original_price: Num.optional(),
  selling_price: Num.optional(),
  discounted_price: Num.optional(),
  quantity_purchased: z.number().int().nonnegative().optional(),
  activity_type: z.string().optional(),
});

const Amount = Num.optional().nullable();

export const EscrowDetailSchema = z.looseObject({
  order_sn: z.string(),
  buyer_user_name: z.string().optional().nullable(),
  order_income: z.looseObject({
    escrow_amount: Amount,
    buyer_total_amount: Amount,
    buyer_paid_shipping_fee: Amount,
    voucher_from_seller: Amount,
    voucher_from_shopee: Amount,
    coins: Amount,
    items: z.array(EscrowItem).default([]),
  }),
  /** Checkout snapshot: what the buyer paid, part by part (vouchers and coins come signed negative in the batch sample). */
  buyer_payment_info: z.looseObject({
    buyer_total_amount: Amount,
    merchant_subtotal: Amount,
    shipping_fee: Amount,
    seller_voucher: Amount,
    shopee_voucher: Amount,
    shopee_coins_redeemed: Amount,
    credit_card_promotion: Amount,
    ads_voucher_discount: Amount,
    discount_pix: Amount,
    trade_in_bonus: Amount,
    buyer_tax_amount: Amount,
    import_tax_amount: Amount,
    icms_tax_amount: Amount,
    iof_tax_amount: Amount,
    shipping_fee_sst_amount: Amount,
    buyer_service_fee: Amount,
    initial_buyer_txn_fee: Amount,
    insurance_premium: Amount,
    buyer_paid_packaging_fee: Amount,
    bulky_handling_fee: Amount,
    bcrs_deposit: Amount,
    shopeevip_subtotal: Amount,
  }).optional().nullable(),
});
export type EscrowDetail = z.infer<typeof EscrowDetailSchema>;

export const EscrowDetailResponseSchema = envelope(EscrowDetailSchema);
export type EscrowDetailResponse = z.infer<typeof EscrowDetailResponseSchema>;

/** get_escrow_detail_batch answers `response: [{ escrow_detail }]` (specs/shopee/v2.payment.get_escrow_detail_batch.json sample). */
export const EscrowBatchResponseSchema = envelope(z.array(z.looseObject({ escrow_detail: EscrowDetailSchema })).default([]));
export type EscrowBatchResponse = z.infer<typeof EscrowBatchResponseSchema>;
