import { z } from 'zod';
import { ValidationError } from '../../../src/errors/classes.js';
import { parseInput } from '../../../src/errors/from-response.js';
import { parseCallOptions, type CallOptions } from '../../../src/http/call-options.js';
import { MoneyInputSchema, type Money } from '../../../src/model/money.js';
import type { Return, ReturnActionResult } from '../../../src/model/return.js';
import { hasOpenIntent, journaledAction } from '../../../src/returns/journaled-action.js';
import { checkRefund } from '../../../src/returns/refund-cap.js';
import { IdSchema } from '../../../src/returns/schemas.js';
import type { IntentJournal } from '../../../src/state/intent-journal.js';
import { shopPipeline, type AdapterContext } from '../context.js';
import { moneyFromWire, priceToWire } from '../money.js';
import type { ShopeeOrders } from '../orders.js';
import { returnOps, type SolutionsResponse, type ShopeeReturnWire } from './operations.js';
import type { ShopeeReturnReader } from './read.js';

/** One solution the seller may offer (get_available_solutions offer_return_refund / offer_refund). */
export interface ShopeeSolution {
  /** "whether ... solution is available for sellers to select". */
  eligible: boolean;
  /** "whether refund is adjustable"; min/max are "Returned when refund_amount_adjustable is true". */
  adjustable: boolean;
  min?: Money;
  max?: Money;
}

/** specs/shopee/v2.returns.get_available_solutions.json: the ReturnRefund and the Refund solution. */
export interface ShopeeSolutions {
  returnId: string;
  returnAndRefund?: ShopeeSolution;
  refund?: ShopeeSolution;
}

/**
 * returns.offerSolution input: v2.returns.offer's proposed_solution ("See Data Definition -
 * ReturnSolution") and proposed_adjusted_refund_amount. Only RETURN_REFUND is spelled out in the
 * spec snapshot (request sample, negotiation.latest_solution sample); another ReturnSolution value
 * is passed through verbatim at the caller's word.
 */
export const OfferSolutionSchema = z.object({
  solution: z.string().regex(/^[A-Z_]{1,50}$/, 'a Shopee ReturnSolution value, e.g. RETURN_REFUND'),
  refund: MoneyInputSchema,
});
/** returns.offerSolution input: a ReturnSolution value and the refund offered (OfferSolutionSchema in negotiation.ts). */
export type OfferSolutionRequest = z.input<typeof OfferSolutionSchema>;

export interface NegotiationDeps {
  ctx: AdapterContext;
  reader: ShopeeReturnReader;
  orders: ShopeeOrders;
  journal: IntentJournal;
}

const wireOf = (r: Return) => r.raw as ShopeeReturnWire;
const offerOf = (r: Return) => {
  const n = wireOf(r).negotiation;
  return { solution: n?.latest_solution, amount: n?.latest_offer_amount === undefined ? undefined : String(n.latest_offer_amount), status: n?.negotiation_status };
};

function solutionOf(s: NonNullable<SolutionsResponse['response']['offer_refund']> | undefined, currency: string): ShopeeSolution | undefined {
  if (!s) return undefined;
  const min = moneyFromWire(s.min_refund_amount ?? undefined, currency);
  const max = moneyFromWire(s.max_refund_amount ?? undefined, currency);
  return { eligible: s.eligibility === true, adjustable: s.refund_amount_adjustable === true, ...(min ? { min } : {}), ...(max ? { max } : {}) };
}

