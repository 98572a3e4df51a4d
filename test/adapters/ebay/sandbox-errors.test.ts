/**
 * Sandbox fidelity (DESIGN.md §7): the eBay simulator answers each refusal with an errorId its
 * operation documents (x-response-codes in specs/ebay/sell_fulfillment_v1_oas3.json and
 * sell_inventory_v1_oas3.json), not one the adapter happens to expect.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ebay, ebaySandbox, SANDBOX_CREDENTIALS, type EbaySandboxState } from '../../../adapters/ebay/index.js';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/index.js';

const { account, clientId, clientSecret, refreshToken, listingDefaults } = SANDBOX_CREDENTIALS;
let sandbox: RunningSandbox;
let state: EbaySandboxState;
let url: string;
let token: string;

beforeAll(async () => {
  sandbox = await startSandbox({ marketplaces: { ebay: ebaySandbox() }, timeScale: 100 });
  url = sandbox.urls.ebay!;
  state = sandbox.state.ebay as EbaySandboxState;
  const a = ebay({ account, marketplaces: ['EBAY_US'], credentials: { clientId, clientSecret, refreshToken }, listingDefaults: { EBAY_US: listingDefaults }, endpoint: url, timeScale: 100 });
  await a.listings.upsert({ sku: 'ERR-1', title: 'Mug', brand: 'Acme', price: { amount: '9.99', currency: 'USD' }, quantity: 2 });
  token = [...state.tokens.keys()].pop()!;
});
afterAll(() => sandbox.close());

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; ids: number[] }> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'content-language': 'en-US' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${url}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const json = (await res.json()) as { errors?: Array<{ errorId: number }> };
  return { status: res.status, ids: (json.errors ?? []).map((e) => e.errorId) };
}

describe('eBay sandbox errors are the documented ones', () => {
  it('getOrders: a bad offset is 31000 "Invalid offset" (31101 is not an eBay errorId)', async () => {
    expect(await call('GET', '/sell/fulfillment/v1/order?offset=-1')).toEqual({ status: 400, ids: [31000] });
  });

  it('getShippingFulfillment: an unknown fulfillment is 32110 "Invalid shipping fulfillment ID" (32500 means an invalid shipped date)', async () => {
    const [o] = state.seedOrders(1);
    expect((await call('GET', `/sell/fulfillment/v1/order/${o!.orderId}/shipping_fulfillment/NOPE`)).ids).toEqual([32110]);
  });

  it('createShippingFulfillment: a bad tracking number is 32300 "Invalid shipment tracking number or carrier" (32400 means the user is suspended)', async () => {
    const [o] = state.seedOrders(1);
    const lineItems = o!.lineItems.map((li) => ({ lineItemId: li.lineItemId, quantity: li.quantity }));
    expect(await call('POST', `/sell/fulfillment/v1/order/${o!.orderId}/shipping_fulfillment`, { lineItems, shippingCarrierCode: 'USPS', trackingNumber: 'NOT VALID!' })).toEqual({ status: 400, ids: [32300] });
  });

  it('createOffer: a missing field and a second offer for the same sku/marketplace/format are 25709 (createOffer lists no 25002)', async () => {
    expect((await call('POST', '/sell/inventory/v1/offer', { sku: 'ERR-1' })).ids).toEqual([25709]);
    expect((await call('POST', '/sell/inventory/v1/offer', { sku: 'ERR-1', marketplaceId: 'EBAY_US', format: 'FIXED_PRICE' })).ids).toEqual([25709]);
  });

  it('bulkCreateOffer: the same duplicate is 25729 "The combination of SKU, marketplaceId and format should be unique."', async () => {
    const res = await fetch(`${url}/sell/inventory/v1/bulk_create_offer`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-language': 'en-US' },
      body: JSON.stringify({ requests: [{ sku: 'ERR-1', marketplaceId: 'EBAY_US', format: 'FIXED_PRICE' }] }),
    });
    const json = (await res.json()) as { responses: Array<{ errors: Array<{ errorId: number }> }> };
    expect(json.responses[0]!.errors.map((e) => e.errorId)).toEqual([25729]);
  });
});
