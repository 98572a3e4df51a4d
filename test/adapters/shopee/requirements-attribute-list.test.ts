/** Shopee: neutral attributes reach add_item attribute_list once the category's tree is cached (issue #21 step 4). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListingInput } from '../../../src/model/listing.js';
import type { OfflineValidationResult } from '../../../src/requirements/index.js';
import { imageUrl, shopSandbox, type SandboxSetup } from './helpers.js';

let s: SandboxSetup;
beforeAll(async () => {
  s = await shopSandbox();
});
afterAll(() => s.close());

const tee = (sku: string, material: string): ListingInput => ({
  sku, title: 'Organic cotton tee', description: 'Soft organic cotton tee.', images: [imageUrl(s.url, 'tee')], price: { amount: '19.90', currency: 'SGD' }, quantity: 3,
  package: { weight: { value: 200, unit: 'g' } }, attributes: { Material: material }, marketplace: { shopee: { categoryId: 100002 } },
});
const itemOf = (sku: string) => [...s.world.items.values()].find((i) => i.item_sku === sku);

describe('Shopee neutral attributes → attribute_list', () => {
  it('before the tree is cached the neutral value is not sent: add_item refuses the mandatory attribute', async () => {
    const r = await s.adapter.listings.upsert(tee('TEE-UNCACHED', 'Cotton'));
    expect(r.status).toBe('invalid');
    expect(r.issues.map((i) => i.code)).toContain('error_less_required_attribute');
  });

  it('once cached, preflight accepts it and upsert sends Material by attribute_id and value_id', async () => {
    await s.adapter.listings.requirements({ category: 100002 });
    const checked = (await s.adapter.listings.validate(tee('TEE-MAPPED', 'cotton'), { offline: true })) as OfflineValidationResult;
    expect(checked).toMatchObject({ status: 'accepted', issues: [] });
    const r = await s.adapter.listings.upsert(tee('TEE-MAPPED', 'cotton'));
    expect(r.status).not.toBe('invalid');
    expect(itemOf('TEE-MAPPED')?.attribute_list).toEqual([{ attribute_id: 1001, attribute_value_list: [{ value_id: 11, original_value_name: 'Cotton' }] }]);
  });

  it('a value outside the closed list is not sent and is reported with the closest values', async () => {
    await s.adapter.listings.requirements({ category: 100002 });
    const checked = (await s.adapter.listings.validate(tee('TEE-TYPO', 'Coton'), { offline: true })) as OfflineValidationResult;
    expect(checked.issues).toContainEqual(expect.objectContaining({ code: 'VALUE_NOT_ALLOWED', attribute: 'Material', suggestions: expect.arrayContaining(['Cotton']) }));
  });
});
