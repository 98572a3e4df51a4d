import type { InventoryResult, InventoryUpdate } from '../../src/adapter.js';
import { MarketplaceError, NotFoundError, ValidationError, isXborderError, parseInput, type XborderError } from '../../src/errors/index.js';
import { parseCallOptions, type CallOptions } from '../../src/http/call-options.js';
import { MoneySchema, fromWire, toDecimal, type Money } from '../../src/model/money.js';
import { listOf } from './operations.js';
import { wireParams } from './client.js';
import { DEFAULTS } from './config.js';
import type { AdapterContext } from './context.js';
import { sellerOps } from './operations.js';

type Resolve = (sku: string, opts?: CallOptions) => Promise<string | undefined>;

/**
 * An AliExpress stock/price update: `discountPrice` sets the SKU's discount (sale) price, `null`
 * removes it; left out, the current discount is kept.
 */
export type AliExpressInventoryUpdate = InventoryUpdate & { discountPrice?: Money | null };
type Batch = Array<{ product_id: string; multiple_sku_update_list: Array<Record<string, string | number>> }>;

function chunks<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

/** `mutiple_product_update_list` (sic) with product ids as bare JSON numbers (no float round-trip). */
function batchJson(batch: Batch): string {
  return JSON.stringify(batch.map((p) => ({ ...p, product_id: `@@${p.product_id}@@` }))).replace(/"@@(\d+)@@"/g, '$1');
}

/**
 * Stock and price through `batch.product.inventory.update` / `batch.product.price.update`: ≤20
 * products per call, ≤200 SKUs per product (research B4). Stock is one pool per account. The price
 * update erases a discount price it does not carry: reported as a warning.
 */
export class AliExpressInventory {
  resolve: Resolve = async () => undefined;
  /** Drops a cached SKU → product id (set by the adapter; the listings service owns the cache). */
  forget: (sku: string) => void = () => undefined;

  constructor(private readonly ctx: AdapterContext) {}

  async set(updates: AliExpressInventoryUpdate[], opts: CallOptions = {}): Promise<InventoryResult[]> {
    opts = parseCallOptions(opts); // null: none; hostile: ValidationError
    if (!Array.isArray(updates)) throw new ValidationError({ message: 'updates must be an array of { sku, quantity?, price? }', path: 'updates' });
    const latest = new Map<string, AliExpressInventoryUpdate>();
    const index = new Map<string, number>();
    for (const [i, u] of updates.entries()) {
      if (typeof u?.sku !== 'string' || !u.sku) throw new ValidationError({ message: 'every update needs a sku', path: `updates.${i}.sku` });
      if (u.quantity !== undefined && (!Number.isInteger(u.quantity) || u.quantity < 0 || u.quantity > 999999)) throw new ValidationError({ message: 'quantity must be an integer 0..999999', path: `updates.${i}.quantity` });
      if (u.price !== undefined) {
        parseInput(MoneySchema, u.price, `updates.${i}.price`); // a ValidationError, never a raw ZodError
        if (u.price.currency !== this.ctx.store.currency) throw new ValidationError({ message: `price must be in ${this.ctx.store.currency}`, path: `updates.${i}.price` });
      }
      if (u.discountPrice) {
        parseInput(MoneySchema, u.discountPrice, `updates.${i}.discountPrice`);
        if (u.discountPrice.currency !== this.ctx.store.currency) throw new ValidationError({ message: `discountPrice must be in ${this.ctx.store.currency}`, path: `updates.${i}.discountPrice` });
      }
      latest.set(u.sku, { ...latest.get(u.sku), ...u });
      index.set(u.sku, i);
    }
    const results = new Map<string, InventoryResult>();
    const product = new Map<string, string>();
    for (const sku of latest.keys()) {
      const id = await this.resolve(sku, opts);
      if (id) product.set(sku, id);
      else results.set(sku, { sku, ok: false, error: new NotFoundError({ marketplace: 'aliexpress', message: `No AliExpress product carries SKU ${sku}` }) });
    }
    const qty = [...latest.values()].filter((u) => u.quantity !== undefined && product.has(u.sku));
    const price = [...latest.values()].filter((u) => u.price !== undefined && product.has(u.sku));
    const toStock = (u: InventoryUpdate) => ({ sku_code: u.sku, inventory: u.quantity! });
    const refused = new Set<string>();
    await this.run(sellerOps.inventoryUpdate, qty, product, toStock, results, opts, undefined, refused);
    if (refused.size) await this.relocated(qty.filter((u) => refused.has(u.sku)), product, results, opts, (moved) => this.run(sellerOps.inventoryUpdate, moved, product, toStock, results, opts));
    const badDiscount = new Map<string, InventoryResult>();
    const discounts = await this.discounts(price, product, badDiscount, index, opts);
    const priced = price.filter((u) => !badDiscount.has(u.sku));
    await this.run(sellerOps.priceUpdate, priced, product, (u) => ({ sku_code: u.sku, price: toDecimal(u.price!), ...(discounts.has(u.sku) ? { discount_price: discounts.get(u.sku)! } : {}) }), results, opts);
    for (const [sku, r] of badDiscount) results.set(sku, r);
    return [...latest.keys()].map((sku) => results.get(sku) ?? { sku, ok: true });
  }

