import type { CallOptions } from '../../../src/http/call-options.js';
import type { Return } from '../../../src/model/return.js';
import { shopPipeline, type AdapterContext, type ShopStore } from '../context.js';
import { mapShopeeReturn } from './mapper.js';
import { returnOps, ShopeeReturnWire } from './operations.js';

/** Reads one return (get_return_detail) and tells which shop it belongs to. */
export interface ShopeeReturnReader {
  read(returnSn: string, opts: CallOptions): Promise<Return>;
  /** The shop id of a return read by `read`. */
  shopOf(r: Return): number;
  map(w: ShopeeReturnWire, shop: ShopStore): Return;
}

export function returnReader(ctx: AdapterContext): ShopeeReturnReader {
  const map = (w: ShopeeReturnWire, shop: ShopStore) => mapShopeeReturn(w, { account: ctx.account, store: shop.store.id });
  return {
    map,
    /** A return_sn names no shop: a merchant account asks each of its shops in turn. */
    async read(returnSn, opts) {
      let last: unknown;
      for (const shop of ctx.shops) {
        try {
          const res = await ctx.client.call(shopPipeline(ctx, shop.shopId), returnOps.get_return_detail, { query: { return_sn: returnSn } }, opts);
          return map(ShopeeReturnWire.parse(res.data.response), shop);
        } catch (e) {
          last = e;
          if (ctx.shops.length === 1) throw e;
        }
      }
      throw last;
    },
    shopOf: (r) => ctx.shops.find((s) => s.store.id === r.store)?.shopId ?? ctx.shops[0]!.shopId,
  };
}
