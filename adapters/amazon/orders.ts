import { z } from 'zod';
import type { CancelRequest, OrderListQuery, OrdersService } from '../../src/adapter.js';
import { ConflictError, NotSupportedError, OutcomeUnknownError, ValidationError } from '../../src/errors/classes.js';
import { parseInput } from '../../src/errors/from-response.js';
import { parseCallOptions, type CallOptions } from '../../src/http/call-options.js';
import { ORDER_STATUSES, type Order, type OrderStatus } from '../../src/model/order.js';
import type { Paginated, ResumeToken } from '../../src/paginate/paginated.js';
import { paginate } from '../../src/paginate/strategies.js';
import { WindowDateSchema } from '../../src/paginate/time-windows.js';
import type { AmazonContext } from './context.js';
import { Cancellations, type CancellationStatus } from './cancellations.js';
import { feedsSince } from './feeds.js';
import { mapOrder } from './mappers/order.js';
import { ops, type SearchOrdersQuery } from './operations.js';
import {
  decodeCursor, encodeCursor, includedData, isExpiredCursor, mapContext, mapPage, PaginationTokenExpired, readWireOrder, TOKEN_LIFETIME_MS,
} from './orders-read.js';

/** searchOrders refuses a *Before later than two minutes before now (orders_2026-01-01.json). */
export const ORDER_LAG_MS = 2 * 60_000;

const FULFILLMENT_STATUSES: Record<OrderStatus, string[]> = {
  pending: ['PENDING', 'PENDING_AVAILABILITY'],
  unshipped: ['UNSHIPPED'],
  partially_shipped: ['PARTIALLY_SHIPPED'],
  shipped: ['SHIPPED'],
  delivered: ['SHIPPED'],
  cancelled: ['CANCELLED'],
  unknown: ['UNFULFILLABLE'],
};

// Bounded dates (1995–2100): a year-1 createdSince is a ValidationError, not years of empty pages.
const DateInput = WindowDateSchema;
const ListQuerySchema = z.object({
  createdSince: DateInput.optional(),
  updatedSince: DateInput.optional(),
  until: DateInput.optional(),
  statuses: z.array(z.enum(ORDER_STATUSES)).optional(),
  includePii: z.boolean().optional(),
  resumeFrom: z.custom<ResumeToken>((v) => !!v && typeof v === 'object' && (v as ResumeToken).v === 1, 'expected a resume token').optional(),
});
const CancelSchema = z.object({
  lines: z.array(z.object({ lineId: z.string().min(1), quantity: z.number().int().positive() })).min(1).optional(),
  reason: z.enum(['out_of_stock', 'buyer_request', 'address_problem', 'pricing_error', 'other']),
});

/** The wire query plus what the adapter needs to repeat it: it is what resume tokens carry. */
type WireQuery = SearchOrdersQuery & { includePii?: boolean; statuses?: OrderStatus[] };

export type AmazonOrdersService = OrdersService & {
  cancellation(orderId: string, opts?: CallOptions & { reference?: string }): Promise<CancellationStatus>;
};

