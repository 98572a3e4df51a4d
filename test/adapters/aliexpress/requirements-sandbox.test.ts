/** AliExpress requirements end to end on the sandbox: published schema, preflight, and the same rules enforced on product post. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hub } from '../../../src/hub/index.js';
import type { ListingInput } from '../../../src/model/listing.js';
import { aeSandbox, type SandboxSetup } from './helpers.js';

let s: SandboxSetup;
beforeAll(async () => {
  s = await aeSandbox({ adapter: { listingDefaults: { categoryId: 200900001, freightTemplateId: 1000, servicePolicyId: 0 } } });
});
afterAll(() => s?.close());

const shirt = (sku: string, over: Partial<ListingInput> = {}): ListingInput => ({
  sku, title: `Oxford shirt ${sku}`, brand: 'Acme', price: { amount: '19.90', currency: 'USD' }, quantity: 3, images: [`https://img.example.com/${sku}.jpg`],
  package: { weight: { value: 250, unit: 'g' }, dimensions: { length: 30, width: 25, height: 3, unit: 'cm' } },
  attributes: { material: 'Cotton', 'Sleeve Length(cm)': 'Full' }, ...over,
});

describe('AliExpress sandbox requirements', () => {
  it('publishes the category schema and attribute ids; requirements() maps them', async () => {
    const req = await s.adapter.listings.requirements({ category: 200900001 });
    expect(req.fields.find((f) => f.path === 'attributes.material')).toMatchObject({ attribute: 'Material', attributeId: '10', required: true, multiple: true, limits: { maxCount: 3 } });
    expect(req.fields.find((f) => f.path === 'brand')?.allowedValues?.map((v) => v.value)).toEqual(['NONE', 'Acme', 'Northwind', 'Polar Gear']);
    expect(req.fields.find((f) => f.path === 'attributes.size')).toMatchObject({ attribute: 'Size', required: false });
  });

  it('suggests the category from the title', async () => {
    const got = await s.adapter.listings.suggestCategories('Oxford Hemd blau');
    expect(got[0]).toMatchObject({ id: 200900001, name: 'Shirts', path: ["Men's Clothing", 'Tops & Tees', 'Shirts'] });
  });

  it('preflight holds back what the category refuses and submits the rest, which the sandbox accepts', async () => {
    const hub = new Hub({ accounts: { ae: s.adapter } });
    const catalog = [
      shirt('AE-OK'),
      shirt('AE-NO-MATERIAL', { attributes: {} }),
      shirt('AE-TYPO', { attributes: { material: 'Coton' } }),
      shirt('AE-BRAND', { brand: 'Contoso' }),
      shirt('AE-HEAVY', { package: { weight: { value: 600, unit: 'kg' }, dimensions: { length: 30, width: 25, height: 3, unit: 'cm' } } }),
      shirt('AE-SIZES', { optionNames: ['size'], variants: [{ sku: 'AE-SIZES-M', options: { size: 'M' }, quantity: 1 }, { sku: 'AE-SIZES-XL', options: { size: 'XL' }, quantity: 2 }] }),
    ];
    const report = await hub.listings.bulkUpsert(catalog);
    const by = (sku: string) => report.items.find((i) => i.sku === sku)!;
    expect(by('AE-OK').outcome).toBe('done');
    expect(by('AE-SIZES').outcome).toBe('done');
    expect(by('AE-NO-MATERIAL')).toMatchObject({ outcome: 'failed', error: { code: 'VALIDATION' } });
    expect(by('AE-NO-MATERIAL').issues).toContainEqual(expect.objectContaining({ code: 'MISSING_REQUIRED', path: 'attributes.material', attribute: 'Material' }));
    expect(by('AE-TYPO').issues).toContainEqual(expect.objectContaining({ code: 'VALUE_NOT_ALLOWED', path: 'attributes.material', suggestions: expect.arrayContaining(['Cotton']) }));
    expect(by('AE-BRAND').issues).toContainEqual(expect.objectContaining({ code: 'VALUE_NOT_ALLOWED', path: 'brand' }));
    expect(by('AE-HEAVY').issues).toContainEqual(expect.objectContaining({ code: 'OUT_OF_RANGE', path: 'package.weight' }));
    expect(report.preflight).toMatchObject({ checked: 6, held: 4 });
    // Posted with the category's ids: Material by id, the sleeve length by id.
    const posted = [...s.world.products.values()].find((p) => p.skus.some((k) => k.sku_code === 'AE-OK'))!;
    expect(posted.request.attribute_list).toEqual(expect.arrayContaining([{ aliexpress_attribute_name_id: 10, aliexpress_attribute_value_id: 47 }, { aliexpress_attribute_name_id: 200000463, aliexpress_attribute_value_id: 200001501 }]));
    expect([...s.world.products.values()].some((p) => p.skus.some((k) => k.sku_code === 'AE-NO-MATERIAL'))).toBe(false);
  });

  it('without preflight the sandbox refuses the same listings itself, in the gateway error envelope', async () => {
    const hub = new Hub({ accounts: { ae: s.adapter } });
    const report = await hub.listings.bulkUpsert([shirt('AE-RAW-NO-MATERIAL', { attributes: {} }), shirt('AE-RAW-HEAVY', { package: { weight: { value: 600, unit: 'kg' }, dimensions: { length: 30, width: 25, height: 3, unit: 'cm' } } })], { preflight: false });
    const issues = (sku: string) => report.items.find((i) => i.sku === sku)!.issues.map((i) => i.code);
    expect(issues('AE-RAW-NO-MATERIAL')).toEqual(['isv.required-attribute-missing']);
    expect(issues('AE-RAW-HEAVY')).toEqual(['isv.param-error']);
  });

  it('refuses an attribute value id of another attribute and too many values of a multi-select (raw post)', async () => {
    const base = { language: 'en', aliexpress_category_id: 200900002, main_image_urls_list: [], sku_info_list: [{ sku_code: 'RAW-1', price: '5.00', inventory: 1 }], weight: '0.300', package_length: 10, package_width: 10, package_height: 10, freight_template_id: 1000, service_policy_id: 0, inventory_deduction_strategy: 'place_order_withhold', shipping_lead_time: 3 };
    const wrong = { ...base, attribute_list: [{ aliexpress_attribute_name_id: 2, aliexpress_attribute_value_id: 201512802 }, { aliexpress_attribute_name_id: 10, aliexpress_attribute_value_id: 47 }] };
    await expect(s.adapter.raw.seller.productPost({ body: { post_product_request: JSON.stringify(wrong) } })).rejects.toMatchObject({ code: 'MARKETPLACE_REJECTED', marketplaceCode: 'isv.attribute-value-invalid' });
    const many = { ...base, attribute_list: [{ aliexpress_attribute_name_id: 2, aliexpress_attribute_value_id: 201512802 }, { aliexpress_attribute_name_id: 10, aliexpress_attribute_value_id: 60 }, { aliexpress_attribute_name_id: 10, aliexpress_attribute_value_id: 61 }] };
    await expect(s.adapter.raw.seller.productPost({ body: { post_product_request: JSON.stringify(many) } })).rejects.toMatchObject({ marketplaceCode: 'isv.attribute-value-invalid', message: expect.stringContaining('at most 1') });
  });
});
