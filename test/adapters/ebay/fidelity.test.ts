import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ebay, ebaySandbox, SANDBOX_CREDENTIALS, SANDBOX_IOSS, type EbaySandboxState } from '../../../adapters/ebay/index.js';
import { ConflictError } from '../../../src/errors/classes.js';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/index.js';

/** Issue 14 against the sandbox, whose rules cite eBay's documentation (adapters/ebay/sandbox). */
const { account, clientId, clientSecret, refreshToken, listingDefaults } = SANDBOX_CREDENTIALS;
let sandbox: RunningSandbox;
let state: EbaySandboxState;
let url: string;

const make = () =>
  ebay({
    account, marketplaces: ['EBAY_US', 'EBAY_GB'], credentials: { clientId, clientSecret, refreshToken },
    listingDefaults: { EBAY_US: listingDefaults, EBAY_GB: listingDefaults }, endpoint: url, timeScale: 100, retry: { retries: 4, baseDelayMs: 1, maxDelayMs: 5 },
  });
const mug = (sku: string, quantity = 5, currency = 'USD') => ({ sku, title: `Mug ${sku}`, brand: 'Acme', price: { amount: '9.99', currency }, quantity });
const offerOf = (sku: string) => [...state.offers.values()].find((o) => o.sku === sku)!;

beforeAll(async () => {
  sandbox = await startSandbox({ marketplaces: { ebay: ebaySandbox() }, timeScale: 100 });
  url = sandbox.urls.ebay!;
  state = sandbox.state.ebay as EbaySandboxState;
});
afterAll(() => sandbox.close());

describe('quantity reaches the live listing (min of item and offer quantity)', () => {
  it('a restock and a zero-out both show on the listing', async () => {
    const a = make();
    await a.listings.upsert(mug('Q-1', 5));
    const id = offerOf('Q-1').offerId;
    expect(state.listedQuantity(id)).toBe(5);
    expect(await a.inventory.set([{ sku: 'Q-1', quantity: 12 }])).toEqual([{ sku: 'Q-1', ok: true, appliedQuantity: 12 }]);
    expect(state.listedQuantity(id)).toBe(12);
    await a.listings.update('Q-1', { quantity: 0 });
    expect(state.listedQuantity(id)).toBe(0);
    await a.listings.update('Q-1', { quantity: 3 }, { store: 'EBAY_US' });
    expect(state.listedQuantity(id)).toBe(3);
  });
});

describe('writes are complete replacements: read, merge, write', () => {
  it('keeps what was set elsewhere, and revises a live listing without publishing it again', async () => {
    const a = make();
    await a.listings.upsert(mug('M-1'));
    const item = state.items.get('M-1')!;
    Object.assign(item, { conditionDescriptors: [{ name: '27501', values: ['275010'] }] });
    Object.assign(item.product, { epid: '4023', videoIds: ['v-1'] });
    const o = offerOf('M-1');
    Object.assign(o, { quantityLimitPerBuyer: 2, storeCategoryNames: ['/Kitchen'], tax: { vatPercentage: 20 }, regulatory: { documents: [{ documentId: 'd-1' }] } });
    o.listingPolicies = { ...o.listingPolicies, bestOfferTerms: { bestOfferEnabled: true } };
    const listingId = o.listing!.listingId;
    const before = state.revisionsToday(listingId);
    const r = await a.listings.upsert({ ...mug('M-1'), price: { amount: '11.00', currency: 'USD' } });
    expect(r).toMatchObject({ status: 'active', action: 'updated', marketplaceId: listingId });
    const after = offerOf('M-1');
    expect(after).toMatchObject({ quantityLimitPerBuyer: 2, storeCategoryNames: ['/Kitchen'], tax: { vatPercentage: 20 }, regulatory: { documents: [{ documentId: 'd-1' }] }, pricingSummary: { price: { value: '11.00', currency: 'USD' } } });
    expect(after.listingPolicies).toMatchObject({ bestOfferTerms: { bestOfferEnabled: true }, fulfillmentPolicyId: listingDefaults.fulfillmentPolicyId });
    expect(state.items.get('M-1')).toMatchObject({ conditionDescriptors: [{ name: '27501', values: ['275010'] }], product: { epid: '4023', videoIds: ['v-1'], title: 'Mug M-1' } });
    // The item PUT and updateOffer each revise the live listing; a publishOffer would be a third.
    expect(state.revisionsToday(listingId) - before).toBe(2);
  });
});

