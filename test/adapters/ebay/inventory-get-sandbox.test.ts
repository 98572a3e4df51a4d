/**
 * inventory.get against the embedded eBay simulator (issue 26.3): after set(q) a buyer's order of n
 * on one site leaves that site's listing at q − n, and the read says so; other sites keep q.
 */
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ebay, ebaySandbox, SANDBOX_CREDENTIALS, type EbaySandboxState } from '../../../adapters/ebay/index.js';
import { MarketplaceError } from '../../../src/errors/classes.js';
import type { SandboxBuyer } from '../../../src/sandbox/index.js';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/index.js';

const { account, clientId, clientSecret, refreshToken, listingDefaults } = SANDBOX_CREDENTIALS;
let sandbox: RunningSandbox;
let buyer: SandboxBuyer;
let state: EbaySandboxState;

beforeAll(async () => {
  nock.enableNetConnect();
  const mod = ebaySandbox();
  sandbox = await startSandbox({ marketplaces: { ebay: mod }, timeScale: 100 });
  buyer = mod.buyer!;
  state = mod.state;
});
afterAll(() => sandbox.close());

const make = () =>
  ebay({
    account, marketplaces: ['EBAY_US', 'EBAY_GB'], credentials: { clientId, clientSecret, refreshToken },
    listingDefaults: { EBAY_US: listingDefaults, EBAY_GB: listingDefaults }, endpoint: sandbox.urls.ebay!, timeScale: 100, retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 5 },
  });

describe('inventory.get on the eBay sandbox', () => {
  it('set(q), a buyer order of n on one site, then get → q − n there and q elsewhere; unknown SKUs left out', async () => {
    const a = make();
    const listing = { sku: 'GET-1', title: 'Sandbox jug', brand: 'Acme', quantity: 9 };
    expect((await a.listings.upsert({ ...listing, price: { amount: '9.99', currency: 'USD' } })).status).toBe('active');
    expect((await a.listings.upsert({ ...listing, price: { amount: '8.49', currency: 'GBP' } }, { store: 'EBAY_GB' })).status).toBe('active');
    expect(await a.inventory.set([{ sku: 'GET-1', quantity: 5 }])).toEqual([{ sku: 'GET-1', ok: true, appliedQuantity: 5 }]);
    const refs = [{ sku: 'GET-1', store: 'EBAY_US' }, { sku: 'GET-1', store: 'EBAY_GB' }, { sku: 'NEVER-LISTED', store: 'EBAY_US' }];
    expect(await a.inventory.get(refs)).toEqual([{ sku: 'GET-1', store: 'EBAY_US', quantity: 5 }, { sku: 'GET-1', store: 'EBAY_GB', quantity: 5 }]);

    expect(buyer.order({ store: 'EBAY_US', sku: 'GET-1', quantity: 2 })).toMatchObject({ placed: true, shown: 5 });
    expect(await a.inventory.get(refs)).toEqual([{ sku: 'GET-1', store: 'EBAY_US', quantity: 3 }, { sku: 'GET-1', store: 'EBAY_GB', quantity: 5 }]);
    // The read is what the buyer now sees on each site.
    expect(buyer.shown('EBAY_US', 'GET-1')).toBe(3);
    expect(buyer.shown('EBAY_GB', 'GET-1-GB')).toBe(5);
    // A store-less ref: the smallest figure a store-less set would have to respect.
    expect(await a.inventory.get([{ sku: 'GET-1' }])).toEqual([{ sku: 'GET-1', quantity: 3 }]);
  });

  it('reads 30 SKUs in two calls and answers them all', async () => {
    const a = make();
    const skus = Array.from({ length: 30 }, (_, i) => `BULKGET-${i}`);
    // Inventory items only (no offers needed to read the item's figure).
    for (const [i, sku] of skus.entries()) state.items.set(sku, { sku, locale: 'en_US', product: { title: sku }, availability: { shipToLocationAvailability: { quantity: i } } });
    const reads = () => sandbox.requests.ebay!.filter((r) => r.path.endsWith('/bulk_get_inventory_item')).length;
    const before = reads();
    const levels = await a.inventory.get(skus.map((sku) => ({ sku, store: 'EBAY_US' })));
    expect(levels).toEqual(skus.map((sku, i) => ({ sku, store: 'EBAY_US', quantity: i })));
    expect(reads() - before).toBe(2);
  });

  it('answers over 25 SKUs with 25727 and a repeated SKU with 25734, as bulkGetInventoryItem documents', async () => {
    const a = make();
    const many = Array.from({ length: 26 }, (_, i) => ({ sku: `X-${i}` }));
    const over = await a.raw.bulkGetInventoryItem({ body: { requests: many } }).catch((e) => e);
    expect(over).toBeInstanceOf(MarketplaceError);
    expect(over.errors[0].code).toBe('25727');
    const twice = await a.raw.bulkGetInventoryItem({ body: { requests: [{ sku: 'X-1' }, { sku: 'X-1' }] } }).catch((e) => e);
    expect(twice.errors[0].code).toBe('25734');
  });
});
