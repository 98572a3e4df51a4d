import { z } from 'zod';
import type { CancelRequest, OrderListQuery } from '../../src/adapter.js';
import { NotFoundError, parseInput, ResponseShapeError, ValidationError } from '../../src/errors/index.js';
import { parseCallOptions, type CallOptions } from '../../src/http/call-options.js';
import { safeEmit } from '../../src/http/hooks.js';
import type { Quarantined } from '../../src/http/parse.js';
import { OrderStatusSchema, type Order } from '../../src/model/order.js';
import type { Paginated, ResumeToken } from '../../src/paginate/paginated.js';
import { splitWindows, windowedPaginate, WindowDateSchema, type TimeWindow } from '../../src/paginate/time-windows.js';
import { isRejection, shopPipeline, type AdapterContext, type ShopStore } from './context.js';
import { toOrder } from './mappers/order.js';
import { parseOrderPage } from './mappers/order-page.js';
import { singleListFilter } from './mappers/status.js';
import { orderOps } from './operations/order.js';
import { done, notDone, withVerify } from './operations/verify.js';
import type { EscrowDetail } from './schemas/payment.js';

/** get_order_list refuses ranges over 15 days (order.order_list_invalid_time). */
export const MAX_WINDOW_MS = 15 * 86_400_000;
/** get_escrow_detail_batch takes 1..50 orders; 1..20 is the recommended size. */
const ESCROW_BATCH = 20;
const DETAIL_FIELDS = ['item_list', 'total_amount', 'package_list', 'pay_time', 'cancel_by', 'cancel_reason', 'buyer_cancel_reason', 'fulfillment_flag', 'shipping_carrier', 'split_up'];
/** Buyer PII, requested only when the caller asks for it. */
const PII_FIELDS = ['buyer_username', 'recipient_address'];

/** Serializable listing state (it travels inside resume tokens). */
interface ListState {
  field: 'create_time' | 'update_time';
  from: string;
  until: string;
  statuses?: Order['status'][];
  includePii: boolean;
}

interface ShopWindow extends TimeWindow {
  shopId: number;
  last: boolean;
}

function toDate(v: Date | string, path: string): Date {
  const d = v instanceof Date ? v : new Date(v);
  if (Number.isNaN(d.getTime())) throw new ValidationError({ message: `${path} is not a valid date`, path });
  return d;
}

// Bounded dates (1995–2100) and a real resume token: hostile queries are ValidationErrors naming the field.
const OrderIdInput = z.string().min(1);
// The unified CancelRequest (src/adapter.ts) plus Shopee's cancel_reason values (specs/shopee/v2.order.cancel_order.json).
const CancelInput = z.object({
  reason: z.enum(['out_of_stock', 'buyer_request', 'address_problem', 'pricing_error', 'other']),
  lines: z.array(z.object({ lineId: z.string().min(1), quantity: z.number().int().positive() })).min(1).optional(),
  shopeeReason: z.enum(['OUT_OF_STOCK', 'CUSTOMER_REQUEST', 'UNDELIVERABLE_AREA', 'COD_NOT_SUPPORTED']).optional(),
});
const QuerySchema = z.object({
  createdSince: WindowDateSchema.optional(),
  updatedSince: WindowDateSchema.optional(),
  until: WindowDateSchema.optional(),
  statuses: z.array(OrderStatusSchema).optional(),
  includePii: z.boolean().optional(),
  resumeFrom: z.custom<ResumeToken>((v) => !!v && typeof v === 'object' && (v as ResumeToken).v === 1 && !!(v as ResumeToken).query, 'expected a resume token').optional(),
});

export class ShopeeOrders {
  /** order_sn → shop, for merchant accounts with several shops. */
  private readonly shopOf = new Map<string, number>();

  constructor(private readonly ctx: AdapterContext) {}

