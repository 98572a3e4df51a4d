import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { aliexpress, tokenKey } from '../../../adapters/aliexpress/index.js';
import type { ListingInput } from '../../../src/model/listing.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FileRequirementsCache, MemoryRequirementsCache } from '../../../src/requirements/cache.js';
import type { OfflineValidationResult } from '../../../src/requirements/types.js';
import { MemoryTokenStore } from '../../../src/state/token-store.js';
import { fixture, TestClock } from './helpers.js';
import { APP_KEY, NOW, REFRESH, SECRET, SELLER, TOKEN, intercept, sellerQuery, type Seen } from './wire.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const cache = () => new MemoryRequirementsCache();
const adapter = (requirementsCache: MemoryRequirementsCache | FileRequirementsCache = cache()) => aliexpress({
  appKey: APP_KEY, appSecret: SECRET, sellerId: SELLER, clock: new TestClock(NOW), retry: { baseDelayMs: 1, maxDelayMs: 2 }, consistency: { windowMs: 0, intervalMs: 0 },
  tokens: new MemoryTokenStore({ [tokenKey(APP_KEY, SELLER)]: { accessToken: TOKEN, refreshToken: REFRESH, expiresAt: NOW + 86_400_000, version: 1 } }),
  listingDefaults: { categoryId: 200000001, freightTemplateId: 1000, servicePolicyId: 0 }, requirementsCache,
});

const replies = (s: Seen): [number, unknown] => [200, fixture(s.query.method === 'aliexpress.solution.product.schema.get' ? 'requirements/schema_get.json' : 'requirements/sku_attribute_query.json')];

const listing = (extra: Record<string, unknown> = {}): ListingInput => ({
  sku: 'TEE-1', title: 'Cotton tee', price: { amount: '9.99', currency: 'USD' }, quantity: 5, images: ['https://img.example.com/tee.jpg'],
  package: { weight: { value: 200, unit: 'g' }, dimensions: { length: 30, width: 20, height: 3, unit: 'cm' } },
  attributes: { material: 'Cotton', size: 'M' }, ...extra,
}) as ListingInput;
const offline = (a: ReturnType<typeof adapter>, l: ListingInput) => a.listings.validate(l, { offline: true }) as Promise<OfflineValidationResult>;