  /**
   * SKUs whose product refused the update: the cached product id may be stale (product deleted and
   * posted again: a new id). Each is looked up once more; those now on another product are sent once
   * more, one not found any more fails NOT_FOUND, the others keep the refusal. No documented error
   * code says "product gone" (specs/aliexpress/aliexpress_solution_batch_product_inventory_update.json
   * lists only update_error_code/update_failed_list), so any per-product refusal triggers the lookup.
   */
  private async relocated(
    list: InventoryUpdate[], product: Map<string, string>, results: Map<string, InventoryResult>, opts: CallOptions, resend: (moved: InventoryUpdate[]) => Promise<void>,
  ): Promise<void> {
    const moved: InventoryUpdate[] = [];
    for (const u of list) {
      this.forget(u.sku);
      let id: string | undefined;
      try {
        id = await this.resolve(u.sku, opts);
      } catch (e) {
        if (!isXborderError(e)) throw e;
        continue; // keep the refusal: the lookup could not say more
      }
      if (!id) results.set(u.sku, { sku: u.sku, ok: false, error: new NotFoundError({ marketplace: 'aliexpress', message: `No AliExpress product carries SKU ${u.sku} any more` }) });
      else if (id !== product.get(u.sku)) {
        product.set(u.sku, id);
        moved.push(u);
      }
    }
    for (const u of moved) results.delete(u.sku); // the first refusal is not the answer any more
    if (moved.length) await resend(moved);
  }

