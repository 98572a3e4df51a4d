import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { aeSandbox, type SandboxSetup } from './helpers.js';
import { intercept, wireAdapter, type Seen } from './wire.js';

const listing = (sku: string, over: Record<string, unknown> = {}) => ({
  sku, title: `Mug ${sku}`, description: 'A mug', brand: 'Acme', price: { amount: '12.99', currency: 'USD' }, quantity: 7,
  images: ['https://ae01.alicdn.com/kf/mug.jpg'], package: { weight: { value: 350, unit: 'g' as const }, dimensions: { length: 12, width: 9.2, height: 10, unit: 'cm' as const } },
  ...over,
});

let s: SandboxSetup;
beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  s = await aeSandbox();
});
afterAll(() => s.close());
afterEach(() => nock.cleanAll());

describe('listings (sandbox)', () => {
  it('creates with product.post, finds by sku_code, then edits', async () => {
    const created = await s.adapter.listings.upsert(listing('L-1'));
    expect(created).toMatchObject({ sku: 'L-1', status: 'accepted', action: 'created', issues: [] });
    const product = s.world.products.get(created.marketplaceId!)!;
    expect(product.request).toMatchObject({
      language: 'en', aliexpress_category_id: 200000001, main_image_urls_list: [expect.stringMatching(/^https:\/\/ae01\.alicdn\.com\/kf\/S/)], brand_name: 'Acme',
      attribute_list: [{ aliexpress_attribute_name_id: 2, aliexpress_attribute_value_id: 203000001 }],
      sku_info_list: [{ sku_code: 'L-1', price: '12.99', inventory: 7 }], weight: '0.350', package_length: 12, package_width: 10, package_height: 10,
      freight_template_id: 1000, service_policy_id: 0, shipping_lead_time: 3, inventory_deduction_strategy: 'place_order_withhold',
      multi_language_subject_list: [{ language: 'en', subject: 'Mug L-1' }],
    });
    const updated = await s.adapter.listings.upsert(listing('L-1', { price: { amount: '14.00', currency: 'USD' } }));
    expect(updated).toMatchObject({ action: 'updated', marketplaceId: created.marketplaceId });
    expect(s.world.products.get(created.marketplaceId!)!.skus[0]!.price).toBe('14.00');
    expect(await s.adapter.listings.get('L-1')).toMatchObject({ status: 'active', marketplaceId: created.marketplaceId });
    expect(await s.adapter.listings.get('NOPE')).toMatchObject({ status: 'not_found' });
  });

  it('reports missing required product fields locally and marketplace refusals as issues', async () => {
    const local = await s.adapter.listings.upsert(listing('L-2', { images: [], package: {} }));
    expect(local.status).toBe('invalid');
    expect(local.issues.map((i) => i.code)).toEqual(['MISSING_IMAGES', 'MISSING_WEIGHT', 'MISSING_DIMENSIONS']);
    const refused = await s.adapter.listings.upsert(listing('L-3', { marketplace: { aliexpress: { categoryId: 200000003 } } }));
    expect(refused.issues).toMatchObject([{ code: 'isv.category-not-leaf', severity: 'error' }]);
    expect((await s.adapter.listings.validate(listing('L-4'))).status).toBe('accepted');
  });

  it('inventory.set batches stock and price per product; the latest value per SKU wins; unknown SKUs fail alone', async () => {
    await s.adapter.listings.upsert(listing('INV-1'));
    const r = await s.adapter.inventory.set([
      { sku: 'INV-1', quantity: 3 }, { sku: 'INV-1', quantity: 4, price: { amount: 1100, currency: 'USD' } }, { sku: 'MISSING', quantity: 1 },
    ]);
    expect(r).toMatchObject([
      { sku: 'INV-1', ok: true, appliedQuantity: 4 },
      { sku: 'MISSING', ok: false, error: { code: 'NOT_FOUND' } },
    ]);
    const sku = [...s.world.products.values()].flatMap((p) => p.skus).find((x) => x.sku_code === 'INV-1')!;
    expect(sku).toMatchObject({ inventory: 4, price: '11.00' });
    expect(await s.adapter.listings.update('INV-1', { quantity: 9 })).toMatchObject({ status: 'accepted', action: 'updated' });
    expect(sku.inventory).toBe(9);
  });

  it('delete removes a single-SKU product (batch.product.delete) and proves it by re-reading', async () => {
    const created = await s.adapter.listings.upsert(listing('DEL-1'));
    expect(s.world.products.has(created.marketplaceId!)).toBe(true);
    expect(await s.adapter.listings.delete('DEL-1')).toEqual({ sku: 'DEL-1', store: 'aliexpress', status: 'deleted', marketplaceId: created.marketplaceId, issues: [], action: 'deleted' });
    expect(s.world.products.has(created.marketplaceId!)).toBe(false);
    expect(await s.adapter.listings.delete('DEL-1')).toMatchObject({ status: 'not_found' });
  });

  it('delete refuses a SKU whose product carries other SKUs (AliExpress deletes whole products)', async () => {
    const created = await s.adapter.listings.upsert(listing('FAM-1', {
      optionNames: ['color'],
      variants: [{ sku: 'FAM-1-RED', options: { color: 'Red' }, quantity: 3 }, { sku: 'FAM-1-BLUE', options: { color: 'Blue' }, quantity: 4 }],
    }));
    expect(created.status).toBe('accepted');
    const r = await s.adapter.listings.delete('FAM-1-RED');
    expect(r.issues.map((i) => i.code)).toEqual(['DELETE_WOULD_REMOVE_SIBLINGS']);
    expect(r.issues[0]!.message).toContain('FAM-1-BLUE');
    expect(s.world.products.has(created.marketplaceId!)).toBe(true);
  });
});