  private state(q: OrderListQuery): ListState {
    const since = q.createdSince ?? q.updatedSince;
    if (since === undefined) throw new ValidationError({ message: 'orders.list needs createdSince or updatedSince', path: 'updatedSince' });
    if (q.createdSince !== undefined && q.updatedSince !== undefined) throw new ValidationError({ message: 'give createdSince or updatedSince, not both', path: 'createdSince' });
    const from = toDate(since, q.createdSince !== undefined ? 'createdSince' : 'updatedSince');
    const until = q.until !== undefined ? toDate(q.until, 'until') : new Date(this.ctx.clock.now());
    return { field: q.createdSince !== undefined ? 'create_time' : 'update_time', from: from.toISOString(), until: until.toISOString(), statuses: q.statuses, includePii: !!q.includePii };
  }

  /** Windows of ≤15 days per shop; adjacent windows do not share a second (time_to is inclusive). */
  private windows(s: ListState): ShopWindow[] {
    const parts = splitWindows(new Date(s.from), new Date(s.until), MAX_WINDOW_MS);
    return this.ctx.shops.flatMap((shop) => parts.map((w, i) => ({ ...w, shopId: shop.shopId, last: i === parts.length - 1 })));
  }

  list(query: OrderListQuery, opts: CallOptions = {}): Paginated<Order> {
    query = parseInput(QuerySchema, query ?? {}, 'query');
    opts = parseCallOptions(opts); // null: none; hostile: ValidationError
    const state = query.resumeFrom ? (query.resumeFrom.query as ListState) : this.state(query);
    const filter = state.statuses?.length ? singleListFilter(state.statuses) : undefined;
    return windowedPaginate<Order, ListState, ShopWindow>({
      strategy: 'cursor-more',
      query: state,
      windows: this.windows(state),
      resumeFrom: query.resumeFrom,
      idOf: (o) => o.id,
      fetchPage: async (s, w, cursor) => {
        const shop = this.shop(w.shopId);
        const timeTo = Math.floor(w.to.getTime() / 1000) - (w.last ? 0 : 1);
        const res = await this.ctx.client.call(shopPipeline(this.ctx, w.shopId), orderOps.get_order_list, {
          query: {
            time_range_field: s.field, time_from: Math.floor(w.from.getTime() / 1000), time_to: timeTo, page_size: 100,
            ...(cursor !== undefined && cursor !== '' ? { cursor: String(cursor) } : {}),
            ...(filter ? { order_status: filter } : {}),
            response_optional_fields: 'order_status',
          },
        }, opts);
        const page = res.data.response;
        const { items, quarantined } = await this.details(shop, page.order_list.map((o) => o.order_sn), s.includePii, opts);
        const kept = s.statuses?.length && !filter ? items.filter((o) => s.statuses!.includes(o.status)) : items;
        return { items: kept, quarantined, next: page.more && page.next_cursor ? page.next_cursor : undefined };
      },
    });
  }

  private shop(shopId: number): ShopStore {
    return this.ctx.shops.find((s) => s.shopId === shopId)!;
  }

  /** get_order_detail in batches of 50; a malformed record is quarantined, not fatal. */
  async details(shop: ShopStore, sns: readonly string[], includePii: boolean, opts: CallOptions = {}): Promise<{ items: Order[]; quarantined: Quarantined[] }> {
    const items: Order[] = [];
    const quarantined: Quarantined[] = [];
    const fields = [...DETAIL_FIELDS, ...(includePii ? PII_FIELDS : [])].join(',');
    for (let i = 0; i < sns.length; i += 50) {
      const res = await this.ctx.client.call(shopPipeline(this.ctx, shop.shopId), orderOps.get_order_detail, { query: { order_sn_list: sns.slice(i, i + 50).join(','), response_optional_fields: fields } }, opts);
      const parsed = parseOrderPage(res.data.response.order_list);
      for (const q of parsed.quarantined) {
        const entry = { ...q, index: q.index + i };
        quarantined.push(entry);
        safeEmit(this.ctx.config.hooks, 'onQuarantine', { marketplace: 'shopee', account: this.ctx.account, operation: 'get_order_detail', ...entry });
      }
      const escrow = this.ctx.config.escrow ? await this.escrows(shop, parsed.items.map((w) => w.order_sn), opts) : undefined;
      const mapCtx = { account: this.ctx.account, store: shop.store.id, includePii };
      for (const w of parsed.items) {
        this.shopOf.set(w.order_sn, shop.shopId);
        items.push(toOrder(w, mapCtx, escrow?.get(w.order_sn)));
      }
    }
    return { items, quarantined };
  }

