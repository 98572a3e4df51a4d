import { z } from 'zod';
import { registerPii } from '../errors/redact.js';
import { AddressSchema } from './address.js';
import { CurrencyCodeSchema, MoneySchema } from './money.js';

export const ORDER_STATUSES = ['pending', 'unshipped', 'partially_shipped', 'shipped', 'delivered', 'cancelled', 'unknown'] as const;
export const OrderStatusSchema = z.enum(ORDER_STATUSES);
export type OrderStatus = z.infer<typeof OrderStatusSchema>;

/** Why an order may not be shipped right now. */
export const OrderHoldSchema = z.enum([
  'unpaid',
  'risk_hold',
  'pending_buyer_cancellation',
  'address_problem',
  'pending_availability',
  'marketplace_hold',
]);
export type OrderHold = z.infer<typeof OrderHoldSchema>;

/** A UTC instant plus the marketplace's original string (kept for audits and exotic zones). */
export const InstantSchema = z.object({ utc: z.string(), raw: z.string() });
export type Instant = z.infer<typeof InstantSchema>;

export const DiscountSchema = z.object({ kind: z.string(), amount: MoneySchema });

export const OrderLineSchema = z.object({
  lineId: z.string(),
  sku: z.string().optional(),
  title: z.string().optional(),
  /** Marketplace product/variant ids (ASIN; item_id/model_id...). */
  variantIds: z.record(z.string(), z.string()).default({}),
  quantity: z.number().int().nonnegative(),
  shippedQuantity: z.number().int().nonnegative().default(0),
  cancelledQuantity: z.number().int().nonnegative().default(0),
  returnedQuantity: z.number().int().nonnegative().default(0),
  unitPrice: MoneySchema.optional(),
  /** Whether unitPrice includes VAT/GST as the buyer saw it. */
  taxInclusive: z.boolean(),
  discounts: z.array(DiscountSchema).default([]),
});
export type OrderLine = z.infer<typeof OrderLineSchema>;

export const TaxLineSchema = z.object({
  kind: z.string(),
  amount: MoneySchema,
  collectedBy: z.enum(['seller', 'marketplace']),
  /** IOSS, UK_VAT, VOEC, GST, ... when the marketplace says. */
  scheme: z.string().optional(),
  registrationNumber: z.string().optional(),
  lineId: z.string().optional(),
});
export type TaxLine = z.infer<typeof TaxLineSchema>;

export const OrderTotalsSchema = z.object({
  /** What the buyer was charged (items + shipping + tax + fees − discounts), never the seller's proceeds. */
  charged: MoneySchema.optional(),
  items: MoneySchema.optional(),
  shipping: MoneySchema.optional(),
  tax: MoneySchema.optional(),
  discounts: MoneySchema.optional(),
  /** Buyer-paid fees that are neither items, shipping nor tax (service, transaction, insurance fees...). */
  fees: MoneySchema.optional(),
  /** Seller's revenue after marketplace fees, when the marketplace gives it; separate on purpose. */
  proceeds: MoneySchema.optional(),
});

export const OrderSchema = z.object({
  id: z.string(),
  marketplace: z.string(),
  account: z.string().optional(),
  store: z.string(),
  status: OrderStatusSchema,
  marketplaceStatus: z.string(),
  holds: z.array(OrderHoldSchema).default([]),
  shippable: z.boolean(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
  shipBy: z.object({ earliest: InstantSchema.optional(), latest: InstantSchema.optional() }).optional(),
  fulfilledBy: z.enum(['merchant', 'marketplace']),
  buyer: z.object({ name: z.string().optional(), email: z.string().optional() }).optional(),
  shippingAddress: AddressSchema.optional(),
  lines: z.array(OrderLineSchema),
  taxes: z.array(TaxLineSchema).default([]),
  totals: OrderTotalsSchema.default({}),
  currencies: z
    .object({
      buyer: CurrencyCodeSchema,
      listing: CurrencyCodeSchema.optional(),
      payout: CurrencyCodeSchema.optional(),
      /** Rate used between buyer and payout currency, as a decimal string. */
      rate: z.string().optional(),
    })
    .optional(),
  /** Marketplace-specific extras, typed per adapter by the `raw` client. */
  extra: z.record(z.string(), z.unknown()).default({}),
});
export type Order = z.infer<typeof OrderSchema>;

/**
 * Registers the buyer data of a mapped order for redaction, so an error or hook that echoes a
 * name, street line, phone or e-mail is cleaned (issue 12.4). Every adapter calls it for each
 * order it maps with PII, plus marketplace-only identifiers (e.g. a buyer username) in `more`.
 * Re-registering on every mapping keeps the values of orders in hand the most recent in the
 * bounded PII registry.
 */
export function registerOrderPii(order: Pick<Order, 'buyer' | 'shippingAddress'>, more: ReadonlyArray<string | null | undefined> = []): void {
  const a = order.shippingAddress;
  const values = [order.buyer?.name, order.buyer?.email, a?.name, a?.company, ...(a?.lines ?? []), a?.phone, a?.email, ...more];
  for (const v of values) registerPii(v);
}
