import { z } from 'zod';
import { parseInput } from '../../../src/errors/from-response.js';
import type { ListingIssue } from '../../../src/model/listing.js';
import type { AmazonMarketplace } from '../marketplaces.js';
import type { Attributes } from '../schemas/listings.js';

/**
 * Who fulfils a SKU. `fulfillment_availability.fulfillment_channel_code` is DEFAULT for
 * merchant-fulfilled offers and an Amazon channel (AMAZON_NA in listings-feed-schema-v2.example.json;
 * AMAZON_EU / AMAZON_FE / AMAZON_JP likewise per region) for FBA. Writing a DEFAULT entry to an FBA
 * SKU converts it to merchant-fulfilled, so an FBA SKU must never receive one from this adapter.
 */
export type Fulfilment = 'merchant' | 'amazon';

export const isAmazonChannel = (code: string | undefined): boolean => !!code && code !== 'DEFAULT';

/** The FBA channel code of a marketplace (for new listings the caller marks `fulfilment: 'amazon'`). */
export function fbaChannel(market: AmazonMarketplace): string {
  if (market.region === 'na') return 'AMAZON_NA';
  if (market.region === 'eu') return 'AMAZON_EU';
  return market.country === 'JP' ? 'AMAZON_JP' : 'AMAZON_FE';
}

/**
 * `marketplace.amazon.fulfilment` on a listing: read from the caller's raw input (the core listing
 * schema keeps only the keys it knows), validated here so a bad value names its path.
 */
const ExtrasSchema = z
  .object({ marketplace: z.object({ amazon: z.object({ fulfilment: z.enum(['merchant', 'amazon']).optional() }).loose().optional() }).loose().optional() })
  .loose();

export function requestedFulfilment(input: unknown, path: string): Fulfilment | undefined {
  if (!input || typeof input !== 'object') return undefined;
  return parseInput(ExtrasSchema, input, path).marketplace?.amazon?.fulfilment;
}

/**
 * Keeps an Amazon-fulfilled SKU Amazon-fulfilled: its fulfillment_availability becomes the channel
 * alone (no quantity: FBA stock is Amazon's), and a warning says the quantity was not sent.
 */
export function keepChannel(attributes: Attributes, channel: string | undefined, sku: string): { attributes: Attributes; warning?: ListingIssue } {
  if (!isAmazonChannel(channel) || !attributes.fulfillment_availability) return { attributes };
  const sent = attributes.fulfillment_availability.some((f) => f.fulfillment_channel_code === 'DEFAULT' || f.quantity !== undefined);
  const out = { ...attributes, fulfillment_availability: [{ fulfillment_channel_code: channel! }] };
  if (!sent) return { attributes: out };
  return {
    attributes: out,
    warning: {
      code: 'FBA_QUANTITY_READ_ONLY', severity: 'warning', attributes: ['fulfillment_availability'], categories: [], sku,
      message: `SKU ${sku} is fulfilled by Amazon (${channel}): its quantity is Amazon's and was not sent, so the listing stays FBA`,
    },
  };
}
