import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ebay } from '../../../adapters/ebay/index.js';
import { MemoryRequirementsCache } from '../../../src/requirements/index.js';
import { ebayDeOn, useEbaySandbox } from './sandbox-support.js';
import { API, BASIC, CREDENTIALS, LISTING_DEFAULTS, api, fixture, mockToken } from './helpers.js';

/**
 * Issue 21: a plain upsert on a non-English site reads the category's aspects itself (through the
 * requirements cache) so neutral attributes go out under the site's names, as with preflight.
 * Taxonomy: specs/ebay/commerce_taxonomy_v1_oas3.json#/paths/~1category_tree~1{category_tree_id}~1get_item_aspects_for_category
 */
const APP = 'v^1.1#i^1#app-token-BBBB';
const T = '/commerce/taxonomy/v1';
const I = '/sell/inventory/v1';

const tee = (sku: string) => ({ sku, title: 'Bio-T-Shirt', brand: 'Acme', images: ['https://img.example/t.jpg'], price: { amount: '15.00', currency: 'EUR' }, quantity: 3, attributes: { colour: 'rot', size: 'M', department: 'herren' } });
/** The inventory item as eBay DE must receive it: aspects under 15687's names, Abteilung in the listed spelling. */
const itemOf = () => ({
  product: { title: 'Bio-T-Shirt', aspects: { Farbe: ['rot'], 'Größe': ['M'], Abteilung: ['Herren'], Marke: ['Acme'], Brand: ['Acme'] }, brand: 'Acme', imageUrls: ['https://img.example/t.jpg'] },
  condition: 'NEW',
  availability: { shipToLocationAvailability: { quantity: 3 } },
});
const offerOf = (sku: string) => ({
  sku, marketplaceId: 'EBAY_DE', format: 'FIXED_PRICE', availableQuantity: 3, categoryId: '15687', listingDescription: 'Bio-T-Shirt', listingDuration: 'GTC',
  listingPolicies: { fulfillmentPolicyId: 'F-1', paymentPolicyId: 'P-1', returnPolicyId: 'R-1' }, merchantLocationKey: 'wh-1',
  pricingSummary: { price: { value: '15.00', currency: 'EUR' } },
});

const de = () => ebay({ account: 'acme_seller', marketplaces: ['EBAY_DE'], credentials: CREDENTIALS, listingDefaults: { EBAY_DE: { ...LISTING_DEFAULTS, categoryId: '15687' } }, retry: { retries: 0 }, requirementsCache: new MemoryRequirementsCache() });

const taxonomy = () => nock(API, { reqheaders: { authorization: `Bearer ${APP}` } });
function mockAppToken() {
  nock(API, { reqheaders: { authorization: BASIC, 'content-type': /^application\/x-www-form-urlencoded/ } })
    .post('/identity/v1/oauth2/token', new URLSearchParams({ grant_type: 'client_credentials', scope: 'https://api.ebay.com/oauth/api_scope' }).toString())
    .reply(200, { access_token: APP, expires_in: 7200, token_type: 'Application Access Token' });
}
/** getDefaultCategoryTreeId + getItemAspectsForCategory (app token) + getItemConditionPolicies (user token), once each. */
function mockCategoryRead(aspects: () => nock.Interceptor = () => taxonomy().get(`${T}/category_tree/77/get_item_aspects_for_category`).query({ category_id: '15687' })) {
  mockAppToken();
  taxonomy().get(`${T}/get_default_category_tree_id`).query({ marketplace_id: 'EBAY_DE' }).reply(200, fixture('requirements/getDefaultCategoryTreeId.EBAY_DE.json'));
  return aspects();
}
/** The five Inventory calls of a first listing; the PUT body is pinned exactly. */
function mockListing(sku: string, item: nock.RequestBodyMatcher, id: string) {
  api().get(`${I}/inventory_item/${sku}`).reply(404, { errors: [{ errorId: 25702, domain: 'API_INVENTORY', category: 'REQUEST', message: `SKU ${sku} is not available in the system` }] });
  api().put(`${I}/inventory_item/${sku}`, item).matchHeader('content-language', 'de-DE').reply(204);
  api().get(`${I}/offer`).query({ sku, marketplace_id: 'EBAY_DE' }).reply(404, fixture('error-offer-not-found.json'));
  api().post(`${I}/offer`, offerOf(sku)).matchHeader('content-language', 'de-DE').reply(201, { offerId: `50000${id}` });
  api().post(`${I}/offer/50000${id}/publish`).reply(200, { listingId: `38000${id}`, warnings: [] });
}

