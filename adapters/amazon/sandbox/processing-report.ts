import { XMLBuilder } from 'fast-xml-parser';
import type { SandboxFeed } from './state.js';

type Result = { MessageID: number; ResultCode: 'Error'; ResultMessageCode: number; ResultDescription: string; AdditionalInfo?: { AmazonOrderID: string } };

const builder = new XMLBuilder({ format: false, suppressEmptyNode: true });

/**
 * The XML ProcessingReport an order feed answers with (ProcessingReport.xsd: a summary plus one
 * Result per failed message, AdditionalInfo naming the order), shared by the acknowledgement and
 * adjustment feeds. It is the feed's result document, fetched through `resultFeedDocumentId`
 * (specs/amazon/feeds_2021-06-30.json#/definitions/Feed); the XML feed types and their schemas are
 * listed on https://developer-docs.amazon.com/sp-api/docs/feed-type-values.
 */
export class ProcessingResults {
  readonly results: Result[] = [];

  fail(id: number, code: number, description: string, orderId?: string): void {
    this.results.push({ MessageID: id, ResultCode: 'Error', ResultMessageCode: code, ResultDescription: description, ...(orderId ? { AdditionalInfo: { AmazonOrderID: orderId } } : {}) });
  }

  report(feed: SandboxFeed, processed: number, successful: number): Buffer {
    const envelope = {
      AmazonEnvelope: {
        Header: { DocumentVersion: '1.02', MerchantIdentifier: feed.sellerId },
        MessageType: 'ProcessingReport',
        Message: {
          MessageID: 1,
          ProcessingReport: {
            DocumentTransactionID: feed.feedId,
            StatusCode: 'Complete',
            ProcessingSummary: { MessagesProcessed: processed, MessagesSuccessful: successful, MessagesWithError: this.results.length, MessagesWithWarning: 0 },
            Result: this.results,
          },
        },
      },
    };
    return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>${builder.build(envelope)}`);
  }
}
