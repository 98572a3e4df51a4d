/**
 * inventory.get (issue 26.3): live MFN quantities read with searchListingsItems, 20 SKUs per call
 * per store, in the terms inventory.set takes. Exact requests pinned with nock.
 */
import nock from 'nock';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AbortedError, ValidationError } from '../../../src/errors/classes.js';
import { XborderError } from '../../../src/errors/xborder-error.js';
import { adapter, DE, FR, mockLwa, REQUEST_ID, SELLER, sp, TOKEN } from './helpers.js';

const SEARCH = `/listings/2021-08-01/items/${SELLER}`;
const INCLUDED = 'productTypes,fulfillmentAvailability';
const query = (marketplaceId: string, skus: string[]) => ({ marketplaceIds: marketplaceId, identifiers: skus.join(','), identifiersType: 'SKU', includedData: INCLUDED, pageSize: '20' });
const item = (sku: string, marketplaceId: string, fa: Array<{ fulfillmentChannelCode: string; quantity?: number }>) => ({
  sku, productTypes: [{ marketplaceId, productType: 'SHIRT' }], fulfillmentAvailability: fa,
});
const mfn = (sku: string, quantity: number, marketplaceId = DE) => item(sku, marketplaceId, [{ fulfillmentChannelCode: 'DEFAULT', quantity }]);
const skus = (n: number) => Array.from({ length: n }, (_, i) => `S-${String(i).padStart(2, '0')}`);

beforeAll(() => nock.disableNetConnect());
beforeEach(() => void mockLwa());
afterEach(() => nock.cleanAll());

