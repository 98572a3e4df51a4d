import PQueue from 'p-queue';
import { z } from 'zod';
import type { InventoryLevel, InventoryRef } from '../../src/adapter.js';
import { AbortedError, isXborderError, parseInput } from '../../src/errors/index.js';
import { parseCallOptions, type CallOptions } from '../../src/http/call-options.js';
import type { AdapterContext } from './context.js';
import type { AliExpressInventory } from './inventory.js';
import { listOf, sellerOps } from './operations.js';

const RefsSchema = z.array(z.object({ sku: z.string().min(1), store: z.string().min(1).optional() }));

/**
 * Product reads in flight at once: they share the product group's bucket (operations.ts
 * RATE_PLANS.product, 20/s), so this only bounds how many wait in its queue. Half a push batch
 * (batchProducts 20) at a time keeps the window between the read and the write it guards short.
 */
const READ_CONCURRENCY = 10;

/**
 * sku_code → `ipm_sku_stock` of one product.info.get result, and every sku_code it lists. A SKU
 * listed without a readable whole figure gets no level (quarantined: the engine keeps its own figure).
 */
function stockOf(result: Record<string, unknown>): { levels: Map<string, number>; listed: Set<string> } {
  const levels = new Map<string, number>();
  const listed = new Set<string>();
  // aeop_ae_product_s_k_us[].sku_code / .ipm_sku_stock (Number)
  // (specs/aliexpress/aliexpress_solution_product_info_get.json#responseParams.result.aeop_ae_product_s_k_us)
  for (const k of listOf.parse(result.aeop_ae_product_s_k_us) as Array<{ sku_code?: unknown; ipm_sku_stock?: unknown }>) {
    const q = typeof k.ipm_sku_stock === 'string' && /^\d+$/.test(k.ipm_sku_stock) ? Number(k.ipm_sku_stock) : k.ipm_sku_stock;
    if (typeof k.sku_code !== 'string') continue;
    listed.add(k.sku_code);
    if (typeof q === 'number' && Number.isSafeInteger(q) && q >= 0) levels.set(k.sku_code, q);
  }
  return { levels, listed };
}

/** Runs `fn` over `items`, at most `n` at a time; the first failure stops new starts and is thrown. */
async function pool<T>(items: T[], n: number, fn: (x: T) => Promise<void>): Promise<void> {
  const queue = new PQueue({ concurrency: n });
  try {
    await queue.addAll(items.map((x) => () => fn(x)));
  } catch (e) {
    queue.clear();
    throw e;
  }
}

/**
 * Live stock through `aliexpress.solution.product.info.get`: the only documented read returning
 * per-SKU stock (`ipm_sku_stock`); `product.list.get` returns no stock field
 * (specs/aliexpress/aliexpress_solution_product_list_get.json#responseParams). It takes one
 * `product_id` per call (specs/aliexpress/aliexpress_solution_product_info_get.json#requestParams),
 * so a read costs one call per product (not per SKU), plus the product-id lookup of SKUs not in the
 * cache `inventory.set` shares. `ipm_sku_stock` is the figure `batch.product.inventory.update` sets
 * (`inventory`), less the units orders have taken by the product's `reduce_strategy`.
 */
export class AliExpressStockReader {
  constructor(private readonly ctx: AdapterContext, private readonly inventory: Pick<AliExpressInventory, 'resolve' | 'forget'>) {}

  async get(refs: InventoryRef[], opts: CallOptions = {}): Promise<InventoryLevel[]> {
    opts = parseCallOptions(opts); // null: none; hostile: ValidationError
    refs = parseInput(RefsSchema, refs, 'refs');
    const { idempotencyKey: _k, ...readOpts } = opts;
    if (readOpts.signal?.aborted) throw new AbortedError({ marketplace: 'aliexpress', operation: sellerOps.productInfo.id, cause: readOpts.signal.reason });
    const skus = [...new Set(refs.map((r) => r.sku))];
    const product = new Map<string, string>();
    await pool(skus, READ_CONCURRENCY, async (sku) => {
      const id = await this.inventory.resolve(sku, readOpts);
      if (id) product.set(sku, id); // not found: left out of the answer
    });
    const stock = new Map<string, number>();
    const stale = await this.read(product, stock, readOpts);
    if (stale.length) await this.relocate(stale, product, stock, readOpts);
    const seen = new Set<string>();
    const out: InventoryLevel[] = [];
    for (const r of refs) {
      const key = `${r.store ?? ''}\u0000${r.sku}`;
      const q = stock.get(r.sku);
      if (q === undefined || seen.has(key)) continue;
      seen.add(key);
      out.push(r.store === undefined ? { sku: r.sku, quantity: q } : { sku: r.sku, store: r.store, quantity: q });
    }
    return out;
  }

  /**
   * One product.info.get per product of `product`; fills `stock`. Returns the SKUs whose product
   * is gone or no longer carries them (a cached id may be stale: product deleted and posted again).
   */
  private async read(product: Map<string, string>, stock: Map<string, number>, opts: CallOptions): Promise<string[]> {
    const byProduct = new Map<string, string[]>();
    for (const [sku, pid] of product) byProduct.set(pid, [...(byProduct.get(pid) ?? []), sku]);
    const stale: string[] = [];
    await pool([...byProduct], READ_CONCURRENCY, async ([pid, skus]) => {
      let found: ReturnType<typeof stockOf>;
      try {
        const res = await this.ctx.client.call(this.ctx.client.seller, sellerOps.productInfo, { body: { product_id: pid } }, opts);
        found = stockOf(res.data.result);
      } catch (e) {
        // errors.ts maps the gateway's "not exist" answers to NotFoundError; anything else fails the read.
        if (!isXborderError(e) || e.code !== 'NOT_FOUND') throw e;
        stale.push(...skus);
        return;
      }
      for (const sku of skus) {
        const q = found.levels.get(sku);
        if (q !== undefined) stock.set(sku, q);
        else if (!found.listed.has(sku)) stale.push(sku);
      }
    });
    return stale;
  }

  /** Stale SKUs are looked up once more; those now on another product are read there, the rest left out. */
  private async relocate(stale: string[], product: Map<string, string>, stock: Map<string, number>, opts: CallOptions): Promise<void> {
    const moved = new Map<string, string>();
    await pool(stale, READ_CONCURRENCY, async (sku) => {
      const was = product.get(sku);
      this.inventory.forget(sku);
      const id = await this.inventory.resolve(sku, opts);
      if (id && id !== was) moved.set(sku, id);
    });
    if (moved.size) await this.read(moved, stock, opts);
  }
}
