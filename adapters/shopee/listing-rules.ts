import { ValidationError } from '../../src/errors/index.js';
import type { CallOptions } from '../../src/http/call-options.js';
import type { Listing } from '../../src/model/listing.js';
import { shopPipeline, type AdapterContext, type ShopStore } from './context.js';
import { weightKg } from './mappers/listing.js';
import { priceToWire } from './money.js';
import { orderOps } from './operations/order.js';
import { productOps } from './operations/product.js';
import type { Channel } from './schemas/logistics.js';
import type { DtsLimit } from './schemas/product.js';
import type { AddItemBody } from './schemas/requests.js';

/** Channel lists and category limits change rarely: read once an hour per shop / category. */
const TTL_MS = 3600_000;
const LOGISTICS = 'listing.marketplace.shopee.logistics';

type LogisticInfo = AddItemBody['logistic_info'][number];
type PreOrder = NonNullable<AddItemBody['pre_order']>;

const invalid = (path: string, message: string) => new ValidationError({ message, path });

/** The channels a listing enables: logisticIds (listing, else config) plus every channel given settings. */
export function chosenChannels(l: Listing, fallback: number[]): number[] {
  const s = l.marketplace.shopee ?? {};
  return [...new Set([...(s.logisticIds ?? fallback), ...(s.logistics ?? []).map((x) => x.logisticId)])];
}

/**
 * logistic_info for add_item, checked against the shop's channels (specs/shopee/v2.product.add_item.json
 * logistic_info[]: "If specify logistic fee_type is SIZE_SELECTION size_id is required", shipping_fee
 * "Only needed when logistics fee_type = CUSTOM_PRICE"; v2.logistics.get_channel_list.json fee_type,
 * size_list "Only for fee_type is SIZE_SELECTION", block_seller_cover_shipping_fee).
 */
export function logisticInfo(l: Listing, ids: number[], channels: Map<number, Channel>, shop: ShopStore): LogisticInfo[] {
  const settings = l.marketplace.shopee?.logistics ?? [];
  return ids.map((id) => {
    const at = settings.findIndex((x) => x.logisticId === id);
    const set = settings[at];
    const path = at >= 0 ? `${LOGISTICS}[${at}]` : LOGISTICS;
    const ch = channels.get(id);
    if (!ch || ch.enabled === false) {
      throw invalid(at >= 0 ? `${path}.logisticId` : 'listing.marketplace.shopee.logisticIds', `logistics channel ${id} is not an enabled channel of shop ${shop.shopId} (v2.logistics.get_channel_list)`);
    }
    const name = `channel ${id} (${ch.logistics_channel_name ?? 'unnamed'})`;
    weightFits(l, ch, name);
    const out: LogisticInfo = { logistic_id: id, enabled: true };
    if (ch.fee_type === 'SIZE_SELECTION') {
      const sizes = (ch.size_list ?? []).map((x) => String(x.size_id));
      if (set?.sizeId === undefined) throw invalid(at >= 0 ? `${path}.sizeId` : path, `${name} has fee_type SIZE_SELECTION: give sizeId in marketplace.shopee.logistics (one of ${sizes.join(', ')})`);
      if (!sizes.includes(String(set.sizeId))) throw invalid(`${path}.sizeId`, `${name} has no size ${set.sizeId} (sizes: ${sizes.join(', ')})`);
      out.size_id = set.sizeId;
    }
    if (ch.fee_type === 'CUSTOM_PRICE') {
      if (!set?.shippingFee) throw invalid(at >= 0 ? `${path}.shippingFee` : path, `${name} has fee_type CUSTOM_PRICE: give shippingFee in marketplace.shopee.logistics`);
      out.shipping_fee = priceToWire(set.shippingFee, shop.rule.currency, shop.rule.decimals, `${path}.shippingFee`);
    }
    if (set?.isFree !== undefined) {
      if (set.isFree && ch.block_seller_cover_shipping_fee) throw invalid(`${path}.isFree`, `${name} does not let the seller cover shipping (block_seller_cover_shipping_fee)`);
      out.is_free = set.isFree;
    }
    return out;
  });
}

