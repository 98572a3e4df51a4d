import nock from 'nock';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/classes.js';
import { adapter, DE, fixture, mockLwa, REQUEST_ID, SELLER, sp, TOKEN } from './helpers.js';

const ITEM = (sku: string) => `/listings/2021-08-01/items/${SELLER}/${encodeURIComponent(sku)}`;
const READ = { marketplaceIds: DE, includedData: 'summaries,attributes,issues,productTypes,fulfillmentAvailability' };
const WRITE = { marketplaceIds: DE, includedData: 'identifiers,issues' };
const notFound = { errors: [{ code: 'NOT_FOUND', message: "SKU 'X' not found" }] };

const tee = {
  sku: 'TEE-RED-M',
  title: 'Organic tee',
  description: 'Soft organic cotton',
  bullets: ['100% cotton', 'Machine washable'],
  brand: 'Acme',
  images: ['https://img.example/main.jpg', 'https://img.example/side.jpg'],
  identifiers: { ean: '4006381333931', mpn: 'ACME-TEE-1' },
  attributes: { material: 'Cotton' },
  price: { amount: '19.99', currency: 'EUR' },
  listPrice: { amount: '24.99', currency: 'EUR' },
  quantity: 12,
  package: { weight: { value: 0.3, unit: 'kg' as const }, dimensions: { length: 30, width: 20, height: 3, unit: 'cm' as const } },
  customs: { originCountry: 'PT' },
  handlingTimeDays: 2,
  marketplace: { amazon: { productType: 'SHIRT', attributes: { department: [{ value: 'unisex', language_tag: 'de_DE', marketplace_id: DE }] } } },
};

/** What the unified listing becomes on the wire for Amazon.de. */
const TEE_ATTRIBUTES = {
  item_name: [{ value: 'Organic tee', language_tag: 'de_DE', marketplace_id: DE }],
  brand: [{ value: 'Acme', language_tag: 'de_DE', marketplace_id: DE }],
  bullet_point: [
    { value: '100% cotton', language_tag: 'de_DE', marketplace_id: DE },
    { value: 'Machine washable', language_tag: 'de_DE', marketplace_id: DE },
  ],
  product_description: [{ value: 'Soft organic cotton', language_tag: 'de_DE', marketplace_id: DE }],
  material: [{ value: 'Cotton', language_tag: 'de_DE', marketplace_id: DE }],
  externally_assigned_product_identifier: [{ type: 'ean', value: '4006381333931', marketplace_id: DE }],
  part_number: [{ value: 'ACME-TEE-1', marketplace_id: DE }],
  main_product_image_locator: [{ media_location: 'https://img.example/main.jpg', marketplace_id: DE }],
  other_product_image_locator_1: [{ media_location: 'https://img.example/side.jpg', marketplace_id: DE }],
  item_package_weight: [{ unit: 'kilograms', value: 0.3, marketplace_id: DE }],
  item_package_dimensions: [{ length: { unit: 'centimeters', value: 30 }, width: { unit: 'centimeters', value: 20 }, height: { unit: 'centimeters', value: 3 }, marketplace_id: DE }],
  country_of_origin: [{ value: 'PT', marketplace_id: DE }],
  condition_type: [{ value: 'new_new', marketplace_id: DE }],
  purchasable_offer: [{ audience: 'ALL', currency: 'EUR', marketplace_id: DE, our_price: [{ schedule: [{ value_with_tax: 19.99 }] }] }],
  fulfillment_availability: [{ fulfillment_channel_code: 'DEFAULT', quantity: 12, lead_time_to_ship_max_days: 2 }],
  list_price: [{ currency: 'EUR', value: 24.99, marketplace_id: DE }],
  department: [{ value: 'unisex', language_tag: 'de_DE', marketplace_id: DE }],
};

beforeAll(() => nock.disableNetConnect());
beforeEach(() => void mockLwa());
afterEach(() => nock.cleanAll());

