import type { SandboxContext } from '../../../src/sandbox/module.js';
import { orderConfirmed } from './notifications-orders.js';

export interface SandboxAmount {
  value: string;
  currency: string;
}

/** An order as the Fulfillment API returns it (the fields the simulator keeps). */
export interface WireOrderDoc {
  orderId: string;
  creationDate: string;
  lastModifiedDate: string;
  orderFulfillmentStatus: 'NOT_STARTED' | 'IN_PROGRESS' | 'FULFILLED';
  orderPaymentStatus: string;
  sellerId: string;
  buyer: { username: string; buyerRegistrationAddress?: { fullName: string; email: string } };
  cancelStatus: { cancelState: string; cancelRequests: unknown[] };
  pricingSummary: { priceSubtotal: SandboxAmount; deliveryCost: SandboxAmount; total: SandboxAmount };
  fulfillmentStartInstructions: Array<{ fulfillmentInstructionsType: string; shippingStep: { shipTo: unknown; shippingCarrierCode?: string } }>;
  lineItems: Array<{
    lineItemId: string;
    legacyItemId: string;
    sku: string;
    title: string;
    quantity: number;
    lineItemCost: SandboxAmount;
    total: SandboxAmount;
    lineItemFulfillmentStatus: 'NOT_STARTED' | 'IN_PROGRESS' | 'FULFILLED';
    listingMarketplaceId: string;
    purchaseMarketplaceId: string;
    ebayCollectAndRemitTaxes?: Array<{ taxType: string; amount: SandboxAmount; collectionMethod: string; ebayReference?: { name: string; value: string } }>;
    taxes: Array<{ amount: SandboxAmount; taxType?: string }>;
  }>;
  /** Set on seeded records that must be malformed on the wire. */
  malformed?: boolean;
}

export interface SandboxFulfillment {
  fulfillmentId: string;
  lineItems: Array<{ lineItemId: string; quantity: number }>;
  shipmentTrackingNumber: string;
  shippingCarrierCode: string;
  shippedDate: string;
}

export interface SandboxOffer {
  offerId: string;
  sku: string;
  marketplaceId: string;
  format: string;
  availableQuantity?: number;
  categoryId?: string;
  listingDescription?: string;
  listingPolicies?: Record<string, unknown>;
  merchantLocationKey?: string;
  pricingSummary?: { price?: SandboxAmount } & Record<string, unknown>;
  status: 'UNPUBLISHED' | 'PUBLISHED';
  listing?: { listingId: string; listingStatus: 'ACTIVE' | 'ENDED' };
  /** Every other field of the offer, kept as written (updateOffer replaces them all). */
  [field: string]: unknown;
}

/** An inventory item as written (createOrReplaceInventoryItem replaces the whole record). */
export interface SandboxItem {
  sku: string;
  locale: string;
  product: Record<string, unknown>;
  condition?: string;
  availability?: { shipToLocationAvailability?: { quantity?: number } } & Record<string, unknown>;
  [field: string]: unknown;
}

/** An inventory item group as written (createOrReplaceInventoryItemGroup replaces it whole). */
export interface SandboxGroup {
  inventoryItemGroupKey: string;
  variantSKUs: string[];
  title?: string;
  aspects?: Record<string, string[]>;
  variesBy?: { specifications?: Array<{ name: string; values: string[] }> };
  [field: string]: unknown;
}

/** Listing revisions per listing per calendar day (publishOffer description: 250 a day). */
export const DAILY_REVISION_LIMIT = 250;

export interface SeedOrdersOptions {
  marketplaces?: string[];
  malformedIndex?: number;
  quantity?: number;
  /** Seller SKU per line (default SKU-<n>). */
  sku?: string;
  /** orderPaymentStatus (default PAID), e.g. FULLY_REFUNDED. */
  paymentStatus?: string;
  /**
   * A seeded order is placed now, so subscribers of ORDER_CONFIRMATION are notified as for a
   * buyer checkout (default true; nothing is sent without a subscription). false: history, silent.
   */
  notify?: boolean;
}

/** eBay's UK IOSS number as the Fulfillment API reports it (EbayTaxReference; demo value). */
export const SANDBOX_IOSS = 'IM8260000099';

