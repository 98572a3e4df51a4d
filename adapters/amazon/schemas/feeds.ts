import { z } from 'zod';
import type { Attributes, PatchOperation, Requirements } from './listings.js';

/** Feeds API 2021-06-30 wire shapes (feeds_2021-06-30.json definitions). */
export const CreateFeedDocumentResponseSchema = z.object({ feedDocumentId: z.string(), url: z.string() });
export const CreateFeedResponseSchema = z.object({ feedId: z.string() });

export const FeedSchema = z.object({
  feedId: z.string(),
  feedType: z.string(),
  marketplaceIds: z.array(z.string()).optional(),
  createdTime: z.string(),
  processingStatus: z.string(),
  processingStartTime: z.string().optional(),
  processingEndTime: z.string().optional(),
  resultFeedDocumentId: z.string().optional(),
});
export type Feed = z.infer<typeof FeedSchema>;

export const FeedDocumentSchema = z.object({
  feedDocumentId: z.string(),
  url: z.string(),
  compressionAlgorithm: z.string().optional(),
});
export type FeedDocument = z.infer<typeof FeedDocumentSchema>;

/** One message of a JSON_LISTINGS_FEED document (listings-feed-schema-v2.json). */
export interface ListingsFeedMessage {
  messageId: number;
  sku: string;
  operationType: 'UPDATE' | 'PARTIAL_UPDATE' | 'PATCH' | 'DELETE';
  productType?: string;
  requirements?: Requirements;
  attributes?: Attributes;
  patches?: PatchOperation[];
}

export interface ListingsFeedDocument {
  header: { sellerId: string; version: '2.0'; issueLocale?: string };
  messages: ListingsFeedMessage[];
}

/** The processing report (listings-feed-processing-report-schema-v2.json); items are not read. */
export const ProcessingReportSchema = z.object({
  header: z.object({ sellerId: z.string(), version: z.string(), feedId: z.string() }),
  issues: z.array(
    z.object({
      messageId: z.number().int().optional(),
      sku: z.string().optional(),
      code: z.string().optional(),
      severity: z.string(),
      message: z.string(),
      attributeName: z.string().optional(),
    }),
  ),
  summary: z.object({
    errors: z.number().int(),
    warnings: z.number().int(),
    messagesProcessed: z.number().int(),
    messagesAccepted: z.number().int(),
    messagesInvalid: z.number().int(),
  }),
});
export type ProcessingReport = z.infer<typeof ProcessingReportSchema>;

/** Reports API 2021-06-30 (reports_2021-06-30.json definitions CreateReportResponse, Report, ReportDocument). */
export const CreateReportResponseSchema = z.object({ reportId: z.string() });
export const ReportSchema = z.object({
  reportId: z.string(),
  reportType: z.string(),
  createdTime: z.string(),
  processingStatus: z.string(),
  reportDocumentId: z.string().optional(),
});
export type Report = z.infer<typeof ReportSchema>;
export const ReportDocumentSchema = z.object({ reportDocumentId: z.string(), url: z.string(), compressionAlgorithm: z.string().optional() });