describe('listings.upsert', () => {
  it('PUTs a new SKU with every mapped attribute, in the store currency and language', async () => {
    sp().get(ITEM(tee.sku)).query(READ).reply(404, notFound, REQUEST_ID);
    const put = sp()
      .put(ITEM(tee.sku), { productType: 'SHIRT', requirements: 'LISTING', attributes: TEE_ATTRIBUTES })
      .query(WRITE)
      .reply(200, { ...fixture('putListingsItem.accepted.json'), sku: tee.sku }, REQUEST_ID);
    const r = await adapter().listings.upsert(tee);
    put.done();
    expect(r).toEqual({ sku: 'TEE-RED-M', store: 'DE', status: 'accepted', issues: [], action: 'created' });
  });

  it('PATCHes an existing SKU with only the attributes that changed, keeping the remembered product type', async () => {
    // Amazon returns extra keys (audience...) and other marketplaces' entries: neither counts as a change.
    const current = {
      sku: tee.sku,
      summaries: [{ marketplaceId: DE, asin: 'B0TEE00001', productType: 'SHIRT', status: ['BUYABLE'], createdDate: '2025-01-01T00:00:00Z', lastUpdatedDate: '2025-01-02T00:00:00Z' }],
      attributes: {
        ...TEE_ATTRIBUTES,
        item_name: [{ value: 'Old title', language_tag: 'de_DE', marketplace_id: DE }, { value: 'Tee', language_tag: 'fr_FR', marketplace_id: 'A13V1IB3VIYZZH' }],
        purchasable_offer: [{ audience: 'ALL', currency: 'EUR', marketplace_id: DE, our_price: [{ schedule: [{ value_with_tax: 17.5 }] }] }],
        fulfillment_availability: [{ fulfillment_channel_code: 'DEFAULT', quantity: 12, lead_time_to_ship_max_days: 2 }],
        generic_keyword: [{ value: 'set in Seller Central', marketplace_id: DE }],
      },
    };
    sp().get(ITEM(tee.sku)).query(READ).reply(200, current, REQUEST_ID);
    const patch = sp()
      .patch(ITEM(tee.sku), {
        productType: 'SHIRT',
        patches: [
          { op: 'replace', path: '/attributes/item_name', value: TEE_ATTRIBUTES.item_name },
          { op: 'replace', path: '/attributes/purchasable_offer', value: TEE_ATTRIBUTES.purchasable_offer },
        ],
      })
      .query(WRITE)
      .reply(200, { ...fixture('patchListingsItem.accepted.json'), sku: tee.sku }, REQUEST_ID);
    const { productType: _omit, ...noType } = tee.marketplace.amazon;
    const r = await adapter().listings.upsert({ ...tee, marketplace: { amazon: noType } });
    patch.done();
    expect(r).toMatchObject({ sku: tee.sku, status: 'accepted', action: 'updated' });
  });

  it('does not call Amazon again when nothing changed', async () => {
    sp().get(ITEM(tee.sku)).query(READ).reply(200, { sku: tee.sku, summaries: [{ marketplaceId: DE, asin: 'B0TEE00001', productType: 'SHIRT', status: ['BUYABLE', 'DISCOVERABLE'], createdDate: 'x', lastUpdatedDate: 'y' }], attributes: TEE_ATTRIBUTES, issues: [] });
    const r = await adapter().listings.upsert(tee);
    expect(r).toEqual({ sku: tee.sku, store: 'DE', status: 'active', marketplaceId: 'B0TEE00001', issues: [], action: 'unchanged' });
  });

  it('replace: true forces a full PUT without reading first', async () => {
    const put = sp().put(ITEM(tee.sku), { productType: 'SHIRT', requirements: 'LISTING', attributes: TEE_ATTRIBUTES }).query(WRITE).reply(200, { ...fixture('putListingsItem.accepted.json'), sku: tee.sku });
    await adapter().listings.upsert(tee, { replace: true });
    put.done();
  });

  it('an offer on an existing ASIN is LISTING_OFFER_ONLY with merchant_suggested_asin, on the chosen store', async () => {
    const FR = 'A13V1IB3VIYZZH';
    const offer = { sku: 'OFFER-1', title: 'ignored', identifiers: { asin: 'B07N4M94X4' }, price: { amount: '9.90', currency: 'EUR' }, quantity: 3, marketplace: { amazon: { productType: 'PRODUCT' } } };
    sp().get(ITEM('OFFER-1')).query({ ...READ, marketplaceIds: FR }).reply(404, notFound);
    const put = sp()
      .put(ITEM('OFFER-1'), {
        productType: 'PRODUCT',
        requirements: 'LISTING_OFFER_ONLY',
        attributes: {
          merchant_suggested_asin: [{ value: 'B07N4M94X4', marketplace_id: FR }],
          condition_type: [{ value: 'new_new', marketplace_id: FR }],
          purchasable_offer: [{ audience: 'ALL', currency: 'EUR', marketplace_id: FR, our_price: [{ schedule: [{ value_with_tax: 9.9 }] }] }],
          fulfillment_availability: [{ fulfillment_channel_code: 'DEFAULT', quantity: 3 }],
        },
      })
      .query({ ...WRITE, marketplaceIds: FR })
      .reply(200, { sku: 'OFFER-1', status: 'ACCEPTED', submissionId: 's1', issues: [], identifiers: [{ marketplaceId: FR, asin: 'B07N4M94X4' }] });
    const r = await adapter().listings.upsert(offer, { store: 'FR' });
    put.done();
    expect(r).toEqual({ sku: 'OFFER-1', store: 'FR', status: 'accepted', marketplaceId: 'B07N4M94X4', issues: [], action: 'created' });
  });

  it('a variation family: a non-buyable parent with a variation theme, then children pointing at it', async () => {
    const family = {
      sku: 'TEE', title: 'Tee', brand: 'Acme', price: { amount: '19.99', currency: 'EUR' }, quantity: 0,
      optionNames: ['size', 'colour'],
      variants: [
        { sku: 'TEE-S-RED', options: { size: 'S', colour: 'Red' }, quantity: 4, identifiers: { ean: '4006381333931' } },
        { sku: 'TEE-M-RED', options: { size: 'M', colour: 'Red' }, quantity: 5, price: { amount: '21.99', currency: 'EUR' }, identifiers: { ean: '4006381333948' } },
      ],
      marketplace: { amazon: { productType: 'SHIRT' } },
    };
    const bodies: Record<string, any> = {};
    for (const sku of ['TEE', 'TEE-S-RED', 'TEE-M-RED']) {
      sp().get(ITEM(sku)).query(READ).reply(404, notFound);
      sp().put(ITEM(sku), (b) => ((bodies[sku] = b), true)).query(WRITE).reply(200, { sku, status: 'ACCEPTED', submissionId: sku, issues: [] });
    }
    const r = await adapter().listings.upsert(family);
    expect(r).toMatchObject({ sku: 'TEE', status: 'accepted', action: 'created', issues: [] });
    expect(bodies.TEE).toEqual({
      productType: 'SHIRT',
      requirements: 'LISTING',
      attributes: {
        item_name: [{ value: 'Tee', language_tag: 'de_DE', marketplace_id: DE }],
        brand: [{ value: 'Acme', language_tag: 'de_DE', marketplace_id: DE }],
        parentage_level: [{ value: 'parent', marketplace_id: DE }],
        child_parent_sku_relationship: [{ child_relationship_type: 'variation', marketplace_id: DE }],
        variation_theme: [{ name: 'SIZE/COLOR' }],
      },
    });
    expect(bodies['TEE-M-RED'].attributes).toMatchObject({
      parentage_level: [{ value: 'child', marketplace_id: DE }],
      child_parent_sku_relationship: [{ child_relationship_type: 'variation', parent_sku: 'TEE', marketplace_id: DE }],
      variation_theme: [{ name: 'SIZE/COLOR' }],
      size: [{ value: 'M', language_tag: 'de_DE', marketplace_id: DE }],
      color: [{ value: 'Red', language_tag: 'de_DE', marketplace_id: DE }],
      purchasable_offer: [{ audience: 'ALL', currency: 'EUR', marketplace_id: DE, our_price: [{ schedule: [{ value_with_tax: 21.99 }] }] }],
      fulfillment_availability: [{ fulfillment_channel_code: 'DEFAULT', quantity: 5 }],
      externally_assigned_product_identifier: [{ type: 'ean', value: '4006381333948', marketplace_id: DE }],
    });
    expect(bodies.TEE.attributes.purchasable_offer).toBeUndefined();
  });

  it('a new SKU without a product type is refused before any write', async () => {
    sp().get(ITEM('NEW-1')).query(READ).reply(404, notFound);
    const err = await adapter().listings.upsert({ sku: 'NEW-1', title: 'x', price: { amount: '1.00', currency: 'EUR' }, quantity: 1 }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.path).toBe('marketplace.amazon.productType');
  });

  it('a price in the wrong currency is a ValidationError naming the field', async () => {
    const err = await adapter().listings.upsert({ ...tee, price: { amount: '19.99', currency: 'USD' } }, { replace: true }).catch((e) => e);
    expect(err).toMatchObject({ code: 'VALIDATION', path: 'price.currency' });
  });
});

