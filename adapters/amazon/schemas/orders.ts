import { z } from 'zod';

/**
 * Orders API 2026-01-01 wire shapes (orders_2026-01-01.json definitions). Only what the mapper
 * reads is declared; unknown keys are dropped. Enum-like fields stay strings (kept verbatim).
 */
const Money = z.object({ amount: z.string(), currencyCode: z.string() });
const Range = z.object({ earliestDateTime: z.string().optional(), latestDateTime: z.string().optional() });

const CustomerAddress = z.object({
  name: z.string().optional(),
  companyName: z.string().optional(),
  addressLine1: z.string().optional(),
  addressLine2: z.string().optional(),
  addressLine3: z.string().optional(),
  city: z.string().optional(),
  districtOrCounty: z.string().optional(),
  stateOrRegion: z.string().optional(),
  postalCode: z.string().optional(),
  countryCode: z.string().optional(),
  phone: z.string().optional(),
});

const Breakdown = z.object({
  type: z.string(),
  status: z.string().optional(),
  subtotal: Money,
  detailedBreakdowns: z.array(z.object({ subtype: z.string().optional(), value: Money.optional() })).optional(),
});

export const OrderItemSchema = z.object({
  orderItemId: z.string(),
  quantityOrdered: z.number().int().nonnegative(),
  product: z.object({
    asin: z.string().optional(),
    title: z.string().optional(),
    sellerSku: z.string().optional(),
    price: z.object({ unitPrice: Money.optional(), priceDesignation: z.string().optional() }).optional(),
  }),
  proceeds: z.object({ proceedsTotal: Money.optional(), breakdowns: z.array(Breakdown).optional() }).optional(),
  cancellation: z
    .object({
      cancellationRequest: z.object({ requester: z.string().optional(), cancelReason: z.string().optional() }).optional(),
      cancellationExecution: z.object({ cancelledBy: z.string().optional(), cancelReason: z.string().optional() }).optional(),
    })
    .optional(),
  fulfillment: z
    .object({
      quantityFulfilled: z.number().int().optional(),
      quantityUnfulfilled: z.number().int().optional(),
      shipping: z.object({ internationalShipping: z.object({ iossNumber: z.string().optional() }).optional() }).optional(),
    })
    .optional(),
  tax: z
    .object({
      taxCalculationBreakdowns: z.array(z.object({ reportingScheme: z.string().optional() })).optional(),
      taxCollections: z.array(z.object({ model: z.string().optional(), responsibleParty: z.string().optional() })).optional(),
    })
    .optional(),
});
export type OrderItem = z.infer<typeof OrderItemSchema>;

export const OrderPackageSchema = z.object({
  packageReferenceId: z.string(),
  createdTime: z.string().optional(),
  packageStatus: z.object({ status: z.string(), detailedStatus: z.string().optional() }).optional(),
  carrier: z.string().optional(),
  shipTime: z.string().optional(),
  shippingService: z.string().optional(),
  trackingNumber: z.string().optional(),
  packageItems: z.array(z.object({ orderItemId: z.string(), quantity: z.number().int() })).optional(),
});
export type OrderPackage = z.infer<typeof OrderPackageSchema>;

export const OrderSchema = z.object({
  orderId: z.string(),
  orderAliases: z.array(z.object({ aliasId: z.string(), aliasType: z.string() })).optional(),
  createdTime: z.string(),
  lastUpdatedTime: z.string(),
  programs: z.array(z.string()).optional(),
  salesChannel: z.object({ channelName: z.string(), marketplaceId: z.string().optional(), marketplaceName: z.string().optional() }),
  buyer: z.object({ buyerName: z.string().optional(), buyerEmail: z.string().optional(), buyerCompanyName: z.string().optional() }).optional(),
  recipient: z.object({ deliveryAddress: CustomerAddress.optional() }).optional(),
  proceeds: z.object({ grandTotal: Money.optional(), breakdowns: z.array(Breakdown).optional() }).optional(),
  fulfillment: z
    .object({
      fulfillmentStatus: z.string(),
      fulfilledBy: z.string().optional(),
      fulfillmentServiceLevel: z.string().optional(),
      shipByWindow: Range.optional(),
      deliverByWindow: Range.optional(),
    })
    .optional(),
  orderItems: z.array(OrderItemSchema),
  packages: z.array(OrderPackageSchema).optional(),
});
export type Order = z.infer<typeof OrderSchema>;

/** Page and single-order envelopes: checked structurally; orders themselves are parsed leniently. */
export const SearchOrdersResponseSchema = z.object({
  orders: z.array(z.unknown()),
  pagination: z.object({ nextToken: z.string().optional() }).optional(),
  lastUpdatedBefore: z.string().optional(),
  createdBefore: z.string().optional(),
});
export type SearchOrdersResponse = z.infer<typeof SearchOrdersResponseSchema>;

export const GetOrderResponseSchema = z.object({ order: z.unknown() });

/** includedData values of searchOrders/getOrder. */
export type IncludedData =
  | 'BUYER' | 'RECIPIENT' | 'PROCEEDS' | 'EXPENSE' | 'PROMOTION' | 'CANCELLATION' | 'FULFILLMENT' | 'PACKAGES' | 'TAX' | 'PAYMENT' | 'FULFILLMENT_ORDERS';

/** Body of v0 confirmShipment (ConfirmShipmentRequest / PackageDetail in ordersV0.json). */
export interface ConfirmShipmentRequest {
  marketplaceId: string;
  packageDetail: {
    packageReferenceId: string;
    carrierCode: string;
    carrierName?: string;
    shippingMethod?: string;
    trackingNumber: string;
    shipDate: string;
    orderItems: Array<{ orderItemId: string; quantity: number; transparencyCodes?: string[] }>;
  };
}