const cents = (v: string): number => Math.round(Number(v) * 100);

const SITE_CURRENCY: Record<string, string> = { EBAY_US: 'USD', EBAY_GB: 'GBP', EBAY_DE: 'EUR', EBAY_AU: 'AUD', EBAY_CA: 'CAD', EBAY_FR: 'EUR', EBAY_IT: 'EUR', EBAY_ES: 'EUR' };

/** In-memory eBay: app credentials, users, tokens, orders, fulfillments, inventory items, offers. */
export class EbaySandboxState {
  ctx?: SandboxContext;
  readonly users = new Map<string, { userId: string; refreshToken: string }>();
  readonly tokens = new Map<string, { userId: string; expiresAt: number }>();
  readonly orders = new Map<string, WireOrderDoc>();
  readonly fulfillments = new Map<string, SandboxFulfillment[]>();
  readonly items = new Map<string, SandboxItem>();
  readonly offers = new Map<string, SandboxOffer>();
  readonly groups = new Map<string, SandboxGroup>();
  /** `${listingId}:${YYYY-MM-DD}` → revisions that day. */
  readonly revisions = new Map<string, number>();
  tokenRequests = 0;
  private seq = 0;

  constructor(readonly app: { clientId: string; clientSecret: string }) {}

  now(): number {
    return this.ctx?.clock.now() ?? Date.now();
  }

  nextId(): number {
    return ++this.seq;
  }

  /** Seeds paid, unshipped orders modified now; prices keep exact decimal strings. */
  seedOrders(n: number, opts: SeedOrdersOptions = {}): WireOrderDoc[] {
    const sites = opts.marketplaces ?? ['EBAY_US', 'EBAY_GB', 'EBAY_DE'];
    const out: WireOrderDoc[] = [];
    for (let i = 0; i < n; i++) {
      const id = this.nextId();
      const site = sites[i % sites.length]!;
      const currency = SITE_CURRENCY[site] ?? 'USD';
      const quantity = opts.quantity ?? 2;
      const unitCents = 1000 + id * 37;
      const at = new Date(this.now() - (n - i) * 1000).toISOString();
      const amount = (cents: number): SandboxAmount => ({ value: (cents / 100).toFixed(2), currency });
      const cost = unitCents * quantity;
      const doc: WireOrderDoc = {
        orderId: `${String(10 + (id % 89)).padStart(2, '0')}-${String(10000 + id).slice(-5)}-${String(50000 + id).slice(-5)}`,
        creationDate: at,
        lastModifiedDate: at,
        orderFulfillmentStatus: 'NOT_STARTED',
        orderPaymentStatus: opts.paymentStatus ?? 'PAID',
        sellerId: 'xborder_sandbox_seller',
        buyer: { username: `buyer_${id}`, buyerRegistrationAddress: { fullName: `Buyer ${id}`, email: `buyer${id}@example.com` } },
        cancelStatus: { cancelState: 'NONE_REQUESTED', cancelRequests: [] },
        pricingSummary: { priceSubtotal: amount(cost), deliveryCost: amount(499), total: amount(cost + 499) },
        fulfillmentStartInstructions: [{
          fulfillmentInstructionsType: 'SHIP_TO',
          shippingStep: { shipTo: { fullName: `Buyer ${id}`, contactAddress: { addressLine1: `${id} Sandbox Street`, city: 'San Jose', stateOrProvince: 'CA', postalCode: '95125', countryCode: site === 'EBAY_GB' ? 'GB' : site === 'EBAY_DE' ? 'DE' : 'US' } } },
        }],
        lineItems: [{
          lineItemId: String(10000000000 + id),
          legacyItemId: String(110000000000 + id),
          sku: opts.sku ?? `SKU-${id}`,
          title: `Sandbox item ${id}`,
          quantity,
          lineItemCost: amount(cost),
          total: amount(cost),
          lineItemFulfillmentStatus: 'NOT_STARTED',
          listingMarketplaceId: site,
          purchaseMarketplaceId: site,
          // UK VAT collected and remitted by eBay, mirrored in lineItems.taxes (LineItem.total note).
          ...(site === 'EBAY_GB' ? { ebayCollectAndRemitTaxes: [{ taxType: 'VAT', amount: amount(Math.round(cost / 6)), collectionMethod: 'NET', ebayReference: { name: 'IOSS', value: SANDBOX_IOSS } }] } : {}),
          taxes: site === 'EBAY_GB' ? [{ amount: amount(Math.round(cost / 6)), taxType: 'VAT' }] : [],
        }],
        ...(opts.malformedIndex === i ? { malformed: true } : {}),
      };
      this.orders.set(doc.orderId, doc);
      // One ORDER_CONFIRMATION per line item on checkout: https://developer.ebay.com/api-docs/master/commerce/notification/asyncapi/order_confirmation.yaml
      if (opts.notify !== false) orderConfirmed(this, doc);
      out.push(doc);
    }
    return out;
  }