  /**
   * The discount price each repriced SKU must carry: the batch price update erases `discount_price`
   * when it is omitted ("If not set, the discount_price will be erased",
   * specs/aliexpress/aliexpress_solution_batch_product_price_update.json#multiple_sku_update_list.discount_price),
   * so the current one (product.info.get `sku_discount_price`) is sent back unless the caller sets or
   * removes it. A kept discount no longer below the new price fails that SKU: "discount_price should
   * be cheaper than price" (aliexpress_solution_product_post.json#sku_info_list.discount_price).
   */
  private async discounts(
    list: AliExpressInventoryUpdate[], product: Map<string, string>, results: Map<string, InventoryResult>, index: Map<string, number>, opts: CallOptions,
  ): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const current = new Map<string, Map<string, string>>();
    for (const u of list) {
      if (u.discountPrice !== undefined) {
        if (u.discountPrice !== null) out.set(u.sku, toDecimal(u.discountPrice));
        continue;
      }
      const pid = product.get(u.sku)!;
      try {
        if (!current.has(pid)) current.set(pid, await this.currentDiscounts(pid, opts));
      } catch (e) {
        if (!isXborderError(e)) throw e;
        results.set(u.sku, { sku: u.sku, ok: false, error: e });
        continue;
      }
      const kept = current.get(pid)!.get(u.sku);
      if (kept === undefined) continue;
      if (fromWire(kept, u.price!.currency).amount >= u.price!.amount) {
        results.set(u.sku, { sku: u.sku, ok: false, error: new ValidationError({ message: `the SKU's discount price ${kept} would not be below the new price ${toDecimal(u.price!)}: give discountPrice (or null to remove it)`, path: `updates.${index.get(u.sku)}.discountPrice` }) });
        continue;
      }
      out.set(u.sku, kept);
    }
    return out;
  }

  /** sku_code → sku_discount_price of one product (product.info.get aeop_ae_product_s_k_us). */
  private async currentDiscounts(productId: string, opts: CallOptions): Promise<Map<string, string>> {
    const res = await this.ctx.client.call(this.ctx.client.seller, sellerOps.productInfo, { body: { product_id: productId } }, opts);
    const skus = listOf.parse(res.data.result.aeop_ae_product_s_k_us) as Array<{ sku_code?: unknown; sku_discount_price?: unknown }>;
    return new Map(skus.filter((k) => typeof k.sku_code === 'string' && typeof k.sku_discount_price === 'string' && k.sku_discount_price !== '').map((k) => [k.sku_code as string, k.sku_discount_price as string]));
  }

  private async run(
    op: typeof sellerOps.inventoryUpdate, list: InventoryUpdate[], product: Map<string, string>, sku: (u: InventoryUpdate) => Record<string, string | number>,
    results: Map<string, InventoryResult>, opts: CallOptions, warning?: string, refused?: Set<string>,
  ): Promise<void> {
    const byProduct = new Map<string, InventoryUpdate[]>();
    for (const u of list) byProduct.set(product.get(u.sku)!, [...(byProduct.get(product.get(u.sku)!) ?? []), u]);
    const entries: Batch = [];
    const owners = new Map<string, InventoryUpdate[]>();
    for (const [pid, us] of byProduct) for (const part of chunks(us, DEFAULTS.batchSkus)) {
      entries.push({ product_id: pid, multiple_sku_update_list: part.map(sku) });
      owners.set(`${entries.length - 1}`, part);
    }
    for (const [ci, batch] of chunks(entries, DEFAULTS.batchProducts).entries()) {
      const members = batch.flatMap((_, j) => owners.get(`${ci * DEFAULTS.batchProducts + j}`) ?? []);
      let failedIds = new Map<string, XborderError>();
      let answered = true; // false: the call itself failed (transport, auth...), not a product
      try {
        const res = await this.ctx.client.call(this.ctx.client.seller, op, { body: { mutiple_product_update_list: batchJson(batch) } }, opts);
        const d = res.data;
        const ok = new Set(((d.update_successful_list ?? []) as Array<{ product_id?: unknown }>).map((x) => String(x.product_id)));
        for (const f of (d.update_failed_list ?? []) as Array<{ product_id?: unknown; error_code?: string; error_message?: string }>) {
          failedIds.set(String(f.product_id), new MarketplaceError({ marketplace: 'aliexpress', operation: op.id, message: `${f.error_code ?? 'FAILED'}: ${f.error_message ?? 'update failed'}`, errors: [{ code: f.error_code ?? 'FAILED', message: f.error_message ?? 'update failed' }] }));
        }
        if (d.update_success === false && ok.size === 0 && failedIds.size === 0) {
          const e = new MarketplaceError({ marketplace: 'aliexpress', operation: op.id, message: `${d.update_error_code ?? 'FAILED'}: ${d.update_error_message ?? 'update failed'}`, errors: [{ code: d.update_error_code ?? 'FAILED', message: d.update_error_message ?? 'update failed' }] });
          failedIds = new Map(batch.map((b) => [b.product_id, e]));
        }
      } catch (e) {
        if (!isXborderError(e)) throw e;
        answered = false;
        failedIds = new Map(batch.map((b) => [b.product_id, e]));
      }
      for (const u of members) {
        const err = failedIds.get(product.get(u.sku)!);
        if (err && answered) refused?.add(u.sku);
        const prev = results.get(u.sku);
        if (err) results.set(u.sku, { sku: u.sku, ok: false, error: err });
        else if (!prev || prev.ok) results.set(u.sku, { sku: u.sku, ok: true, ...(u.quantity !== undefined ? { appliedQuantity: u.quantity } : {}), ...(warning ? { warning } : prev?.warning ? { warning: prev.warning } : {}) });
      }
    }
  }
}
