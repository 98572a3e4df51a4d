import type { CallOptions } from '../../src/http/call-options.js';
import type { Pipeline } from '../../src/http/pipeline.js';
import type { ShopeeClient } from './client.js';
import { productOps } from './operations/product.js';
import type { ItemBaseInfo, Model, ModelListResponse } from './schemas/product.js';
import { ConflictError, isXborderError } from '../../src/errors/index.js';
import type { SkuIndexSnapshot, SkuIndexStore, SkuLocation } from './sku-catalog.js';

export type { SkuLocation } from './sku-catalog.js';

const LIVE_STATUSES = ['NORMAL', 'UNLIST', 'REVIEWING', 'BANNED'];
/** Deleted items are listed too, so an incremental sync drops their SKUs (get_item_list item_status). */
const ALL_STATUSES = [...LIVE_STATUSES, 'SELLER_DELETE', 'SHOPEE_DELETE'];
/** Incremental syncs re-read this far before the last one (update_time has second resolution, writes land late). */
const SYNC_OVERLAP_S = 120;

/**
 * SKU → item/model lookups for one shop. search_item(item_sku) is the fast path but its index
 * lags writes and never finds model SKUs; the consistent path is a persistent index of every SKU
 * of the shop, built once from get_item_list (all pages, no cap) + get_item_base_info +
 * get_model_list and then refreshed by update_time. A lookup that cannot complete fails closed:
 * callers never create an item because a scan stopped early.
 */
export class ShopSkuIndex {
  private readonly cache = new Map<string, SkuLocation>();
  private snapshot?: SkuIndexSnapshot;
  private syncing?: Promise<SkuIndexSnapshot>;

  constructor(private readonly client: ShopeeClient, private readonly pipeline: Pipeline, private readonly store: SkuIndexStore, private readonly key: string) {}

  remember(sku: string, loc: SkuLocation): void {
    this.cache.set(sku, loc);
  }

  forget(sku: string): void {
    this.cache.delete(sku);
  }

  async baseInfo(itemIds: readonly number[], opts: CallOptions = {}): Promise<ItemBaseInfo[]> {
    const out: ItemBaseInfo[] = [];
    for (let i = 0; i < itemIds.length; i += 50) {
      const ids = itemIds.slice(i, i + 50).join(',');
      const res = await this.client.call(this.pipeline, productOps.get_item_base_info, { query: { item_id_list: ids } }, opts);
      out.push(...res.data.response.item_list);
    }
    return out;
  }

  async models(itemId: number, opts: CallOptions = {}): Promise<Model[]> {
    return (await this.structure(itemId, opts)).model;
  }

  /** get_model_list: the item's tiers (names and options) and its models. */
  async structure(itemId: number, opts: CallOptions = {}): Promise<ModelListResponse['response']> {
    const res = await this.client.call(this.pipeline, productOps.get_model_list, { query: { item_id: itemId } }, opts);
    return res.data.response;
  }

  /** The live item whose item_sku is exactly `sku`; `sinceSeconds` adds the consistent scan of recent items. */
  async findItem(sku: string, opts: CallOptions = {}, sinceSeconds?: number): Promise<ItemBaseInfo | undefined> {
    const cached = this.cache.get(sku);
    if (cached && cached.modelId === 0) {
      const [info] = await this.baseInfo([cached.itemId], opts);
      if (info && info.item_sku === sku && LIVE_STATUSES.includes(info.item_status ?? 'NORMAL')) return info;
      this.cache.delete(sku);
    }
    const res = await this.client.call(this.pipeline, productOps.search_item, { query: { page_size: 50, item_sku: sku } }, opts);
    let found = await this.match(res.data.response.item_id_list.map(Number), sku, opts);
    if (!found && sinceSeconds !== undefined) found = await this.scanRecent(sku, sinceSeconds, opts);
    if (!found) {
      // search_item lags and misses: the complete index decides before anyone creates this SKU.
      const loc = (await this.complete(sku, opts)).skus[sku];
      if (loc && loc.modelId === 0) found = await this.match([loc.itemId], sku, opts);
    }
    if (found) this.cache.set(sku, { itemId: Number(found.item_id), modelId: 0, hasModel: !!found.has_model });
    return found;
  }

  /** The index brought up to date, or a ConflictError saying the lookup could not complete. */
  private complete(sku: string, opts: CallOptions): Promise<SkuIndexSnapshot> {
    return syncOrConflict(() => this.sync(opts), sku, { operation: 'get_item_list', scope: 'this shop' });
  }

  /** Brings the persistent index up to date: a full scan the first time, then items updated since the last sync. */
  sync(opts: CallOptions = {}): Promise<SkuIndexSnapshot> {
    this.syncing ??= this.runSync(opts).finally(() => (this.syncing = undefined));
    return this.syncing;
  }

