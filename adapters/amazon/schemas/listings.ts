import { z } from 'zod';

/**
 * Wire shapes of the Listings Items API 2021-08-01 (definitions in listingsItems_2021-08-01.json).
 * Enums stay open strings: a value Amazon adds later is kept verbatim, never a parse failure.
 */
export const IssueSchema = z.object({
  code: z.string(),
  message: z.string(),
  severity: z.string(),
  attributeNames: z.array(z.string()).optional(),
  categories: z.array(z.string()).optional(),
  enforcements: z.object({ actions: z.array(z.object({ action: z.string() })).optional() }).optional(),
  marketplaceIds: z.array(z.string()).optional(),
});
export type Issue = z.infer<typeof IssueSchema>;

export const SubmissionResponseSchema = z.object({
  sku: z.string(),
  status: z.string(),
  submissionId: z.string(),
  issues: z.array(IssueSchema).optional(),
  identifiers: z.array(z.object({ marketplaceId: z.string().optional(), asin: z.string().optional() })).optional(),
});
export type SubmissionResponse = z.infer<typeof SubmissionResponseSchema>;

export const WireMoneySchema = z.object({ amount: z.string(), currencyCode: z.string() });

export const SummarySchema = z.object({
  marketplaceId: z.string(),
  asin: z.string().optional(),
  productType: z.string(),
  conditionType: z.string().optional(),
  status: z.array(z.string()),
  fnSku: z.string().optional(),
  itemName: z.string().optional(),
  createdDate: z.string(),
  lastUpdatedDate: z.string(),
});

export const ItemSchema = z.object({
  sku: z.string(),
  summaries: z.array(SummarySchema).optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
  issues: z.array(IssueSchema).optional(),
  offers: z.array(z.object({ marketplaceId: z.string(), offerType: z.string(), price: WireMoneySchema })).optional(),
  fulfillmentAvailability: z.array(z.object({ fulfillmentChannelCode: z.string(), quantity: z.number().int().optional() })).optional(),
  productTypes: z.array(z.object({ marketplaceId: z.string(), productType: z.string() })).optional(),
});
export type Item = z.infer<typeof ItemSchema>;

export const SearchResultsSchema = z.object({
  numberOfResults: z.number().int(),
  pagination: z.object({ nextToken: z.string().optional(), previousToken: z.string().optional() }).optional(),
  items: z.array(ItemSchema),
});
export type SearchResults = z.infer<typeof SearchResultsSchema>;

/** A JSON Patch operation of ListingsItemPatchRequest (op: add | replace | merge | delete). */
export interface PatchOperation {
  op: 'add' | 'replace' | 'merge' | 'delete';
  path: string;
  value?: Array<Record<string, unknown>>;
}

export type Attributes = Record<string, Array<Record<string, unknown>>>;

export type Requirements = 'LISTING' | 'LISTING_PRODUCT_ONLY' | 'LISTING_OFFER_ONLY';

export interface PutRequest {
  productType: string;
  requirements?: Requirements;
  attributes: Attributes;
}

export interface PatchRequest {
  productType: string;
  patches: PatchOperation[];
}
