/**
 * inventory.get on the embedded sandbox (issue 26.3): set(q), a buyer order of n, then get → q − n,
 * and the figure agrees with what LISTINGS_ITEM_MFN_QUANTITY_CHANGE announces.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { amazon, amazonSandbox, SANDBOX_CREDENTIALS, type AmazonSandboxState } from '../../../adapters/amazon/index.js';
import { scanMfnQuantities } from '../../../adapters/amazon/sandbox/notifications-publish.js';
import { notificationsOf } from '../../../adapters/amazon/sandbox/notifications-world.js';
import { ManualClock, startSandbox, type RunningSandbox } from '../../../src/sandbox/index.js';

const DE = 'A1PA6795UKMFR9';
let sandbox: RunningSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

const tee = (sku: string) => ({
  sku, title: `Tee ${sku}`, brand: 'Acme', price: { amount: '19.99', currency: 'EUR' }, quantity: 4, identifiers: { ean: '4006381333931' }, marketplace: { amazon: { productType: 'SHIRT' } },
});

async function setup() {
  const clock = new ManualClock(Date.UTC(2026, 5, 1, 12));
  const module = amazonSandbox();
  sandbox = await startSandbox({ marketplaces: { amazon: module }, timeScale: 100, clock });
  const url = sandbox.urls.amazon!;
  const a = amazon({
    marketplaces: ['DE', 'FR'], sellerId: SANDBOX_CREDENTIALS.sellerId, credentials: SANDBOX_CREDENTIALS, endpoint: url, tokenEndpoint: `${url}/auth/o2/token`,
    timeScale: 100, retry: { retries: 4, baseDelayMs: 5, maxDelayMs: 50 },
  });
  return { a, clock, buyer: module.buyer!, state: sandbox.state.amazon as AmazonSandboxState };
}

describe('Amazon sandbox inventory.get', () => {
  it('set(9), a buyer order of 3 on DE, then get → 6 (the MFN quantity notification says the same)', async () => {
    const { a, clock, buyer, state } = await setup();
    await a.listings.upsert(tee('P-1'));
    // The engine's order: read, then push (the read teaches set the channel, so no listings report).
    expect(await a.inventory.get!([{ sku: 'P-1' }])).toEqual([{ sku: 'P-1', quantity: 4 }]);
    expect(await a.inventory.set([{ sku: 'P-1', quantity: 9 }])).toEqual([{ sku: 'P-1', ok: true, appliedQuantity: 9 }]);
    expect(await a.inventory.get!([{ sku: 'P-1' }, { sku: 'NOT-LISTED' }])).toEqual([{ sku: 'P-1', quantity: 9 }]);

    clock.advance(60_000); // live (ACCEPTED is not buyable before)
    expect(buyer.order({ store: 'DE', sku: 'P-1', quantity: 3 })).toMatchObject({ placed: true, shown: 9 });
    expect(await a.inventory.get!([{ sku: 'P-1' }])).toEqual([{ sku: 'P-1', quantity: 6 }]);

    const world = notificationsOf(state);
    scanMfnQuantities(state, world);
    expect(world.mfnQuantities.get(state.listingKey(SANDBOX_CREDENTIALS.sellerId, 'P-1'))).toBe(6);
  });

  it('FBA listings are left out (their stock is not what set writes)', async () => {
    const { a, state } = await setup();
    state.seedFbaListings(['FBA-1'], { marketplaceIds: ['A1PA6795UKMFR9'] });
    expect(await a.inventory.get!([{ sku: 'FBA-1' }])).toEqual([]);
  });

  it('searchListingsItems as the spec describes it: identifiers need identifiersType; numberOfResults counts every match, not just the page', async () => {
    const { a, state, clock } = await setup();
    const seller = SANDBOX_CREDENTIALS.sellerId;
    const at = clock.now() - 60_000;
    const skus = Array.from({ length: 12 }, (_, i) => `M-${i}`);
    for (const sku of skus) {
      state.listings.set(state.listingKey(seller, sku), {
        sku, productType: 'SHIRT', requirements: 'LISTING', warnings: [], markets: new Map([[DE, { createdAt: at, updatedAt: at, liveAt: at }]]),
        attributes: { fulfillment_availability: [{ fulfillment_channel_code: 'DEFAULT', quantity: 1 }] },
      });
    }
    const search = (query: Record<string, unknown>) => a.raw.searchListingsItems({ params: { sellerId: seller }, query: { marketplaceIds: [DE], ...query } } as never);
    await expect(search({ identifiers: ['M-0'] })).rejects.toMatchObject({ status: 400 });
    const page = await search({ identifiers: skus, identifiersType: 'SKU' }); // pageSize defaults to 10
    expect(page.data.items).toHaveLength(10);
    expect(page.data.numberOfResults).toBe(12);
  });
});
