import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryIntentJournal } from '../../../src/state/intent-journal.js';
import { aliexpress } from '../../../adapters/aliexpress/index.js';
import { aeSandbox, CREDS, fakeImage, LISTING_DEFAULTS, TIME_SCALE, type SandboxSetup } from './helpers.js';

let s: SandboxSetup;
const journal = new MemoryIntentJournal();
beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  s = await aeSandbox({ adapter: { journal } });
});
afterAll(() => s.close());

const listing = (sku: string, over: Record<string, unknown> = {}) => ({
  sku, title: `Tee ${sku}`, price: { amount: '9.00', currency: 'USD' }, quantity: 4,
  images: [`https://img.example.com/${sku}.jpg`], package: { weight: { value: 200, unit: 'g' as const }, dimensions: { length: 30, width: 20, height: 2, unit: 'cm' as const } },
  ...over,
});
const productOf = (id: string) => s.world.products.get(id)!;
const post = (r: Record<string, unknown>) => s.adapter.raw.seller.productPost({ body: { post_product_request: JSON.stringify(r) } });

describe('brand (attribute id 2) is always sent', () => {
  it('an authorized brand by its value id; goods without a brand take the category\'s NONE value, without brand_name', async () => {
    const branded = await s.adapter.listings.upsert(listing('B-1', { brand: 'northwind' }));
    expect(productOf(branded.marketplaceId!).request.attribute_list).toEqual([{ aliexpress_attribute_name_id: 2, aliexpress_attribute_value_id: 203000002 }]);
    const plain = await s.adapter.listings.upsert(listing('B-2'));
    expect(plain.status).toBe('accepted');
    expect(productOf(plain.marketplaceId!).request.attribute_list).toEqual([{ aliexpress_attribute_name_id: 2, aliexpress_attribute_value_id: 201512802 }]);
    expect(productOf(plain.marketplaceId!).request.brand_name).toBeUndefined();
  });

  it('a brand the seller may not use is an issue before any post', async () => {
    const before = s.world.products.size;
    const r = await s.adapter.listings.upsert(listing('B-3', { brand: 'Contoso' }));
    expect(r).toMatchObject({ status: 'invalid', issues: [{ code: 'BRAND_NOT_AUTHORIZED', attributes: ['brand'] }] });
    expect(s.world.products.size).toBe(before);
  });

  it('the sandbox refuses a product without attribute 2', async () => {
    const image = await uploaded();
    await expect(post({ ...minimal('B-4'), main_image_urls_list: [image], attribute_list: [] })).rejects.toMatchObject({ errors: [{ code: 'isv.required-attribute-missing' }] });
  });
});

describe('stock: 1..999999 on post/edit, 0 through the inventory API', () => {
  it('a sold-out variant is posted with 1, then set to 0', async () => {
    const r = await s.adapter.listings.upsert(listing('S-1', {
      optionNames: ['color'], variants: [{ sku: 'S-1-RED', options: { color: 'Red' }, quantity: 3 }, { sku: 'S-1-BLUE', options: { color: 'Blue' }, quantity: 0 }],
    }));
    expect(r).toMatchObject({ status: 'accepted', issues: [] });
    const p = productOf(r.marketplaceId!);
    expect((p.request.sku_info_list as Array<{ inventory: number }>).map((x) => x.inventory)).toEqual([3, 1]);
    expect(p.skus.map((x) => [x.sku_code, x.inventory])).toEqual([['S-1-RED', 3], ['S-1-BLUE', 0]]);
  });

  it('the sandbox refuses stock 0 on post', async () => {
    const image = await uploaded();
    const bad = { ...minimal('S-2'), main_image_urls_list: [image], sku_info_list: [{ sku_code: 'S-2', price: '1.00', inventory: 0 }] };
    await expect(post(bad)).rejects.toMatchObject({ errors: [{ code: 'isv.param-error' }] });
  });
});

describe('SKU attributes by ids; product ids as numbers', () => {
  it('options are sent as sku_attribute_name_id / sku_attribute_value_id, never the deprecated names', async () => {
    const r = await s.adapter.listings.upsert(listing('A-1', {
      optionNames: ['size', 'color'], variants: [{ sku: 'A-1-S', options: { size: 'S', color: 'black' }, quantity: 1 }, { sku: 'A-1-M', options: { size: 'M', color: 'Black' }, quantity: 1 }],
    }));
    expect(r.status).toBe('accepted');
    const skus = productOf(r.marketplaceId!).request.sku_info_list as Array<{ sku_attributes_list: unknown[] }>;
    expect(skus[0]!.sku_attributes_list).toEqual([{ sku_attribute_name_id: 5, sku_attribute_value_id: 100014065 }, { sku_attribute_name_id: 14, sku_attribute_value_id: 29, sku_attribute_value: 'black' }]);
    expect(JSON.stringify(skus)).not.toContain('sku_attribute_name"');
  });

  it('an option without an id in the category is an issue', async () => {
    const r = await s.adapter.listings.upsert(listing('A-2', { optionNames: ['flavour'], variants: [{ sku: 'A-2-X', options: { flavour: 'Mint' }, quantity: 1 }] }));
    expect(r).toMatchObject({ status: 'invalid', issues: [{ code: 'SKU_ATTRIBUTE_UNRESOLVED', attributes: ['flavour'] }] });
  });

  it('edits carry product_id as a JSON number (the sandbox refuses a string)', async () => {
    const created = await s.adapter.listings.upsert(listing('N-1'));
    const edited = await s.adapter.listings.upsert(listing('N-1', { title: 'Tee N-1 v2' }));
    expect(edited).toMatchObject({ action: 'updated', status: 'accepted' });
    expect(productOf(created.marketplaceId!).request.product_id).toBe(Number(created.marketplaceId));
    await expect(s.adapter.raw.seller.productEdit({ body: { edit_product_request: JSON.stringify({ product_id: created.marketplaceId, subject: 'x' }) } })).rejects.toMatchObject({ errors: [{ code: 'isv.param-error' }] });
  });
});

