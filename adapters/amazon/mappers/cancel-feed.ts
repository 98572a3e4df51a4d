import { XMLParser } from 'fast-xml-parser';
import { amazonEnvelope } from './xml-envelope.js';
import type { CancelRequest } from '../../../src/adapter.js';

/**
 * POST_ORDER_ACKNOWLEDGEMENT_DATA documents. Amazon retired the listing XML/flat-file feeds in 2025,
 * not the order feeds (DESIGN §10); this one is still the XML `AmazonEnvelope` (amzn-envelope.xsd,
 * MessageType OrderAcknowledgement, OrderAcknowledgement.xsd). A seller cancellation is an
 * acknowledgement with StatusCode Failure for the order; each Item carries its CancelReason (the
 * reason values are the XSD's CancelReason enumeration, so pricing_error maps to GeneralAdjustment).
 * The document is built with XMLBuilder (escaping included), never by string concatenation.
 */
export const CANCEL_REASON = {
  out_of_stock: 'NoInventory',
  buyer_request: 'BuyerCanceled',
  address_problem: 'ShippingAddressUndeliverable',
  pricing_error: 'GeneralAdjustment',
  other: 'GeneralAdjustment',
} as const satisfies Record<CancelRequest['reason'], string>;

export const ORDER_FEED_CONTENT_TYPE = 'text/xml; charset=UTF-8';

export interface CancelMessage {
  messageId: number;
  orderId: string;
  /** Every order item of the order: this adapter only cancels whole orders. */
  orderItemIds: string[];
  reason: CancelRequest['reason'];
}


/** One envelope, one Message per whole-order cancellation (OrderAcknowledgement, StatusCode Failure). */
export function cancellationDocument(input: { sellerId: string; messages: CancelMessage[] }): string {
  return amazonEnvelope(input.sellerId, 'OrderAcknowledgement', input.messages.map((m) => ({
    MessageID: m.messageId,
    OrderAcknowledgement: {
      AmazonOrderID: m.orderId,
      StatusCode: 'Failure',
      Item: m.orderItemIds.map((id) => ({ AmazonOrderItemCode: id, CancelReason: CANCEL_REASON[m.reason] })),
    },
  })));
}

/** One Result of an XML ProcessingReport (ProcessingReport.xsd: MessageID, ResultCode, ResultMessageCode, ResultDescription, AdditionalInfo). */
export interface ReportResult {
  messageId: number;
  resultCode: string;
  code: string;
  description: string;
  orderId?: string;
}

export interface XmlProcessingReport {
  statusCode: string;
  results: ReportResult[];
}

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, isArray: (name) => name === 'Message' || name === 'Result' });

/** Parses the order feed's processing report; undefined when it is not one. */
export function parseProcessingReport(text: string): XmlProcessingReport | undefined {
  const env = parser.parse(text)?.AmazonEnvelope;
  const report = env?.Message?.[0]?.ProcessingReport;
  if (!report || typeof report !== 'object') return undefined;
  const results: ReportResult[] = (report.Result ?? []).map((r: Record<string, any>) => ({
    messageId: Number(r.MessageID),
    resultCode: String(r.ResultCode ?? ''),
    code: String(r.ResultMessageCode ?? ''),
    description: String(r.ResultDescription ?? ''),
    ...(r.AdditionalInfo?.AmazonOrderID ? { orderId: String(r.AdditionalInfo.AmazonOrderID) } : {}),
  }));
  return { statusCode: String(report.StatusCode ?? ''), results };
}
