import { ValidationError, NotFoundError, parseInput } from '../../src/errors/index.js';
import type { CancelRequest, OrderListQuery } from '../../src/adapter.js';
import { parseCallOptions, type CallOptions } from '../../src/http/call-options.js';
import { parseRecords, parseWire } from '../../src/http/parse.js';
import { OrderStatusSchema, type Order } from '../../src/model/order.js';
import { NotSupportedError } from '../../src/errors/index.js';
import type { Paginated } from '../../src/paginate/paginated.js';
import { nextPageNumber } from '../../src/paginate/strategies.js';
import { windowedPaginate, zonedWindows, type TimeWindow } from '../../src/paginate/time-windows.js';
import { z } from 'zod';
import { wireParams } from './client.js';
import { DEFAULTS } from './config.js';
import type { AdapterContext } from './context.js';
import { OrderDetailSchema, OrderDtoSchema, aeStatusesFor, orderFromDetail, orderFromList, type OrderDetail } from './mappers/order.js';
import { sellerOps } from './operations.js';

const DAY_MS = 86_400_000;

const QuerySchema = z.object({
  createdSince: z.union([z.date(), z.iso.datetime({ offset: true })]).optional(),
  updatedSince: z.union([z.date(), z.iso.datetime({ offset: true })]).optional(),
  until: z.union([z.date(), z.iso.datetime({ offset: true })]).optional(),
  statuses: z.array(OrderStatusSchema).optional(),
  includePii: z.boolean().default(false),
  resumeFrom: z.custom<OrderListQuery['resumeFrom']>((v) => v === undefined || (typeof v === 'object' && v !== null)).optional(),
});

/** What a resume token carries: enough to rebuild the same windows. */
interface StoredQuery {
  field: 'create' | 'modified';
  from: string;
  until: string;
  statuses?: string[];
  finish: boolean;
  includePii: boolean;
  /** Unified statuses asked for: AliExpress statuses map many-to-one (FINISH is delivered or cancelled). */
  wanted?: string[];
}

type Window = TimeWindow & { fromLocal: string; toLocal: string; finish: boolean };

/** Order ids are sent as JSON numbers without a float round-trip (ids can exceed 2^53). */
function orderIdJson(orderId: string): string {
  if (typeof orderId !== 'string' || !/^\d{1,20}$/.test(orderId)) throw new ValidationError({ message: 'an AliExpress order id is a string of digits', path: 'orderId' });
  return orderId;
}

export class AliExpressOrders {
  constructor(private readonly ctx: AdapterContext) {}

  /**
   * Windows of `orderWindowDays` in US Pacific wall-clock time, DST-widened where they touch a
   * change (windows then overlap and orders de-duplicate by id), page-number pagination inside
   * each. FINISH orders only come back when asked for by that status, so a sync without a status
   * filter runs the windows a second time with `order_status: FINISH`.
   */
  list(query: OrderListQuery, opts?: CallOptions): Paginated<Order> {
    const q = parseInput(QuerySchema, query ?? {}, 'query');
    const options = parseCallOptions(opts);
    const since = q.updatedSince ?? q.createdSince;
    if (!q.resumeFrom && since === undefined) throw new ValidationError({ message: 'give createdSince or updatedSince', path: 'updatedSince' });
    const ae = q.statuses ? aeStatusesFor(q.statuses) : undefined;
    const stored: StoredQuery = (q.resumeFrom?.query as StoredQuery | undefined) ?? {
      field: q.updatedSince !== undefined ? 'modified' : 'create',
      from: new Date(since!).toISOString(),
      until: new Date(q.until ?? this.ctx.clock.now()).toISOString(),
      statuses: ae?.filter((s) => s !== 'FINISH'),
      finish: ae === undefined || ae.includes('FINISH'),
      includePii: q.includePii,
      wanted: q.statuses,
    };
    const zoned = zonedWindows(new Date(stored.from), new Date(stored.until), this.ctx.config.orderWindowDays * DAY_MS, DEFAULTS.timeZone);
    const windows: Window[] = [
      ...(stored.statuses === undefined || stored.statuses.length > 0 ? zoned.map((w) => ({ ...w, finish: false })) : []),
      ...(stored.finish ? zoned.map((w) => ({ ...w, finish: true })) : []),
    ];
    return windowedPaginate<Order, StoredQuery, Window>({
      strategy: 'page-number', query: stored, windows, first: 1, resumeFrom: q.resumeFrom, idOf: (o) => o.id,
      fetchPage: async (sq, w, cursor) => {
        const page = Number(cursor ?? 1);
        const param0 = {
          current_page: page, page_size: DEFAULTS.orderPageSize,
          [`${sq.field}_date_start`]: w.fromLocal, [`${sq.field}_date_end`]: w.toLocal,
          ...(w.finish ? { order_status: 'FINISH' } : sq.statuses ? { order_status_list: sq.statuses } : {}),
        };
        const res = await this.ctx.client.call(this.ctx.client.seller, sellerOps.orderGet, { body: wireParams({ param0 }) }, options);
        const r = res.data.result;
        const raw = r.target_list ?? [];
        const parsed = parseRecords(OrderDtoSchema, raw, (x) => String((x as { order_id?: unknown }).order_id ?? ''));
        let items = parsed.items.map((o) => orderFromList(o, this.ctx.store.id, this.ctx.account)).filter((o) => !sq.wanted || sq.wanted.includes(o.status));
        if (sq.includePii) items = await Promise.all(items.map((o) => this.get(o.id, { ...options, includePii: true })));
        return { items, quarantined: parsed.quarantined, next: nextPageNumber(page, DEFAULTS.orderPageSize, raw.length, r.total_count) };
      },
    });
  }

  async get(orderId: string, opts?: CallOptions & { includePii?: boolean }): Promise<Order> {
    const detail = await this.detail(orderId, opts);
    return orderFromDetail(detail, this.ctx.store.id, this.ctx.account, opts?.includePii === true);
  }

  /** order.info.get, parsed strictly (one order: a malformed answer is an error, not a quarantine). */
  async detail(orderId: string, opts?: CallOptions & { includePii?: boolean }): Promise<OrderDetail> {
    const { includePii: _pii, ...callOpts } = opts ?? {};
    const param1 = `{"order_id":${orderIdJson(orderId)}}`;
    const res = await this.ctx.client.call(this.ctx.client.seller, sellerOps.orderInfo, { body: { param1 } }, callOpts);
    const data = res.data.result.data;
    if (!data) throw new NotFoundError({ marketplace: 'aliexpress', operation: sellerOps.orderInfo.id, message: `Order ${orderId} not found` });
    return parseWire(OrderDetailSchema, data, { marketplace: 'aliexpress', operation: sellerOps.orderInfo.id });
  }

  /** No seller-cancellation API is among the documented solution operations (research B4). */
  async cancel(orderId: string, _req: CancelRequest, _opts?: CallOptions): Promise<never> {
    throw new NotSupportedError({ marketplace: 'aliexpress', operation: 'cancel', message: `AliExpress offers no documented seller cancellation API; order ${orderIdJson(orderId)} was not changed` });
  }
}