export function ordersService(ctx: AmazonContext): AmazonOrdersService {
  function list(query: OrderListQuery, opts: CallOptions = {}): Paginated<Order> {
    opts = parseCallOptions(opts); // null: none; hostile: ValidationError
    const q = parseInput(ListQuerySchema, query ?? {}, 'query');
    if (!q.resumeFrom && !!q.createdSince === !!q.updatedSince) {
      throw new ValidationError({ message: 'give exactly one of createdSince or updatedSince', path: 'query.updatedSince' });
    }
    // The window is fixed now and travels in resume tokens: every page repeats the identical query.
    const bound = new Date(ctx.clock.now() - ORDER_LAG_MS);
    const until = q.until && q.until < bound ? q.until : bound;
    const since = (q.createdSince ?? q.updatedSince) as Date | undefined;
    const wireQuery: WireQuery = {
      ...(q.createdSince ? { createdAfter: since!.toISOString(), createdBefore: until.toISOString() } : { lastUpdatedAfter: since?.toISOString(), lastUpdatedBefore: until.toISOString() }),
      marketplaceIds: ctx.stores.map((s) => s.marketplaceId),
      ...(q.statuses?.length ? { fulfillmentStatuses: [...new Set(q.statuses.flatMap((s) => FULFILLMENT_STATUSES[s]))], statuses: q.statuses } : {}),
      maxResultsPerPage: ctx.config.parsed.ordersPageSize,
      includePii: q.includePii ?? false,
    };
    return paginate<Order, WireQuery>({
      strategy: 'next-token',
      query: wireQuery,
      resumeFrom: q.resumeFrom,
      idOf: (o) => o.id,
      isCursorExpired: isExpiredCursor,
      fetchPage: async (wq, cursor) => {
        const after = wq.createdAfter ?? wq.lastUpdatedAfter;
        const before = wq.createdBefore ?? wq.lastUpdatedBefore;
        if (after && before && after >= before) return { items: [] };
        let paginationToken: string | undefined;
        if (cursor !== undefined) {
          const c = decodeCursor(cursor);
          if (ctx.clock.now() - c.issuedAt >= TOKEN_LIFETIME_MS) throw new PaginationTokenExpired('paginationToken older than 24 h');
          paginationToken = c.token;
        }
        const { includePii, statuses, ...params } = wq;
        const res = await ctx.call(ops.searchOrders, { query: { ...params, includedData: includedData(includePii), ...(paginationToken ? { paginationToken } : {}) } }, opts);
        const page = mapPage(ctx, res.data.orders, !!includePii);
        const items = statuses?.length ? page.items.filter((o) => statuses.includes(o.status)) : page.items;
        const next = res.data.pagination?.nextToken;
        return { items, quarantined: page.quarantined, ...(next ? { next: encodeCursor(ctx.clock.now(), next) } : {}) };
      },
    });
  }

  async function get(orderId: string, opts: CallOptions & { includePii?: boolean } = {}): Promise<Order> {
    opts = parseCallOptions(opts) as CallOptions & { includePii?: boolean }; // null: none; hostile: ValidationError
    const id = parseInput(z.string().min(1), orderId, 'orderId');
    const { includePii, ...callOpts } = opts;
    return mapOrder(await readWireOrder(ctx, id, includedData(includePii), callOpts), mapContext(ctx, !!includePii));
  }

  const cancellations = new Cancellations(ctx);

  /**
   * Seller cancellation of a merchant-fulfilled order through the order-acknowledgement feed
   * (StatusCode Failure). Whole orders only: no per-line cancellation path is documented in the
   * models or the research, and once any unit has shipped (PARTIALLY_SHIPPED) a Failure
   * acknowledgement makes Amazon refund the entire order, so it is refused.
   */
  async function cancel(orderId: string, req: CancelRequest, opts: CallOptions = {}) {
    opts = parseCallOptions(opts); // null: none; hostile: ValidationError
    const id = parseInput(z.string().min(1), orderId, 'orderId');
    const input = parseInput(CancelSchema, req, 'request');
    if (input.lines) {
      throw new NotSupportedError({ marketplace: 'amazon', operation: 'cancel', message: 'Amazon cancels whole orders here: no documented per-line cancellation path (capabilities.cancellation.lines is false)' });
    }
    const journalKey = opts.idempotencyKey ? `amazon:${ctx.sellerId}:cancel:${opts.idempotencyKey}` : undefined;
    const prior = journalKey ? await ctx.journal.get(journalKey) : undefined;
    if (prior?.state === 'succeeded') return prior.result as { orderId: string; outcome: 'submitted'; reference?: string };
    const w = await readWireOrder(ctx, id, ['FULFILLMENT', 'CANCELLATION'], opts);
    if (w.fulfillment?.fulfilledBy === 'AMAZON') {
      throw new NotSupportedError({ marketplace: 'amazon', operation: 'cancel', message: `Order ${id} is fulfilled by Amazon: sellers cannot cancel it through the order feed` });
    }
    const status = w.fulfillment?.fulfillmentStatus;
    if (status === 'CANCELLED') return { orderId: id, outcome: 'accepted' as const };
    if (status === 'SHIPPED') throw new ConflictError({ marketplace: 'amazon', operation: 'cancel', message: `Order ${id} has shipped and can no longer be cancelled` });
    if (status === 'PARTIALLY_SHIPPED' || w.orderItems.some((i) => (i.fulfillment?.quantityFulfilled ?? 0) > 0)) {
      throw new ValidationError({ message: `Order ${id} is partially shipped: cancelling it through the order-acknowledgement feed would refund the entire order, shipped units included`, path: 'orderId' });
    }
    const marketplaceId = w.salesChannel.marketplaceId ?? ctx.store().marketplaceId;
    if (journalKey && prior?.state === 'pending') {
      // An earlier run died after submitting: an acknowledgement feed created since then is taken as ours.
      const [found] = await feedsSince(ctx, 'POST_ORDER_ACKNOWLEDGEMENT_DATA', [marketplaceId], prior.at - 1000);
      if (found) {
        const result = { orderId: id, outcome: 'submitted' as const, reference: found.feedId };
        await ctx.journal.put({ key: journalKey, operation: 'cancel', state: 'succeeded', at: ctx.clock.now(), result });
        return result;
      }
    }
    if (journalKey) await ctx.journal.put({ key: journalKey, operation: 'cancel', state: 'pending', at: ctx.clock.now() });
    let feedId: string;
    try {
      feedId = await cancellations.submit({ orderId: id, orderItemIds: w.orderItems.map((i) => i.orderItemId), reason: input.reason }, marketplaceId, opts);
    } catch (e) {
      // createFeed failed ambiguously and cannot be verified: the caller must check the order later.
      if (e instanceof OutcomeUnknownError) return { orderId: id, outcome: 'unknown' as const };
      throw e;
    }
    const result = { orderId: id, outcome: 'submitted' as const, reference: feedId };
    if (journalKey) await ctx.journal.put({ key: journalKey, operation: 'cancel', state: 'succeeded', at: ctx.clock.now(), result });
    return result;
  }

  /** Accepted / rejected per order, from the processing report of the feed that carried the cancellation. */
  function cancellation(orderId: string, opts: CallOptions & { reference?: string } = {}): Promise<CancellationStatus> {
    const { reference, ...callOpts } = opts;
    return cancellations.status(parseInput(z.string().min(1), orderId, 'orderId'), reference, callOpts);
  }

  return { list, get, cancel, cancellation };
}