describe('AliExpress requirements: schema.get + sku.attribute.query', () => {
  it('signs both reads like every seller call and maps the schema into unified fields', async () => {
    const seen: Seen[] = [];
    intercept('/sync', replies, seen, 2);
    const req = await adapter().listings.requirements({ category: 200000001 });
    expect(seen.map((s) => s.signOk)).toEqual([true, true]);
    const { sign: _a, ...q0 } = seen[0]!.query;
    expect(q0).toEqual(sellerQuery('aliexpress.solution.product.schema.get'));
    expect(seen[0]!.body).toEqual({ aliexpress_category_id: '200000001' });
    const { sign: _b, ...q1 } = seen[1]!.query;
    expect(q1).toEqual(sellerQuery('aliexpress.solution.sku.attribute.query'));
    expect(seen[1]!.body).toEqual({ query_sku_attribute_info_request: '{"aliexpress_category_id":200000001}' });

    expect(req).toMatchObject({ marketplace: 'aliexpress', store: 'aliexpress', kind: 'category', id: '200000001', version: expect.stringMatching(/^sha256:[0-9a-f]{16}$/) });
    const field = (path: string) => req.fields.find((f) => f.path === path);
    // The category's schema is tighter than product.post's 218 characters.
    expect(field('title')).toMatchObject({ required: true, limits: { minLength: 1, maxLength: 128 } });
    expect(field('images')).toMatchObject({ required: true, limits: { minCount: 1, maxCount: 6 } });
    expect(field('package.weight')).toMatchObject({ type: 'measurement', unit: 'kg', limits: { minimum: 0.001, maximum: 500 } });
    expect(field('attributes.material')).toMatchObject({ attribute: 'Material', attributeId: '10', required: true, multiple: true, closed: true, limits: { maxCount: 3 }, allowedValues: [{ value: 'Cotton' }, { value: 'Polyester' }, { value: 'Linen' }] });
    // A brand is filled with the category's NONE value when the listing has none: not required of the seller.
    expect(field('brand')).toMatchObject({ attribute: 'Brand Name', attributeId: '2', required: false, closed: true });
    // Size is mandatory per sku.attribute.query (supporting_sku_attribute_list[].required).
    expect(field('attributes.size')).toMatchObject({ attribute: 'Size', required: true });
    expect(field('attributes.color')).toMatchObject({ attribute: 'Color', required: false });
  });

  it('suggests categories with title and language, best first', async () => {
    const seen: Seen[] = [];
    intercept('/sync', fixture('requirements/category_suggest.json'), seen);
    const got = await adapter().listings.suggestCategories('Cotton tee', { imageUrl: 'https://img.example.com/tee.jpg' });
    const { sign: _s, ...q } = seen[0]!.query;
    expect(q).toEqual(sellerQuery('aliexpress.solution.product.category.suggest'));
    expect(seen[0]!.body).toEqual({ title: 'Cotton tee', language: 'en', image_url: 'https://img.example.com/tee.jpg' });
    expect(seen[0]!.signOk).toBe(true);
    expect(got).toEqual([{ id: 200000001, name: 'T-Shirts', path: ['Apparel', 'Tops', 'T-Shirts'] }, { id: 200000002, name: 'Polo', path: ['Apparel', 'Tops', 'Polo'] }]);
  });

  it('throws a MarketplaceError when the schema answer says success=false', async () => {
    intercept('/sync', { aliexpress_solution_product_schema_get_response: { result: { success: false, error_code: 'CATEGORY_NOT_LEAF', error_message: 'category is not a leaf' } } }, []);
    await expect(adapter().listings.requirements({ category: 5 })).rejects.toMatchObject({ code: 'MARKETPLACE_REJECTED', marketplaceCode: 'CATEGORY_NOT_LEAF' });
  });

  it('refuses a bad category id before any call', async () => {
    await expect(adapter().listings.requirements({ category: 'tees' })).rejects.toMatchObject({ code: 'VALIDATION', path: 'query.category' });
  });
});

