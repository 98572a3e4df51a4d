import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sellerOps } from '../../../adapters/aliexpress/index.js';
import { statusOf } from '../../../adapters/aliexpress/mappers/order.js';

interface Param { name: string; required?: boolean; subParams?: Param[] }
const spec = (method: string) => JSON.parse(readFileSync(new URL(`../../fixtures/aliexpress/specs/${method.replace(/\./g, '_')}.json`, import.meta.url), 'utf8')) as { requestParams: Param[] };

/** The form parameters each operation sends (what its Req type names). */
const SENT: Record<keyof typeof sellerOps, string[]> = {
  orderGet: ['param0'], orderInfo: ['param1'], fulfill: ['service_name', 'out_ref', 'send_type', 'logistics_no'],
  productPost: ['post_product_request'], productEdit: ['edit_product_request'], productInfo: ['product_id'],
  productList: ['aeop_a_e_product_list_query'], inventoryUpdate: ['mutiple_product_update_list'], priceUpdate: ['mutiple_product_update_list'],
  productDelete: ['product_ids'], skuAttributes: ['query_sku_attribute_info_request'],
  // No stored metadata for these two (research B4 "Fulfilment" / specs/aliexpress/photobank.md): their parameters are checked in their own tests.
  logisticsServices: [], photobankUpload: ['file_name', 'image_bytes'],
};
const NO_METADATA = new Set(['logisticsServices', 'photobankUpload']);

describe('conformance with the TOP metadata', () => {
  for (const [key, op] of Object.entries(sellerOps).filter(([k]) => !NO_METADATA.has(k))) {
    it(`${op.id}: the method exists and every sent parameter is documented; required ones are sent`, () => {
      const params = spec(op.id).requestParams;
      const names = params.map((p) => p.name);
      const sent = SENT[key as keyof typeof sellerOps];
      for (const n of sent) expect(names).toContain(n);
      for (const p of params.filter((x) => x.required)) expect(sent).toContain(p.name);
      expect(op.path).toBe('/sync');
    });
  }

  it('the order query fields the adapter fills are OrderQuery fields', () => {
    const q = spec('aliexpress.solution.order.get').requestParams[0]!.subParams!.map((p) => p.name);
    for (const f of ['current_page', 'page_size', 'create_date_start', 'create_date_end', 'modified_date_start', 'modified_date_end', 'order_status', 'order_status_list']) expect(q).toContain(f);
  });

  it('maps every documented order status; unknown values stay unknown', () => {
    expect(statusOf('WAIT_SELLER_SEND_GOODS')).toEqual({ status: 'unshipped', holds: [] });
    expect(statusOf('PLACE_ORDER_SUCCESS')).toEqual({ status: 'pending', holds: ['unpaid'] });
    expect(statusOf('FINISH', 'buyer_accept_goods')).toEqual({ status: 'delivered', holds: [], outcome: 'completed' });
    expect(statusOf('FINISH', 'seller_close_order')).toMatchObject({ status: 'unknown', holds: [] });
    expect(statusOf('SOMETHING_NEW')).toMatchObject({ status: 'unknown', holds: [] });
  });
});