  /**
   * Escrow details by order_sn, ≤20 per batch call (the documented recommendation). A batch Shopee
   * refuses (an order without escrow data yet fails it: error_data "data not exist") is read order
   * by order; an order still refused keeps its get_order_detail prices.
   */
  private async escrows(shop: ShopStore, sns: readonly string[], opts: CallOptions): Promise<Map<string, EscrowDetail>> {
    const out = new Map<string, EscrowDetail>();
    const pipe = shopPipeline(this.ctx, shop.shopId);
    for (let i = 0; i < sns.length; i += ESCROW_BATCH) {
      const part = sns.slice(i, i + ESCROW_BATCH);
      try {
        const res = await this.ctx.client.call(pipe, orderOps.get_escrow_detail_batch, { body: { order_sn_list: part } }, opts);
        for (const r of res.data.response) out.set(r.escrow_detail.order_sn, r.escrow_detail);
      } catch (e) {
        if (!isRejection(e)) throw e;
        for (const sn of part) {
          const one = await this.ctx.client.call(pipe, orderOps.get_escrow_detail, { query: { order_sn: sn } }, opts).catch((x) => {
            if (isRejection(x) || x instanceof NotFoundError) return undefined;
            throw x;
          });
          if (one) out.set(sn, one.data.response);
        }
      }
    }
    return out;
  }

  async get(orderId: string, opts: CallOptions & { includePii?: boolean } = {}): Promise<Order> {
    opts = parseCallOptions(opts) as CallOptions & { includePii?: boolean }; // null: none; hostile: ValidationError
    orderId = parseInput(OrderIdInput, orderId, 'orderId');
    const known = this.shopOf.get(orderId);
    const shops = known ? [this.shop(known), ...this.ctx.shops.filter((s) => s.shopId !== known)] : this.ctx.shops;
    for (const shop of shops) {
      const { items, quarantined } = await this.details(shop, [orderId], !!opts.includePii, opts);
      if (items[0]) return items[0];
      if (quarantined[0]) throw new ResponseShapeError({ marketplace: 'shopee', operation: 'get_order_detail', message: `Order ${orderId} does not match its schema`, issues: quarantined[0].issues });
    }
    throw new NotFoundError({ marketplace: 'shopee', operation: 'get_order_detail', message: `Order ${orderId} not found` });
  }

  /** The shop an order belongs to (reading it if unknown). */
  async shopFor(orderId: string, opts: CallOptions = {}): Promise<{ shop: ShopStore; order: Order }> {
    const order = await this.get(orderId, opts);
    return { shop: this.shop(this.shopOf.get(orderId)!), order };
  }