describe('images from the photobank', () => {
  it('uploads each image once (multipart, by content hash) and posts the photobank URLs', async () => {
    const uploads = s.world.photobankUploads;
    const same = 'https://img.example.com/shared.jpg';
    const r1 = await s.adapter.listings.upsert(listing('I-1', { images: [same, 'https://img.example.com/I-1b.jpg'] }));
    const r2 = await s.adapter.listings.upsert(listing('I-2', { images: [same] }));
    expect(s.world.photobankUploads - uploads).toBe(2);
    const urls = productOf(r1.marketplaceId!).request.main_image_urls_list as string[];
    expect(urls.every((u) => s.world.photobank.has(u))).toBe(true);
    expect((productOf(r2.marketplaceId!).request.main_image_urls_list as string[])[0]).toBe(urls[0]);
    // Another run with the same journal reuses the uploads too.
    const again = aliexpress({ appKey: CREDS.appKey, appSecret: CREDS.appSecret, sellerId: CREDS.sellerId, tokens: s.store, endpoint: s.url, listingDefaults: LISTING_DEFAULTS, timeScale: TIME_SCALE, journal, fetchImage: fakeImage });
    await again.listings.upsert(listing('I-3', { images: [same] }));
    expect(s.world.photobankUploads - uploads).toBe(2);
  });

  it('an image over 3 MB is an issue and is not uploaded', async () => {
    const big = await aeSandbox({ adapter: { fetchImage: async () => Buffer.alloc(3 * 1024 * 1024 + 1, 1) } });
    try {
      const r = await big.adapter.listings.upsert(listing('I-4'));
      expect(r).toMatchObject({ status: 'invalid', issues: [{ code: 'IMAGE_REJECTED', attributes: ['images.0'] }] });
      expect(big.world.photobankUploads).toBe(0);
    } finally {
      await big.close();
    }
  });

  it('the sandbox refuses image URLs that are not from the photobank', async () => {
    await expect(post({ ...minimal('I-5'), main_image_urls_list: ['https://img.example.com/x.jpg'] })).rejects.toMatchObject({ errors: [{ code: 'isv.image-not-in-photobank' }] });
  });
});

/** A photobank URL obtained the documented way (through the adapter's own upload). */
async function uploaded(): Promise<string> {
  const r = await s.adapter.listings.upsert(listing(`UP-${s.world.photobankUploads}-${Math.random().toString(36).slice(2, 8)}`));
  return (productOf(r.marketplaceId!).request.main_image_urls_list as string[])[0]!;
}

/** A post_product_request meeting every rule but the one a test breaks. */
function minimal(sku: string): Record<string, unknown> {
  return {
    language: 'en', multi_language_subject_list: [{ language: 'en', subject: sku }], aliexpress_category_id: 200000001,
    attribute_list: [{ aliexpress_attribute_name_id: 2, aliexpress_attribute_value_id: 201512802 }],
    sku_info_list: [{ sku_code: sku, price: '1.00', inventory: 1 }], inventory_deduction_strategy: 'place_order_withhold', weight: '0.100',
    package_length: 1, package_width: 1, package_height: 1, freight_template_id: 1000, shipping_lead_time: 3, service_policy_id: 0,
  };
}

describe('offline images for demos', () => {
  it('the sandbox serves /_sandbox/images/<name>, which the default image download can use as a mirror', async () => {
    const mirror = `${s.url}/_sandbox/images/`;
    const a = aliexpress({
      appKey: CREDS.appKey, appSecret: CREDS.appSecret, sellerId: CREDS.sellerId, tokens: s.store, endpoint: s.url, listingDefaults: LISTING_DEFAULTS, timeScale: TIME_SCALE,
      fetchImage: async (url) => Buffer.from(await (await fetch(`${mirror}${encodeURIComponent(url)}.png`)).arrayBuffer()),
    });
    const r = await a.listings.upsert(listing('M-1', { images: ['https://images.example.com/xborder/tee-red.jpg'] }));
    expect(r.status).toBe('accepted');
  });
});