describe('one unified SKU across sites', () => {
  it('lists per-site seller SKUs with their own content, maps orders back, deletes one site only', async () => {
    const a = make();
    await a.listings.upsert(mug('U-1'), { store: 'EBAY_US' });
    const gb = await a.listings.upsert({ ...mug('U-1', 4, 'GBP'), title: 'Mug U-1 (UK)' }, { store: 'EBAY_GB' });
    expect(gb).toMatchObject({ status: 'active', raw: { sellerSku: 'U-1-GB' } });
    expect(state.items.get('U-1')).toMatchObject({ locale: 'en_US', product: { title: 'Mug U-1' } });
    expect(state.items.get('U-1-GB')).toMatchObject({ locale: 'en_GB', product: { title: 'Mug U-1 (UK)' } });
    const [o] = state.seedOrders(1, { marketplaces: ['EBAY_GB'], sku: 'U-1-GB' });
    const order = await a.orders.get(o!.orderId);
    expect(order.lines[0]).toMatchObject({ sku: 'U-1', variantIds: { sellerSku: 'U-1-GB' } });
    expect((await a.listings.delete('U-1', { store: 'EBAY_GB' })).status).toBe('deleted');
    expect(state.offerOf('U-1-GB', 'EBAY_GB')).toBeUndefined();
    expect(state.offerOf('U-1', 'EBAY_US')!.status).toBe('PUBLISHED');
    expect((await a.listings.get('U-1', { store: 'EBAY_US' })).status).toBe('active');
  });

  it('the sandbox refuses the same seller SKU on a second site, as eBay documents', async () => {
    const a = make();
    await a.listings.upsert(mug('S-1'), { store: 'EBAY_US' });
    const err = await a.raw.createOffer({ headers: { 'Content-Language': 'en-GB' }, body: { sku: 'S-1', marketplaceId: 'EBAY_GB', format: 'FIXED_PRICE', availableQuantity: 1, pricingSummary: { price: { value: '1.00', currency: 'GBP' } } } }).catch((e) => e);
    expect(err.status).toBe(400);
  });
});

describe('order money', () => {
  it('total includes eBay-collected VAT once, as a marketplace tax line with eBay\'s IOSS number', async () => {
    const [o] = state.seedOrders(1, { marketplaces: ['EBAY_GB'], quantity: 1 });
    const order = await make().orders.get(o!.orderId);
    const line = o!.lineItems[0]!;
    const vat = line.ebayCollectAndRemitTaxes![0]!.amount;
    const minor = (v: string) => Math.round(Number(v) * 100);
    expect(order.taxes).toEqual([{ kind: 'VAT', amount: { amount: minor(vat.value), currency: 'GBP' }, collectedBy: 'marketplace', scheme: 'IOSS', registrationNumber: SANDBOX_IOSS, lineId: line.lineItemId }]);
    expect(order.totals.charged).toEqual({ amount: minor(o!.pricingSummary.total.value) + minor(vat.value), currency: 'GBP' });
  });

  it('a fully refunded order is not shippable', async () => {
    const [o] = state.seedOrders(1, { marketplaces: ['EBAY_US'], paymentStatus: 'FULLY_REFUNDED', quantity: 1 });
    const a = make();
    expect((await a.orders.get(o!.orderId)).shippable).toBe(false);
    const err = await a.fulfilment.ship({ orderId: o!.orderId, packages: [{ lines: [{ lineId: o!.lineItems[0]!.lineItemId, quantity: 1 }], carrier: 'USPS', trackingNumber: '9400111' }] }).catch((e) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(state.shipmentsFor(o!.orderId)).toBe(0);
  });
});

describe('shipment confirmation', () => {
  it('sends eBay\'s carrier value and an alphanumeric tracking number; the fulfillment id is the tracking number', async () => {
    const [o] = state.seedOrders(1, { marketplaces: ['EBAY_GB'], quantity: 1 });
    const s = await make().fulfilment.ship({ orderId: o!.orderId, packages: [{ lines: [{ lineId: o!.lineItems[0]!.lineItemId, quantity: 1 }], carrier: 'Royal Mail', trackingNumber: 'AB 1234 5678 9GB' }] });
    expect(state.fulfillments.get(o!.orderId)).toEqual([expect.objectContaining({ shippingCarrierCode: 'RoyalMail', shipmentTrackingNumber: 'AB123456789GB', fulfillmentId: 'AB123456789GB' })]);
    expect(s.packages[0]).toMatchObject({ packageId: 'AB123456789GB', carrier: { code: 'ROYAL_MAIL', marketplaceCode: 'RoyalMail' } });
  });
});

describe('auth: an expired token reported as 403 / errorId 1100', () => {
  it('is refreshed once and the call replayed', async () => {
    const sb = await startSandbox({ marketplaces: { ebay: ebaySandbox({ expiredTokenAs403: true }) }, timeScale: 100 });
    try {
      const st = sb.state.ebay as EbaySandboxState;
      const a = ebay({ account, marketplaces: ['EBAY_US'], credentials: { clientId, clientSecret, refreshToken }, listingDefaults: { EBAY_US: listingDefaults }, endpoint: sb.urls.ebay!, timeScale: 100 });
      await a.listings.upsert(mug('A-1'));
      const before = st.tokenRequests;
      for (const t of st.tokens.values()) t.expiresAt = 0;
      expect((await a.listings.get('A-1')).status).toBe('active');
      expect(st.tokenRequests - before).toBe(1);
    } finally {
      await sb.close();
    }
  });
});
