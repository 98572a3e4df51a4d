import { readFileSync } from 'node:fs';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { validateDefinition } from '../../../adapters/amazon/requirements/ajv.js';
import { MemoryRequirementsCache, type OfflineValidationResult } from '../../../src/requirements/index.js';
import { DE, SELLER, adapter, fixture, mockLwa, sp } from './helpers.js';

const S3 = 'https://selling-partner-definitions-prod-iad.s3.amazonaws.com';
const raw = (name: string) => readFileSync(new URL(`../../fixtures/amazon/requirements/${name}`, import.meta.url));
const SHIRT = JSON.parse(raw('SHIRT.LISTING.schema.json').toString('utf8'));
const req = (name: string) => fixture(`requirements/${name}`);

/** The definition call exactly as the API model lists its query, then the schema from its pre-signed link. */
function mockShirt() {
  mockLwa();
  sp().get('/definitions/2020-09-01/productTypes/SHIRT')
    .query({ marketplaceIds: DE, sellerId: SELLER, requirements: 'LISTING', requirementsEnforced: 'ENFORCED', locale: 'DEFAULT' })
    .reply(200, req('getDefinitionsProductType.SHIRT.json'));
  nock(S3).get('/schema/amzn1.ptd.v1.SHIRT.LISTING.json').reply(200, raw('SHIRT.LISTING.schema.json'));
}

const shirt = {
  sku: 'SHIRT-1', title: 'Oxford shirt', brand: 'Acme', price: { amount: '29.90', currency: 'EUR' }, quantity: 4,
  images: ['https://img.example/1.jpg'], identifiers: { ean: '4006381333931' }, attributes: { department: 'mens', colour: 'Blue' },
  marketplace: { amazon: { productType: 'SHIRT' } },
};

