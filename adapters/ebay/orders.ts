import { z } from 'zod';
import type { OrderListQuery, OrdersService } from '../../src/adapter.js';
import { ValidationError } from '../../src/errors/classes.js';
import { parseInput } from '../../src/errors/from-response.js';
import { parseCallOptions, type CallOptions } from '../../src/http/call-options.js';
import { safeEmit } from '../../src/http/hooks.js';
import { parseRecords, type Quarantined } from '../../src/http/parse.js';
import { ORDER_STATUSES, type Order, type OrderStatus } from '../../src/model/order.js';
import type { Paginated, ResumeToken } from '../../src/paginate/paginated.js';
import { nextOffset, paginate } from '../../src/paginate/strategies.js';
import { sellerCancel } from './cancellations.js';
import type { EbayContext } from './context.js';
import { mapOrder, type OrderMapContext } from './mappers/order.js';
import { ops } from './operations.js';
import * as wire from './schemas/fulfillment.js';

const DateInput = z.union([z.date(), z.iso.datetime({ offset: true })]).transform((v) => new Date(v));
const ListQuerySchema = z.object({
  createdSince: DateInput.optional(),
  updatedSince: DateInput.optional(),
  until: DateInput.optional(),
  statuses: z.array(z.enum(ORDER_STATUSES)).optional(),
  includePii: z.boolean().optional(),
  resumeFrom: z.custom<ResumeToken>((v) => !!v && typeof v === 'object' && (v as ResumeToken).v === 1 && (v as ResumeToken).strategy === 'offset', 'expected an eBay resume token').optional(),
});

/** What resume tokens carry: the exact wire filter plus the adapter-side parts of the query. */
interface WireQuery {
  filter: string;
  limit: number;
  statuses?: OrderStatus[];
  includePii: boolean;
}

/** getOrders can only pre-filter {NOT_STARTED|IN_PROGRESS} or {FULFILLED|IN_PROGRESS} (research B3). */
function fulfillmentFilter(statuses: OrderStatus[] | undefined): string | undefined {
  if (!statuses?.length) return undefined;
  const open = new Set<OrderStatus>(['unshipped', 'partially_shipped']);
  const done = new Set<OrderStatus>(['shipped', 'delivered', 'partially_shipped']);
  if (statuses.every((s) => open.has(s))) return 'orderfulfillmentstatus:{NOT_STARTED|IN_PROGRESS}';
  if (statuses.every((s) => done.has(s))) return 'orderfulfillmentstatus:{FULFILLED|IN_PROGRESS}';
  return undefined;
}

export function mapContext(ctx: EbayContext, includePii: boolean): OrderMapContext {
  return {
    account: ctx.account,
    includePii,
    storeOf: (id) => ctx.storeById(id)?.id,
    taxInclusive: (id) => ctx.storeById(id)?.taxInclusivePricing ?? false,
    unifiedSku: (sku, site) => ctx.skus.unifiedSku(sku, ctx.storeById(site)?.id ?? site),
  };
}

/** Parses and maps one page leniently: a record that fails its schema or mapping is quarantined. */
export function mapRecords(ctx: EbayContext, records: readonly unknown[], includePii: boolean, operation: string): { items: Order[]; quarantined: Quarantined[] } {
  const idOf = (raw: unknown) => {
    const id = (raw as { orderId?: unknown } | null)?.orderId;
    return typeof id === 'string' ? id : undefined;
  };
  const parsed = parseRecords(wire.Order, records, idOf);
  const items: Order[] = [];
  const quarantined = [...parsed.quarantined];
  const mctx = mapContext(ctx, includePii);
  for (const o of parsed.items) {
    try {
      items.push(mapOrder(o, mctx));
    } catch (e) {
      quarantined.push({ index: records.findIndex((r) => idOf(r) === o.orderId), recordId: o.orderId, issues: [{ path: '', message: (e as Error).message }] });
    }
  }
  for (const q of quarantined) safeEmit(ctx.pipeline.config.hooks, 'onQuarantine', { marketplace: 'ebay', account: ctx.account, operation, ...q });
  return { items, quarantined };
}

export async function readOrder(ctx: EbayContext, orderId: string, opts: CallOptions = {}): Promise<wire.Order> {
  return (await ctx.call(ops.getOrder, { params: { orderId }, query: { fieldGroups: 'TAX_BREAKDOWN' } }, opts)).data;
}

export function ordersService(ctx: EbayContext): OrdersService {
  /** One order feed across all sites (getOrders has no marketplace parameter), offset-paginated. */
  function list(query: OrderListQuery, opts: CallOptions = {}): Paginated<Order> {
    opts = parseCallOptions(opts); // null: none; hostile: ValidationError
    const q = parseInput(ListQuerySchema, query ?? {}, 'query');
    if (!q.resumeFrom && !!q.createdSince === !!q.updatedSince) {
      throw new ValidationError({ message: 'give exactly one of createdSince or updatedSince', path: 'query.updatedSince' });
    }
    // The window is fixed now and travels in resume tokens: every page repeats the identical filter.
    const since = (q.createdSince ?? q.updatedSince)!;
    const until = q.until ?? new Date(ctx.clock.now());
    const field = q.createdSince ? 'creationdate' : 'lastmodifieddate';
    const filters = [`${field}:[${since?.toISOString()}..${until.toISOString()}]`, fulfillmentFilter(q.statuses)].filter(Boolean);
    const wireQuery: WireQuery = { filter: filters.join(','), limit: ctx.config.parsed.ordersPageSize, includePii: q.includePii ?? false, ...(q.statuses?.length ? { statuses: q.statuses } : {}) };
    return paginate<Order, WireQuery>({
      strategy: 'offset',
      query: wireQuery,
      first: 0,
      resumeFrom: q.resumeFrom,
      idOf: (o) => o.id,
      fetchPage: async (wq, cursor) => {
        const offset = typeof cursor === 'number' ? cursor : Number(cursor ?? 0);
        const res = await ctx.call(ops.getOrders, { query: { filter: wq.filter, limit: wq.limit, offset, fieldGroups: 'TAX_BREAKDOWN' } }, opts);
        const page = mapRecords(ctx, res.data.orders, wq.includePii, 'getOrders');
        const items = wq.statuses ? page.items.filter((o) => wq.statuses!.includes(o.status)) : page.items;
        const next = nextOffset(offset, wq.limit, res.data.orders.length, res.data.total);
        return { items, quarantined: page.quarantined, ...(next !== undefined ? { next } : {}) };
      },
    });
  }

  async function get(orderId: string, opts: CallOptions & { includePii?: boolean } = {}): Promise<Order> {
    opts = parseCallOptions(opts) as CallOptions & { includePii?: boolean }; // null: none; hostile: ValidationError
    const id = parseInput(z.string().min(1), orderId, 'orderId');
    const { includePii, ...callOpts } = opts;
    return mapOrder(await readOrder(ctx, id, callOpts), mapContext(ctx, !!includePii));
  }

  /** Seller cancellation through the Post-Order API (cancellations.ts: eligibility check, then POST /cancellation). */
  const cancel: OrdersService['cancel'] = (orderId, req, opts) => sellerCancel(ctx, orderId, req, opts);

  return { list, get, cancel };
}
