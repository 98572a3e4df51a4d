import type { CallOptions } from '../../src/http/call-options.js';
import type { Pipeline } from '../../src/http/pipeline.js';
import type { ShopeeClient } from './client.js';
import { productOps } from './operations/product.js';
import type { ItemBaseInfo, Model, ModelListResponse } from './schemas/product.js';

/** Where a seller SKU lives in one shop: an item (model_id 0) or one model of an item. */
export interface SkuLocation {
  itemId: number;
  modelId: number;
  hasModel: boolean;
}

const LIVE_STATUSES = ['NORMAL', 'UNLIST', 'REVIEWING', 'BANNED'];
/** Bound on the fallback scan for SKUs search_item cannot find (model SKUs, lagging index). */
const MAX_SCAN = 2000;

/**
 * SKU → item/model lookups for one shop. search_item(item_sku) is the fast path but its index
 * lags writes; get_item_list by update_time plus get_item_base_info is the consistent fallback
 * used before any replay of add_item.
 */
export class ShopSkuIndex {
  private readonly cache = new Map<string, SkuLocation>();

  constructor(private readonly client: ShopeeClient, private readonly pipeline: Pipeline) {}

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
    if (found) this.cache.set(sku, { itemId: Number(found.item_id), modelId: 0, hasModel: !!found.has_model });
    return found;
  }

  /** An item SKU or a model SKU; unknown model SKUs fall back to a bounded scan of the shop. */
  async locate(sku: string, opts: CallOptions = {}): Promise<SkuLocation | undefined> {
    const cached = this.cache.get(sku);
    if (cached) return cached;
    const item = await this.findItem(sku, opts);
    if (item) return this.cache.get(sku);
    return this.scanModels(sku, opts);
  }

  private async match(ids: number[], sku: string, opts: CallOptions): Promise<ItemBaseInfo | undefined> {
    if (!ids.length) return undefined;
    const infos = await this.baseInfo(ids, opts);
    return infos.find((i) => i.item_sku === sku && LIVE_STATUSES.includes(i.item_status ?? 'NORMAL'));
  }

  private async scanRecent(sku: string, sinceSeconds: number, opts: CallOptions): Promise<ItemBaseInfo | undefined> {
    const to = this.client.nowSeconds() + 60;
    for (let offset = 0; offset < MAX_SCAN;) {
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

  private async scanModels(sku: string, opts: CallOptions): Promise<SkuLocation | undefined> {
    for (let offset = 0; offset < MAX_SCAN;) {
      const res = await this.client.call(this.pipeline, productOps.get_item_list, { query: { offset, page_size: 100, item_status: ['NORMAL', 'UNLIST'] } }, opts);
      const page = res.data.response;
      const infos = await this.baseInfo(page.item.map((i) => Number(i.item_id)), opts);
      for (const info of infos) {
        const itemId = Number(info.item_id);
        if (info.item_sku) this.cache.set(info.item_sku, { itemId, modelId: 0, hasModel: !!info.has_model });
        if (!info.has_model) continue;
        for (const m of await this.models(itemId, opts)) if (m.model_sku) this.cache.set(m.model_sku, { itemId, modelId: Number(m.model_id), hasModel: true });
        if (this.cache.has(sku)) return this.cache.get(sku);
      }
      if (this.cache.has(sku)) return this.cache.get(sku);
      if (!page.has_next_page || page.next_offset === undefined) return undefined;
      offset = page.next_offset;
    }
    return undefined;
  }
}