describe('Amazon inventory.get', () => {
  it('reads 25 SKUs in 2 searchListingsItems calls (20 + 5) and answers the DEFAULT quantity in ref order; unknown and FBA SKUs are left out', async () => {
    const all = skus(25);
    const first = sp().get(SEARCH).query(query(DE, all.slice(0, 20))).reply(200, {
      numberOfResults: 18,
      items: all.slice(0, 20).filter((s) => s !== 'S-07' && s !== 'S-03').map((s, i) => mfn(s, i)).concat([item('S-03', DE, [{ fulfillmentChannelCode: 'AMAZON_EU' }])]),
    }, REQUEST_ID);
    const second = sp().get(SEARCH).query(query(DE, all.slice(20))).reply(200, { numberOfResults: 5, items: all.slice(20).map((s) => mfn(s, 7)) }, REQUEST_ID);
    const levels = await adapter().inventory.get!(all.map((sku) => ({ sku })));
    first.done();
    second.done();
    const expected = all.slice(0, 20).filter((s) => s !== 'S-07' && s !== 'S-03').map((sku, i) => ({ sku, quantity: i })).concat(all.slice(20).map((sku) => ({ sku, quantity: 7 })));
    expect(levels).toEqual(expected);
    expect(levels.map((l) => l.sku)).not.toContain('S-07');
    expect(levels.map((l) => l.sku)).not.toContain('S-03');
  });

  it('sends the access token and nothing else of the seller: one GET per store, the store echoed as given, duplicates answered once', async () => {
    const de = nock('https://sellingpartnerapi-eu.amazon.com', { reqheaders: { 'x-amz-access-token': TOKEN }, badheaders: ['authorization'] })
      .get(SEARCH).query(query(DE, ['A', 'B'])).reply(200, { numberOfResults: 2, items: [mfn('A', 3), mfn('B', 0)] });
    const fr = sp().get(SEARCH).query(query(FR, ['A'])).reply(200, { numberOfResults: 1, items: [mfn('A', 3, FR)] });
    const levels = await adapter().inventory.get!([{ sku: 'A' }, { sku: 'B', store: 'DE' }, { sku: 'A', store: 'FR' }, { sku: 'A' }]);
    de.done();
    fr.done();
    expect(levels).toEqual([{ sku: 'A', quantity: 3 }, { sku: 'B', store: 'DE', quantity: 0 }, { sku: 'A', store: 'FR', quantity: 3 }]);
  });

  it('a DEFAULT entry without a quantity (not written yet) gives no figure: left out', async () => {
    sp().get(SEARCH).query(query(DE, ['A', 'B'])).reply(200, { numberOfResults: 2, items: [item('A', DE, [{ fulfillmentChannelCode: 'DEFAULT' }]), item('B', DE, [])] });
    expect(await adapter().inventory.get!([{ sku: 'A' }, { sku: 'B' }])).toEqual([]);
  });

  it('what the read learnt (product type, channel) spares the push that follows the listings report', async () => {
    sp().get(SEARCH).query(query(DE, ['A'])).reply(200, { numberOfResults: 1, items: [mfn('A', 4)] });
    const patch = sp()
      .patch(`${SEARCH}/A`, { productType: 'SHIRT', patches: [{ op: 'merge', path: '/attributes/fulfillment_availability', value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 2 }] }] })
      .query({ marketplaceIds: DE, includedData: 'issues' })
      .reply(200, { sku: 'A', status: 'ACCEPTED', submissionId: 's', issues: [] });
    const a = adapter();
    expect(await a.inventory.get!([{ sku: 'A' }])).toEqual([{ sku: 'A', quantity: 4 }]);
    expect(await a.inventory.set([{ sku: 'A', quantity: 2 }])).toEqual([{ sku: 'A', ok: true, appliedQuantity: 2 }]);
    patch.done(); // no createReport, no second search: nock refuses any other request
  });

  it('no refs: no call', async () => {
    nock.cleanAll();
    expect(await adapter().inventory.get!([])).toEqual([]);
  });

  it('an error answer throws the typed error with the request id', async () => {
    sp().get(SEARCH).query(query(DE, ['A'])).reply(400, { errors: [{ code: 'InvalidInput', message: 'Invalid identifiers', details: '' }] }, REQUEST_ID);
    const err = await adapter().inventory.get!([{ sku: 'A' }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(XborderError);
    expect(err).toMatchObject({ marketplace: 'amazon', operation: 'searchListingsItems', status: 400, requestId: 'req-1234' });
  });

  it('a 403 is not retried and throws', async () => {
    const scope = sp().get(SEARCH).query(query(DE, ['A'])).once().reply(403, { errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.' }] });
    const err = await adapter().inventory.get!([{ sku: 'A' }]).catch((e: unknown) => e);
    scope.done();
    expect(err).toBeInstanceOf(XborderError);
    expect(err).toMatchObject({ status: 403, operation: 'searchListingsItems' });
  });

  it('an aborted signal: AbortedError and no read is sent', async () => {
    const scope = sp().get(SEARCH).query(true).reply(200, { numberOfResults: 0, items: [] });
    const ac = new AbortController();
    ac.abort();
    await expect(adapter().inventory.get!([{ sku: 'A' }], { signal: ac.signal })).rejects.toBeInstanceOf(AbortedError);
    expect(scope.isDone()).toBe(false);
  });

  it('an abort while the read is in flight rejects with AbortedError', async () => {
    const ac = new AbortController();
    sp().get(SEARCH).query(query(DE, ['A'])).reply(() => {
      ac.abort();
      return [200, { numberOfResults: 1, items: [mfn('A', 1)] }];
    });
    await expect(adapter().inventory.get!([{ sku: 'A' }], { signal: ac.signal })).rejects.toBeInstanceOf(AbortedError);
  });

  it('bad refs throw a ValidationError naming the ref before any I/O', async () => {
    nock.cleanAll();
    const a = adapter();
    await expect(a.inventory.get!('A' as never)).rejects.toMatchObject({ path: 'refs' });
    await expect(a.inventory.get!([{ sku: 'A' }, { sku: '' }])).rejects.toMatchObject({ path: 'refs[1].sku' });
    const bad = await a.inventory.get!([{ sku: 'A', store: 'US' }]).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect(bad).toMatchObject({ path: 'refs[0].store' });
  });
});
