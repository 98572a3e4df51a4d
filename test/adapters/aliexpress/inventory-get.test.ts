/**
 * inventory.get on the wire (issue 26.3): live stock is `ipm_sku_stock` of
 * aliexpress.solution.product.info.get, one product per call
 * (specs/aliexpress/aliexpress_solution_product_info_get.json), so a read of N SKUs on P products
 * whose product ids are cached is exactly P calls; uncached SKUs are first looked up with
 * product.list.get by sku_code (the cache inventory.set uses).
 */
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { intercept, sellerQuery, wireAdapter, HOST, type Seen } from './wire.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const LIST = 'aliexpress.solution.product.list.get';
const INFO = 'aliexpress.solution.product.info.get';
const R = (method: string) => `${method.replace(/\./g, '_')}_response`;
const found = (productId: number) => ({ [R(LIST)]: { result: { success: true, product_count: 1, aeop_a_e_product_display_d_t_o_list: { item_display_dto: [{ product_id: productId, subject: 'x' }] } } } });
const NONE = { [R(LIST)]: { result: { success: true, product_count: 0, aeop_a_e_product_display_d_t_o_list: {} } } };
/** A product.info.get answer in the TOP-wrapped shape (sku list under global_aeop_ae_product_sku). */
const info = (productId: number, skus: Record<string, unknown>) => ({
  [R(INFO)]: { result: { product_id: productId, aeop_ae_product_s_k_us: { global_aeop_ae_product_sku: Object.entries(skus).map(([sku_code, ipm_sku_stock]) => ({ sku_code, sku_price: '9.90', ipm_sku_stock, sku_stock: Number(ipm_sku_stock) > 0 })) } } },
});
const NOT_EXIST = { error_response: { type: 'ISV', code: '15', msg: 'Remote service error', sub_code: 'isv.product-not-exist', sub_msg: 'product not found', request_id: 'r1' } };
const skuOf = (s: Seen) => (JSON.parse(s.body.aeop_a_e_product_list_query!) as { sku_code: string }).sku_code;
const label = (s: Seen) => (s.query.method === LIST ? `${LIST}(${skuOf(s)})` : `${INFO}(${s.body.product_id})`);

/** One /sync handler: lookups answer from `where`, product reads from `products`. */
function gateway(seen: Seen[], where: Record<string, number>, products: Record<number, unknown>, times: number) {
  return intercept('/sync', (s) => {
    if (s.query.method === LIST) return [200, where[skuOf(s)] ? found(where[skuOf(s)]!) : NONE];
    return [200, products[Number(s.body.product_id)] ?? NOT_EXIST];
  }, seen, times);
}