export function shopeeNegotiation(d: NegotiationDeps) {
  const { ctx, reader } = d;
  const clock = ctx.clock;

  async function solutionsFor(ret: Return, opts: CallOptions): Promise<ShopeeSolutions> {
    const res = await ctx.client.call(shopPipeline(ctx, reader.shopOf(ret)), returnOps.get_available_solutions, { query: { return_sn: ret.id } }, opts);
    const cur = wireOf(ret).currency;
    const r = res.data.response;
    const rr = solutionOf(r.offer_return_refund, cur);
    const ro = solutionOf(r.offer_refund, cur);
    return { returnId: ret.id, ...(rr ? { returnAndRefund: rr } : {}), ...(ro ? { refund: ro } : {}) };
  }

  /** The solutions Shopee lets the seller offer on this return, with their bounds. */
  async function solutions(returnId: string, o?: CallOptions): Promise<ShopeeSolutions> {
    const opts = parseCallOptions(o ?? {});
    return solutionsFor(await reader.read(parseInput(IdSchema, returnId, 'returnId'), opts), opts);
  }

  /**
   * v2.returns.offer: a counter-offer to the buyer. Refused before the write when the amount is
   * more than was paid for the returned lines (checkRefund) or outside the solution's bounds
   * ("can not exceed max refund amount" / "can not be lower than min refund amount":
   * v2.returns.offer error_list). Journaled: a retry reads the negotiation back first.
   */
  async function offerSolution(returnId: string, req: OfferSolutionRequest, o?: CallOptions): Promise<ReturnActionResult> {
    const id = parseInput(IdSchema, returnId, 'returnId');
    const r = parseInput(OfferSolutionSchema, req, 'request');
    const opts = parseCallOptions(o ?? {});
    const parts = { marketplace: 'shopee', account: ctx.account, action: 'return.offer', target: id };
    const ret = await reader.read(id, opts);
    const shop = ctx.shops.find((s) => s.shopId === reader.shopOf(ret))!;
    const amount = priceToWire(r.refund, wireOf(ret).currency, shop.rule.decimals, 'request.refund');
    if (!(await hasOpenIntent(d.journal, parts, opts.idempotencyKey))) {
      if (r.refund.amount <= 0) throw new ValidationError({ message: 'The proposed adjusted refund amount must be positive', path: 'request.refund.amount' });
      const order = await d.orders.get(ret.orderId, opts);
      checkRefund({ marketplace: 'shopee', order, request: { amount: r.refund }, scope: ret.lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity })), amountPath: 'request.refund' });
      if (r.solution === 'RETURN_REFUND') checkBounds((await solutionsFor(ret, opts)).returnAndRefund, r.refund);
    }
    const result = (now: Return, outcome: ReturnActionResult['outcome']): ReturnActionResult => ({ returnId: id, action: 'offer', outcome, return: now, warnings: [] });
    return journaledAction<ReturnActionResult, { solution?: string; amount?: string }>({
      ...parts, journal: d.journal, clock, idempotencyKey: opts.idempotencyKey,
      before: async () => offerOf(ret),
      // The negotiation then carries this offer as its latest (get_return_detail negotiation.latest_solution / latest_offer_amount).
      // (and differs from the offer recorded before the write, so an identical older proposal does not count).
      readBack: async (before) => {
        const now = await reader.read(id, opts);
        const n = offerOf(now);
        const ours = n.solution === r.solution && n.amount !== undefined && Number(n.amount) === amount;
        const changed = !before || before.solution !== n.solution || before.amount !== n.amount;
        return ours && changed ? { done: true, result: result(now, 'already_done') } : { done: false };
      },
      send: async () => {
        await ctx.client.call(shopPipeline(ctx, reader.shopOf(ret)), returnOps.offer, { body: { return_sn: id, proposed_solution: r.solution, proposed_adjusted_refund_amount: amount } }, opts);
        return result(await reader.read(id, opts), 'confirmed');
      },
      unknown: () => ({ returnId: id, action: 'offer', outcome: 'unknown', warnings: ['Shopee did not answer clearly; retry with the same idempotency key'] }),
      withOutcome: (x, outcome) => ({ ...x, outcome }),
    });
  }

  /** v2.returns.accept_offer: the seller accepts the buyer's proposal. Journaled; the retry reads the negotiation back. */
  async function acceptOffer(returnId: string, o?: CallOptions): Promise<ReturnActionResult> {
    const id = parseInput(IdSchema, returnId, 'returnId');
    const opts = parseCallOptions(o ?? {});
    const snapshot = (r: Return) => JSON.stringify([r.marketplaceStatus, offerOf(r).status]);
    return journaledAction<ReturnActionResult, string>({
      marketplace: 'shopee', account: ctx.account, action: 'return.accept_offer', target: id, journal: d.journal, clock, idempotencyKey: opts.idempotencyKey,
      before: async () => snapshot(await reader.read(id, opts)),
      // Accepting ends the buyer's pending proposal: a changed status or negotiation status means it went through.
      readBack: async (before) => {
        const now = await reader.read(id, opts);
        return before !== undefined && snapshot(now) !== before ? { done: true, result: { returnId: id, action: 'offer', outcome: 'already_done', return: now, warnings: [] } } : { done: false };
      },
      send: async () => {
        const ret = await reader.read(id, opts);
        await ctx.client.call(shopPipeline(ctx, reader.shopOf(ret)), returnOps.accept_offer, { body: { return_sn: id } }, opts);
        return { returnId: id, action: 'offer', outcome: 'confirmed', return: await reader.read(id, opts), warnings: [] };
      },
      unknown: () => ({ returnId: id, action: 'offer', outcome: 'unknown', warnings: ['Shopee did not answer clearly; retry with the same idempotency key'] }),
      withOutcome: (x, outcome) => ({ ...x, outcome }),
    });
  }

  return { solutions, offerSolution, acceptOffer };
}

function checkBounds(s: ShopeeSolution | undefined, refund: Money): void {
  const path = 'request.refund';
  if (s && !s.eligible) throw new ValidationError({ message: 'This proposed solution is not one of the available solutions for this return (get_available_solutions)', path: 'request.solution' });
  if (s?.max && refund.amount > s.max.amount) throw new ValidationError({ message: `The proposed adjusted refund amount can not exceed max refund amount (${s.max.amount} ${s.max.currency} minor units)`, path: `${path}.amount` });
  if (s?.min && refund.amount < s.min.amount) throw new ValidationError({ message: `The proposed adjusted refund amount can not be lower than min refund amount (${s.min.amount} ${s.min.currency} minor units)`, path: `${path}.amount` });
}
