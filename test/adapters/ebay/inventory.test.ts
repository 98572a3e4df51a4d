/**
 * inventory.set call cost (issue 26): offer ids are cached per (seller SKU, site), so a steady
 * push of N SKUs is ⌈N/25⌉ bulkUpdatePriceQuantity calls and nothing else; a cached offer eBay
 * answers as gone (25713) is looked up once and the SKU sent once more.
 */
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ABSENT_TTL_MS } from '../../../adapters/ebay/inventory/offer-cache.js';
import { adapter, API, api, mockToken } from './helpers.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const I = '/sell/inventory/v1';
const published = (sku: string, offerId: string, marketplaceId = 'EBAY_GB') => ({ offers: [{ offerId, sku, marketplaceId, status: 'PUBLISHED' }] });
/** getOffers answers 404 for a SKU without offers (findOffer). */
const NO_OFFER = { errors: [{ errorId: 25702, domain: 'API_INVENTORY', category: 'REQUEST', message: 'SKU is not available in the system' }] };
const GONE = [{ errorId: 25713, domain: 'API_INVENTORY', category: 'REQUEST', message: 'This Offer is not available.' }];

type Bulk = { requests: Array<{ sku: string; shipToLocationAvailability?: { quantity: number }; offers?: Array<{ offerId: string; availableQuantity?: number }> }> };
const allOk = (body: Bulk) => ({ responses: body.requests.flatMap((r) => [{ sku: r.sku, statusCode: 200 }, ...(r.offers ?? []).map((o) => ({ sku: r.sku, offerId: o.offerId, statusCode: 200 }))]) });

function clockAt(start: number) {
  const c = { t: start, now: () => c.t, sleep: async (ms: number) => void (c.t += ms) };
  return c;
}