/** weight_limit of get_channel_list: "If the value is 0 or null, that means there is no limit". */
function weightFits(l: Listing, ch: Channel, name: string): void {
  if (!l.package.weight) return;
  const kg = weightKg(l.package.weight);
  const max = ch.weight_limit?.item_max_weight;
  const min = ch.weight_limit?.item_min_weight;
  if (max && kg > max) throw invalid('listing.package.weight', `${kg} kg is more than ${name} takes: at most ${max} kg (get_channel_list weight_limit)`);
  if (min && kg < min) throw invalid('listing.package.weight', `${kg} kg is less than ${name} takes: at least ${min} kg (get_channel_list weight_limit)`);
}

/**
 * pre_order from the handling time and the category's dts_limit (specs/shopee/v2.product.get_item_limit.json;
 * add_item pre_order.days_to_ship: "Please get the days_to_ship range from get_dts_limit api"). A
 * handling time up to non_pre_order_days_to_ship ships as a normal item with that days_to_ship;
 * longer is a pre-order, which must lie in days_to_ship_limit. Without a dts_limit: the 3-day rule.
 */
export function preOrderFor(days: number | undefined, limit: DtsLimit | undefined): PreOrder | undefined {
  if (days === undefined) return undefined;
  const normal = limit?.non_pre_order_days_to_ship ?? undefined;
  if (!limit || !normal) return days > 3 ? { is_pre_order: true, days_to_ship: days } : { is_pre_order: false, days_to_ship: Math.max(1, days) };
  if (days <= normal) return { is_pre_order: false, days_to_ship: normal };
  const min = limit.days_to_ship_limit?.min_limit ?? 0;
  const max = limit.days_to_ship_limit?.max_limit ?? 0;
  if (!max) throw invalid('listing.handlingTimeDays', `${days} days: this category takes no pre-orders, so handling must be ${normal} days or less`);
  if (days < min || days > max) {
    throw invalid('listing.handlingTimeDays', `${days} days: this category ships in ${normal} days or less, or as a pre-order in ${min} to ${max} days`);
  }
  return { is_pre_order: true, days_to_ship: days };
}

/** The shop data listing rules need, read on demand and cached. */
export class ShopListingRules {
  private readonly channelCache = new Map<number, { at: number; value: Promise<Map<number, Channel>> }>();
  private readonly dtsCache = new Map<string, { at: number; value: Promise<DtsLimit | undefined> }>();

  constructor(private readonly ctx: AdapterContext) {}

  channels(shop: ShopStore, opts: CallOptions): Promise<Map<number, Channel>> {
    return this.cached(this.channelCache, shop.shopId, async () => {
      const res = await this.ctx.client.call(shopPipeline(this.ctx, shop.shopId), orderOps.get_channel_list, {}, opts);
      return new Map(res.data.response.logistics_channel_list.map((c) => [c.logistics_channel_id, c]));
    });
  }

  dts(shop: ShopStore, categoryId: number, opts: CallOptions): Promise<DtsLimit | undefined> {
    return this.cached(this.dtsCache, `${shop.shopId}:${categoryId}`, async () => {
      const res = await this.ctx.client.call(shopPipeline(this.ctx, shop.shopId), productOps.get_item_limit, { query: { category_id: categoryId } }, opts);
      return res.data.response.dts_limit ?? undefined;
    });
  }

  /** add_item's logistic_info and pre_order, or a ValidationError naming the field. */
  async forCreate(l: Listing, shop: ShopStore, fallback: number[], opts: CallOptions): Promise<Pick<AddItemBody, 'logistic_info' | 'pre_order'>> {
    const logistic_info = logisticInfo(l, chosenChannels(l, fallback), await this.channels(shop, opts), shop);
    return { logistic_info, pre_order: await this.preOrder(l, shop, l.marketplace.shopee?.categoryId, opts) };
  }

  /** pre_order for a handling time, held to the category's rule (no call without a handling time). */
  async preOrder(l: Listing, shop: ShopStore, categoryId: number | undefined, opts: CallOptions): Promise<PreOrder | undefined> {
    if (l.handlingTimeDays === undefined) return undefined;
    return preOrderFor(l.handlingTimeDays, categoryId ? await this.dts(shop, categoryId, opts) : undefined);
  }

  private cached<K, V>(cache: Map<K, { at: number; value: Promise<V> }>, key: K, load: () => Promise<V>): Promise<V> {
    const hit = cache.get(key);
    if (hit && this.ctx.clock.now() - hit.at < TTL_MS) return hit.value;
    const value = load();
    cache.set(key, { at: this.ctx.clock.now(), value });
    value.catch(() => cache.delete(key));
    return value;
  }
}
