import { isXborderError } from '../../src/errors/index.js';
import type { CallOptions } from '../../src/http/call-options.js';
import type { Pipeline } from '../../src/http/pipeline.js';
import type { ShopeeClient } from './client.js';
import { isRejection } from './context.js';
import { globalOps } from './operations/global.js';
import type { GlobalItemInfo } from './schemas/global.js';
import type { SkuIndexSnapshot, SkuIndexStore, SkuLocation } from './sku-catalog.js';
import { syncOrConflict } from './sku-index.js';

export interface GlobalSkuLocation {
  globalItemId: number;
  globalModelId: number;
  hasModel: boolean;
}

/** Incremental syncs re-read this far before the last one (update_time has second resolution, writes land late). */
const SYNC_OVERLAP_S = 120;

const toGlobal = (l: SkuLocation): GlobalSkuLocation => ({ globalItemId: l.itemId, globalModelId: l.modelId, hasModel: l.hasModel });

/**
 * SKU → global item/model for a merchant. global_product has no search by SKU, so lookups use a
 * persistent index of every SKU of the merchant (the same SkuIndexStore as shop indexes): built
 * once from get_global_item_list (all pages, no cap) + get_global_item_info + get_global_model_list,
 * then refreshed by update_time (specs/shopee/v2.global_product.get_global_item_list.json
 * update_time_from/update_time_to). A lookup that cannot complete fails closed: no global item is
 * created because a scan stopped early.
 */
export class GlobalSkuIndex {
  private readonly cache = new Map<string, GlobalSkuLocation>();
  private snapshot?: SkuIndexSnapshot;
  private syncing?: Promise<SkuIndexSnapshot>;

  constructor(private readonly client: ShopeeClient, private readonly pipeline: Pipeline, private readonly store: SkuIndexStore, private readonly key: string) {}

  remember(sku: string, loc: GlobalSkuLocation): void {
    this.cache.set(sku, loc);
  }

  async info(ids: readonly number[], opts: CallOptions = {}): Promise<GlobalItemInfo[]> {
    const out: GlobalItemInfo[] = [];
    for (let i = 0; i < ids.length; i += 20) {
      const res = await this.client.call(this.pipeline, globalOps.get_global_item_info, { query: { global_item_id_list: ids.slice(i, i + 20).join(',') } }, opts);
      out.push(...res.data.response.global_item_list);
    }
    return out;
  }

  async models(globalItemId: number, opts: CallOptions = {}) {
    return (await this.structure(globalItemId, opts)).global_model;
  }

  /** get_global_model_list: the global item's tiers (names, options) and its models. */
  async structure(globalItemId: number, opts: CallOptions = {}) {
    const res = await this.client.call(this.pipeline, globalOps.get_global_model_list, { query: { global_item_id: globalItemId } }, opts);
    return res.data.response;
  }

  /** The global item whose global_item_sku is `sku` (item SKUs only), confirmed by a fresh read. */
  async findItem(sku: string, opts: CallOptions = {}): Promise<GlobalItemInfo | undefined> {
    const cached = this.cache.get(sku);
    if (cached && cached.globalModelId === 0) {
      const hit = await this.confirm(cached.globalItemId, sku, opts);
      if (hit) return hit;
      this.cache.delete(sku);
    }
    const loc = (await this.complete(sku, opts)).skus[sku];
    if (!loc || loc.modelId !== 0) return undefined;
    const hit = await this.confirm(loc.itemId, sku, opts);
    if (hit) this.cache.set(sku, toGlobal(loc));
    return hit;
  }

  /** Item or model SKU, from the complete index (fails closed when it cannot be brought up to date). */
  async locate(sku: string, opts: CallOptions = {}): Promise<GlobalSkuLocation | undefined> {
    const cached = this.cache.get(sku);
    if (cached) return cached;
    const loc = (await this.complete(sku, opts)).skus[sku];
    if (!loc) return undefined;
    this.cache.set(sku, toGlobal(loc));
    return toGlobal(loc);
  }

  /**
   * get_global_item_info of one item, if it still carries `sku`. A deleted item is not in
   * get_global_item_list any more, so the index cannot see it go: the fresh read decides ("You can
   * only query global product with normal status, otherwise api will return error",
   * v2.global_product.get_global_item_info.json global_item_status).
   */
  private async confirm(id: number, sku: string, opts: CallOptions): Promise<GlobalItemInfo | undefined> {
    try {
      const [info] = await this.info([id], opts);
      return info?.global_item_sku === sku ? info : undefined;
    } catch (e) {
      if (isRejection(e) || (isXborderError(e) && e.code === 'NOT_FOUND')) return undefined;
      throw e;
    }
  }

  /** The index brought up to date, or a ConflictError saying the lookup could not complete. */
  private complete(sku: string, opts: CallOptions): Promise<SkuIndexSnapshot> {
    return syncOrConflict(() => this.sync(opts), sku, { operation: 'get_global_item_list', scope: "this merchant's global products" });
  }

  /** Brings the persistent index up to date: a full scan the first time, then global items updated since the last sync. */
  sync(opts: CallOptions = {}): Promise<SkuIndexSnapshot> {
    this.syncing ??= this.runSync(opts).finally(() => (this.syncing = undefined));
    return this.syncing;
  }

  private async runSync(opts: CallOptions): Promise<SkuIndexSnapshot> {
    const snap = this.snapshot ?? (await this.store.load(this.key)) ?? { syncedTo: 0, skus: {} };
    const startedAt = this.client.nowSeconds();
    const from = snap.syncedTo > 0 ? snap.syncedTo - SYNC_OVERLAP_S : undefined;
    const next: SkuIndexSnapshot = { syncedTo: snap.syncedTo, skus: { ...snap.skus } };
    let offset: string | undefined;
    for (;;) {
      const query = { page_size: 50, ...(offset !== undefined ? { offset } : {}), ...(from !== undefined ? { update_time_from: from, update_time_to: startedAt + 60 } : {}) };
      const page = (await this.client.call(this.pipeline, globalOps.get_global_item_list, { query }, opts)).data.response;
      await this.absorb(next, page.global_item_list.map((g) => Number(g.global_item_id)), opts);
      if (!page.has_next_page || page.offset === undefined || page.offset === '') break;
      offset = String(page.offset);
    }
    next.syncedTo = startedAt;
    await this.store.save(this.key, next);
    this.snapshot = next;
    return next;
  }

  /** Re-reads these global items: their SKUs replace whatever the index held for them. */
  private async absorb(snap: SkuIndexSnapshot, ids: number[], opts: CallOptions): Promise<void> {
    if (!ids.length) return;
    const set = new Set(ids);
    for (const [sku, loc] of Object.entries(snap.skus)) if (set.has(loc.itemId)) delete snap.skus[sku];
    for (const info of await this.info(ids, opts)) {
      const itemId = Number(info.global_item_id);
      if (info.global_item_sku) snap.skus[info.global_item_sku] = { itemId, modelId: 0, hasModel: !!info.has_model };
      if (!info.has_model) continue;
      for (const m of await this.models(itemId, opts)) if (m.global_model_sku) snap.skus[m.global_model_sku] = { itemId, modelId: Number(m.global_model_id), hasModel: true };
    }
  }
}
