import { z } from 'zod';
import { op, type QueryValue } from '../../src/http/operation.js';
import { USAGE_PLANS } from './rate-plans.js';
import {
  CreateFeedDocumentResponseSchema, CreateFeedResponseSchema, CreateReportResponseSchema, FeedDocumentSchema, FeedSchema, ReportDocumentSchema, ReportSchema,
} from './schemas/feeds.js';
import { ItemSchema, SearchResultsSchema, SubmissionResponseSchema, type PatchRequest, type PutRequest } from './schemas/listings.js';
import { LwaTokenResponseSchema } from './schemas/lwa.js';

const GetFeedsResponseSchema = z.object({ feeds: z.array(FeedSchema), nextToken: z.string().optional() });
import { GetOrderResponseSchema, SearchOrdersResponseSchema, type ConfirmShipmentRequest, type IncludedData } from './schemas/orders.js';

/**
 * The SP-API operations this adapter uses, as data: every method, path and parameter comes from
 * the official models (listingsItems_2021-08-01, feeds_2021-06-30, orders_2026-01-01, ordersV0
 * confirmShipment only). Usage plans come from USAGE_PLANS. Orders v0 reads are deliberately absent.
 */
type ItemPath = { sellerId: string; sku: string };
type Q<T> = T & Record<string, QueryValue>;
type ListingsIncluded = 'summaries' | 'attributes' | 'issues' | 'offers' | 'fulfillmentAvailability' | 'procurement' | 'relationships' | 'productTypes';
type SubmissionQuery = Q<{ marketplaceIds: string[]; includedData?: Array<'identifiers' | 'issues'>; mode?: 'VALIDATION_PREVIEW'; issueLocale?: string }>;

const ITEM = '/listings/2021-08-01/items/{sellerId}/{sku}';

export interface SearchOrdersQuery {
  createdAfter?: string;
  createdBefore?: string;
  lastUpdatedAfter?: string;
  lastUpdatedBefore?: string;
  fulfillmentStatuses?: string[];
  marketplaceIds?: string[];
  fulfilledBy?: Array<'MERCHANT' | 'AMAZON'>;
  maxResultsPerPage?: number;
  paginationToken?: string;
  includedData?: IncludedData[];
}