describe('inventory.set: offer ids cached per (seller SKU, site)', () => {
  it('a second push of 30 SKUs is two bulk calls and no getOffers; every SKU gets its result', async () => {
    mockToken();
    const skus = Array.from({ length: 30 }, (_, i) => `SKU-${i}`);
    const lookups = api().get(`${I}/offer`).query(true).times(30).reply((uri) => {
      const sku = new URL(uri, API).searchParams.get('sku')!;
      expect(new URL(uri, API).searchParams.get('marketplace_id')).toBe('EBAY_GB');
      return [200, published(sku, `O-${sku}`)];
    });
    const bodies: Bulk[] = [];
    api().post(`${I}/bulk_update_price_quantity`).times(4).reply(200, (_uri, body) => {
      bodies.push(body as Bulk);
      return allOk(body as Bulk);
    });
    const a = adapter({ marketplaces: ['EBAY_GB'] });
    const first = await a.inventory.set(skus.map((sku) => ({ sku, quantity: 2 })));
    expect(lookups.isDone()).toBe(true);
    expect(first.every((r) => r.ok)).toBe(true);
    const second = await a.inventory.set(skus.map((sku) => ({ sku, quantity: 1 })));
    expect(bodies.map((b) => b.requests.length)).toEqual([25, 5, 25, 5]);
    expect(bodies[2]!.requests[0]).toEqual({ sku: 'SKU-0', shipToLocationAvailability: { quantity: 1 }, offers: [{ offerId: 'O-SKU-0', availableQuantity: 1 }] });
    expect(second).toEqual(skus.map((sku) => ({ sku, ok: true, appliedQuantity: 1 })));
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('a cached offer eBay answers as gone (25713) is looked up exactly once and the SKU sent again', async () => {
    mockToken();
    api().get(`${I}/offer`).query({ sku: 'MUG', marketplace_id: 'EBAY_GB' }).reply(200, published('MUG', 'O-OLD'));
    api().get(`${I}/offer`).query({ sku: 'CUP', marketplace_id: 'EBAY_GB' }).reply(200, published('CUP', 'O-CUP'));
    api().post(`${I}/bulk_update_price_quantity`).reply(200, (_u, body) => allOk(body as Bulk));
    const a = adapter({ marketplaces: ['EBAY_GB'] });
    await a.inventory.set([{ sku: 'MUG', quantity: 5 }, { sku: 'CUP', quantity: 5 }]);

    // The seller relisted MUG elsewhere: its old offer is gone, a new one exists.
    api().post(`${I}/bulk_update_price_quantity`, { requests: [
      { sku: 'MUG', shipToLocationAvailability: { quantity: 4 }, offers: [{ offerId: 'O-OLD', availableQuantity: 4 }] },
      { sku: 'CUP', shipToLocationAvailability: { quantity: 3 }, offers: [{ offerId: 'O-CUP', availableQuantity: 3 }] },
    ] }).reply(207, { responses: [
      { sku: 'MUG', statusCode: 200 }, { sku: 'MUG', offerId: 'O-OLD', statusCode: 404, errors: GONE },
      { sku: 'CUP', statusCode: 200 }, { sku: 'CUP', offerId: 'O-CUP', statusCode: 200 },
    ] });
    const relookup = api().get(`${I}/offer`).query({ sku: 'MUG', marketplace_id: 'EBAY_GB' }).reply(200, published('MUG', 'O-NEW'));
    api().post(`${I}/bulk_update_price_quantity`, { requests: [{ sku: 'MUG', shipToLocationAvailability: { quantity: 4 }, offers: [{ offerId: 'O-NEW', availableQuantity: 4 }] }] })
      .reply(200, { responses: [{ sku: 'MUG', statusCode: 200 }, { sku: 'MUG', offerId: 'O-NEW', statusCode: 200 }] });
    const res = await a.inventory.set([{ sku: 'MUG', quantity: 4 }, { sku: 'CUP', quantity: 3 }]);
    expect(relookup.isDone()).toBe(true);
    expect(res).toEqual([{ sku: 'MUG', ok: true, appliedQuantity: 4 }, { sku: 'CUP', ok: true, appliedQuantity: 3 }]);
    expect(nock.pendingMocks()).toEqual([]);

    // The new id is cached: the next push goes straight to the bulk call.
    api().post(`${I}/bulk_update_price_quantity`, { requests: [{ sku: 'MUG', shipToLocationAvailability: { quantity: 2 }, offers: [{ offerId: 'O-NEW', availableQuantity: 2 }] }] })
      .reply(200, { responses: [{ sku: 'MUG', statusCode: 200 }, { sku: 'MUG', offerId: 'O-NEW', statusCode: 200 }] });
    expect(await a.inventory.set([{ sku: 'MUG', quantity: 2 }])).toEqual([{ sku: 'MUG', ok: true, appliedQuantity: 2 }]);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('an offer gone for good: one lookup, then the SKU fails with NOT_FOUND and the others go through', async () => {
    mockToken();
    api().get(`${I}/offer`).query({ sku: 'MUG', marketplace_id: 'EBAY_GB' }).reply(200, published('MUG', 'O-OLD'));
    api().post(`${I}/bulk_update_price_quantity`).reply(200, (_u, body) => allOk(body as Bulk));
    const a = adapter({ marketplaces: ['EBAY_GB'] });
    await a.inventory.set([{ sku: 'MUG', quantity: 5 }]);
    api().post(`${I}/bulk_update_price_quantity`).reply(207, { responses: [{ sku: 'MUG', statusCode: 200 }, { sku: 'MUG', offerId: 'O-OLD', statusCode: 404, errors: GONE }] });
    const relookup = api().get(`${I}/offer`).query({ sku: 'MUG', marketplace_id: 'EBAY_GB' }).reply(404, NO_OFFER);
    const [r] = await a.inventory.set([{ sku: 'MUG', quantity: 4 }]);
    expect(relookup.isDone()).toBe(true);
    expect(r).toMatchObject({ sku: 'MUG', ok: false, error: { code: 'NOT_FOUND' } });
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('a refusal of a freshly read offer is not retried (25713 on a first lookup is final)', async () => {
    mockToken();
    api().get(`${I}/offer`).query({ sku: 'MUG', marketplace_id: 'EBAY_GB' }).reply(200, published('MUG', 'O-1'));
    api().post(`${I}/bulk_update_price_quantity`).reply(207, { responses: [{ sku: 'MUG', statusCode: 200 }, { sku: 'MUG', offerId: 'O-1', statusCode: 404, errors: GONE }] });
    const [r] = await adapter({ marketplaces: ['EBAY_GB'] }).inventory.set([{ sku: 'MUG', quantity: 4 }]);
    expect(r).toMatchObject({ sku: 'MUG', ok: false, error: { code: 'NOT_FOUND', errors: [{ code: '25713' }] } });
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('shared pool: a store-less quantity goes to every listed site; "no offer" on a site is believed for a while, then asked again', async () => {
    mockToken();
    const clock = clockAt(Date.parse('2026-12-05T05:00:00Z'));
    api().get(`${I}/offer`).query({ sku: 'MUG', marketplace_id: 'EBAY_GB' }).reply(200, published('MUG', 'O-GB'));
    const usMiss = api().get(`${I}/offer`).query({ sku: 'MUG-US', marketplace_id: 'EBAY_US' }).times(2).reply(404, NO_OFFER);
    const bodies: Bulk[] = [];
    api().post(`${I}/bulk_update_price_quantity`).times(3).reply(200, (_u, body) => {
      bodies.push(body as Bulk);
      return allOk(body as Bulk);
    });
    const a = adapter({ clock });
    expect(await a.inventory.set([{ sku: 'MUG', quantity: 3 }])).toEqual([{ sku: 'MUG', ok: true, appliedQuantity: 3 }]);
    expect(await a.inventory.set([{ sku: 'MUG', quantity: 2 }])).toEqual([{ sku: 'MUG', ok: true, appliedQuantity: 2 }]);
    expect(usMiss.pendingMocks()).toHaveLength(1); // the second push did not ask EBAY_US again
    clock.t += ABSENT_TTL_MS;
    expect(await a.inventory.set([{ sku: 'MUG', quantity: 1 }])).toEqual([{ sku: 'MUG', ok: true, appliedQuantity: 1 }]);
    expect(bodies.map((b) => b.requests)).toEqual([3, 2, 1].map((q) => [{ sku: 'MUG', shipToLocationAvailability: { quantity: q }, offers: [{ offerId: 'O-GB', availableQuantity: q }] }]));
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('an explicit store never trusts a cached "no offer": it asks, and reports NOT_FOUND', async () => {
    mockToken();
    const miss = api().get(`${I}/offer`).query({ sku: 'MUG', marketplace_id: 'EBAY_GB' }).times(2).reply(404, NO_OFFER);
    const a = adapter({ marketplaces: ['EBAY_GB'] });
    for (let i = 0; i < 2; i++) expect(await a.inventory.set([{ sku: 'MUG', quantity: 1, store: 'EBAY_GB' }])).toMatchObject([{ sku: 'MUG', ok: false, error: { code: 'NOT_FOUND' } }]);
    expect(miss.isDone()).toBe(true);
  });
});