  /** Seller cancellation with Shopee's reasons; `lines` cancels part of the order. */
  async cancel(orderId: string, req: CancelRequest & { shopeeReason?: 'OUT_OF_STOCK' | 'CUSTOMER_REQUEST' | 'UNDELIVERABLE_AREA' | 'COD_NOT_SUPPORTED' }, opts: CallOptions = {}) {
    opts = parseCallOptions(opts); // null: none; hostile: ValidationError
    orderId = parseInput(OrderIdInput, orderId, 'orderId');
    req = parseInput(CancelInput, req, 'request');
    const { shop, order } = await this.shopFor(orderId, opts);
    const reason = req.shopeeReason ?? cancelReason(req.reason, shop);
    const ids = (lineId: string) => {
      const line = order.lines.find((l) => l.lineId === lineId);
      if (!line) throw new ValidationError({ message: `Order ${orderId} has no line ${lineId}`, path: 'lines' });
      return { line, item_id: Number(line.variantIds.item_id), model_id: Number(line.variantIds.model_id) };
    };
    const chosen = (req.lines ?? order.lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity }))).map((x) => ({ ...ids(x.lineId), quantity: x.quantity }));
    const partial = !!req.lines && (chosen.length < order.lines.length || chosen.some((c) => c.quantity < c.line.quantity));
    const body = {
      order_sn: orderId,
      cancel_reason: reason,
      ...(reason === 'OUT_OF_STOCK' ? { item_list: chosen.map(({ item_id, model_id }) => ({ item_id, model_id })) } : {}),
      ...(partial
        ? {
            partial_cancel_item_list: chosen.map((c) => ({
              item_id: c.item_id, model_id: c.model_id, model_quantity: c.quantity,
              ...(c.line.variantIds.order_item_id ? { order_item_id: Number(c.line.variantIds.order_item_id) } : {}),
              ...(c.line.variantIds.promotion_group_id ? { promotion_group_id: Number(c.line.variantIds.promotion_group_id) } : {}),
            })),
          }
        : {}),
    };
    const op = withVerify(orderOps.cancel_order, async () => {
      const now = await this.get(orderId);
      const ok = partial ? chosen.every((c) => (now.lines.find((l) => l.lineId === c.line.lineId)?.cancelledQuantity ?? 0) >= c.quantity) : now.status === 'cancelled' || now.marketplaceStatus === 'IN_CANCEL';
      return ok ? done({ error: '', response: { update_time: Number(now.updatedAt.raw) } }) : notDone();
    });
    const res = await this.ctx.client.call(shopPipeline(this.ctx, shop.shopId), op, { body }, opts);
    const t = res.data.response?.update_time;
    return { orderId, outcome: 'accepted' as const, reference: t !== undefined ? String(t) : undefined };
  }

  /** Accept or reject a buyer's cancellation request (orders in IN_CANCEL, which are not shippable). */
  async respondToCancellation(orderId: string, decision: 'accept' | 'reject', opts: CallOptions = {}) {
    const { shop, order } = await this.shopFor(orderId, opts);
    if (order.marketplaceStatus !== 'IN_CANCEL') {
      throw new ValidationError({ message: `Order ${orderId} is ${order.marketplaceStatus}; only IN_CANCEL orders have a buyer cancellation to answer`, path: 'orderId' });
    }
    const op = withVerify(orderOps.handle_buyer_cancellation, async () => ((await this.get(orderId)).marketplaceStatus !== 'IN_CANCEL' ? done({ error: '' }) : notDone()));
    const res = await this.ctx.client.call(shopPipeline(this.ctx, shop.shopId), op, { body: { order_sn: orderId, operation: decision === 'accept' ? 'ACCEPT' : 'REJECT' } }, opts);
    const t = res.data.response?.update_time;
    return { orderId, decision, outcome: 'accepted' as const, reference: t !== undefined ? String(t) : undefined };
  }
}

/** Unified reasons → Shopee's cancel_reason values (UNDELIVERABLE_AREA only exists for TW and MY). */
function cancelReason(reason: CancelRequest['reason'], shop: ShopStore) {
  if (reason === 'out_of_stock') return 'OUT_OF_STOCK' as const;
  if (reason === 'buyer_request') return 'CUSTOMER_REQUEST' as const;
  if (reason === 'address_problem' && (shop.region === 'TW' || shop.region === 'MY')) return 'UNDELIVERABLE_AREA' as const;
  throw new ValidationError({
    message: `Shopee has no cancel reason for "${reason}" in ${shop.region}; it accepts OUT_OF_STOCK, CUSTOMER_REQUEST, UNDELIVERABLE_AREA (TW/MY) and COD_NOT_SUPPORTED (pass shopeeReason)`,
    path: 'reason',
  });
}