describe('issue 21: upsert on EBAY_DE without cached aspects, nock-pinned', () => {
  const unmatched: string[] = [];
  const onNoMatch = (req: { method?: string; path?: string }) => unmatched.push(`${req.method} ${req.path}`);
  beforeAll(() => {
    nock.disableNetConnect();
    nock.emitter.on('no match', onNoMatch);
  });
  beforeEach(() => (unmatched.length = 0));
  afterEach(() => nock.cleanAll());
  afterAll(() => nock.emitter.removeListener('no match', onNoMatch));

  it('reads the category aspects once, sends Marke/Farbe/Größe, and a second upsert of the category reads nothing', async () => {
    mockToken();
    mockCategoryRead().reply(200, fixture('requirements/getItemAspectsForCategory.77.15687.json'));
    api().get('/sell/metadata/v1/marketplace/EBAY_DE/get_item_condition_policies').query({ filter: 'categoryIds:{15687}' }).reply(200, fixture('requirements/getItemConditionPolicies.EBAY_DE.15687.json'));
    mockListing('TEE-1', itemOf(), '1');
    const a = de();
    expect(await a.listings.upsert(tee('TEE-1'))).toMatchObject({ sku: 'TEE-1', store: 'EBAY_DE', status: 'active', marketplaceId: '380001', issues: [], action: 'created' });
    expect(nock.pendingMocks()).toEqual([]);

    mockListing('TEE-2', itemOf(), '2'); // no taxonomy interceptor: the aspects come from the cache
    expect(await a.listings.upsert(tee('TEE-2'))).toMatchObject({ status: 'active', marketplaceId: '380002' });
    expect(nock.pendingMocks()).toEqual([]);
    expect(unmatched).toEqual([]);
  });

  it('concurrent SKUs of one category share one in-flight aspects read', async () => {
    mockToken();
    mockCategoryRead().delay(20).reply(200, fixture('requirements/getItemAspectsForCategory.77.15687.json'));
    api().get('/sell/metadata/v1/marketplace/EBAY_DE/get_item_condition_policies').query({ filter: 'categoryIds:{15687}' }).reply(200, fixture('requirements/getItemConditionPolicies.EBAY_DE.15687.json'));
    mockListing('TEE-3', itemOf(), '3');
    mockListing('TEE-4', itemOf(), '4');
    const a = de();
    const [r3, r4] = await Promise.all([a.listings.upsert(tee('TEE-3')), a.listings.upsert(tee('TEE-4'))]);
    expect([r3.status, r4.status]).toEqual(['active', 'active']);
    expect(nock.pendingMocks()).toEqual([]);
    expect(unmatched).toEqual([]);
  });

  it('an aspects read that fails (500) does not fail the listing: it goes out with the neutral names and eBay answers', async () => {
    mockToken();
    mockCategoryRead().reply(500, { errors: [{ errorId: 62000, domain: 'API_TAXONOMY', category: 'APPLICATION', message: 'There was a problem with an eBay internal system or process.' }] });
    const neutral = { ...itemOf(), product: { ...itemOf().product, aspects: { colour: ['rot'], size: ['M'], department: ['herren'], Brand: ['Acme'] } } };
    mockListing('TEE-5', neutral, '5');
    expect(await de().listings.upsert(tee('TEE-5'))).toMatchObject({ status: 'active', marketplaceId: '380005' });
    expect(nock.pendingMocks()).toEqual([]);
  });

  it("a bulkUpsert whose aspects read fails tries it once, not once per SKU", async () => {
    mockToken();
    mockCategoryRead().reply(500, { errors: [{ errorId: 62000, domain: 'API_TAXONOMY', category: 'APPLICATION', message: 'There was a problem with an eBay internal system or process.' }] });
    const neutral = { ...itemOf(), product: { ...itemOf().product, aspects: { colour: ['rot'], size: ['M'], department: ['herren'], Brand: ['Acme'] } } };
    mockListing('TEE-6', neutral, '6');
    mockListing('TEE-7', neutral, '7');
    const out = await de().listings.bulkUpsert([tee('TEE-6'), tee('TEE-7')]);
    expect(out.map((b) => (b.ok ? b.result.status : b.error.code))).toEqual(['active', 'active']);
    expect(nock.pendingMocks()).toEqual([]);
    expect(unmatched).toEqual([]); // a second getItemAspectsForCategory would have found no interceptor
  });
});

describe('issue 21 on the sandbox: EBAY_DE upsert without preflight', () => {
  const env = useEbaySandbox();
  const make = () => ebayDeOn(env.sandbox);

  it('upsert and bulkUpsert are accepted with the aspects under the site names', async () => {
    const a = make();
    expect(await a.listings.upsert(tee('TEE-DE-21'))).toMatchObject({ status: 'active', issues: [] });
    const bulk = await make().listings.bulkUpsert([tee('TEE-DE-22'), tee('TEE-DE-23')], { store: 'EBAY_DE' });
    expect(bulk.map((b) => (b.ok ? b.result.status : b.error.code))).toEqual(['active', 'active']);
    const item = env.state.items.get('TEE-DE-23');
    expect(item?.product.aspects).toMatchObject({ Farbe: ['rot'], 'Größe': ['M'], Abteilung: ['Herren'], Marke: ['Acme'] });
  });
});
