/**
 * inventory.get (issue 26.3): the live quantity each listing offers, read on bulkGetInventoryItem,
 * 25 seller SKUs per call; the item's ship-to-home quantity is the figure inventory.set writes.
 */
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AbortedError, MarketplaceError, ValidationError } from '../../../src/errors/classes.js';
import { adapter, mockToken, TOKEN } from './helpers.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const PATH = '/sell/inventory/v1/bulk_get_inventory_item';
type Body = { requests: Array<{ sku: string }> };
const item = (sku: string, quantity?: number) => ({
  sku, statusCode: 200,
  inventoryItem: { sku, locale: 'en_GB', condition: 'NEW', product: { title: `Item ${sku}` }, ...(quantity === undefined ? {} : { availability: { shipToLocationAvailability: { quantity } } }) },
});
const NOT_AVAILABLE = (sku: string) => ({ sku, statusCode: 404, errors: [{ errorId: 25702, domain: 'API_INVENTORY', category: 'REQUEST', message: `SKU ${sku} is not available in the system` }] });
/** The exact request: bearer token, JSON body, POST to the documented path. */
const bulkGet = () => nock('https://api.ebay.com', { reqheaders: { authorization: `Bearer ${TOKEN}`, 'content-type': /^application\/json/ } }).post(PATH);

describe('inventory.get on bulkGetInventoryItem', () => {
  it('reads 30 SKUs of one site in two calls (25 + 5) and answers each ref with its store as given', async () => {
    mockToken();
    const skus = Array.from({ length: 30 }, (_, i) => `SKU-${i}`);
    const bodies: Body[] = [];
    const scope = bulkGet().times(2).reply(200, (_u, b) => {
      bodies.push(b as Body);
      return { responses: (b as Body).requests.map((r) => item(r.sku, Number(r.sku.slice(4)))) };
    });
    const a = adapter({ marketplaces: ['EBAY_GB'] });
    const levels = await a.inventory.get(skus.map((sku) => ({ sku, store: 'EBAY_GB' })));
    expect(scope.isDone()).toBe(true);
    expect(bodies).toEqual([{ requests: skus.slice(0, 25).map((sku) => ({ sku })) }, { requests: skus.slice(25).map((sku) => ({ sku })) }]);
    expect(levels).toEqual(skus.map((sku, i) => ({ sku, store: 'EBAY_GB', quantity: i })));
  });

  it('maps each store to its seller SKU (site-skus.ts) and answers the unified SKU', async () => {
    mockToken();
    bulkGet().reply(200, (_u, b) => {
      expect(b).toEqual({ requests: [{ sku: 'MUG' }, { sku: 'MUG-US' }] });
      return { responses: [item('MUG', 4), item('MUG-US', 7)] };
    });
    const levels = await adapter().inventory.get([{ sku: 'MUG', store: 'EBAY_GB' }, { sku: 'MUG', store: 'US' }, { sku: 'MUG', store: 'EBAY_GB' }]);
    expect(levels).toEqual([{ sku: 'MUG', store: 'EBAY_GB', quantity: 4 }, { sku: 'MUG', store: 'US', quantity: 7 }]);
  });

  it('a store-less ref answers the smallest figure among the sites whose item exists, without a store', async () => {
    mockToken();
    bulkGet().reply(207, (_u, b) => {
      expect(b).toEqual({ requests: [{ sku: 'MUG' }, { sku: 'MUG-US' }, { sku: 'CUP' }, { sku: 'CUP-US' }] });
      return { responses: [item('MUG', 4), item('MUG-US', 2), item('CUP', 5), NOT_AVAILABLE('CUP-US')] };
    });
    expect(await adapter().inventory.get([{ sku: 'MUG' }, { sku: 'CUP' }])).toEqual([{ sku: 'MUG', quantity: 2 }, { sku: 'CUP', quantity: 5 }]);
  });

  it('leaves out SKUs eBay does not know (25702 per SKU, 207) and reads an item without quantity as 0', async () => {
    mockToken();
    bulkGet().reply(207, { responses: [item('A', 3), NOT_AVAILABLE('GHOST'), item('BARE')] });
    const levels = await adapter({ marketplaces: ['EBAY_GB'] }).inventory.get([{ sku: 'A', store: 'EBAY_GB' }, { sku: 'GHOST', store: 'EBAY_GB' }, { sku: 'BARE', store: 'EBAY_GB' }]);
    expect(levels).toEqual([{ sku: 'A', store: 'EBAY_GB', quantity: 3 }, { sku: 'BARE', store: 'EBAY_GB', quantity: 0 }]);
  });

  it('a refused call throws the typed error (no partial answer)', async () => {
    mockToken();
    bulkGet().reply(400, { errors: [{ errorId: 25727, domain: 'API_INVENTORY', category: 'REQUEST', message: 'The number of InventoryItems in the request cannot exceed 25.' }] });
    const err = await adapter({ marketplaces: ['EBAY_GB'] }).inventory.get([{ sku: 'A', store: 'EBAY_GB' }]).catch((e) => e);
    expect(err).toBeInstanceOf(MarketplaceError);
    expect(err).toMatchObject({ marketplace: 'ebay', operation: 'bulkGetInventoryItem', status: 400, errors: [expect.objectContaining({ code: '25727' })] });
  });

  it('a per-SKU system error (25001) throws instead of answering a figure eBay did not give', async () => {
    mockToken();
    bulkGet().reply(207, { responses: [item('A', 3), { sku: 'B', statusCode: 500, errors: [{ errorId: 25001, domain: 'API_INVENTORY', category: 'APPLICATION', message: 'A system error has occurred.' }] }] });
    const err = await adapter({ marketplaces: ['EBAY_GB'] }).inventory.get([{ sku: 'A', store: 'EBAY_GB' }, { sku: 'B', store: 'EBAY_GB' }]).catch((e) => e);
    expect(err).toMatchObject({ marketplace: 'ebay', operation: 'bulkGetInventoryItem', status: 500, errors: [expect.objectContaining({ code: '25001' })] });
  });

  it('honours the abort signal', async () => {
    mockToken();
    const ac = new AbortController();
    // The caller gives up once the request is out; the answer would come much later.
    bulkGet().delay(5_000).reply(() => (ac.abort(), [200, { responses: [item('A', 3)] }]));
    await expect(adapter({ marketplaces: ['EBAY_GB'] }).inventory.get([{ sku: 'A', store: 'EBAY_GB' }], { signal: ac.signal })).rejects.toBeInstanceOf(AbortedError);
  });

  it('an aborted signal sends nothing', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(adapter({ marketplaces: ['EBAY_GB'] }).inventory.get([{ sku: 'A', store: 'EBAY_GB' }], { signal: ac.signal })).rejects.toBeInstanceOf(AbortedError);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('bad refs are a ValidationError naming the field', async () => {
    const a = adapter();
    await expect(a.inventory.get([{ sku: '' }])).rejects.toMatchObject({ code: 'VALIDATION', path: 'refs[0].sku' });
    const err = await a.inventory.get([{ sku: 'A' }, { sku: 'A', store: 'EBAY_DE' }]).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.path).toBe('refs[1].store');
  });

  it('an empty list answers nothing without a call', async () => {
    expect(await adapter().inventory.get([])).toEqual([]);
  });
});
