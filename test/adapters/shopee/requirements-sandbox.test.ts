import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListingInput } from '../../../src/model/listing.js';
import type { OfflineValidationResult } from '../../../src/requirements/index.js';
import { imageUrl, shopSandbox, type SandboxSetup } from './helpers.js';

let s: SandboxSetup;
beforeAll(async () => {
  s = await shopSandbox();
});
afterAll(() => s.close());

const tee = (over: Partial<ListingInput> = {}): ListingInput => ({
  sku: 'TEE-REQ', title: 'Organic cotton tee', description: 'Soft organic cotton tee.', images: [imageUrl(s.url, 'tee')], price: { amount: '19.90', currency: 'SGD' }, quantity: 3,
  package: { weight: { value: 200, unit: 'g' } }, marketplace: { shopee: { categoryId: 100002, attributes: [{ attribute_id: 1001, attribute_value_list: [{ value_id: 11, original_value_name: 'Cotton' }] }] } }, ...over,
});

describe('Shopee requirements against the sandbox (preflight then add_item)', () => {
  it('the sandbox publishes the tree add_item enforces; preflight holds back what add_item would refuse', async () => {
    const req = await s.adapter.listings.requirements({ category: 100002 });
    expect(req.fields.find((f) => f.attributeId === '1001')).toMatchObject({ path: 'attributes.material', required: true, closed: true });
    const missing = (await s.adapter.listings.validate(tee({ sku: 'TEE-NOATTR', marketplace: { shopee: { categoryId: 100002 } } }), { offline: true })) as OfflineValidationResult;
    expect(missing.issues.map((i) => [i.code, i.path])).toEqual([['MISSING_REQUIRED', 'attributes.material']]);
    // The marketplace agrees: add_item answers error_less_required_attribute (specs/shopee/v2.product.add_item.json).
    const refused = await s.adapter.listings.upsert(tee({ sku: 'TEE-NOATTR', marketplace: { shopee: { categoryId: 100002 } } }));
    expect(refused.status).toBe('invalid');
    expect(refused.issues.map((i) => i.code)).toContain('error_less_required_attribute');

    const ok = await s.adapter.listings.validate(tee(), { offline: true });
    expect(ok.status).toBe('accepted');
    const put = await s.adapter.listings.upsert(tee());
    expect(put.status).not.toBe('invalid');
  });

  it('category_recommend and unknown categories answer in Shopee\'s shapes', async () => {
    expect(await s.adapter.listings.suggestCategories('Cotton tee shirt')).toEqual([100002]);
    await expect(s.adapter.listings.requirements({ category: 424242 })).rejects.toMatchObject({ message: expect.stringContaining('Invalid category ID 424242') });
  });
});