describe('AliExpress inventory.get: one product.info.get per product', () => {
  it('5 SKUs on 2 cached products: exactly 2 signed product.info.get calls, levels in the terms set takes', async () => {
    const seen: Seen[] = [];
    const where = { 'A-1': 1005001, 'A-2': 1005001, 'A-3': 1005001, 'B-1': 1005002, 'B-2': 1005002 };
    gateway(seen, where, { 1005001: info(1005001, { 'A-1': 7, 'A-2': 0, 'A-3': '12', 'A-9': 4 }), 1005002: info(1005002, { 'B-1': 3, 'B-2': 999999 }) }, 20);
    const a = wireAdapter();
    const refs = ['A-1', 'A-2', 'A-3', 'B-1', 'B-2'].map((sku) => ({ sku }));
    await a.inventory.get(refs); // first read: one lookup per SKU fills the product-id cache
    expect(seen.filter((s) => s.query.method === LIST).map(skuOf).sort()).toEqual(Object.keys(where).sort());
    seen.length = 0;
    const levels = await a.inventory.get(refs);
    expect(levels).toEqual([
      { sku: 'A-1', quantity: 7 }, { sku: 'A-2', quantity: 0 }, { sku: 'A-3', quantity: 12 }, { sku: 'B-1', quantity: 3 }, { sku: 'B-2', quantity: 999999 },
    ]);
    expect(seen.map(label).sort()).toEqual([`${INFO}(1005001)`, `${INFO}(1005002)`]);
    for (const s of seen) {
      expect(s.path).toBe('/sync');
      expect(s.signOk).toBe(true);
      expect(s.query).toEqual({ ...sellerQuery(INFO), sign: s.query.sign });
      expect(s.body).toEqual({ product_id: s.body.product_id });
    }
  });

  it('SKUs set just before are read without any lookup (the cache inventory.set filled)', async () => {
    const seen: Seen[] = [];
    const STOCK = 'aliexpress.solution.batch.product.inventory.update';
    intercept('/sync', (s) => {
      if (s.query.method === LIST) return [200, found(1005001)];
      if (s.query.method === STOCK) return [200, { [R(STOCK)]: { update_success: true, update_successful_list: [{ product_id: 1005001 }], update_failed_list: [] } }];
      return [200, info(1005001, { A: 5, B: 6 })];
    }, seen, 10);
    const a = wireAdapter();
    await a.inventory.set([{ sku: 'A', quantity: 5 }, { sku: 'B', quantity: 6 }]);
    seen.length = 0;
    expect(await a.inventory.get([{ sku: 'B' }, { sku: 'A' }])).toEqual([{ sku: 'B', quantity: 6 }, { sku: 'A', quantity: 5 }]);
    expect(seen.map(label)).toEqual([`${INFO}(1005001)`]);
  });

  it('a SKU AliExpress does not know is left out (no throw); a store given on a ref is echoed', async () => {
    const seen: Seen[] = [];
    gateway(seen, { A: 1005001 }, { 1005001: info(1005001, { A: 2 }) }, 10);
    const levels = await wireAdapter().inventory.get([{ sku: 'A', store: 'aliexpress' }, { sku: 'GHOST' }]);
    expect(levels).toEqual([{ sku: 'A', store: 'aliexpress', quantity: 2 }]);
    // GHOST: looked up under each product_status_type (onSelling, offline, auditing, editingRequired), then left out.
    expect(seen.filter((s) => s.query.method === LIST && skuOf(s) === 'GHOST')).toHaveLength(4);
    expect(seen.filter((s) => s.query.method === INFO)).toHaveLength(1);
  });

  it('a cached product gone (isv.product-not-exist): the SKU is looked up once more and read on its new product', async () => {
    const seen: Seen[] = [];
    const where: Record<string, number> = { A: 1005001, B: 1005002 };
    const products: Record<number, unknown> = { 1005001: info(1005001, { A: 1 }), 1005002: info(1005002, { B: 2 }) };
    gateway(seen, where, products, 20);
    const a = wireAdapter();
    await a.inventory.get([{ sku: 'A' }, { sku: 'B' }]);
    where.A = 1005009;
    delete products[1005001];
    products[1005009] = info(1005009, { A: 8 });
    seen.length = 0;
    expect(await a.inventory.get([{ sku: 'A' }, { sku: 'B' }])).toEqual([{ sku: 'A', quantity: 8 }, { sku: 'B', quantity: 2 }]);
    expect(seen.map(label).sort()).toEqual([`${LIST}(A)`, `${INFO}(1005001)`, `${INFO}(1005002)`, `${INFO}(1005009)`].sort());
    expect(seen.map(label).indexOf(`${INFO}(1005009)`)).toBe(3);
  });

  it('a SKU listed without a readable stock figure gets no level; its siblings do', async () => {
    const seen: Seen[] = [];
    gateway(seen, { A: 1005001, B: 1005001 }, { 1005001: info(1005001, { A: 'n/a', B: 4 }) }, 10);
    expect(await wireAdapter().inventory.get([{ sku: 'A' }, { sku: 'B' }])).toEqual([{ sku: 'B', quantity: 4 }]);
    expect(seen.filter((s) => s.query.method === INFO)).toHaveLength(1); // not treated as moved: no second lookup
  });

  it('an error answer throws the adapter’s typed error', async () => {
    const seen: Seen[] = [];
    intercept('/sync', (s) => [200, s.query.method === LIST ? found(1005001) : { error_response: { type: 'ISV', code: 'InsufficientPermission', msg: 'Insufficient permission', request_id: 'r2' } }], seen, 5);
    const e = await wireAdapter().inventory.get([{ sku: 'A' }]).catch((x: unknown) => x);
    expect(e).toMatchObject({ name: 'AuthError', code: 'FORBIDDEN', marketplace: 'aliexpress', operation: INFO, requestId: 'r2' });
  });

  it('a refused lookup throws too (the engine then keeps its computed figure)', async () => {
    const seen: Seen[] = [];
    intercept('/sync', () => [200, { error_response: { type: 'ISV', code: '15', msg: 'Remote service error', sub_code: 'isv.param-error', sub_msg: 'bad query', request_id: 'r3' } }], seen, 5);
    await expect(wireAdapter().inventory.get([{ sku: 'A' }])).rejects.toMatchObject({ name: 'MarketplaceError', code: 'MARKETPLACE_REJECTED', operation: LIST });
  });

  it('bad refs: ValidationError naming the field, nothing sent', async () => {
    const a = wireAdapter();
    await expect(a.inventory.get([{ sku: '' }])).rejects.toMatchObject({ code: 'VALIDATION', path: 'refs[0].sku' });
    await expect(a.inventory.get('A' as never)).rejects.toMatchObject({ code: 'VALIDATION', path: 'refs' });
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('an aborted signal: AbortedError before anything is sent, or while the read is in flight', async () => {
    const seen: Seen[] = [];
    const a = wireAdapter();
    const before = new AbortController();
    before.abort();
    await expect(a.inventory.get([{ sku: 'A' }], { signal: before.signal })).rejects.toMatchObject({ code: 'ABORTED' });
    expect(seen).toEqual([]);
    const during = new AbortController();
    nock(HOST).post('/sync').query(true).reply(() => {
      during.abort(); // the caller gives up while the lookup is on the wire
      return [200, found(1005001)];
    });
    await expect(a.inventory.get([{ sku: 'A' }], { signal: during.signal })).rejects.toMatchObject({ code: 'ABORTED' });
  });
});
