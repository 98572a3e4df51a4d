import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectedSign } from '../../../adapters/aliexpress/sandbox/index.js';
import { aliexpress, tokenKey } from '../../../adapters/aliexpress/index.js';
import { MemoryTokenStore } from '../../../src/state/token-store.js';
import { fixture, TestClock } from './helpers.js';
import { APP_KEY, HOST, NOW, REFRESH, SECRET, SELLER, TOKEN, intercept, sellerQuery, type Seen } from './wire.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const adapter = (extra: Record<string, unknown> = {}) => aliexpress({
  appKey: APP_KEY, appSecret: SECRET, sellerId: SELLER, clock: new TestClock(NOW), retry: { baseDelayMs: 1, maxDelayMs: 2 }, consistency: { windowMs: 0, intervalMs: 0 },
  tokens: new MemoryTokenStore({ [tokenKey(APP_KEY, SELLER)]: { accessToken: TOKEN, refreshToken: REFRESH, expiresAt: NOW + 86_400_000, version: 1 } }),
  listingDefaults: { categoryId: 200000001, freightTemplateId: 1000, servicePolicyId: 0 }, ...extra,
});

describe('wire: photobank upload', () => {
  it('POSTs image_bytes as a multipart file part; method and file_name are signed query parameters, the file is not', async () => {
    let upload: { query: Record<string, string>; contentType: string; body: string } | undefined;
    let posted: Record<string, unknown> | undefined;
    const attrs = { aliexpress_solution_sku_attribute_query_response: { result: { supporting_common_attribute_list: { supported_common_attribute_dto: [
      { aliexpress_common_attribute_name_id: 2, aliexpress_common_attribute_name: 'Brand Name', required: true, aliexpress_common_attribute_value_list: { common_attribute_value_info_dto: [{ aliexpress_common_attribute_value_id: 201512802, aliexpress_common_attribute_value: 'NONE' }] } },
    ] } } } };
    nock(HOST).post('/sync').query(true).times(7).reply(function (uri, body) {
      const q = Object.fromEntries(new URL(uri, HOST).searchParams);
      switch (q.method) {
        case 'aliexpress.solution.sku.attribute.query': return [200, attrs];
        case 'aliexpress.photobank.redefining.uploadimageforsdk':
          upload = { query: q, contentType: String(this.req.headers['content-type']), body: String(body) };
          return [200, { aliexpress_photobank_redefining_uploadimageforsdk_response: { result: { success: true, photobank_url: 'https://ae01.alicdn.com/kf/Sabc.jpg' }, request_id: 'p1' } }];
        case 'aliexpress.solution.product.list.get': return [200, { aliexpress_solution_product_list_get_response: { result: { success: true, product_count: 0, aeop_a_e_product_display_d_t_o_list: {} } } }];
        default:
          posted = JSON.parse(new URLSearchParams(String(body)).get('post_product_request')!) as Record<string, unknown>;
          return [200, { aliexpress_solution_product_post_response: { result: { product_id: 1005009999999999 } } }];
      }
    });
    const r = await adapter({ fetchImage: async () => Buffer.from('fake-image-bytes') }).listings.upsert({
      sku: 'W-1', title: 'Wire', price: { amount: '1.00', currency: 'USD' }, quantity: 1, images: ['https://img.example.com/dir/mug.jpg'],
      package: { weight: { value: 1, unit: 'kg' }, dimensions: { length: 1, width: 1, height: 1, unit: 'cm' } },
    });
    expect(r).toMatchObject({ status: 'accepted', marketplaceId: '1005009999999999' });
    const { sign, ...query } = upload!.query;
    expect(query).toEqual({ ...sellerQuery('aliexpress.photobank.redefining.uploadimageforsdk'), file_name: expect.stringMatching(/^[0-9a-f]{16}-mug\.jpg$/) });
    expect(sign).toBe(expectedSign(SECRET, new URLSearchParams(upload!.query), null));
    expect(upload!.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(upload!.body).toContain('Content-Disposition: form-data; name="image_bytes"');
    expect(upload!.body).toContain('fake-image-bytes');
    expect(posted).toMatchObject({ main_image_urls_list: ['https://ae01.alicdn.com/kf/Sabc.jpg'], attribute_list: [{ aliexpress_attribute_name_id: 2, aliexpress_attribute_value_id: 201512802 }] });
  });
});

describe('wire: declaring a carrier outside the service list', () => {
  it('sends service_name other with tracking_website', async () => {
    const seen: Seen[] = [];
    const services = fixture('logistics_services.json');
    intercept('/sync', (s) => [200, s.query.method === 'aliexpress.logistics.redefining.listlogisticsservice' ? services : s.query.method === 'aliexpress.solution.order.fulfill' ? fixture('order_fulfill.json') : fixture('order_info_get.json')], seen, 3);
    await adapter({ carrierTrackingWebsites: { 'Royal Mail': 'https://www.royalmail.com/track-your-item' } }).fulfilment.ship({
      orderId: '3041234567890123', packages: [{ lines: [{ lineId: '8012345678901', quantity: 2 }], carrier: 'Royal Mail', trackingNumber: 'RM1GB' }],
    });
    const f = seen.find((x) => x.query.method === 'aliexpress.solution.order.fulfill')!;
    expect(f.body).toEqual({ service_name: 'other', tracking_website: 'https://www.royalmail.com/track-your-item', out_ref: '3041234567890123', send_type: 'all', logistics_no: 'RM1GB' });
    expect(f.signOk).toBe(true);
  });
});

