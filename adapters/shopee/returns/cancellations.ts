import { ConflictError, NotFoundError, ValidationError } from '../../../src/errors/classes.js';
import { parseInput } from '../../../src/errors/from-response.js';
import { parseCallOptions, type CallOptions } from '../../../src/http/call-options.js';
import type { Order } from '../../../src/model/order.js';
import type { CancellationRequest } from '../../../src/model/return.js';
import { Paginated } from '../../../src/paginate/paginated.js';
import { journaledAction } from '../../../src/returns/journaled-action.js';
import { CancellationListQuerySchema, IdSchema, RejectCancellationSchema } from '../../../src/returns/schemas.js';
import type { CancellationListQuery, CancellationRequestsService } from '../../../src/returns/types.js';
import type { IntentJournal } from '../../../src/state/intent-journal.js';
import type { AdapterContext } from '../context.js';
import type { ShopeeOrders } from '../orders.js';

type Answer = CancellationRequest & { outcome: 'confirmed' | 'already_done' | 'unknown' };

/**
 * A Shopee buyer cancellation request is the order itself: the buyer's application puts it in
 * IN_CANCEL, answered by v2.order.handle_buyer_cancellation (ACCEPT / REJECT), so the request id is
 * the order_sn. get_order_detail says who cancelled (cancel_by: "buyer, seller, system or Ops") and
 * why (buyer_cancel_reason: "Cancel reason from buyer, could be empty")
 * (specs/shopee/v2.order.get_order_detail.json; IN_CANCEL: v2.order.get_order_list.json order_status).
 *  - IN_CANCEL → requested;
 *  - CANCELLED with cancel_by buyer → accepted;
 *  - any other status with a buyer_cancel_reason → rejected (the order went on);
 *  - otherwise the order has no buyer request (NotFoundError from get, skipped by list).
 * Shopee gives no answer-by date for IN_CANCEL in the specs, so `respondBy` stays empty.
 */
export function cancellationOf(order: Order): CancellationRequest | undefined {
  const extra = order.extra as { cancelBy?: string; buyerCancelReason?: string };
  const status = order.marketplaceStatus === 'IN_CANCEL' ? 'requested'
    : order.marketplaceStatus === 'CANCELLED' ? (extra.cancelBy === 'buyer' ? 'accepted' : undefined)
      : extra.buyerCancelReason ? 'rejected' : undefined;
  if (!status) return undefined;
  return {
    id: order.id, marketplace: 'shopee', account: order.account, store: order.store, orderId: order.id, requestedBy: 'buyer', status,
    marketplaceStatus: order.marketplaceStatus ?? '',
    reason: extra.buyerCancelReason ? { marketplaceCode: extra.buyerCancelReason } : {},
    lines: [],
    // The request's own time is not in get_order_detail; the order's last change is when it was made or answered.
    createdAt: order.updatedAt, updatedAt: order.updatedAt,
    raw: { order_sn: order.id, order_status: order.marketplaceStatus, cancel_by: extra.cancelBy, buyer_cancel_reason: extra.buyerCancelReason },
  };
}

export interface CancellationDeps {
  ctx: AdapterContext;
  orders: ShopeeOrders;
  journal: IntentJournal;
}

export function shopeeCancellations(d: CancellationDeps): CancellationRequestsService {
  const { ctx, orders } = d;

  async function read(id: string, opts: CallOptions): Promise<CancellationRequest> {
    const c = cancellationOf(await orders.get(id, opts));
    if (!c) throw new NotFoundError({ marketplace: 'shopee', message: `Order ${id} has no buyer cancellation request` });
    return c;
  }

  /** Orders changed in the window (get_order_list, update_time) that carry a buyer request. */
  function list(query: CancellationListQuery, o?: CallOptions): Paginated<CancellationRequest> {
    const opts = parseCallOptions(o ?? {});
    const q = parseInput(CancellationListQuerySchema, query ?? {}, 'query');
    if (!q.resumeFrom && !q.updatedSince) throw new ValidationError({ message: 'cancellations.list needs updatedSince (or resumeFrom)', path: 'query.updatedSince' });
    const source = q.resumeFrom ? orders.list({ resumeFrom: q.resumeFrom }, opts) : orders.list({ updatedSince: q.updatedSince!, ...(q.until ? { until: q.until } : {}) }, opts);
    return new Paginated<CancellationRequest>(async function* () {
      for await (const page of source.pages()) yield { ...page, items: page.items.map(cancellationOf).filter((c): c is CancellationRequest => !!c) };
    });
  }

  /** ACCEPT / REJECT, journaled: a retry reads the order back — no longer IN_CANCEL means the earlier answer went through. */
  async function answer(kind: 'accept' | 'reject', id: string, opts: CallOptions): Promise<Answer> {
    const current = await read(id, opts);
    const wanted = kind === 'accept' ? 'accepted' : 'rejected';
    if (current.status !== 'requested') {
      if (current.status === wanted) return { ...current, outcome: 'already_done' };
      throw new ConflictError({ marketplace: 'shopee', operation: 'handle_buyer_cancellation', message: `Cancellation ${id} is ${current.status}, not awaiting an answer` });
    }
    return journaledAction<Answer>({
      marketplace: 'shopee', account: ctx.account, action: `cancellation.${kind}`, target: id, journal: d.journal, clock: ctx.clock, idempotencyKey: opts.idempotencyKey,
      readBack: async () => {
        const now = cancellationOf(await orders.get(id, opts));
        return now && now.status !== 'requested' ? { done: true, result: { ...now, outcome: 'already_done' } } : { done: false };
      },
      send: async () => {
        await orders.respondToCancellation(id, kind, opts);
        const now = cancellationOf(await orders.get(id, opts));
        // A rejected order may carry no buyer_cancel_reason afterwards: the answer itself says rejected.
        return { ...(now ?? current), status: now?.status === 'accepted' ? 'accepted' : wanted, outcome: 'confirmed' };
      },
      unknown: () => ({ ...current, outcome: 'unknown' }),
      withOutcome: (r, outcome) => ({ ...r, outcome }),
    });
  }

  return {
    list,
    get: async (id, o) => read(parseInput(IdSchema, id, 'cancelId'), parseCallOptions(o ?? {})),
    accept: async (id, o) => answer('accept', parseInput(IdSchema, id, 'cancelId'), parseCallOptions(o ?? {})),
    async reject(id, req, o) {
      const cancelId = parseInput(IdSchema, id, 'cancelId');
      const r = parseInput(RejectCancellationSchema, req, 'request');
      // handle_buyer_cancellation takes only order_sn and operation: nothing else can be passed on.
      if (r.shippedAt || r.trackingNumber || r.carrier) throw new ValidationError({ message: 'Shopee handle_buyer_cancellation takes no shipment details (order_sn and operation only)', path: 'request' });
      return answer('reject', cancelId, parseCallOptions(o ?? {}));
    },
  };
}
