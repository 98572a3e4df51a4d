import type { ListingIssue } from '../model/listing.js';
import type { Money } from '../model/money.js';
import type { StoreRef } from '../model/store.js';
import type { CatalogRowError } from './catalog-types.js';
import type { ErrorInfo } from './errors.js';
import type { BulkJournal } from './journal.js';
import type { PricingOptions } from './pricing.js';
import type { PreflightSummary } from './preflight.js';

export interface HubBulkOptions {
  /** Target stores as 'account:store'; default: every store of every account. */
  stores?: readonly string[];
  /** Converts catalog prices per store currency; without it a store only takes prices already in its currency. */
  pricing?: PricingOptions;
  /** JSONL resume journal (path or BulkJournal): a re-run continues where a killed run stopped. */
  journal?: string | BulkJournal;
  onProgress?(event: BulkProgressEvent): void;
  signal?: AbortSignal;
  /** Listings in flight per store (the adapter's limiter paces their calls); default 16. */
  concurrency?: number;
  /** Listings per call on an adapter's bulk path (feeds); default 500. */
  bulkChunkSize?: number;
  /** Never use the adapters' bulk paths (one upsert per SKU). */
  singleOnly?: boolean;
  /**
   * Validate every (store, SKU) offline against the marketplace's published requirements first and
   * submit only what passes; the rest end `failed` with their issues. Default true.
   */
  preflight?: boolean;
}

export type ItemOutcome = 'done' | 'failed' | 'skipped' | 'cancelled';

/** One listing on one store: every (store, SKU) of a run appears exactly once. */
export interface BulkItemReport {
  store: StoreRef;
  sku: string;
  /** Catalog row (CSV line / JSON index). */
  row?: number;
  outcome: ItemOutcome;
  /** What the adapter did (created, updated, unchanged...). */
  action?: string;
  status?: string;
  marketplaceId?: string;
  /** Price sent to the store, in its currency. */
  price?: Money;
  variants: number;
  /** Warnings (and the errors of a rejected listing) from the marketplace. */
  issues: ListingIssue[];
  error?: ErrorInfo;
  /** `skipped`: done by an earlier run (journal). `resumed`: an earlier run left it in flight. */
  via: 'single' | 'bulk' | 'journal';
  resumed?: boolean;
}

export interface StoreCounts {
  total: number;
  done: number;
  failed: number;
  skipped: number;
  cancelled: number;
  /** Not finished yet (waiting or in flight). */
  queued: number;
}

export interface BulkStoreReport extends StoreCounts {
  store: StoreRef;
  account: string;
  marketplace: string;
  currency: string;
  path: 'single' | 'bulk';
  /** Time the account's limiter held calls back (shared by the account's stores). */
  rateWaits: number;
  rateWaitMs: number;
  /** 429 answers the adapter retried (seen, not surfaced). */
  throttled: number;
  durationMs: number;
}

export interface BulkReport {
  source: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  /** Nothing failed, was rejected or cancelled. */
  ok: boolean;
  totals: { listings: number; rejected: number; items: number } & Omit<StoreCounts, 'total' | 'queued'>;
  stores: BulkStoreReport[];
  items: BulkItemReport[];
  /** Catalog rows that never ran (bad cells), with row and field. */
  rejected: CatalogRowError[];
  /** What preflight checked and held back (absent with preflight: false). */
  preflight?: PreflightSummary;
}

export type BulkProgressEvent =
  | { type: 'start'; store: StoreRef; counts: StoreCounts; path: 'single' | 'bulk' }
  | { type: 'item'; store: StoreRef; item: BulkItemReport; counts: StoreCounts }
  /** From an adapter's bulk path (feed) while it runs: items it reports finished so far. */
  | { type: 'bulk-progress'; store: StoreRef; done: number; failed: number; total: number }
  | { type: 'rate-wait'; account: string; stores: StoreRef[]; waitMs: number; bucket: string }
  | { type: 'throttled'; account: string; stores: StoreRef[]; delayMs: number }
  | { type: 'store-done'; store: StoreRef; counts: StoreCounts };
