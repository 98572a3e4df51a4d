import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ebay, ebaySandbox, SANDBOX_CREDENTIALS, type EbaySandboxState } from '../../../adapters/ebay/index.js';
import { AuthError } from '../../../src/errors/classes.js';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/index.js';

const { account, clientId, clientSecret, refreshToken, listingDefaults } = SANDBOX_CREDENTIALS;
let sandbox: RunningSandbox;
let state: EbaySandboxState;
let url: string;

const make = (extra: { refreshToken?: string } = {}) =>
  ebay({
    account, marketplaces: ['EBAY_US', 'EBAY_GB'], credentials: { clientId, clientSecret, refreshToken: extra.refreshToken ?? refreshToken },
    listingDefaults: { EBAY_US: listingDefaults }, endpoint: url, timeScale: 100, retry: { retries: 4, baseDelayMs: 1, maxDelayMs: 5 },
  });

beforeAll(async () => {
  sandbox = await startSandbox({ marketplaces: { ebay: ebaySandbox() }, timeScale: 100 });
  url = sandbox.urls.ebay!;
  state = sandbox.state.ebay as EbaySandboxState;
});
afterAll(() => sandbox.close());

describe('eBay sandbox module', () => {
  it('refuses a refresh token it does not know with invalid_grant', async () => {
    const err = await make({ refreshToken: 'v^1.1#unknown-refresh-token' }).orders.get('x').catch((e) => e);
    expect(err).toBeInstanceOf(AuthError);
    expect(err.mustReauthorize).toBe(true);
  });

  it('a token eBay no longer accepts (401) is refreshed once and the call replayed', async () => {
    const [o] = state.seedOrders(1);
    const a = make();
    await a.orders.get(o!.orderId);
    const before = state.tokenRequests;
    for (const t of state.tokens.values()) t.expiresAt = 0;
    const all = await Promise.all(Array.from({ length: 5 }, () => a.orders.get(o!.orderId)));
    expect(all.every((x) => x.id === o!.orderId)).toBe(true);
    expect(state.tokenRequests - before).toBe(1);
  });

  it('answers a wrong filter with 30800 and a missing Content-Language with 25709', async () => {
    const a = make();
    await a.orders.get(state.seedOrders(1)[0]!.orderId);
    const token = [...state.tokens.keys()].pop()!;
    const bad = await fetch(`${url}/sell/fulfillment/v1/order?filter=${encodeURIComponent('lastmodified:[x..]')}`, { headers: { authorization: `Bearer ${token}` } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: Array<{ errorId: number }> }).errors[0]!.errorId).toBe(30800);
    const put = await fetch(`${url}/sell/inventory/v1/inventory_item/ABC`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ product: { title: 'x' } }) });
    expect(put.status).toBe(400);
    expect(((await put.json()) as { errors: Array<{ errorId: number }> }).errors[0]!.errorId).toBe(25709);
  });

  it('lists, updates quantity and price through bulk, and deletes', async () => {
    const a = make();
    const r = await a.listings.upsert({ sku: 'SB-1', title: 'Sandbox mug', brand: 'Acme', price: { amount: '9.99', currency: 'USD' }, quantity: 4 });
    expect(r.status).toBe('active');
    const [res] = await a.inventory.set([{ sku: 'SB-1', quantity: 2, store: 'EBAY_US' }, { sku: 'SB-1', quantity: 6, price: { amount: 1250, currency: 'USD' }, store: 'EBAY_US' }]);
    expect(res).toEqual({ sku: 'SB-1', ok: true, appliedQuantity: 6 });
    expect(state.items.get('SB-1')!.availability!.shipToLocationAvailability!.quantity).toBe(6);
    expect([...state.offers.values()].find((o) => o.sku === 'SB-1')!.pricingSummary!.price).toEqual({ value: '12.50', currency: 'USD' });
    const missing = await a.inventory.set([{ sku: 'SB-1', price: { amount: 100, currency: 'GBP' }, store: 'EBAY_GB' }]);
    expect(missing[0]).toMatchObject({ sku: 'SB-1', ok: false });
    expect((await a.listings.delete('SB-1')).status).toBe('deleted');
    expect((await a.listings.get('SB-1')).status).toBe('inactive');
    expect((await a.listings.delete('SB-1', { deleteInventoryItem: true } as object)).status).toBe('deleted');
    expect((await a.listings.get('SB-1')).status).toBe('not_found');
  });

  it('records one fulfillment per package and marks the order shipped', async () => {
    const [o] = state.seedOrders(1, { quantity: 1 });
    const a = make();
    const s = await a.fulfilment.ship({ orderId: o!.orderId, packages: [{ lines: [{ lineId: o!.lineItems[0]!.lineItemId, quantity: 1 }], carrier: 'UPS', trackingNumber: '1Z999AA10123456784' }] });
    expect(s.packages[0]!.packageId).toBe(state.fulfillments.get(o!.orderId)![0]!.fulfillmentId);
    const after = await a.orders.get(o!.orderId);
    expect(after.status).toBe('shipped');
    expect(after.lines[0]!.shippedQuantity).toBe(1);
  });
});
