import { z } from 'zod';
import { parseInput } from '../../../src/errors/from-response.js';
import type { CallOptions } from '../../../src/http/call-options.js';
import { fromWire, toDecimal, type Money } from '../../../src/model/money.js';
import type { Refund } from '../../../src/model/return.js';
import { hasOpenIntent, journaledAction } from '../../../src/returns/journaled-action.js';
import { checkRefund, paidForLine } from '../../../src/returns/refund-cap.js';
import { IdSchema, RefundRequestSchema } from '../../../src/returns/schemas.js';
import type { RefundRequest } from '../../../src/returns/types.js';
import type { EbayContext } from '../context.js';
import { mapOrder } from '../mappers/order.js';
import { mapContext, readOrder } from '../orders.js';
import type * as wire from '../schemas/fulfillment.js';
import { fulfillmentRefundOps, returnOps } from './operations.js';
import type { ReturnReader } from './read.js';

/** Refund_MoneyMovementStatusEnum / Fulfillment refundStatus → unified refund state (verbatim kept in marketplaceState). */
export function refundState(status: string | undefined): Refund['state'] {
  if (!status) return 'pending';
  if (/FAIL/.test(status)) return 'failed';
  if (/SUCCE|COMPLETE|REFUNDED/.test(status)) return 'succeeded';
  return 'pending';
}

const unknownRefund = (orderId: string, amount: Money, returnId?: string): Refund => ({ marketplace: 'ebay', orderId, ...(returnId ? { returnId } : {}), lines: [], amount, state: 'unknown', outcome: 'unknown' });

/**
 * POST /return/{returnId}/issue_refund. The amount is checked against what was paid for the
 * returned line (plus original shipping) before any call, and split into itemizedRefundDetail
 * entries per refund type — purchase price first, the rest as original shipping — whose sum is
 * refundDetail.totalAmount (RefundDetailType: https://developer.ebay.com/devzone/post-order/types/RefundDetailType.html;
 * ItemizedRefundDetailType: https://developer.ebay.com/Devzone/post-order/types/ItemizedRefundDetailType.html).
 * Journaled: the refund already made on the return is recorded before the write, and a retry
 * after a crash re-reads the return — a larger actual refund means the earlier attempt went through.
 */
export async function refundReturn(ctx: EbayContext, reader: ReturnReader, returnId: string, req: RefundRequest, opts: CallOptions): Promise<Refund> {
  const id = parseInput(IdSchema, returnId, 'returnId');
  const request = parseInput(RefundRequestSchema, req, 'request');
  const ret = await reader.get(id, opts);
  const order = mapOrder(await readOrder(ctx, ret.orderId, opts), mapContext(ctx, false));
  const parts0 = { marketplace: 'ebay', account: ctx.account, action: 'return.refund', target: id };
  // A retry of a journaled refund is resumed (read back), not re-judged against a cap its own first attempt already used.
  const resuming = await hasOpenIntent(ctx.journal, parts0, opts.idempotencyKey);
  const resolved = checkRefund({ marketplace: 'ebay', order, request, scope: ret.lines, ...(resuming ? {} : { alreadyRefunded: ret.refunded }) });
  const line = ret.lines[0]!;
  const orderLine = order.lines.find((l) => l.lineId === line.lineId);
  const purchase = Math.min(resolved.amount.amount, (orderLine && paidForLine(order, orderLine, Math.min(line.quantity, orderLine.quantity))?.amount) ?? resolved.amount.amount);
  const parts = [
    { amount: purchase, type: 'PURCHASE_PRICE' },
    { amount: resolved.amount.amount - purchase, type: 'ORIGINAL_SHIPPING' },
  ].filter((p) => p.amount > 0);
  const value = (amount: number) => ({ value: Number(toDecimal({ amount, currency: resolved.amount.currency })), currency: resolved.amount.currency });
  const lines = resolved.lines.length ? resolved.lines : [{ lineId: line.lineId, amount: resolved.amount }];
  const refunded = (s: { sellerTotalRefund?: { actualRefundAmount?: { value: number | string; currency: string } } }) => {
    const a = s.sellerTotalRefund?.actualRefundAmount;
    return a ? fromWire(a.value, a.currency).amount : 0;
  };
  return journaledAction<Refund, number>({
    marketplace: 'ebay', account: ctx.account, action: 'return.refund', target: id, journal: ctx.journal, clock: ctx.clock, idempotencyKey: opts.idempotencyKey,
    before: async () => refunded(await reader.summary(id, opts)),
    readBack: async (before) => {
      const now = refunded(await reader.summary(id, opts));
      return now > (before ?? 0) ? { done: true, result: { marketplace: 'ebay', orderId: ret.orderId, returnId: id, lines, amount: resolved.amount, state: 'succeeded', outcome: 'already_done' } } : { done: false };
    },
    send: async (key) => {
      const body = {
        ...(request.comment ? { comments: { content: request.comment } } : {}),
        refundDetail: { itemizedRefundDetail: parts.map((p) => ({ refundAmount: value(p.amount), refundFeeType: p.type })), totalAmount: value(resolved.amount.amount) },
      };
      const res = await ctx.call(returnOps.issueReturnRefund, { params: { returnId: id }, headers: reader.site(), body }, { ...opts, idempotencyKey: key });
      const status = res.data.refundStatus;
      return { marketplace: 'ebay', orderId: ret.orderId, returnId: id, lines, amount: resolved.amount, state: refundState(status), ...(status ? { marketplaceState: status } : {}), outcome: 'confirmed', at: new Date(ctx.clock.now()).toISOString() };
    },
    unknown: () => unknownRefund(ret.orderId, resolved.amount, id),
    withOutcome: (r, outcome) => ({ ...r, outcome }),
  });
}

