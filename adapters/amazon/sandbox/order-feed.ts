import { XMLParser } from 'fast-xml-parser';
// The XML answer (a ProcessingReport, the feed's result document behind resultFeedDocumentId,
// specs/amazon/feeds_2021-06-30.json#/definitions/Feed) is built in ./processing-report.ts.
import { ProcessingResults } from './processing-report.js';
import type { OrderDoc } from './order-doc.js';
import type { AmazonSandboxState, SandboxFeed } from './state.js';

/**
 * POST_ORDER_ACKNOWLEDGEMENT_DATA as Amazon processes it. An OrderAcknowledgement with StatusCode
 * Failure is a seller cancellation (OrderAcknowledgement.xsd; Seller Central help "Order
 * acknowledgement feed" / "Cancel an order"). Once units of the order have shipped, Amazon does
 * not cancel just the rest: it refunds the entire order, shipped units included (the behaviour
 * issue 13 documents from Amazon's order-cancellation help), which the sandbox records in
 * `state.refunds` so a client that sends such a cancellation is caught. The answer is an XML
 * ProcessingReport (ProcessingReport.xsd): a summary plus one Result per failed message.
 */
type Ack = { AmazonOrderID?: string; StatusCode?: string; Item?: Array<{ AmazonOrderItemCode?: string; CancelReason?: string }> };

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, isArray: (name) => name === 'Message' || name === 'Item' });

function cancelAll(o: OrderDoc, reason: string | undefined, now: number): void {
  for (const it of o.orderItems) it.cancellation = { ...it.cancellation, cancellationExecution: { cancelledBy: 'MERCHANT', cancelReason: reason } };
  if (o.fulfillment) o.fulfillment.fulfillmentStatus = 'CANCELLED';
  o.lastUpdatedTime = new Date(now).toISOString();
}

export function processOrderAcknowledgement(state: AmazonSandboxState, feed: SandboxFeed, content: Buffer, now: number, lagMs: number): Buffer {
  const text = content.toString('utf8');
  state.orderFeedDocuments.push(text);
  let messages: Array<{ MessageID?: string; OrderAcknowledgement?: Ack }> = [];
  try {
    messages = parser.parse(text)?.AmazonEnvelope?.Message ?? [];
  } catch {
    messages = [];
  }
  const out = new ProcessingResults();
  const fail = out.fail.bind(out);
  for (const m of messages) {
    const id = Number(m.MessageID ?? 0);
    const ack = m.OrderAcknowledgement;
    const orderId = ack?.AmazonOrderID;
    const order = orderId ? state.orders.get(orderId) : undefined;
    if (!order || order.sellerId !== feed.sellerId) {
      fail(id, 18028, `The order ID ${orderId ?? ''} was not found for this merchant.`, orderId);
      continue;
    }
    if (ack?.StatusCode !== 'Failure') continue; // Success = acknowledged, nothing to change here
    const status = order.actual.fulfillment?.fulfillmentStatus;
    if (status === 'SHIPPED' || status === 'CANCELLED') {
      fail(id, 18029, `Order ${orderId} is ${status} and cannot be cancelled.`, orderId);
      continue;
    }
    const reason = ack.Item?.[0]?.CancelReason;
    const shippedUnits = order.actual.orderItems.some((it) => (it.fulfillment?.quantityFulfilled ?? 0) > 0);
    // The whole order is refunded, even units already shipped (see the rule above).
    state.refunds.set(orderId!, shippedUnits ? 'ENTIRE_ORDER_INCLUDING_SHIPPED' : 'ENTIRE_ORDER');
    cancelAll(order.actual, reason, now);
    order.pending.push({ at: now + lagMs, apply: (o) => cancelAll(o, reason, now) });
  }
  return out.report(feed, messages.length, messages.length - out.results.length);
}
