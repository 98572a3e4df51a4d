import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ebay } from '../../../adapters/ebay/index.js';
import { MemoryRequirementsCache, type OfflineValidationResult } from '../../../src/requirements/index.js';
import { ebayDeOn, useEbaySandbox } from './sandbox-support.js';
import { API, BASIC, CREDENTIALS, LISTING_DEFAULTS, api, fixture, mockToken } from './helpers.js';

const APP = 'v^1.1#i^1#app-token-BBBB';
const T = '/commerce/taxonomy/v1';
const req = (name: string) => fixture(`requirements/${name}`);

function mockAppToken() {
  return nock(API, { reqheaders: { authorization: BASIC, 'content-type': /^application\/x-www-form-urlencoded/ } })
    .post('/identity/v1/oauth2/token', new URLSearchParams({ grant_type: 'client_credentials', scope: 'https://api.ebay.com/oauth/api_scope' }).toString())
    .reply(200, { access_token: APP, expires_in: 7200, token_type: 'Application Access Token' });
}
const taxonomy = () => nock(API, { reqheaders: { authorization: `Bearer ${APP}` } });

const de = (cache = new MemoryRequirementsCache()) =>
  ebay({ account: 'acme_seller', marketplaces: ['EBAY_DE', 'EBAY_US'], credentials: CREDENTIALS, listingDefaults: { EBAY_DE: { ...LISTING_DEFAULTS, categoryId: '15687' } }, retry: { retries: 0 }, requirementsCache: cache });

const tee = { sku: 'TEE-1', title: 'Bio-T-Shirt', brand: 'Acme', images: ['https://img.example/t.jpg'], price: { amount: '15.00', currency: 'EUR' }, quantity: 3, attributes: { colour: 'rot', size: 'M', department: 'Herren' } };

function mockDeCategory() {
  mockAppToken();
  mockToken();
  taxonomy().get(`${T}/get_default_category_tree_id`).query({ marketplace_id: 'EBAY_DE' }).reply(200, req('getDefaultCategoryTreeId.EBAY_DE.json'));
  taxonomy().get(`${T}/category_tree/77/get_item_aspects_for_category`).query({ category_id: '15687' }).reply(200, req('getItemAspectsForCategory.77.15687.json'));
  // Metadata takes the user token (sell.inventory scope); filter=categoryIds:{id}.
  api().get('/sell/metadata/v1/marketplace/EBAY_DE/get_item_condition_policies').query({ filter: 'categoryIds:{15687}' }).reply(200, req('getItemConditionPolicies.EBAY_DE.15687.json'));
}