/** getOrder's paymentSummary.refunds[] and lineItems[].refunds[] (specs/ebay/sell_fulfillment_v1_oas3.json#/components/schemas/OrderRefund). */
const Refunds = z.object({ refundId: z.string().optional(), amount: z.object({ value: z.string(), currency: z.string() }).loose().optional(), refundStatus: z.string().optional() }).loose();
const OrderRefunds = z
  .object({ paymentSummary: z.object({ refunds: z.array(Refunds).default([]) }).loose().optional(), lineItems: z.array(z.object({ refunds: z.array(Refunds).default([]) }).loose()).default([]) })
  .loose();

function refundsOf(o: wire.Order): Array<z.infer<typeof Refunds>> {
  const r = OrderRefunds.safeParse(o);
  if (!r.success) return [];
  return [...(r.data.paymentSummary?.refunds ?? []), ...r.data.lineItems.flatMap((l) => l.refunds)];
}

/**
 * Fulfillment issueRefund: a refund with no return — per line (refundItems with lineItemId) or for
 * the order (orderLevelRefundAmount); reasonForRefund is required (IssueRefundRequest,
 * specs/ebay/sell_fulfillment_v1_oas3.json#/components/schemas/IssueRefundRequest). Refunds are
 * asynchronous: the answer's refundStatus is usually PENDING, and getOrder shows the refund
 * (issueRefund description). Journaled: the order's refund ids are recorded before the write and
 * a retry looks for a new one before sending again.
 */
export async function refundOrder(ctx: EbayContext, orderId: string, req: RefundRequest, opts: CallOptions): Promise<Refund> {
  const id = parseInput(IdSchema, orderId, 'orderId');
  const request = parseInput(RefundRequestSchema, req, 'request');
  const wireOrder = await readOrder(ctx, id, opts);
  const order = mapOrder(wireOrder, mapContext(ctx, false));
  const done = refundsOf(wireOrder).filter((r) => r.amount && !/FAIL/.test(r.refundStatus ?? ''));
  const currency = order.totals.charged?.currency;
  const already = currency ? { amount: done.reduce((n, r) => n + (r.amount!.currency === currency ? fromWire(r.amount!.value, currency).amount : 0), 0), currency } : undefined;
  const resuming = await hasOpenIntent(ctx.journal, { marketplace: 'ebay', account: ctx.account, action: 'order.refund', target: id }, opts.idempotencyKey);
  const resolved = checkRefund({ marketplace: 'ebay', order, request, ...(already && !resuming ? { alreadyRefunded: already } : {}) });
  const dec = (m: Money) => ({ value: toDecimal(m), currency: m.currency });
  const body = {
    reasonForRefund: request.reason ?? 'OTHER',
    ...(request.comment ? { comment: request.comment } : {}),
    ...(resolved.lines.length ? { refundItems: resolved.lines.map((l) => ({ refundAmount: dec(l.amount), lineItemId: l.lineId })) } : { orderLevelRefundAmount: dec(resolved.amount) }),
  };
  return journaledAction<Refund, string[]>({
    marketplace: 'ebay', account: ctx.account, action: 'order.refund', target: id, journal: ctx.journal, clock: ctx.clock, idempotencyKey: opts.idempotencyKey,
    before: async () => refundsOf(wireOrder).map((r) => r.refundId).filter((v): v is string => !!v),
    readBack: async (before) => {
      const known = new Set(before ?? []);
      const fresh = refundsOf(await readOrder(ctx, id, opts)).find((r) => r.refundId && !known.has(r.refundId));
      return fresh ? { done: true, result: { id: fresh.refundId, marketplace: 'ebay', orderId: id, lines: resolved.lines, amount: resolved.amount, state: refundState(fresh.refundStatus), outcome: 'already_done' } } : { done: false };
    },
    send: async (key) => {
      const res = await ctx.call(fulfillmentRefundOps.issueRefund, { params: { order_id: id }, body }, { ...opts, idempotencyKey: key });
      const { refundId, refundStatus } = res.data;
      return { ...(refundId ? { id: refundId } : {}), marketplace: 'ebay', orderId: id, lines: resolved.lines, amount: resolved.amount, state: refundState(refundStatus), ...(refundStatus ? { marketplaceState: refundStatus } : {}), outcome: 'confirmed', at: new Date(ctx.clock.now()).toISOString() };
    },
    unknown: () => unknownRefund(id, resolved.amount),
    withOutcome: (r, outcome) => ({ ...r, outcome }),
  });
}