  private async runSync(opts: CallOptions): Promise<SkuIndexSnapshot> {
    const snap = this.snapshot ?? (await this.store.load(this.key)) ?? { syncedTo: 0, skus: {} };
    const startedAt = this.client.nowSeconds();
    const from = snap.syncedTo > 0 ? snap.syncedTo - SYNC_OVERLAP_S : undefined;
    const next: SkuIndexSnapshot = { syncedTo: snap.syncedTo, skus: { ...snap.skus } };
    for (let offset = 0; ;) {
      const res = await this.client.call(this.pipeline, productOps.get_item_list, {
        query: { offset, page_size: 100, item_status: ALL_STATUSES, ...(from !== undefined ? { update_time_from: from, update_time_to: startedAt + 60 } : {}) },
      }, opts);
      const page = res.data.response;
      await this.absorb(next, page.item.map((i) => Number(i.item_id)), opts);
      if (!page.has_next_page || page.next_offset === undefined) break;
      offset = page.next_offset;
    }
    next.syncedTo = startedAt;
    await this.store.save(this.key, next);
    this.snapshot = next;
    return next;
  }

  /** Re-reads these items: their SKUs replace whatever the index held for them (deleted items drop out). */
  private async absorb(snap: SkuIndexSnapshot, itemIds: number[], opts: CallOptions): Promise<void> {
    if (!itemIds.length) return;
    const ids = new Set(itemIds);
    for (const [sku, loc] of Object.entries(snap.skus)) if (ids.has(loc.itemId)) delete snap.skus[sku];
    for (const info of await this.baseInfo(itemIds, opts)) {
      if (!LIVE_STATUSES.includes(info.item_status ?? 'NORMAL')) continue;
      const itemId = Number(info.item_id);
      if (info.item_sku) snap.skus[info.item_sku] = { itemId, modelId: 0, hasModel: !!info.has_model };
      if (!info.has_model) continue;
      for (const m of await this.models(itemId, opts)) if (m.model_sku) snap.skus[m.model_sku] = { itemId, modelId: Number(m.model_id), hasModel: true };
    }
  }

  /** An item SKU or a model SKU, from the complete index (fails closed when it cannot be brought up to date). */
  async locate(sku: string, opts: CallOptions = {}): Promise<SkuLocation | undefined> {
    const cached = this.cache.get(sku);
    if (cached) return cached;
    const item = await this.findItem(sku, opts);
    if (item) return this.cache.get(sku);
    const loc = this.snapshot?.skus[sku] ?? (await this.complete(sku, opts)).skus[sku];
    if (loc) this.cache.set(sku, loc);
    return loc;
  }

  /**
   * Many SKUs at once (stock pushes): memory, else the persistent index as saved, else the index
   * brought up to date once for all of them (a SKU it still lacks is not listed).
   * An entry may be stale (item deleted since): the caller forgets it when the write says so.
   * A lookup that cannot complete is that SKU's error; an absent key means not listed.
   */
  async locateMany(skus: readonly string[], opts: CallOptions = {}): Promise<Map<string, SkuLocation | Error>> {
    const out = new Map<string, SkuLocation | Error>();
    let missing = skus.filter((s) => !this.cache.has(s));
    for (const s of skus) if (this.cache.has(s)) out.set(s, this.cache.get(s)!);
    const take = (snap: SkuIndexSnapshot | undefined) => {
      missing = missing.filter((s) => {
        const loc = snap?.skus[s];
        if (!loc) return true;
        this.cache.set(s, loc);
        out.set(s, loc);
        return false;
      });
    };
    if (missing.length) take(this.snapshot ?? (await this.store.load(this.key)));
    if (!missing.length) return out;
    try {
      take(await this.complete(missing[0]!, opts)); // complete and fresh: a SKU still missing is not listed
    } catch (e) {
      for (const s of missing) out.set(s, e as Error);
    }
    return out;
  }

  private async match(ids: number[], sku: string, opts: CallOptions): Promise<ItemBaseInfo | undefined> {
    if (!ids.length) return undefined;
    const infos = await this.baseInfo(ids, opts);
    return infos.find((i) => i.item_sku === sku && LIVE_STATUSES.includes(i.item_status ?? 'NORMAL'));
  }

  private async scanRecent(sku: string, sinceSeconds: number, opts: CallOptions): Promise<ItemBaseInfo | undefined> {
    const to = this.client.nowSeconds() + 60;
    for (let offset = 0; ;) {
      const res = await this.client.call(this.pipeline, productOps.get_item_list, {
        query: { offset, page_size: 100, item_status: LIVE_STATUSES, update_time_from: sinceSeconds, update_time_to: to },
      }, opts);
      const page = res.data.response;
      const found = await this.match(page.item.map((i) => Number(i.item_id)), sku, opts);
      if (found || !page.has_next_page || page.next_offset === undefined) return found;
      offset = page.next_offset;
    }
    return undefined;
  }
}

/**
 * Runs an index sync; a failure (other than an abort) becomes a retryable ConflictError, because
 * a lookup that could not complete must never lead to creating the SKU a second time.
 */
export async function syncOrConflict(sync: () => Promise<SkuIndexSnapshot>, sku: string, where: { operation: string; scope: string }): Promise<SkuIndexSnapshot> {
  try {
    return await sync();
  } catch (e) {
    if (isXborderError(e) && e.code === 'ABORTED') throw e;
    throw new ConflictError({
      marketplace: 'shopee', operation: where.operation, retryable: true, cause: e,
      message: `Could not complete the lookup of SKU ${sku} in ${where.scope} (${(e as Error).message}); nothing was created, to never duplicate an item. Retry later`,
    });
  }
}
