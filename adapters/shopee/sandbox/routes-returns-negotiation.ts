import type { SandboxContext } from '../../../src/sandbox/module.js';
import type { Router, SandboxRequest } from '../../../src/sandbox/router.js';
import { fail, ok } from './envelope.js';
import { bodyOf, route, type Caller } from './gate.js';
import { advanceReturn, sandboxReturns, type SandboxReturn } from './routes-returns.js';
import type { ShopeeSandboxState } from './world.js';

type Shop = Extract<Caller, { kind: 'shop' }>;
type Negotiation = { negotiation_status?: string; latest_solution?: string; latest_offer_amount?: number; counter_limit?: number };

// A seller acts on a request while it is REQUESTED / PROCESSING (v2.returns.dispute.json define, as for confirm).
const OPEN = new Set(['REQUESTED', 'PROCESSING']);
const negotiationOf = (r: SandboxReturn) => (r.wire.negotiation ?? {}) as Negotiation;

/**
 * The evidence modules of the one dispute reason the simulator offers, shaped like the
 * get_return_dispute_reason response_sample (dispute_reason 50, modules 1 and 2, both required).
 */
const DISPUTE_REASONS = [{
  dispute_reason: '50', dispute_requirement: 'Regarding to your refund request, Shopee would like to request more information as follows :',
  evidence_module_list: [
    { module_index: 1, requirement: 'Photo(s) or Video of unboxing the returned parcel with the consignment note (Airway Bill).', is_required: true },
    { module_index: 2, requirement: 'Photo(s) or Video of all returned item(s) ', is_required: true },
  ],
}];

/** offer_return_refund of get_available_solutions: eligible when something goes back (needs_logistics), up to the requested amount. */
function solutionsOf(r: SandboxReturn) {
  const max = Number(r.wire.refund_amount ?? 0);
  const rr = { eligibility: r.wire.needs_logistics !== false, refund_amount_adjustable: true, max_refund_amount: max, ...(r.minRefund !== undefined ? { min_refund_amount: r.minRefund } : {}) };
  return { return_sn: r.wire.return_sn, offer_return_refund: rr, offer_refund: { eligibility: false, refund_amount_adjustable: false } };
}

function decimalsOf(v: number): number {
  const t = String(v);
  return t.includes('.') ? t.split('.')[1]!.length : 0;
}

/** The buyer's side of a negotiation (no Open Platform call): a counter-proposal, or acceptance of the seller's offer. */
export function buyerAnswersOffer(world: ShopeeSandboxState, sn: string, answer: { accept: true } | { counter: number }): void {
  const r = sandboxReturns(world).get(sn)!;
  const n = negotiationOf(r);
  if ('accept' in answer) {
    r.lastOfferBy = undefined;
    advanceReturn(world, sn, { status: r.wire.needs_logistics === false ? 'REFUND_PAID' : 'ACCEPTED', refund_amount: n.latest_offer_amount, negotiation: { ...n, negotiation_status: 'TERMINATED' } });
  } else {
    r.lastOfferBy = 'buyer';
    advanceReturn(world, sn, { negotiation: { ...n, latest_offer_amount: answer.counter } });
  }
}

/**
 * The buyer ships the item back (`picked_up`), then the parcel reaches the seller (`delivered`):
 * logistics_status / reverse_logistics_status move through LOGISTICS_PICKUP_DONE "handed over to
 * 3PL" and LOGISTICS_DELIVERY_DONE "successfully delivered" (Data Definition - LogisticsStatus as
 * listed in specs/shopee/v2.logistics.get_booking_tracking_info.json), with tracking events as
 * get_reverse_tracking_info's tracking_info. Once shipped, return_seller_due_date is "The due date
 * for seller to deal with this return when buyer have shipped order" (sandbox: 3 days).
 */
export function moveReturnParcel(world: ShopeeSandboxState, sn: string, step: { picked_up: { trackingNumber: string; carrier: string } } | { delivered: true }): void {
  const r = sandboxReturns(world).get(sn)!;
  if (r.wire.status !== 'ACCEPTED' || r.wire.needs_logistics === false) throw new Error(`return ${sn} has nothing to ship back (${r.wire.status})`);
  const now = world.nowSeconds();
  r.tracking ??= [];
  if ('picked_up' in step) {
    r.tracking.push({ update_time: now, tracking_description: 'Parcel has been picked up by our logistics partner' });
    advanceReturn(world, sn, {
      tracking_number: step.picked_up.trackingNumber, reverse_logistics_channel_name: step.picked_up.carrier, return_seller_due_date: now + 3 * 86400,
      logistics_status: 'LOGISTICS_PICKUP_DONE', reverse_logistics_status: 'LOGISTICS_PICKUP_DONE', reverse_logistics_update_time: now,
    });
  } else {
    r.tracking.push({ update_time: now, tracking_description: 'Parcel has been delivered' });
    advanceReturn(world, sn, { logistics_status: 'LOGISTICS_DELIVERY_DONE', reverse_logistics_status: 'LOGISTICS_DELIVERY_DONE', reverse_logistics_update_time: now });
  }
}

