import { XMLParser } from 'fast-xml-parser';
import { ProcessingResults } from './processing-report.js';
import type { AmazonSandboxState, SandboxFeed } from './state.js';
import { stateList } from './state-slot.js';

/**
 * POST_PAYMENT_ADJUSTMENT_DATA as Amazon processes it: each OrderAdjustment message refunds the
 * listed items of one order (OrderAdjustment.xsd: AmazonOrderID, ActionType, AdjustedItem with
 * AmazonOrderItemCode, AdjustmentReason, ItemPriceAdjustments/Component{Type, Amount@currency},
 * Quantity — the documents in selling-partner-api-models#4405 / #4914; feed type listed under Order
 * on https://developer-docs.amazon.com/sp-api/docs/feed-type-values). The answer is an XML
 * ProcessingReport (ProcessingReport.xsd), as for the acknowledgement feed (./order-feed.ts):
 * a summary plus one Result per failed message. Accepted refunds are recorded for tests
 * ({@link adjustmentsOf}).
 */
export interface SandboxAdjustment {
  feedId: string;
  orderId: string;
  reason: string;
  items: Array<{ orderItemId: string; quantity?: number; components: Array<{ type: string; amount: string; currency: string }> }>;
  at: number;
}

/** The order adjustments (refunds) Amazon accepted in this sandbox. */
export const adjustmentsOf = stateList<SandboxAdjustment>();

type Amount = { '#text'?: string; currency?: string } | string;
type Item = { AmazonOrderItemCode?: string; AdjustmentReason?: string; Quantity?: string; ItemPriceAdjustments?: { Component?: Array<{ Type?: string; Amount?: Amount }> } };
type Message = { MessageID?: string; OrderAdjustment?: { AmazonOrderID?: string; ActionType?: string; AdjustedItem?: Item[] } };

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, isArray: (name) => ['Message', 'AdjustedItem', 'Component'].includes(name) });

function parse(text: string): { type?: string; messages: Message[] } | undefined {
  try {
    const env = parser.parse(text)?.AmazonEnvelope;
    return env ? { type: env.MessageType, messages: env.Message ?? [] } : undefined;
  } catch {
    return undefined;
  }
}

const amountOf = (a: Amount | undefined) => (typeof a === 'string' ? { amount: a, currency: '' } : { amount: a?.['#text'] ?? '', currency: a?.currency ?? '' });

export function processPaymentAdjustment(state: AmazonSandboxState, feed: SandboxFeed, content: Buffer, now: number): Buffer {
  const doc = parse(content.toString('utf8'));
  const out = new ProcessingResults();
  const fail = out.fail.bind(out);
  const messages = doc?.type === 'OrderAdjustment' ? doc.messages : [];
  // "Error 5000: This is a malformed or invalid XML document" (the feed result quoted in abuzuhri/Amazon-SP-API-CSharp#268).
  if (!doc || doc.type !== 'OrderAdjustment') fail(0, 5000, 'This is a malformed or invalid XML document.');
  for (const m of messages) {
    const id = Number(m.MessageID ?? 0);
    const adj = m.OrderAdjustment;
    const orderId = adj?.AmazonOrderID;
    const order = orderId ? state.orders.get(orderId) : undefined;
    // An order of another seller or none: the same result the acknowledgement feed gives (./order-feed.ts).
    if (!order || order.sellerId !== feed.sellerId) {
      fail(id, 18028, `The order ID ${orderId ?? ''} was not found for this merchant.`, orderId);
      continue;
    }
    // What Amazon answers for an unknown item code or an over-refund is not documented: not modelled.
    const items = adj?.AdjustedItem ?? [];
    adjustmentsOf(state).push({
      feedId: feed.feedId, orderId: orderId!, reason: items[0]?.AdjustmentReason ?? '', at: now,
      items: items.map((it) => ({
        orderItemId: it.AmazonOrderItemCode ?? '', ...(it.Quantity ? { quantity: Number(it.Quantity) } : {}),
        components: (it.ItemPriceAdjustments?.Component ?? []).map((c) => ({ type: c.Type ?? '', ...amountOf(c.Amount) })),
      })),
    });
  }
  // A document-level refusal (MessageID 0) fails no message of its own.
  return out.report(feed, messages.length, messages.length - out.results.filter((r) => r.MessageID > 0).length);
}