export const ops = {
  getListingsItem: op<{ params: ItemPath; query: Q<{ marketplaceIds: string[]; issueLocale?: string; includedData?: ListingsIncluded[] }> }, z.infer<typeof ItemSchema>>({
    id: 'getListingsItem', method: 'GET', path: ITEM, rate: USAGE_PLANS.getListingsItem, idempotent: true, response: ItemSchema,
  }),
  putListingsItem: op<{ params: ItemPath; query: SubmissionQuery; body: PutRequest }, z.infer<typeof SubmissionResponseSchema>>({
    // With an idempotency key, listing-upsert.ts journals it like a non-idempotent write and adds a
    // verify step (read the item back), so an intent left in doubt resolves instead of re-submitting.
    id: 'putListingsItem', method: 'PUT', path: ITEM, rate: USAGE_PLANS.putListingsItem, idempotent: true, response: SubmissionResponseSchema,
  }),
  patchListingsItem: op<{ params: ItemPath; query: SubmissionQuery; body: PatchRequest }, z.infer<typeof SubmissionResponseSchema>>({
    id: 'patchListingsItem', method: 'PATCH', path: ITEM, rate: USAGE_PLANS.patchListingsItem, idempotent: true, response: SubmissionResponseSchema,
  }),
  deleteListingsItem: op<{ params: ItemPath; query: Q<{ marketplaceIds: string[]; issueLocale?: string }> }, z.infer<typeof SubmissionResponseSchema>>({
    id: 'deleteListingsItem', method: 'DELETE', path: ITEM, rate: USAGE_PLANS.deleteListingsItem, idempotent: true, response: SubmissionResponseSchema,
  }),
  searchListingsItems: op<
    { params: { sellerId: string }; query: Q<{ marketplaceIds: string[]; identifiers?: string[]; identifiersType?: 'SKU' | 'ASIN'; includedData?: ListingsIncluded[]; pageSize?: number; pageToken?: string }> },
    z.infer<typeof SearchResultsSchema>
  >({
    id: 'searchListingsItems', method: 'GET', path: '/listings/2021-08-01/items/{sellerId}', rate: USAGE_PLANS.searchListingsItems, idempotent: true, response: SearchResultsSchema,
  }),

  createFeedDocument: op<{ body: { contentType: string } }, z.infer<typeof CreateFeedDocumentResponseSchema>>({
    // An orphan document is harmless (it expires), so a replay is safe.
    id: 'createFeedDocument', method: 'POST', path: '/feeds/2021-06-30/documents', rate: USAGE_PLANS.createFeedDocument, idempotent: true, response: CreateFeedDocumentResponseSchema,
  }),
  createFeed: op<{ body: { feedType: string; marketplaceIds: string[]; inputFeedDocumentId: string; feedOptions?: Record<string, string> } }, z.infer<typeof CreateFeedResponseSchema>>({
    // Not idempotent: feeds.ts adds a verify step (getFeeds since the intent began) before any replay.
    id: 'createFeed', method: 'POST', path: '/feeds/2021-06-30/feeds', rate: USAGE_PLANS.createFeed, idempotent: false, response: CreateFeedResponseSchema,
  }),
  getFeed: op<{ params: { feedId: string } }, z.infer<typeof FeedSchema>>({
    id: 'getFeed', method: 'GET', path: '/feeds/2021-06-30/feeds/{feedId}', rate: USAGE_PLANS.getFeed, idempotent: true, response: FeedSchema,
  }),
  cancelFeed: op<{ params: { feedId: string } }, unknown>({
    id: 'cancelFeed', method: 'DELETE', path: '/feeds/2021-06-30/feeds/{feedId}', rate: USAGE_PLANS.cancelFeed, idempotent: true,
  }),
  getFeedDocument: op<{ params: { feedDocumentId: string } }, z.infer<typeof FeedDocumentSchema>>({
    id: 'getFeedDocument', method: 'GET', path: '/feeds/2021-06-30/documents/{feedDocumentId}', rate: USAGE_PLANS.getFeedDocument, idempotent: true, response: FeedDocumentSchema,
  }),

  getFeeds: op<{ query: Q<{ feedTypes?: string[]; marketplaceIds?: string[]; pageSize?: number; processingStatuses?: string[]; createdSince?: string; createdUntil?: string; nextToken?: string }> }, z.infer<typeof GetFeedsResponseSchema>>({
    id: 'getFeeds', method: 'GET', path: '/feeds/2021-06-30/feeds', rate: USAGE_PLANS.getFeeds, idempotent: true, response: GetFeedsResponseSchema,
  }),

  createReport: op<{ body: { reportType: string; marketplaceIds: string[] } }, z.infer<typeof CreateReportResponseSchema>>({
    // A duplicate report is harmless (it is only read), so a replay is safe.
    id: 'createReport', method: 'POST', path: '/reports/2021-06-30/reports', rate: USAGE_PLANS.createReport, idempotent: true, response: CreateReportResponseSchema,
  }),
  getReport: op<{ params: { reportId: string } }, z.infer<typeof ReportSchema>>({
    id: 'getReport', method: 'GET', path: '/reports/2021-06-30/reports/{reportId}', rate: USAGE_PLANS.getReport, idempotent: true, response: ReportSchema,
  }),
  getReportDocument: op<{ params: { reportDocumentId: string } }, z.infer<typeof ReportDocumentSchema>>({
    id: 'getReportDocument', method: 'GET', path: '/reports/2021-06-30/documents/{reportDocumentId}', rate: USAGE_PLANS.getReportDocument, idempotent: true, response: ReportDocumentSchema,
  }),

  searchOrders: op<{ query: Q<SearchOrdersQuery> }, z.infer<typeof SearchOrdersResponseSchema>>({
    id: 'searchOrders', method: 'GET', path: '/orders/2026-01-01/orders', rate: USAGE_PLANS.searchOrders, idempotent: true, response: SearchOrdersResponseSchema,
  }),
  getOrder: op<{ params: { orderId: string }; query?: Q<{ includedData?: IncludedData[] }> }, z.infer<typeof GetOrderResponseSchema>>({
    id: 'getOrder', method: 'GET', path: '/orders/2026-01-01/orders/{orderId}', rate: USAGE_PLANS.getOrder, idempotent: true, response: GetOrderResponseSchema,
  }),
  confirmShipment: op<{ params: { orderId: string }; body: ConfirmShipmentRequest }, unknown>({
    // Not idempotent: fulfilment.ts adds a verify step (re-read the order) before any replay.
    id: 'confirmShipment', method: 'POST', path: '/orders/v0/orders/{orderId}/shipmentConfirmation', rate: USAGE_PLANS.confirmShipment, idempotent: false,
  }),
} as const;

export type AmazonOperations = typeof ops;

/** Operations on absolute URLs (LWA, pre-signed documents): the caller sets `baseUrl` per call. */
export const lwaToken = op<{ body: Record<string, string> }, z.infer<typeof LwaTokenResponseSchema>>({
  id: 'lwaToken', method: 'POST', path: '', baseUrl: 'https://api.amazon.com/auth/o2/token', bodyType: 'form', noAuth: true, idempotent: true, response: LwaTokenResponseSchema,
});

export const uploadFeedDocument = op<{ body: Buffer; headers: Record<string, string> }, unknown>({
  id: 'uploadFeedDocument', method: 'PUT', path: '', baseUrl: 'about:blank', bodyType: 'raw', noAuth: true, idempotent: true, responseType: 'text',
});

export const downloadFeedDocument = op<Record<string, never>, ArrayBuffer>({
  id: 'downloadFeedDocument', method: 'GET', path: '', baseUrl: 'about:blank', noAuth: true, idempotent: true, responseType: 'arraybuffer',
});