describe('listings.validate / get / update / delete', () => {
  it('validate runs VALIDATION_PREVIEW and maps the issues', async () => {
    sp().put(ITEM('VALIDATION_INVALID'), (b) => b.productType === 'SHIRT').query({ ...WRITE, mode: 'VALIDATION_PREVIEW' }).reply(200, fixture('putListingsItem.validation-invalid.json'));
    const r = await adapter().listings.validate({ ...tee, sku: 'VALIDATION_INVALID' });
    expect(r).toEqual({
      sku: 'VALIDATION_INVALID', store: 'DE', status: 'invalid', action: 'validated',
      issues: [
        { code: '90220', message: "'condition_type' is required but not supplied.", severity: 'error', attributes: ['condition_type'], categories: ['MISSING_ATTRIBUTE'] },
        { code: '90000900', message: 'The attributes are invalid.', severity: 'error', attributes: ['fake_attribute'], categories: [] },
      ],
    });
  });

  it('get reads the real state with includedData and keeps the issues that apply to the store', async () => {
    const na = adapter({ marketplaces: ['US', 'CA'] });
    const scope = (q: string) => nock('https://sellingpartnerapi-na.amazon.com', { reqheaders: { 'x-amz-access-token': TOKEN } })
      .get(ITEM('GM-ZDPI-9B4E')).query({ marketplaceIds: q, includedData: 'summaries,attributes,issues,offers,fulfillmentAvailability' }).reply(200, fixture('getListingsItem.sandbox.json'));
    scope('ATVPDKIKX0DER');
    scope('A2EUQ1WTGCTBG2');
    const us = await na.listings.get('GM-ZDPI-9B4E');
    expect(us).toMatchObject({ sku: 'GM-ZDPI-9B4E', store: 'US', status: 'active', marketplaceId: 'B071VG5N9D', action: 'read' });
    expect(us.issues.map((i) => i.code)).toEqual(['90220', '18027', '99300', '18155', '18742']);
    expect(us.issues[0]).toEqual({ code: '90220', message: "'size' is required but not supplied.", severity: 'error', attributes: ['size'], categories: ['MISSING_ATTRIBUTE'] });
    const ca = await na.listings.get('GM-ZDPI-9B4E', { store: 'CA' });
    expect(ca.status).toBe('invalid');
    expect(ca.issues.map((i) => i.code)).toEqual(['18027', '99300']);
  });

  it('get of an unknown SKU is not_found', async () => {
    sp().get(ITEM('NOPE')).query({ marketplaceIds: DE, includedData: 'summaries,attributes,issues,offers,fulfillmentAvailability' }).reply(404, notFound);
    expect(await adapter().listings.get('NOPE')).toEqual({ sku: 'NOPE', store: 'DE', status: 'not_found', issues: [], action: 'read' });
  });

  it('update merges price and stock into purchasable_offer / fulfillment_availability', async () => {
    sp().get(ITEM(tee.sku)).query({ marketplaceIds: DE, includedData: 'summaries,productTypes,fulfillmentAvailability' }).reply(200, { sku: tee.sku, summaries: [{ marketplaceId: DE, productType: 'SHIRT', status: [], createdDate: 'x', lastUpdatedDate: 'y' }] });
    const patch = sp()
      .patch(ITEM(tee.sku), {
        productType: 'SHIRT',
        patches: [
          { op: 'merge', path: '/attributes/purchasable_offer', value: [{ audience: 'ALL', currency: 'EUR', marketplace_id: DE, our_price: [{ schedule: [{ value_with_tax: 18 }] }] }] },
          { op: 'merge', path: '/attributes/fulfillment_availability', value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 7 }] },
        ],
      })
      .query(WRITE)
      .reply(200, { sku: tee.sku, status: 'ACCEPTED', submissionId: 'x', issues: [] });
    const r = await adapter().listings.update(tee.sku, { price: { amount: 1800, currency: 'EUR' }, quantity: 7 });
    patch.done();
    expect(r.action).toBe('updated');
  });

  it('delete removes the SKU from one store', async () => {
    const del = sp().delete(ITEM('GM-ZDPI-9B4E')).query({ marketplaceIds: DE }).reply(200, fixture('deleteListingsItem.accepted.json'));
    expect(await adapter().listings.delete('GM-ZDPI-9B4E')).toEqual({ sku: 'GM-ZDPI-9B4E', store: 'DE', status: 'deleted', issues: [], action: 'deleted' });
    del.done();
  });
});