  /** Counts one revision of a live listing; false once the day's limit is spent. */
  revise(o: SandboxOffer): boolean {
    if (o.status !== 'PUBLISHED' || !o.listing) return true;
    const key = `${o.listing.listingId}:${new Date(this.now()).toISOString().slice(0, 10)}`;
    const n = this.revisions.get(key) ?? 0;
    if (n >= DAILY_REVISION_LIMIT) return false;
    this.revisions.set(key, n + 1);
    return true;
  }

  /** Revisions of a listing today (tests: "do not re-publish an already-published offer"). */
  revisionsToday(listingId: string): number {
    return this.revisions.get(`${listingId}:${new Date(this.now()).toISOString().slice(0, 10)}`) ?? 0;
  }

  /**
   * What the live listing shows: the offer's availableQuantity overrides the item's quantity and
   * the listing shows the smaller of the two
   * (https://developer.ebay.com/api-docs/sell/static/inventory/bulk-updates.html); without an offer
   * quantity the item's applies (EbayOfferDetailsWithKeys.availableQuantity).
   */
  listedQuantity(offerId: string): number | undefined {
    const o = this.offers.get(offerId);
    if (!o || o.status !== 'PUBLISHED') return undefined;
    const item = this.items.get(o.sku)?.availability?.shipToLocationAvailability?.quantity ?? 0;
    return o.availableQuantity === undefined ? item : Math.min(item, o.availableQuantity);
  }

  offerOf(sku: string, marketplaceId: string): SandboxOffer | undefined {
    return [...this.offers.values()].find((o) => o.sku === sku && o.marketplaceId === marketplaceId);
  }

  shipmentsFor(orderId: string): number {
    return this.fulfillments.get(orderId)?.length ?? 0;
  }

  /**
   * The order on the wire: a malformed record loses its required lineItems array. Collect-and-remit
   * tax is in pricingSummary.total and lineItems.total, and lineItems.taxes carry taxType, only
   * with fieldGroups=TAX_BREAKDOWN (PricingSummary.total, LineItem.total, Tax.taxType).
   */
  render(o: WireOrderDoc, taxBreakdown = false): unknown {
    const { malformed, ...doc } = o;
    if (malformed) return { ...doc, lineItems: 'unavailable', pricingSummary: null };
    const remitted = (li: WireOrderDoc['lineItems'][number]) => (li.ebayCollectAndRemitTaxes ?? []).reduce((n, t) => n + cents(t.amount.value), 0);
    const plus = (a: SandboxAmount, c: number): SandboxAmount => ({ ...a, value: ((cents(a.value) + c) / 100).toFixed(2) });
    const tax = o.lineItems.reduce((n, li) => n + remitted(li), 0);
    return {
      ...doc,
      pricingSummary: { ...doc.pricingSummary, ...(taxBreakdown && tax ? { total: plus(doc.pricingSummary.total, tax), tax: { value: (tax / 100).toFixed(2), currency: doc.pricingSummary.total.currency } } : {}) },
      lineItems: doc.lineItems.map((li) => ({
        ...li,
        total: taxBreakdown ? plus(li.total, remitted(li)) : li.total,
        taxes: li.taxes.map((t) => (taxBreakdown ? t : { amount: t.amount })),
      })),
    };
  }
}
