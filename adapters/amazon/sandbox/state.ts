import type { Attributes } from '../schemas/listings.js';
import type { SandboxContext } from '../../../src/sandbox/module.js';
import type { OrderDoc } from './order-doc.js';
import { marketsOf, seedOrder } from './order-seed.js';

/** In-memory world of the Amazon sandbox; tests, the demo and benchmarks read it directly. */
export interface SandboxSeller {
  sellerId: string;
  refreshToken: string;
}

export interface SandboxListing {
  sku: string;
  productType: string;
  requirements: string;
  attributes: Attributes;
  /** Per marketplace: when it was created, and when it goes live (ACCEPTED is not live). */
  markets: Map<string, { createdAt: number; updatedAt: number; liveAt: number }>;
  warnings: Array<Record<string, unknown>>;
}

export interface SandboxFeed {
  feedId: string;
  sellerId: string;
  feedType: string;
  marketplaceIds: string[];
  inputFeedDocumentId: string;
  createdAt: number;
  doneAt: number;
  processingStatus: 'IN_QUEUE' | 'IN_PROGRESS' | 'DONE' | 'FATAL' | 'CANCELLED';
  resultFeedDocumentId?: string;
}

export interface SandboxDocument {
  contentType: string;
  content?: Buffer;
  compression?: 'GZIP';
}

/** A seeded order: `actual` changes at once on writes, `visible` (what reads see) after the lag. */
export interface SandboxOrder {
  sellerId: string;
  actual: OrderDoc;
  visible: OrderDoc;
  pending: Array<{ at: number; apply(o: OrderDoc): void }>;
  confirmations: number;
  /** Served with a broken shape (quarantine tests). */
  malformed: boolean;
}

export interface SeedOrdersOptions {
  sellerId?: string;
  /** Country codes or marketplace ids to spread the orders over (default DE, FR, IT, UK). */
  marketplaces?: string[];
  /** This order (index in the batch) is served with a broken shape. */
  malformedIndex?: number;
  buyerCancellationIndex?: number;
  fulfilledBy?: 'MERCHANT' | 'AMAZON';
  linesPerOrder?: number;
  quantity?: number;
}

export class AmazonSandboxState {
  /** Set when the sandbox starts (clock, PRNG). */
  ctx?: SandboxContext;
  readonly sellers = new Map<string, SandboxSeller>();
  /** access token → seller and expiry. */
  readonly tokens = new Map<string, { sellerId: string; expiresAt: number }>();
  readonly listings = new Map<string, SandboxListing>();
  readonly documents = new Map<string, SandboxDocument>();
  readonly feeds = new Map<string, SandboxFeed>();
  readonly orders = new Map<string, SandboxOrder>();
  /** Order-acknowledgement documents received (raw XML), for tests. */
  readonly orderFeedDocuments: string[] = [];
  /** orderId → what Amazon refunded when the seller cancelled it (order-feed.ts). */
  readonly refunds = new Map<string, 'ENTIRE_ORDER' | 'ENTIRE_ORDER_INCLUDING_SHIPPED'>();
  lwaRequests = 0;
  /** Product type definitions the sandbox enforces (schema by product type; sandbox option productTypes). */
  productTypes: Record<string, { properties?: Record<string, unknown>; required?: string[]; additionalProperties?: boolean }> = {};
  /** Advances every feed whose time has come (feeds are processed even if nobody polls). */
  tick: () => void = () => undefined;

  constructor(readonly app: { clientId: string; clientSecret: string }) {}

  listingKey(sellerId: string, sku: string): string {
    return `${sellerId}\n${sku}`;
  }

  listing(sellerId: string, sku: string): SandboxListing | undefined {
    return this.listings.get(this.listingKey(sellerId, sku));
  }

  /** Confirmations (packages) accepted for an order. */
  shipmentsFor(orderId: string): number {
    return this.orders.get(orderId)?.confirmations ?? 0;
  }

  /** Makes every issued access token expired (tests of refresh + replay). */
  expireTokens(): void {
    for (const t of this.tokens.values()) t.expiresAt = 0;
  }

  /** Adds orders in the Orders API 2026-01-01 shape; returns what was stored (all datasets). */
  seedOrders(n: number, opts: SeedOrdersOptions = {}): OrderDoc[] {
    const ctx = this.ctx;
    if (!ctx) throw new Error('sandbox: seedOrders before the sandbox started');
    const sellerId = opts.sellerId ?? [...this.sellers.keys()][0]!;
    const markets = marketsOf(opts.marketplaces ?? ['DE', 'FR', 'IT', 'UK']);
    const out: OrderDoc[] = [];
    for (let i = 0; i < n; i++) {
      const doc = seedOrder({ sellerId, marketplaces: [], now: ctx.clock.now(), random: ctx.random, ...opts }, i, markets[i % markets.length]!);
      this.addOrder(sellerId, doc, i === opts.malformedIndex);
      out.push(doc);
    }
    return out;
  }

  /**
   * FBA listings as a seller has them before any client touches them: live, channel AMAZON_EU (or
   * the region's code), no merchant quantity. A DEFAULT write to one of them converts it to
   * merchant-fulfilled (listing-rules.ts applyChannelRule), so a client that sends one is caught.
   */
  seedFbaListings(skus: string[], opts: { sellerId?: string; marketplaceIds: string[]; channel?: string; productType?: string; price?: number; currency?: string }): void {
    const sellerId = opts.sellerId ?? [...this.sellers.keys()][0]!;
    const at = (this.ctx?.clock.now() ?? Date.now()) - 86_400_000;
    for (const sku of skus) {
      const mp = opts.marketplaceIds[0]!;
      this.listings.set(this.listingKey(sellerId, sku), {
        sku, productType: opts.productType ?? 'SHIRT', requirements: 'LISTING', warnings: [],
        markets: new Map(opts.marketplaceIds.map((m) => [m, { createdAt: at, updatedAt: at, liveAt: at }])),
        attributes: {
          item_name: [{ value: `FBA ${sku}`, marketplace_id: mp }], brand: [{ value: 'Acme', marketplace_id: mp }], condition_type: [{ value: 'new_new', marketplace_id: mp }],
          purchasable_offer: [{ audience: 'ALL', currency: opts.currency ?? 'EUR', marketplace_id: mp, our_price: [{ schedule: [{ value_with_tax: opts.price ?? 19.99 }] }] }],
          fulfillment_availability: [{ fulfillment_channel_code: opts.channel ?? 'AMAZON_EU' }],
          externally_assigned_product_identifier: [{ type: 'ean', value: '4006381333931', marketplace_id: mp }],
        },
      });
    }
  }

  addOrder(sellerId: string, doc: OrderDoc, malformed = false): void {
    this.orders.set(doc.orderId, { sellerId, actual: structuredClone(doc), visible: structuredClone(doc), pending: [], confirmations: 0, malformed });
  }

  /** Applies the writes whose read lag has passed to the visible copy. */
  flush(order: SandboxOrder, now: number): OrderDoc {
    const due = order.pending.filter((p) => p.at <= now);
    if (due.length) {
      due.forEach((p) => p.apply(order.visible));
      order.pending = order.pending.filter((p) => p.at > now);
    }
    return order.visible;
  }
}