describe('Amazon product type definitions, nock-pinned', () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());

  it('getDefinitionsProductType + the schema link → Requirements with the meta-schema limits', async () => {
    mockShirt();
    const r = await adapter({ requirementsCache: new MemoryRequirementsCache() } as never).listings.requirements({ store: 'DE', productType: 'SHIRT' });
    expect(nock.pendingMocks()).toEqual([]);
    expect(r).toMatchObject({ marketplace: 'amazon', store: 'DE', kind: 'productType', id: 'SHIRT', level: 'LISTING', version: 'U8pQUF2MMOHj4', locale: 'en_GB' });
    const by = Object.fromEntries(r.fields.map((f) => [f.attribute, f]));
    expect(by.item_name).toMatchObject({ path: 'title', label: 'Item Name', required: true, multiple: false, limits: { maxLength: 200, maxUtf8Bytes: 250, minLength: 1, maxUniqueCount: 1 } });
    expect(by.department).toMatchObject({ path: 'attributes.department', required: true, closed: true });
    expect(by.department!.allowedValues).toContainEqual({ value: 'unisex', label: 'Unisex', deprecated: true });
    expect(by.bullet_point).toMatchObject({ path: 'bullets', multiple: true, limits: { maxUniqueCount: 5 } });
  });

  it('a schema that does not match its checksum is refused', async () => {
    mockLwa();
    sp().get('/definitions/2020-09-01/productTypes/SHIRT').query(true).reply(200, req('getDefinitionsProductType.SHIRT.json'));
    nock(S3).get('/schema/amzn1.ptd.v1.SHIRT.LISTING.json').reply(200, '{"tampered":true}');
    await expect(adapter().listings.requirements({ store: 'DE', productType: 'SHIRT' })).rejects.toThrow(/checksum/);
  });

  it('searchDefinitionsProductTypes by keywords (comma-delimited) suggests product types', async () => {
    mockLwa();
    sp().get('/definitions/2020-09-01/productTypes').query({ marketplaceIds: DE, keywords: 'oxford,shirt' }).reply(200, req('searchDefinitionsProductTypes.json'));
    expect(await adapter().listings.suggestProductTypes({ keywords: ['oxford', 'shirt'], store: 'DE' })).toEqual([{ name: 'SHIRT', displayName: 'Shirt' }, { name: 'TSHIRT', displayName: 'T-Shirt' }]);
    await expect(adapter().listings.suggestProductTypes({ keywords: ['a'], itemName: 'b' })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('validates offline once cached: no further call, issues on unified paths with Amazon names', async () => {
    mockShirt();
    const a = adapter();
    await a.listings.requirements({ store: 'DE', productType: 'SHIRT' });
    nock.cleanAll();
    const ok = (await a.listings.validate(shirt, { store: 'DE', offline: true })) as OfflineValidationResult;
    expect(ok.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(ok).toMatchObject({ status: 'accepted', requirements: { id: 'SHIRT', version: 'U8pQUF2MMOHj4' } });

    const bad = (await a.listings.validate({ ...shirt, brand: undefined, attributes: { department: 'men' } }, { store: 'DE', offline: true })) as OfflineValidationResult;
    expect(bad.status).toBe('invalid');
    expect(bad.issues).toContainEqual(expect.objectContaining({ code: 'MISSING_REQUIRED', path: 'brand', attribute: 'brand', sku: 'SHIRT-1' }));
    expect(bad.issues).toContainEqual(expect.objectContaining({ code: 'VALUE_NOT_ALLOWED', path: 'attributes.department', attribute: 'department', suggestions: ['mens', 'womens', 'unisex-adult'] }));
    // without a product type nothing can be checked
    const none = await a.listings.validate({ ...shirt, marketplace: {} }, { store: 'DE', offline: true });
    expect(none.issues).toMatchObject([{ code: 'MISSING_PRODUCT_TYPE', path: 'marketplace.amazon.productType' }]);
  });
});

describe('the meta-schema keywords (ajv)', () => {
  const attrs = (over: Record<string, unknown> = {}) => ({
    item_name: [{ value: 'Oxford shirt', language_tag: 'de_DE', marketplace_id: DE }],
    brand: [{ value: 'Acme', language_tag: 'de_DE', marketplace_id: DE }],
    department: [{ value: 'mens', language_tag: 'de_DE', marketplace_id: DE }],
    condition_type: [{ value: 'new_new', marketplace_id: DE }],
    purchasable_offer: [{ currency: 'EUR', marketplace_id: DE, our_price: [{ schedule: [{ value_with_tax: 29.9 }] }] }],
    fulfillment_availability: [{ fulfillment_channel_code: 'DEFAULT', quantity: 4 }],
    externally_assigned_product_identifier: [{ type: 'ean', value: '4006381333931', marketplace_id: DE }],
    ...over,
  });
  const keywords = (over: Record<string, unknown>) => validateDefinition(SHIRT, attrs(over)).map((i) => `${i.severity}:${i.keyword}:${i.attribute}`);

  it('the fixture attributes are valid', () => expect(keywords({})).toEqual([]));

  it('maxUtf8ByteLength: 200 characters pass maxLength, their 400 bytes do not', () => {
    const title = 'é'.repeat(200);
    expect([...title].length).toBe(200);
    expect(keywords({ item_name: [{ value: title, language_tag: 'de_DE', marketplace_id: DE }] })).toEqual(['error:maxUtf8ByteLength:item_name']);
  });

  it('enumDeprecated is a warning, not an error', () => {
    expect(keywords({ department: [{ value: 'unisex', language_tag: 'de_DE', marketplace_id: DE }] })).toEqual(['warning:enumDeprecated:department']);
  });

  it('maxUniqueItems counts per selector combination', () => {
    const two = [{ value: 'A', language_tag: 'de_DE', marketplace_id: DE }, { value: 'B', language_tag: 'de_DE', marketplace_id: DE }];
    expect(keywords({ item_name: two })).toEqual(['error:maxUniqueItems:item_name']);
    // one per language is one per selector combination: allowed
    expect(keywords({ item_name: [two[0], { ...two[1], language_tag: 'en_GB' }] })).toEqual([]);
  });

  it('selectors: the same value twice for one marketplace and language is a duplicate', () => {
    const b = { value: 'Cotton', language_tag: 'de_DE', marketplace_id: DE };
    expect(keywords({ bullet_point: [b, b] })).toEqual(['error:selectors:bullet_point']);
    expect(keywords({ bullet_point: [b, { ...b, value: 'Slim fit' }] })).toEqual([]);
  });

  it('conditional requirements (allOf): a variation parent needs no offer', () => {
    const parent = attrs({ parentage_level: [{ value: 'parent', marketplace_id: DE }], child_parent_sku_relationship: [{ child_relationship_type: 'variation', marketplace_id: DE }], variation_theme: [{ name: 'SIZE/COLOR' }] });
    for (const k of ['condition_type', 'purchasable_offer', 'fulfillment_availability']) delete (parent as Record<string, unknown>)[k];
    expect(validateDefinition(SHIRT, parent)).toEqual([]);
    expect(keywords({ condition_type: undefined }).filter((k) => k.includes('required'))).toEqual(['error:required:condition_type']);
  });
});
