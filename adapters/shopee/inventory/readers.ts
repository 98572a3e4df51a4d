import { isRejection } from '../context.js';
import type { GlobalListings } from '../global-listings.js';
import type { ShopListings } from '../listings.js';
import type { GlobalItemInfo } from '../schemas/global.js';
import type { ItemBaseInfo } from '../schemas/product.js';
import { itemGone, type Backend } from './push.js';
import type { Held, Reader } from './read.js';

const num = (v: unknown) => Number(v) || 0;

/**
 * The figure inventory.set writes, read back: update_stock "will update only seller_stock"
 * (specs/shopee/v2.product.update_stock.json define), so the answer is stock_info_v2.seller_stock
 * ("Seller-managed stock", specs/shopee/v2.product.get_model_list.json), the entry of the warehouse
 * set writes when the shop has several (sellerStock in context.ts), else every entry. Not
 * total_available_stock: that one excludes the reserved stock, which seller_stock includes
 * ("stock (including Seller Stock and Shopee Stock) should be larger than or equal to real-time
 * reserved stock", update_stock stock_list.seller_stock), and not shopee_stock (Shopee's warehouses,
 * which set never writes). Undefined when the answer has no seller_stock.
 */
export function sellerStockOf(info: ItemBaseInfo['stock_info_v2'], locationId?: string): number | undefined {
  const list = info?.seller_stock;
  if (!list) return undefined;
  const named = locationId && list.some((x) => x.location_id) ? list.filter((x) => x.location_id === locationId) : list;
  return named.reduce((s, x) => s + num(x.stock), 0);
}

/** Deleted items ("SELLER_DELETE, SHOPEE_DELETE", item_status in specs/shopee/v2.product.get_item_base_info.json) hold nothing. */
const deleted = (status?: string) => /DELETE/.test(status ?? '');

export function shopReader(listings: ShopListings, backend: Backend): Reader {
  return {
    locateMany: backend.locateMany,
    perShop: true,
    itemBatch: 50, // item_id_list "limit [0,50]" (specs/shopee/v2.product.get_item_base_info.json)
    async items(itemIds, shop, opts) {
      const out = new Map<number, Held>();
      for (const info of await listings.index(shop).baseInfo(itemIds, opts)) {
        if (deleted(info.item_status) || info.has_model) continue;
        out.set(Number(info.item_id), { sku: info.item_sku, stock: sellerStockOf(info.stock_info_v2, shop.locationId) });
      }
      return out;
    },
    async models(itemId, shop, opts) {
      const models = await orGone(() => listings.index(shop).models(itemId, opts));
      return models && new Map(models.map((m) => [Number(m.model_id), { sku: m.model_sku, stock: sellerStockOf(m.stock_info_v2, shop.locationId) }]));
    },
    forget: (sku, shop) => listings.index(shop).forget(sku),
  };
}

/**
 * Global stock as global update_stock writes it (seller_stock, specs/shopee/v2.global_product.update_stock.json):
 * normal_stock of the "seller on hand" entries (stock_type 2; "1" means wms on hand,
 * specs/shopee/v2.global_product.get_global_model_list.json stock_info), reserved stock included as
 * for shop items (global update_stock is refused below it).
 */
export function globalStockOf(info?: GlobalItemInfo['stock_info']): number | undefined {
  if (!info) return undefined;
  const typed = info.some((x) => x.stock_type !== undefined);
  return info.filter((x) => !typed || Number(x.stock_type) === 2).reduce((s, x) => s + num(x.normal_stock), 0);
}

/** A global read refused for the item (deleted, not normal) or answered not found. */
const refused = (e: unknown) => isRejection(e) || itemGone(e);

export function globalReader(listings: GlobalListings, backend: Backend): Reader {
  return {
    locateMany: backend.locateMany,
    perShop: false, // global update_stock writes one figure for the merchant (globalBackend ignores the shop)
    itemBatch: 20, // global_item_id_list "Length limit is [1,20]" (specs/shopee/v2.global_product.get_global_item_info.json)
    async items(itemIds, _shop, opts) {
      const out = new Map<number, Held>();
      let infos: GlobalItemInfo[];
      try {
        infos = await listings.index.info(itemIds, opts);
      } catch (e) {
        // "You can only query global product with normal status, otherwise api will return error"
        // (global_item_status, specs/shopee/v2.global_product.get_global_item_info.json): one deleted
        // item refuses the whole list, so the items are read one by one and the refused ones are gone.
        if (!refused(e)) throw e;
        infos = [];
        if (itemIds.length > 1) for (const id of itemIds) infos.push(...((await orGone(() => listings.index.info([id], opts), refused)) ?? []));
      }
      for (const g of infos) {
        if (g.has_model) continue;
        out.set(Number(g.global_item_id), { sku: g.global_item_sku, stock: globalStockOf(g.stock_info) });
      }
      return out;
    },
    async models(itemId, _shop, opts) {
      const models = await orGone(() => listings.index.models(itemId, opts), refused);
      return models && new Map(models.map((m) => [Number(m.global_model_id), { sku: m.global_model_sku, stock: globalStockOf(m.stock_info) }]));
    },
    forget: () => undefined, // the global index re-confirms each SKU it locates (global-index.ts)
  };
}

/** An item answered as gone ("Item_id is not found.", error_list of the read) holds nothing; other errors throw. */
async function orGone<T>(read: () => Promise<T>, gone: (e: unknown) => boolean = itemGone): Promise<T | undefined> {
  try {
    return await read();
  } catch (e) {
    if (gone(e)) return undefined;
    throw e;
  }
}
