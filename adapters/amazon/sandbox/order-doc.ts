/** The sandbox's orders, in the Orders API 2026-01-01 shape (orders_2026-01-01.json), all datasets filled. */
export interface MoneyDoc {
  amount: string;
  currencyCode: string;
}

export interface BreakdownDoc {
  type: string;
  subtotal: MoneyDoc;
  detailedBreakdowns?: Array<{ subtype: string; value: MoneyDoc }>;
}

export interface OrderItemDoc {
  orderItemId: string;
  quantityOrdered: number;
  programs?: string[];
  product: { asin: string; title: string; sellerSku: string; condition?: { conditionType: string; conditionSubtype?: string }; price: { unitPrice: MoneyDoc } };
  proceeds?: { proceedsTotal: MoneyDoc; breakdowns: BreakdownDoc[] };
  cancellation?: {
    cancellationRequest?: { requester: string; cancelReason?: string };
    cancellationExecution?: { cancelledBy: string; cancelReason?: string };
  };
  fulfillment?: { quantityFulfilled: number; quantityUnfulfilled: number; shipping?: { internationalShipping?: { iossNumber: string } } };
  tax?: { taxCalculationBreakdowns?: Array<{ reportingScheme: string }>; taxCollections?: Array<{ model: string; responsibleParty: string }> };
}

export interface PackageDoc {
  packageReferenceId: string;
  createdTime: string;
  packageStatus: { status: string };
  carrier: string;
  shipTime: string;
  shippingService?: string;
  trackingNumber: string;
  packageItems: Array<{ orderItemId: string; quantity: number }>;
}

export interface OrderDoc {
  orderId: string;
  orderAliases?: Array<{ aliasId: string; aliasType: string }>;
  createdTime: string;
  lastUpdatedTime: string;
  programs?: string[];
  salesChannel: { channelName: string; marketplaceId: string; marketplaceName?: string };
  buyer?: { buyerName?: string; buyerEmail?: string };
  recipient?: { deliveryAddress?: Record<string, string> };
  proceeds?: { grandTotal: MoneyDoc; breakdowns: BreakdownDoc[] };
  fulfillment?: { fulfillmentStatus: string; fulfilledBy: string; fulfillmentServiceLevel?: string; shipByWindow?: { earliestDateTime: string; latestDateTime: string } };
  orderItems: OrderItemDoc[];
  packages?: PackageDoc[];
}

/** Which top-level / item-level parts each includedData value unlocks (orders_2026-01-01.json). */
export function project(o: OrderDoc, included: Set<string>, malformed: boolean): unknown {
  const items = o.orderItems.map((it) => ({
    orderItemId: it.orderItemId,
    quantityOrdered: it.quantityOrdered,
    ...(it.programs ? { programs: it.programs } : {}),
    product: it.product,
    ...(included.has('PROCEEDS') && it.proceeds ? { proceeds: it.proceeds } : {}),
    ...(included.has('CANCELLATION') && it.cancellation ? { cancellation: it.cancellation } : {}),
    ...(included.has('FULFILLMENT') && it.fulfillment ? { fulfillment: it.fulfillment } : {}),
    ...(included.has('TAX') && it.tax ? { tax: it.tax } : {}),
  }));
  return {
    orderId: o.orderId,
    ...(o.orderAliases ? { orderAliases: o.orderAliases } : {}),
    // A malformed record (contract test): its time is not a string any more.
    createdTime: malformed ? 20240101 : o.createdTime,
    lastUpdatedTime: o.lastUpdatedTime,
    ...(o.programs ? { programs: o.programs } : {}),
    salesChannel: o.salesChannel,
    ...(included.has('BUYER') && o.buyer ? { buyer: o.buyer } : {}),
    ...(included.has('RECIPIENT') && o.recipient ? { recipient: o.recipient } : {}),
    ...(included.has('PROCEEDS') && o.proceeds ? { proceeds: o.proceeds } : {}),
    ...(included.has('FULFILLMENT') && o.fulfillment ? { fulfillment: o.fulfillment } : {}),
    orderItems: items,
    ...(included.has('PACKAGES') && o.fulfillment?.fulfilledBy === 'MERCHANT' ? { packages: o.packages ?? [] } : {}),
  };
}
