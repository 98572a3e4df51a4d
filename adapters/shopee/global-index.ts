import type { CallOptions } from '../../src/http/call-options.js';
import type { Pipeline } from '../../src/http/pipeline.js';
import type { ShopeeClient } from './client.js';
import { globalOps } from './operations/global.js';
import type { GlobalItemInfo } from './schemas/global.js';

export interface GlobalSkuLocation {
  globalItemId: number;
  globalModelId: number;
  hasModel: boolean;
}

const MAX_SCAN = 2000;

/**
 * SKU → global item/model for a merchant. global_product has no search by SKU, so unknown SKUs
 * are found by paging get_global_item_list (optionally only items updated since a time: the cheap
 * and consistent check before replaying add_global_item) and reading get_global_item_info.
 */
export class GlobalSkuIndex {
  private readonly cache = new Map<string, GlobalSkuLocation>();

  constructor(private readonly client: ShopeeClient, private readonly pipeline: Pipeline) {}

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
    const res = await this.client.call(this.pipeline, globalOps.get_global_model_list, { query: { global_item_id: globalItemId } }, opts);
    return res.data.response.global_model;
  }

  /** The global item whose global_item_sku is `sku` (item SKUs only). */
  async findItem(sku: string, opts: CallOptions = {}, sinceSeconds?: number): Promise<GlobalItemInfo | undefined> {
    const cached = this.cache.get(sku);
    if (cached && cached.globalModelId === 0) {
      const [info] = await this.info([cached.globalItemId], opts);
      if (info?.global_item_sku === sku) return info;
      this.cache.delete(sku);
    }
    let offset: string | undefined;
    for (let seen = 0; seen < MAX_SCAN;) {
      const query = { page_size: 50, ...(offset !== undefined ? { offset } : {}), ...(sinceSeconds !== undefined ? { update_time_from: sinceSeconds, update_time_to: this.client.nowSeconds() + 60 } : {}) };
      const page = (await this.client.call(this.pipeline, globalOps.get_global_item_list, { query }, opts)).data.response;
      const infos = await this.info(page.global_item_list.map((g) => Number(g.global_item_id)), opts);
      for (const i of infos) if (i.global_item_sku) this.cache.set(i.global_item_sku, { globalItemId: Number(i.global_item_id), globalModelId: 0, hasModel: !!i.has_model });
      const hit = infos.find((i) => i.global_item_sku === sku);
      if (hit) return hit;
      seen += page.global_item_list.length;
      if (!page.has_next_page || page.offset === undefined || page.offset === '') return undefined;
      offset = String(page.offset);
    }
    return undefined;
  }

  /** Item or model SKU; model SKUs come from the models of known items. */
  async locate(sku: string, opts: CallOptions = {}): Promise<GlobalSkuLocation | undefined> {
    const cached = this.cache.get(sku);
    if (cached) return cached;
    if (await this.findItem(sku, opts)) return this.cache.get(sku);
    for (const loc of [...this.cache.values()]) {
      if (!loc.hasModel || loc.globalModelId !== 0) continue;
      for (const m of await this.models(loc.globalItemId, opts)) {
        if (m.global_model_sku) this.cache.set(m.global_model_sku, { globalItemId: loc.globalItemId, globalModelId: Number(m.global_model_id), hasModel: true });
      }
      if (this.cache.has(sku)) return this.cache.get(sku);
    }
    return undefined;
  }
}
