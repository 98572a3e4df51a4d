import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ebay, ebaySandbox, SANDBOX_CREDENTIALS, type EbaySandboxState } from '../../../adapters/ebay/index.js';
import { FileIntentJournal, type Intent, type IntentJournal } from '../../../src/state/intent-journal.js';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/index.js';

/**
 * Issue 12 point 2: a process killed between eBay's answer and the journal update leaves the write
 * pending. The next run (new process: new adapter, the journal re-read from disk) with the same
 * idempotency key must resolve it through the verify step: succeeded, written exactly once.
 */
class Killed extends Error {}

/** A file journal whose process dies instead of recording `operation` as succeeded: nothing is written after that. */
class DyingJournal implements IntentJournal {
  private dead = false;
  constructor(private readonly inner: IntentJournal, private readonly dieOn: string) {}
  get(key: string) {
    return this.inner.get(key);
  }
  async put(intent: Intent) {
    if (intent.operation === this.dieOn && intent.state === 'succeeded') this.dead = true;
    if (this.dead) throw new Killed(`killed after ${this.dieOn} answered`);
    return this.inner.put(intent);
  }
}

const { account, clientId, clientSecret, refreshToken, listingDefaults } = SANDBOX_CREDENTIALS;
let sandbox: RunningSandbox;
let state: EbaySandboxState;

const run = (journal: IntentJournal) =>
  ebay({ account, marketplaces: ['EBAY_US'], credentials: { clientId, clientSecret, refreshToken }, listingDefaults: { EBAY_US: listingDefaults }, endpoint: sandbox.urls.ebay!, timeScale: 100, journal, retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 2 } });
const journalFile = () => path.join(mkdtempSync(path.join(tmpdir(), 'xb-ebay-crash-')), 'intents.jsonl');
const key = (op: string, k: string) => `ebay:${account}:${op}:${k}`;
const body = (sku: string) => ({ sku, marketplaceId: 'EBAY_US', format: 'FIXED_PRICE' as const, availableQuantity: 2, categoryId: listingDefaults.categoryId, listingDescription: 'x', listingDuration: 'GTC' as const, listingPolicies: { fulfillmentPolicyId: listingDefaults.fulfillmentPolicyId, paymentPolicyId: listingDefaults.paymentPolicyId, returnPolicyId: listingDefaults.returnPolicyId }, merchantLocationKey: listingDefaults.merchantLocationKey, pricingSummary: { price: { value: '5.00', currency: 'USD' } } });
const item = (sku: string) => ({ params: { sku }, headers: { 'Content-Language': 'en-US' }, body: { product: { title: sku, aspects: { Brand: ['Acme'] } }, condition: 'NEW', availability: { shipToLocationAvailability: { quantity: 2 } } } });

beforeAll(async () => {
  sandbox = await startSandbox({ marketplaces: { ebay: ebaySandbox() }, timeScale: 100 });
  state = sandbox.state.ebay as EbaySandboxState;
});
afterAll(() => sandbox.close());

describe('kill between request and journal update, restart with the same journal', () => {
  it('createOffer: verified by getOffers, one offer', async () => {
    const file = journalFile();
    const first = run(new DyingJournal(new FileIntentJournal(file), 'createOffer'));
    await first.raw.createOrReplaceInventoryItem(item('K-OFFER'));
    await expect(first.raw.createOffer({ headers: { 'Content-Language': 'en-US' }, body: body('K-OFFER') }, { idempotencyKey: 'offer-1' })).rejects.toBeInstanceOf(Killed);
    expect((await new FileIntentJournal(file).get(key('createOffer', 'offer-1')))?.state).toBe('pending');

    const journal = new FileIntentJournal(file);
    const res = await run(journal).raw.createOffer({ headers: { 'Content-Language': 'en-US' }, body: body('K-OFFER') }, { idempotencyKey: 'offer-1' });
    const offers = [...state.offers.values()].filter((o) => o.sku === 'K-OFFER');
    expect(offers).toHaveLength(1);
    expect(res.data.offerId).toBe(offers[0]!.offerId);
    expect(res.meta.replayed).toBe('verified');
    expect((await journal.get(key('createOffer', 'offer-1')))?.state).toBe('succeeded');
  });

  it('publishOffer: verified by getOffer, the listing is not revised again', async () => {
    const setup = run(new FileIntentJournal(journalFile()));
    await setup.raw.createOrReplaceInventoryItem(item('K-PUB'));
    const { data } = await setup.raw.createOffer({ headers: { 'Content-Language': 'en-US' }, body: body('K-PUB') });
    const file = journalFile();
    await expect(run(new DyingJournal(new FileIntentJournal(file), 'publishOffer')).raw.publishOffer({ params: { offerId: data.offerId! } }, { idempotencyKey: 'pub-1' })).rejects.toBeInstanceOf(Killed);
    const listingId = state.offers.get(data.offerId!)!.listing!.listingId;
    const journal = new FileIntentJournal(file);
    const res = await run(journal).raw.publishOffer({ params: { offerId: data.offerId! } }, { idempotencyKey: 'pub-1' });
    expect(res.data.listingId).toBe(listingId);
    expect(state.revisionsToday(listingId)).toBe(0);
    expect((await journal.get(key('publishOffer', 'pub-1')))?.state).toBe('succeeded');
  });

  it('createShippingFulfillment (fulfilment.ship): verified by getShippingFulfillments, one package', async () => {
    const [o] = state.seedOrders(1, { marketplaces: ['EBAY_US'], quantity: 1 });
    const req = { orderId: o!.orderId, packages: [{ lines: [{ lineId: o!.lineItems[0]!.lineItemId, quantity: 1 }], carrier: 'UPS', trackingNumber: '1Z999AA10123456784' }] };
    const file = journalFile();
    await expect(run(new DyingJournal(new FileIntentJournal(file), 'createShippingFulfillment')).fulfilment.ship(req, { idempotencyKey: 'ship-1' })).rejects.toBeInstanceOf(Killed);
    expect(state.shipmentsFor(o!.orderId)).toBe(1);
    const journal = new FileIntentJournal(file);
    const s = await run(journal).fulfilment.ship(req, { idempotencyKey: 'ship-1' });
    expect(s).toMatchObject({ outcome: 'confirmed', status: 'shipped', packages: [{ packageId: '1Z999AA10123456784' }] });
    expect(state.shipmentsFor(o!.orderId)).toBe(1);
    expect((await journal.get(key('createShippingFulfillment', 'ship-1')))?.state).toBe('succeeded');
    expect((await journal.get(key('ship', 'ship-1')))?.state).toBe('succeeded');
  });
});
