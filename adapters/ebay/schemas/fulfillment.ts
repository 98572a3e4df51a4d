import { z } from 'zod';
import { Amount, ErrorDetail } from './common.js';

/** sell_fulfillment_v1_oas3.json, only the fields the adapter reads; records stay loose. */
/** EbayCollectAndRemitTax: `ebayReference` names eBay's IOSS / OSS / VOEC / ABN... number (EbayTaxReference). */
const Tax = z
  .object({ taxType: z.string().optional(), amount: Amount.optional(), collectionMethod: z.string().optional(), ebayReference: z.object({ name: z.string().optional(), value: z.string().optional() }).loose().optional() })
  .loose();

const Address = z
  .object({ addressLine1: z.string().optional(), addressLine2: z.string().optional(), city: z.string().optional(), stateOrProvince: z.string().optional(), postalCode: z.string().optional(), countryCode: z.string().optional(), county: z.string().optional() })
  .loose();

const Contact = z
  .object({ fullName: z.string().optional(), companyName: z.string().optional(), email: z.string().optional(), contactAddress: Address.optional(), primaryPhone: z.object({ phoneNumber: z.string().optional() }).loose().optional() })
  .loose();

export const LineItem = z
  .object({
    lineItemId: z.string(),
    legacyItemId: z.string().optional(),
    legacyVariationId: z.string().optional(),
    sku: z.string().optional(),
    title: z.string().optional(),
    quantity: z.number().int().nonnegative(),
    lineItemCost: Amount,
    total: Amount.optional(),
    lineItemFulfillmentStatus: z.string().optional(),
    listingMarketplaceId: z.string().optional(),
    purchaseMarketplaceId: z.string().optional(),
    ebayCollectAndRemitTaxes: z.array(Tax).optional(),
    taxes: z.array(z.object({ amount: Amount.optional(), taxType: z.string().optional() }).loose()).optional(),
    deliveryCost: z.object({ shippingCost: Amount.optional(), discountAmount: Amount.optional() }).loose().optional(),
    appliedPromotions: z.array(z.object({ discountAmount: Amount.optional(), promotionId: z.string().optional(), description: z.string().optional() }).loose()).optional(),
    lineItemFulfillmentInstructions: z.object({ shipByDate: z.string().optional(), maxEstimatedDeliveryDate: z.string().optional() }).loose().optional(),
  })
  .loose();
export type LineItem = z.infer<typeof LineItem>;

/** One order: parsed per record (a malformed one is quarantined, not its page). */
export const Order = z
  .object({
    orderId: z.string(),
    creationDate: z.string(),
    lastModifiedDate: z.string(),
    orderFulfillmentStatus: z.string(),
    orderPaymentStatus: z.string().optional(),
    sellerId: z.string().optional(),
    buyer: z.object({ username: z.string().optional(), buyerRegistrationAddress: Contact.optional() }).loose().optional(),
    cancelStatus: z.object({ cancelState: z.string().optional() }).loose().optional(),
    pricingSummary: z
      .object({ priceSubtotal: Amount.optional(), deliveryCost: Amount.optional(), deliveryDiscount: Amount.optional(), tax: Amount.optional(), total: Amount.optional(), priceDiscount: Amount.optional(), fee: Amount.optional() })
      .loose(),
    fulfillmentStartInstructions: z.array(z.object({ shippingStep: z.object({ shipTo: Contact.optional(), shippingCarrierCode: z.string().optional() }).loose().optional() }).loose()).optional(),
    lineItems: z.array(LineItem).min(1),
    totalMarketplaceFee: Amount.optional(),
    salesRecordReference: z.string().optional(),
  })
  .loose();
export type Order = z.infer<typeof Order>;

/** getOrders page: structure only; `orders` are parsed per record. */
export const OrderPage = z.object({ total: z.number().optional(), limit: z.number().optional(), offset: z.number().optional(), next: z.string().optional(), orders: z.array(z.unknown()).default([]), warnings: z.array(ErrorDetail).optional() }).loose();

export const ShippingFulfillment = z
  .object({
    fulfillmentId: z.string(),
    lineItems: z.array(z.object({ lineItemId: z.string(), quantity: z.number().int().optional() }).loose()).default([]),
    shipmentTrackingNumber: z.string().optional(),
    shippingCarrierCode: z.string().optional(),
    shippedDate: z.string().optional(),
  })
  .loose();
export type ShippingFulfillment = z.infer<typeof ShippingFulfillment>;

export const FulfillmentPage = z.object({ fulfillments: z.array(ShippingFulfillment).default([]), total: z.number().optional() }).loose();

/** createShippingFulfillment request (ShippingFulfillmentDetails). */
export interface ShippingFulfillmentDetails {
  lineItems: Array<{ lineItemId: string; quantity: number }>;
  shippedDate?: string;
  shippingCarrierCode: string;
  trackingNumber: string;
}
