/**
 * inventory.set call cost on the wire (issue 26): product ids are cached per SKU, so a push is one
 * batch.product.inventory.update per 20 products (specs/aliexpress/aliexpress_solution_batch_product_inventory_update.json,
 * "Maximum 20 products"); a SKU whose product refuses the update is looked up once more and, when it
 * now lives on another product, sent once more.
 */
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { intercept, sellerQuery, wireAdapter, type Seen } from './wire.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const LIST = 'aliexpress.solution.product.list.get';
const STOCK = 'aliexpress.solution.batch.product.inventory.update';
const R = (method: string) => `${method.replace(/\./g, '_')}_response`;
const found = (productId: number) => ({ [R(LIST)]: { result: { success: true, product_count: 1, aeop_a_e_product_display_d_t_o_list: { item_display_dto: [{ product_id: productId, subject: 'x' }] } } } });
const updated = (ok: number[], failed: Array<{ product_id: number; error_code: string; error_message: string }> = []) => ({
  [R(STOCK)]: { update_success: failed.length === 0, update_successful_list: { synchronize_product_response_dto: ok.map((product_id) => ({ product_id })) }, update_failed_list: { synchronize_product_response_dto: failed } },
});
const NONE = { [R(LIST)]: { result: { success: true, product_count: 0, aeop_a_e_product_display_d_t_o_list: {} } } };
const skuOf = (s: Seen) => (JSON.parse(s.body.aeop_a_e_product_list_query!) as { sku_code: string }).sku_code;
const batchOf = (s: Seen) => JSON.parse(s.body.mutiple_product_update_list!) as Array<{ product_id: number; multiple_sku_update_list: Array<{ sku_code: string; inventory: number }> }>;

/** One /sync handler for both methods: lookups answer from `where`, stock updates from `stock`. */
function gateway(seen: Seen[], where: Record<string, number>, stock: (s: Seen) => unknown, times: number) {
  return intercept('/sync', (s) => [200, s.query.method === LIST ? (where[skuOf(s)] ? found(where[skuOf(s)]!) : NONE) : stock(s)], seen, times);
}

describe('AliExpress inventory.set: one batch call per 20 products', () => {
  it('a second push of 3 SKUs on 2 products is exactly one inventory update call (no lookups)', async () => {
    const seen: Seen[] = [];
    const where = { 'A-1': 1005001, 'A-2': 1005001, B: 1005002 };
    gateway(seen, where, (s) => updated(batchOf(s).map((p) => p.product_id)), 5);
    const a = wireAdapter();
    const push = (q: number) => a.inventory.set([{ sku: 'A-1', quantity: q }, { sku: 'A-2', quantity: q + 1 }, { sku: 'B', quantity: 0 }]);
    expect(await push(2)).toEqual([{ sku: 'A-1', ok: true, appliedQuantity: 2 }, { sku: 'A-2', ok: true, appliedQuantity: 3 }, { sku: 'B', ok: true, appliedQuantity: 0 }]);
    expect(seen.map((s) => s.query.method)).toEqual([LIST, LIST, LIST, STOCK]);
    seen.length = 0;
    expect(await push(1)).toEqual([{ sku: 'A-1', ok: true, appliedQuantity: 1 }, { sku: 'A-2', ok: true, appliedQuantity: 2 }, { sku: 'B', ok: true, appliedQuantity: 0 }]);
    expect(seen.map((s) => s.query.method)).toEqual([STOCK]);
    expect(seen[0]!.signOk).toBe(true);
    expect(seen[0]!.query).toMatchObject(sellerQuery(STOCK));
    expect(batchOf(seen[0]!)).toEqual([
      { product_id: 1005001, multiple_sku_update_list: [{ sku_code: 'A-1', inventory: 1 }, { sku_code: 'A-2', inventory: 2 }] },
      { product_id: 1005002, multiple_sku_update_list: [{ sku_code: 'B', inventory: 0 }] },
    ]);
  });

  it('a product that refuses (posted again under a new id): one lookup, the SKU sent once more to the new product', async () => {
    const seen: Seen[] = [];
    const where: Record<string, number> = { A: 1005001, B: 1005002 };
    gateway(seen, where, (s) => {
      const ids = batchOf(s).map((p) => p.product_id);
      return updated(ids.filter((id) => id !== 1005001), ids.includes(1005001) ? [{ product_id: 1005001, error_code: 'SKU_NOT_FOUND', error_message: 'sku A not found' }] : []);
    }, 7);
    const a = wireAdapter();
    await a.inventory.set([{ sku: 'A', quantity: 5 }, { sku: 'B', quantity: 5 }]); // caches A → 1005001 (refused: its relookup also says 1005001)
    where.A = 1005009;
    seen.length = 0;
    const res = await a.inventory.set([{ sku: 'A', quantity: 4 }, { sku: 'B', quantity: 3 }]);
    expect(res).toEqual([{ sku: 'A', ok: true, appliedQuantity: 4 }, { sku: 'B', ok: true, appliedQuantity: 3 }]);
    expect(seen.map((s) => (s.query.method === LIST ? `${LIST}(${skuOf(s)})` : s.query.method))).toEqual([STOCK, `${LIST}(A)`, STOCK]);
    expect(batchOf(seen[2]!)).toEqual([{ product_id: 1005009, multiple_sku_update_list: [{ sku_code: 'A', inventory: 4 }] }]);
  });

  it('a refusal the lookup confirms stays a per-SKU failure with its cause; the rest of the batch goes through', async () => {
    const seen: Seen[] = [];
    gateway(seen, { A: 1005001, B: 1005002 }, (s) => {
      const ids = batchOf(s).map((p) => p.product_id);
      return updated(ids.filter((id) => id !== 1005001), [{ product_id: 1005001, error_code: 'PARAM_ERROR', error_message: 'inventory invalid' }]);
    }, 4);
    const res = await wireAdapter().inventory.set([{ sku: 'A', quantity: 5 }, { sku: 'B', quantity: 5 }]);
    expect(res[0]).toMatchObject({ sku: 'A', ok: false, error: { code: 'MARKETPLACE_REJECTED', errors: [{ code: 'PARAM_ERROR', message: 'inventory invalid' }] } });
    expect(res[1]).toEqual({ sku: 'B', ok: true, appliedQuantity: 5 });
    expect(seen.map((s) => (s.query.method === LIST ? `${LIST}(${skuOf(s)})` : s.query.method))).toEqual([`${LIST}(A)`, `${LIST}(B)`, STOCK, `${LIST}(A)`]);
  });
});