describe('eBay category requirements, nock-pinned', () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());

  it('reads the site tree, the aspects (app token) and condition policies (user token) into one Requirements', async () => {
    mockDeCategory();
    const r = await de().listings.requirements({ store: 'EBAY_DE', category: '15687' });
    expect(nock.pendingMocks()).toEqual([]);
    expect(r).toMatchObject({ marketplace: 'ebay', store: 'EBAY_DE', kind: 'category', id: '15687', locale: 'de-DE', version: '77@136' });
    const byName = Object.fromEntries(r.fields.map((f) => [f.attribute, f]));
    expect(byName.Farbe).toMatchObject({ path: 'attributes.color', required: true, multiple: false, localizedNames: { 'de-DE': 'Farbe' }, limits: { maxLength: 65 } });
    expect(byName.Abteilung).toMatchObject({ path: 'attributes.department', required: false, closed: true, allowedValues: [{ value: 'Herren' }, { value: 'Unisex Erwachsene' }] });
    expect(byName.Marke).toMatchObject({ path: 'brand', required: true });
    expect(byName.Material).toMatchObject({ required: false, multiple: true });
    expect(byName.title).toMatchObject({ limits: { maxLength: 80 } });
    expect(r.conditions?.map((c) => c.value)).toEqual(['1000', '1500', '1750', '3000']);
  });

  it('validates offline from the cache: localized names satisfied by neutral ones; closest values; conditions', async () => {
    mockDeCategory();
    const a = de();
    await a.listings.requirements({ store: 'EBAY_DE', category: '15687' });
    nock.cleanAll(); // from here on no call may go out
    const ok = (await a.listings.validate(tee, { store: 'EBAY_DE', offline: true })) as OfflineValidationResult;
    expect(ok).toMatchObject({ status: 'accepted', action: 'validated', requirements: { id: '15687', version: '77@136' } });
    expect(ok.issues.filter((i) => i.severity === 'error')).toEqual([]);

    const bad = (await a.listings.validate({ ...tee, condition: 'refurbished', title: 'T'.repeat(81), attributes: { colour: 'rot', department: 'Herrn' } }, { store: 'EBAY_DE', offline: true })) as OfflineValidationResult;
    expect(bad.status).toBe('invalid');
    const by = Object.fromEntries(bad.issues.map((i) => [i.attribute, i]));
    expect(by['Größe']).toMatchObject({ code: 'MISSING_REQUIRED', path: 'attributes.size', severity: 'error' });
    expect(by.Abteilung).toMatchObject({ code: 'VALUE_NOT_ALLOWED', path: 'attributes.department', suggestions: ['Herren', 'Unisex Erwachsene'] });
    expect(by.title).toMatchObject({ code: 'TOO_LONG', path: 'title' });
    expect(by.condition).toMatchObject({ code: 'VALUE_NOT_ALLOWED', path: 'condition' });
  });

  it('getCategorySuggestions on the store tree', async () => {
    mockAppToken();
    taxonomy().get(`${T}/get_default_category_tree_id`).query({ marketplace_id: 'EBAY_US' }).reply(200, { categoryTreeId: '0', categoryTreeVersion: '136' });
    taxonomy().get(`${T}/category_tree/0/get_category_suggestions`).query({ q: 'cotton t-shirt' }).reply(200, req('getCategorySuggestions.0.tshirt.json'));
    const s = await de().listings.suggestCategories('cotton t-shirt', { store: 'EBAY_US' });
    expect(s).toEqual([{ categoryId: '15687', categoryName: 'T-Shirts', path: ['Tops', "Men's Clothing"], relevancy: 'HIGH' }]);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('bad queries are ValidationErrors before any call', async () => {
    await expect(de().listings.requirements({ store: 'EBAY_DE', category: 'shirts' })).rejects.toMatchObject({ code: 'VALIDATION', path: 'query.category' });
  });
});

describe('issue 20.4 on the sandbox: a required aspect satisfied only under its localized name', () => {
  const env = useEbaySandbox();
  const make = () => ebayDeOn(env.sandbox);

  it('eBay refuses a listing without Farbe (25002 Farbe missing); with the neutral "colour" it lists', async () => {
    // Issue 21: upsert now reads the aspects itself, so the refusal is shown with colour left out.
    const blind = await make().listings.upsert({ ...tee, sku: 'TEE-DE-1', attributes: { size: 'M', department: 'Herren' } }, { store: 'EBAY_DE' });
    expect(blind.status).toBe('invalid');
    expect(blind.issues.map((i) => i.message)).toEqual(expect.arrayContaining([expect.stringContaining('The item specific Farbe is missing.')]));

    const a = make();
    await a.listings.requirements({ store: 'EBAY_DE', category: '15687' });
    const r = await a.listings.upsert({ ...tee, sku: 'TEE-DE-2' }, { store: 'EBAY_DE' });
    expect(r).toMatchObject({ status: 'active', issues: [] });
    const item = env.state.items.get('TEE-DE-2');
    // Sent under the site's names, the SELECTION_ONLY value in eBay's spelling.
    expect(item?.product.aspects).toMatchObject({ Farbe: ['rot'], 'Größe': ['M'], Abteilung: ['Herren'], Marke: ['Acme'] });
  });

  it('the sandbox refuses a value outside a SELECTION_ONLY list and a condition the category does not take', async () => {
    const a = make();
    await a.listings.requirements({ store: 'EBAY_DE', category: '15687' });
    const r = await a.listings.upsert({ ...tee, sku: 'TEE-DE-3', condition: 'refurbished', attributes: { ...tee.attributes, department: 'Kinder' } }, { store: 'EBAY_DE' });
    expect(r.status).toBe('invalid');
    expect(r.issues.map((i) => i.message).join('\n')).toMatch(/Kinder is not valid for item specific Abteilung[\s\S]*condition SELLER_REFURBISHED is not valid/);
  });
});