/** The v2.returns negotiation, dispute, proof and reverse-tracking routes of the simulator. */
export function installReturnNegotiation(router: Router, world: ShopeeSandboxState, ctx: SandboxContext): void {
  const own = (caller: Shop, sn: unknown) => {
    const r = sandboxReturns(world).get(String(sn ?? ''));
    return r && r.shopId === caller.id ? r : undefined;
  };
  // An unknown return_sn: "The information you queried is not found." (error_param in these routes' error_list).
  const notFound = () => fail('error_param', 'The information you queried is not found.');
  const get = (path: string, answer: (r: SandboxReturn) => ReturnType<typeof ok>, missing = notFound) =>
    route<Shop>(router, world, ctx, 'GET', `/api/v2/returns/${path}`, (req: SandboxRequest, caller) => {
      const r = own(caller, req.query.get('return_sn'));
      return r ? answer(r) : missing();
    });
  const post = <B extends { return_sn?: string }>(path: string, answer: (r: SandboxReturn, b: B) => ReturnType<typeof ok>) =>
    route<Shop>(router, world, ctx, 'POST', `/api/v2/returns/${path}`, (req: SandboxRequest, caller) => {
      const { body, res } = bodyOf<B>(req);
      if (res) return res;
      const r = own(caller, body.return_sn);
      return r ? answer(r, body) : notFound();
    });

  // Refusals: specs/shopee/v2.returns.get_available_solutions.json error_list.
  get('get_available_solutions', (r) => ok(solutionsOf(r)));

  // v2.returns.offer: checks and messages from its error_list.
  post<{ return_sn?: string; proposed_solution?: string; proposed_adjusted_refund_amount?: number }>('offer', (r, b) => {
    const st = r.wire.status;
    if (st === 'JUDGING' || st === 'SELLER_DISPUTE') return fail('error_ongoing_dispute', 'cannot offer refund to buyer when return has ongoing dispute');
    if (!OPEN.has(st)) return fail('error_return_status', 'The return status cannot support this action');
    const n = negotiationOf(r);
    if (n.negotiation_status !== 'PENDING_RESPOND' || (n.counter_limit ?? 0) < 1) return fail('error_negotiation_status', 'The negotiation status cannot support this action');
    const sol = solutionsOf(r);
    if (b.proposed_solution !== 'RETURN_REFUND' || !sol.offer_return_refund.eligibility) return fail('error_param', 'This proposed solution is not one of the available solutions for this return.');
    const amt = b.proposed_adjusted_refund_amount;
    if (typeof amt !== 'number') return fail('error_param', 'Please fill a value for proposed adjusted refund amount');
    if (amt <= 0) return fail('error_param', 'The proposed adjusted refund amount must be positive');
    const digits = world.shops.get(r.shopId)!.priceDecimals;
    if (decimalsOf(amt) > digits) return fail('error_param', `The proposed adjusted refund amount only accepts ${digits} digit(s) after decimal point`);
    if (amt > sol.offer_return_refund.max_refund_amount) return fail('error_param', 'The proposed adjusted refund amount can not exceed max refund amount');
    if (r.minRefund !== undefined && amt < r.minRefund) return fail('error_param', 'The proposed adjusted refund amount can not be lower than min refund amount');
    r.lastOfferBy = 'seller';
    // The buyer "will have 1 day to respond" to the seller's proposal (help.shopee.sg/portal/article/76650).
    const offerDue = world.nowSeconds() + 86400;
    advanceReturn(world, r.wire.return_sn, { negotiation: { ...n, latest_solution: b.proposed_solution, latest_offer_amount: amt, counter_limit: (n.counter_limit ?? 1) - 1, offer_due_date: offerDue } });
    return ok({ return_sn: r.wire.return_sn });
  });

  // v2.returns.accept_offer (error_list: own offer, no buyer proposal, status). The spec names no
  // resulting status: accepting is modelled like confirm, at the agreed amount, negotiation TERMINATED.
  // Refusals: specs/shopee/v2.returns.accept_offer.json error_list.
  post('accept_offer', (r) => {
    if (r.lastOfferBy === 'seller') return fail('err_data', 'Cannot accept your own offer.');
    if (r.lastOfferBy !== 'buyer') return fail('error_no_buyer_offer', 'cannot accept refund offer because there is no proposal from buyer');
    if (!OPEN.has(r.wire.status)) return fail('error_return_status', 'The return status cannot support this action');
    buyerAnswersOffer(world, r.wire.return_sn, { accept: true });
    return ok({ return_sn: r.wire.return_sn });
  });

  // get_reverse_tracking_info: "The Return SN does not have reverse logistics status" until the buyer ships.
  // Refusals: specs/shopee/v2.returns.get_reverse_tracking_info.json error_list.
  get('get_reverse_tracking_info', (r) => {
    if (!r.wire.reverse_logistics_status) return fail('returns.error_reverse_logistics', 'The Return SN does not have reverse logistics status');
    return ok({
      return_sn: r.wire.return_sn, return_refund_request_type: r.wire.return_refund_request_type, validation_type: r.wire.validation_type,
      reverse_logistics_status: r.wire.reverse_logistics_status, reverse_logistics_update_time: r.wire.reverse_logistics_update_time,
      tracking_number: r.wire.tracking_number, tracking_info: r.tracking ?? [],
    });
  }, () => fail('returns.return_not_found', 'Return not found')); // this route documents its own not-found code

  // Refusals: specs/shopee/v2.returns.get_return_dispute_reason.json error_list.
  get('get_return_dispute_reason', () => ok({ dispute_reason_list: DISPUTE_REASONS }));

  // v2.returns.dispute: "Support to raise dispute when return_status in REQUESTED / PROCESSING/ACCEPTED";
  // the seller's dispute is RETURN_SELLER_DISPUTE (get_return_detail seller_proof_status).
  type DisputeBody = { return_sn?: string; email?: string; dispute_reason_id?: number; dispute_text_reason?: string; image_list?: Array<{ module_index?: number; image_url?: string[] }> };
  // Refusals: specs/shopee/v2.returns.dispute.json error_list.
  post<DisputeBody>('dispute', (r, b) => {
    if (!OPEN.has(r.wire.status) && r.wire.status !== 'ACCEPTED') return fail('returnsn.illegal', 'Return status does not allow initiating a dispute case（From dispute side）');
    if (!b.email) return fail('dispute.request.param.error', 'Input invalid email=[]');
    const reason = DISPUTE_REASONS.find((x) => x.dispute_reason === String(b.dispute_reason_id));
    if (!reason) return fail('dispute.request.param.error', "Can't raise dispute because the return_sn and dispute_reason_id does not match.");
    const images = b.image_list ?? [];
    if (images.some((m) => (m.image_url?.length ?? 0) > 3)) return fail('dispute.request.param.error', 'Invalid images, images max size is 3 per module');
    if (reason.evidence_module_list.some((m) => m.is_required && !images.some((i) => i.module_index === m.module_index && i.image_url?.length))) {
      return fail('dispute.request.param.error', 'Unable to raise dispute as mandatory module index is missing');
    }
    advanceReturn(world, r.wire.return_sn, { status: 'SELLER_DISPUTE', dispute_reason: [reason.dispute_reason], dispute_text_reason: [b.dispute_text_reason ?? ''] });
    return ok({ return_sn: r.wire.return_sn, msg: 'dispute return success' });
  });

  // v2.returns.cancel_dispute: only "when the return_status is ACCEPTED and the compensation_status is COMPENSATION_REQUESTED".
  // Refusals: specs/shopee/v2.returns.cancel_dispute.json error_list.
  post<{ return_sn?: string; email?: string }>('cancel_dispute', (r, b) => {
    if (!b.email) return fail('error_param', 'Wrong parameters, detail: email is required.');
    if (r.wire.status !== 'ACCEPTED') return fail('dispute.cancel.ineligible', 'Cannot cancel dispute when return status is not in ACCEPTED');
    const comp = (r.wire.seller_compensation ?? {}) as { seller_compensation_status?: string };
    if (comp.seller_compensation_status !== 'COMPENSATION_REQUESTED') return fail('dispute.cancel.ineligible', 'Cannot cancel dispute when compensation status is not in COMPENSATION_REQUESTED');
    advanceReturn(world, r.wire.return_sn, { seller_compensation: { ...comp, seller_compensation_status: 'COMPENSATION_CANCELLED' } });
    return ok({ return_sn: r.wire.return_sn, message: 'SUCCESS' });
  });

  // upload_proof / query_proof (error_list: "proof is overdue" after seller_evidence_deadline, "no proof").
  // Refusals: specs/shopee/v2.returns.upload_proof.json error_list.
  post<{ return_sn?: string; photo?: Array<{ url: string; thumbnail: string }>; description?: string }>('upload_proof', (r, b) => {
    if (!b.photo?.length || !b.description) return fail('error_param', 'Wrong parameters, detail: photo and description are required.');
    const deadline = (r.wire.seller_proof as { seller_evidence_deadline?: number } | undefined)?.seller_evidence_deadline;
    if (deadline !== undefined && world.nowSeconds() > deadline) return fail('proof.overdue', 'proof is overdue');
    r.proof = { image: b.photo.map((p) => ({ url: p.url, thumbnail: p.thumbnail })), video: [], description: b.description };
    return ok({}, { message: 'success' });
  });
  // Refusals: specs/shopee/v2.returns.query_proof.json error_list.
  get('query_proof', (r) => (r.proof ? ok(r.proof) : fail('no.proof', 'no proof')));
}