describe('inventory.set (wire)', () => {
  it('sends mutiple_product_update_list (sic) with the product id as a bare number', async () => {
    const seen: Seen[] = [];
    intercept('/sync', (x) => [200, x.query.method === 'aliexpress.solution.product.list.get'
      ? { aliexpress_solution_product_list_get_response: { result: { success: true, product_count: 1, aeop_a_e_product_display_d_t_o_list: { item_display_dto: [{ product_id: 1005001234567890 }] } } } }
      : { aliexpress_solution_batch_product_inventory_update_response: { update_success: true, update_successful_list: { synchronize_product_response_dto: [{ product_id: 1005001234567890 }] } } }], seen, 2);
    const r = await wireAdapter().inventory.set([{ sku: 'MUG-RED', quantity: 12 }]);
    expect(r).toEqual([{ sku: 'MUG-RED', ok: true, appliedQuantity: 12 }]);
    expect(seen[0]!.body).toEqual({ aeop_a_e_product_list_query: '{"product_status_type":"onSelling","sku_code":"MUG-RED","current_page":1,"page_size":20}' });
    expect(seen[1]!.query.method).toBe('aliexpress.solution.batch.product.inventory.update');
    expect(seen[1]!.body).toEqual({ mutiple_product_update_list: '[{"product_id":1005001234567890,"multiple_sku_update_list":[{"sku_code":"MUG-RED","inventory":12}]}]' });
    expect(seen.every((x) => x.signOk)).toBe(true);
  });
});

describe('auth (sandbox)', () => {
  it('exchanges a code through /auth/token/create and uses the new pair', async () => {
    const code = s.world.issueCode('2000000001');
    const r = await s.adapter.auth.exchangeCode(code);
    expect(r.sellerId).toBe('2000000001');
    expect(r.expiresAt.getTime()).toBeGreaterThan(Date.now());
    await s.adapter.auth.refresh();
    expect(s.world.refreshCalls).toBe(1);
    expect((await s.adapter.listings.get('L-1')).status).toBe('active');
  });
});
