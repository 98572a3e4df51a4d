import type { SandboxContext } from '../../../src/sandbox/module.js';

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
    ebayCollectAndRemitTaxes?: Array<{ taxType: string; amount: SandboxAmount; collectionMethod: string }>;
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
  listingPolicies?: Record<string, string>;
  merchantLocationKey?: string;
  pricingSummary?: { price?: SandboxAmount };
  status: 'UNPUBLISHED' | 'PUBLISHED';
  listing?: { listingId: string; listingStatus: 'ACTIVE' | 'ENDED' };
}

export interface SeedOrdersOptions {
  marketplaces?: string[];
  malformedIndex?: number;
  quantity?: number;
}

const SITE_CURRENCY: Record<string, string> = { EBAY_US: 'USD', EBAY_GB: 'GBP', EBAY_DE: 'EUR', EBAY_AU: 'AUD', EBAY_CA: 'CAD', EBAY_FR: 'EUR', EBAY_IT: 'EUR', EBAY_ES: 'EUR' };

/** In-memory eBay: app credentials, users, tokens, orders, fulfillments, inventory items, offers. */
export class EbaySandboxState {
  ctx?: SandboxContext;
  readonly users = new Map<string, { userId: string; refreshToken: string }>();
  readonly tokens = new Map<string, { userId: string; expiresAt: number }>();
  readonly orders = new Map<string, WireOrderDoc>();
  readonly fulfillments = new Map<string, SandboxFulfillment[]>();
  readonly items = new Map<string, { sku: string; locale: string; product: Record<string, unknown>; condition?: string; availability?: { shipToLocationAvailability?: { quantity?: number } } }>();
  readonly offers = new Map<string, SandboxOffer>();
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
        orderPaymentStatus: 'PAID',
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
          sku: `SKU-${id}`,
          title: `Sandbox item ${id}`,
          quantity,
          lineItemCost: amount(cost),
          total: amount(cost),
          lineItemFulfillmentStatus: 'NOT_STARTED',
          listingMarketplaceId: site,
          purchaseMarketplaceId: site,
          ...(site === 'EBAY_GB' ? { ebayCollectAndRemitTaxes: [{ taxType: 'VAT', amount: amount(Math.round(cost / 6)), collectionMethod: 'NET' }] } : {}),
        }],
        ...(opts.malformedIndex === i ? { malformed: true } : {}),
      };
      this.orders.set(doc.orderId, doc);
      out.push(doc);
    }
    return out;
  }

  shipmentsFor(orderId: string): number {
    return this.fulfillments.get(orderId)?.length ?? 0;
  }

  /** The order on the wire: a malformed record loses its required lineItems array. */
  render(o: WireOrderDoc): unknown {
    const { malformed, ...doc } = o;
    return malformed ? { ...doc, lineItems: 'unavailable', pricingSummary: null } : doc;
  }
}
