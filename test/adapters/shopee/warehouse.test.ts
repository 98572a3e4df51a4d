import { afterEach, describe, expect, it } from 'vitest';
import { AuthError, MarketplaceError } from '../../../src/errors/index.js';
import { imageUrl, shopSandbox, SHOP_ID, type SandboxSetup } from './helpers.js';

let s: SandboxSetup;
afterEach(() => s.close());

const listing = (url: string, sku: string) => ({
  sku, title: `Warehouse ${sku}`, price: { amount: '9.90', currency: 'SGD' }, quantity: 4, images: [imageUrl(url, sku)],
  package: { weight: { value: 0.2, unit: 'kg' as const } }, marketplace: { shopee: { categoryId: 100001 } },
});
const sandbox = { shops: [{ shopId: SHOP_ID, region: 'SG' as const, locations: ['SGZ', 'SGW'] }] };

describe('multi-warehouse shops', () => {
  it('without a configured location Shopee refuses the stock (error_auth "Lack of location_id"): a listing issue, not an auth failure', async () => {
    s = await shopSandbox({ sandbox });
    const r = await s.adapter.listings.upsert(listing(s.url, 'WH-1'));
    expect(r).toMatchObject({ status: 'invalid', issues: [{ code: 'error_auth', message: 'Lack of location_id, please double check.', severity: 'error' }] });
    expect(s.world.counters.addItem).toBe(0);
  });

  it('stockLocations writes seller_stock with the shop\'s location_id, on create and on inventory.set', async () => {
    s = await shopSandbox({ sandbox, adapter: { stockLocations: { [String(SHOP_ID)]: 'SGW' } } });
    expect(await s.adapter.listings.upsert(listing(s.url, 'WH-2'))).toMatchObject({ status: 'active', action: 'created' });
    const [res] = await s.adapter.inventory.set([{ sku: 'WH-2', quantity: 11 }]);
    expect(res).toMatchObject({ ok: true, appliedQuantity: 11 });
    expect(s.world.itemsBySku('WH-2')[0]!.stock).toBe(11);
  });

  it('a location the shop does not have: inventory.set reports Shopee\'s message as the SKU\'s error', async () => {
    s = await shopSandbox({ sandbox, adapter: { stockLocations: { [String(SHOP_ID)]: 'SGW' } } });
    await s.adapter.listings.upsert(listing(s.url, 'WH-3'));
    s.world.shops.get(SHOP_ID)!.locations = ['SGZ', 'SGX'];
    const [res] = await s.adapter.inventory.set([{ sku: 'WH-3', quantity: 2 }]);
    expect(res!.ok).toBe(false);
    expect(res!.error).toBeInstanceOf(MarketplaceError);
    expect(res!.error).not.toBeInstanceOf(AuthError);
    expect(res!.error!.message).toMatch(/location_id input is not matched/);
  });
});
