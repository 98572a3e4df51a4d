import { toDecimal, type Money } from '../../../src/model/money.js';
import type { Order } from '../../../src/model/order.js';
import type { ResolvedRefund } from '../../../src/returns/refund-cap.js';
import { amazonEnvelope } from '../mappers/xml-envelope.js';

/**
 * POST_PAYMENT_ADJUSTMENT_DATA: the XML order adjustments feed. It is an available Order feed type
 * of the Feeds API 2021-06-30 ("Feed Type Values", https://developer-docs.amazon.com/sp-api/docs/feed-type-values;
 * its flat-file twin POST_FLAT_FILE_PAYMENT_ADJUSTMENT_DATA "Makes financial adjustment to
 * customers' orders. For example, a refund", https://developer-docs.amazon.com/sp-api/docs/order-feed-type-values),
 * and Amazon's developer support points sellers to the order adjustment feed to refund a
 * merchant-fulfilled return (https://github.com/amzn/selling-partner-api-models/issues/4185). No
 * JSON feed exists for orders: JSON_LISTINGS_FEED is the only JSON feed type (same page).
 * Document shape (OrderAdjustment.xsd inside amzn-envelope.xsd, as submitted through the Feeds API
 * in selling-partner-api-models#4405 and #4914): MessageType OrderAdjustment; per message an
 * OrderAdjustment with AmazonOrderID, ActionType Refund and one AdjustedItem per order item
 * (AmazonOrderItemCode, AdjustmentReason, ItemPriceAdjustments/Component{Type, Amount@currency},
 * Quantity). Refunded amounts are positive (a charge such as a restocking fee would be negative).
 * Built with XMLBuilder (escaping included), like the order acknowledgement feed (mappers/cancel-feed.ts).
 */
export const ADJUSTMENT_FEED_TYPE = 'POST_PAYMENT_ADJUSTMENT_DATA';

/** AdjustmentReason of a refund for a returned item (the value used in selling-partner-api-models#4405). */
export const DEFAULT_ADJUSTMENT_REASON = 'CustomerReturn';

export interface AdjustedLine {
  orderItemId: string;
  quantity?: number;
  /** Refund of the item price ("Principal" component). */
  principal: Money;
  /** Refund of the item's tax when the marketplace shows prices without tax ("Tax" component). */
  tax?: Money;
}

/**
 * Splits each resolved refund line into its Principal and Tax parts: the item price paid for the
 * refunded units first (unit price × quantity − discounts, prorated), any rest as tax (only
 * tax-exclusive lines carry tax on top of the price, src/returns/refund-cap.ts paidForLine).
 */
export function adjustedLines(order: Order, resolved: ResolvedRefund): AdjustedLine[] {
  return resolved.lines.map((l) => {
    const line = order.lines.find((o) => o.lineId === l.lineId)!;
    const qty = l.quantity ?? line.quantity;
    let price = (line.unitPrice?.amount ?? l.amount.amount) * qty;
    for (const d of line.discounts) if (d.amount.currency === l.amount.currency) price -= Math.round((d.amount.amount * qty) / Math.max(1, line.quantity));
    const principal = line.taxInclusive ? l.amount.amount : Math.min(l.amount.amount, Math.max(0, price));
    const tax = l.amount.amount - principal;
    return {
      orderItemId: l.lineId,
      ...(l.quantity !== undefined ? { quantity: l.quantity } : {}),
      principal: { amount: principal, currency: l.amount.currency },
      ...(tax > 0 ? { tax: { amount: tax, currency: l.amount.currency } } : {}),
    };
  });
}


const component = (type: string, m: Money) => ({ Type: type, Amount: { '@_currency': m.currency, '#text': toDecimal(m) } });

/** One envelope with one OrderAdjustment message (MessageID 1) refunding the given items. */
export function adjustmentDocument(input: { sellerId: string; orderId: string; reason: string; lines: AdjustedLine[] }): string {
  return amazonEnvelope(input.sellerId, 'OrderAdjustment', {
    MessageID: 1,
    OrderAdjustment: {
      AmazonOrderID: input.orderId,
      ActionType: 'Refund',
      AdjustedItem: input.lines.map((l) => ({
        AmazonOrderItemCode: l.orderItemId,
        AdjustmentReason: input.reason,
        ItemPriceAdjustments: { Component: [component('Principal', l.principal), ...(l.tax ? [component('Tax', l.tax)] : [])] },
        ...(l.quantity !== undefined ? { Quantity: l.quantity } : {}),
      })),
    },
  });
}