describe('AliExpress offline validation', () => {
  it('reads the requirements once, then validates without any call', async () => {
    const seen: Seen[] = [];
    intercept('/sync', replies, seen, 2);
    const a = adapter();
    const first = await offline(a, listing());
    const second = await offline(a, listing({ sku: 'TEE-2' }));
    expect(seen).toHaveLength(2);
    expect(first).toMatchObject({ status: 'accepted', action: 'validated', issues: [], requirements: { marketplace: 'aliexpress', id: '200000001' } });
    expect(second.status).toBe('accepted');
  });

  it('a file cache serves the schema to the next process: no call, same version, ajv still applies', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ae-req-'));
    const seen: Seen[] = [];
    intercept('/sync', replies, seen, 2);
    const first = await adapter(new FileRequirementsCache({ dir })).listings.requirements({ category: 200000001 });
    const again = adapter(new FileRequirementsCache({ dir }));
    expect((await again.listings.requirements({ category: 200000001 })).version).toBe(first.version);
    const r = await offline(again, listing({ attributes: { material: 'Cotton', model_number: 'AB 12/3' } }));
    expect(seen).toHaveLength(2);
    expect(r.issues.map((i) => i.code)).toEqual(['SCHEMA_VIOLATION']);
  });

  it('reports missing required attributes, closed values with the closest ones, and limits on unified paths', async () => {
    intercept('/sync', replies, [], 2);
    const r = await offline(adapter(), listing({ title: 'x'.repeat(130), attributes: { colour: 'Black' }, images: [] }));
    expect(r.status).toBe('invalid');
    const by = (code: string) => r.issues.filter((i) => i.code === code).map((i) => [i.path, i.attribute]);
    expect(by('MISSING_REQUIRED')).toEqual(expect.arrayContaining([['images', 'main_image_urls_list'], ['attributes.material', 'Material']]));
    expect(by('TOO_LONG')).toEqual([['title', 'multi_language_subject_list']]);
  });

  it('suggests the closest allowed value for a value outside the list', async () => {
    intercept('/sync', replies, [], 2);
    const r = await offline(adapter(), listing({ attributes: { material: 'Coton', size: 'M' } }));
    expect(r.issues).toEqual([expect.objectContaining({ code: 'VALUE_NOT_ALLOWED', path: 'attributes.material', attribute: 'Material', suggestions: expect.arrayContaining(['Cotton']) })]);
  });

  it('validates the category attributes with ajv: a schema pattern the unified fields do not carry', async () => {
    intercept('/sync', replies, [], 2);
    const r = await offline(adapter(), listing({ attributes: { material: 'Cotton', size: 'M', model_number: 'AB 12/3' } }));
    expect(r.issues).toEqual([expect.objectContaining({ code: 'SCHEMA_VIOLATION', path: 'attributes.model', attribute: 'Model Number', severity: 'error' })]);
    expect(r.issues[0]!.message).toContain('pattern');
  });

  it('reports what upsert could not resolve: a brand the seller may not use, a variant option with no id', async () => {
    intercept('/sync', replies, [], 2);
    const r = await offline(adapter(), listing({
      brand: 'Contoso', optionNames: ['size', 'fit'],
      variants: [{ sku: 'TEE-1-S', options: { size: 'S', fit: 'Slim' }, price: { amount: '9.99', currency: 'USD' }, quantity: 1 }],
    }));
    expect(r.issues.map((i) => [i.code, i.path])).toEqual([['VALUE_NOT_ALLOWED', 'brand'], ['SKU_ATTRIBUTE_UNRESOLVED', 'variants[0].options.fit']]);
  });

  it('checks SKU attributes (Color, Size) on variations only: a single-SKU product sends no sku_attributes_list', async () => {
    intercept('/sync', replies, [], 2);
    const a = adapter();
    const single = await offline(a, listing({ attributes: { material: 'Cotton', colour: 'Blau' } }));
    expect(single.issues).toEqual([]);
    const family = await offline(a, listing({ optionNames: ['colour'], variants: [{ sku: 'TEE-1-B', options: { colour: 'Blau' }, quantity: 1 }], attributes: { material: 'Cotton' } }));
    expect(family.issues.map((i) => [i.code, i.path])).toEqual(expect.arrayContaining([['VALUE_NOT_ALLOWED', 'variants[0].options.colour'], ['MISSING_REQUIRED', 'attributes.size']]));
  });

  it('keeps the own checks (freight template) and needs no call without a category', async () => {
    const a = aliexpress({
      appKey: APP_KEY, appSecret: SECRET, sellerId: SELLER, clock: new TestClock(NOW),
      tokens: new MemoryTokenStore({ [tokenKey(APP_KEY, SELLER)]: { accessToken: TOKEN, refreshToken: REFRESH, expiresAt: NOW + 86_400_000, version: 1 } }),
    });
    const r = await offline(a, listing());
    expect(r.issues.map((i) => [i.code, i.path])).toEqual([
      ['MISSING_CATEGORY', 'marketplace.aliexpress.categoryId'], ['MISSING_FREIGHT_TEMPLATE', 'listingDefaults.freightTemplateId'], ['MISSING_SERVICE_POLICY', 'listingDefaults.servicePolicyId'],
    ]);
  });
});

describe('conformance of the requirements operations with the TOP metadata', () => {
  const spec = (m: string) => fixture<{ name: string; requestParams: Array<{ name: string; required?: boolean }> }>(`requirements/specs/${m.replace(/\./g, '_')}.json`);
  it.each([
    ['aliexpress.solution.product.category.suggest', ['title', 'language', 'image_url']],
    ['aliexpress.solution.product.schema.get', ['aliexpress_category_id']],
  ])('%s: every sent parameter is documented, required ones are sent', (method, sent) => {
    const s = spec(method);
    expect(s.name).toBe(method);
    for (const n of sent) expect(s.requestParams.map((p) => p.name)).toContain(n);
    for (const p of s.requestParams.filter((x) => x.required)) expect(sent).toContain(p.name);
  });
});
