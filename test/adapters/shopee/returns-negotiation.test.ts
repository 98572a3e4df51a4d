import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/index.js';
import type { RequestEvent } from '../../../src/http/hooks.js';
import { advanceReturn, buyerAnswersOffer, moveReturnParcel, seedOrder, seedReturn } from '../../../adapters/shopee/sandbox/index.js';
import { shopSandbox, TestClock, type SandboxSetup } from './helpers.js';

let s: SandboxSetup | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const T0 = Date.UTC(2026, 5, 1);
const DAY = 86_400_000;

async function setup() {
  const clock = new TestClock(T0);
  const requests: RequestEvent[] = [];
  s = await shopSandbox({ clock, adapter: { hooks: { onRequest: (e) => void requests.push(e) } } });
  const calls = (path: string) => requests.filter((e) => new URL(e.url).pathname === path).length;
  return { clock, calls, s };
}

describe('Shopee return negotiation on the sandbox', () => {
  it('reads the available solutions, counter-offers once per idempotency key, then accepts the buyer\'s counter', async () => {
    const { calls, s } = await setup();
    const o = seedOrder(s.world, { lines: [{ price: 4.5, quantity: 2 }] });
    const r = seedReturn(s.world, o);
    const sn = r.wire.return_sn;

    expect(await s.adapter.returns.solutions(sn)).toEqual({
      returnId: sn,
      returnAndRefund: { eligible: true, adjustable: true, max: { amount: 900, currency: 'SGD' } },
      refund: { eligible: false, adjustable: false },
    });

    const offered = await s.adapter.returns.offerSolution(sn, { solution: 'RETURN_REFUND', refund: { amount: '5.00', currency: 'SGD' } }, { idempotencyKey: 'of-1' });
    expect(offered).toMatchObject({ action: 'offer', outcome: 'confirmed', return: { status: 'requested', raw: { negotiation: { latest_solution: 'RETURN_REFUND', latest_offer_amount: 5 } } } });
    const again = await s.adapter.returns.offerSolution(sn, { solution: 'RETURN_REFUND', refund: { amount: '5.00', currency: 'SGD' } }, { idempotencyKey: 'of-1' });
    expect(again.outcome).toBe('already_done');
    expect(calls('/api/v2/returns/offer')).toBe(1);

    // The seller cannot accept its own offer (v2.returns.accept_offer error_list).
    await expect(s.adapter.returns.acceptOffer(sn)).rejects.toThrow(/own offer/);
    buyerAnswersOffer(s.world, sn, { counter: 7 });
    const accepted = await s.adapter.returns.acceptOffer(sn, { idempotencyKey: 'ac-1' });
    expect(accepted).toMatchObject({ outcome: 'confirmed', return: { status: 'approved', marketplaceStatus: 'ACCEPTED', refundRequested: { amount: 700, currency: 'SGD' } } });
    expect(await s.adapter.returns.acceptOffer(sn, { idempotencyKey: 'ac-1' })).toMatchObject({ outcome: 'already_done' });
    expect(calls('/api/v2/returns/accept_offer')).toBe(2); // the refused one and the accepted one
  });

  it('deadlines: a request left unanswered past due_date is approved at that time; a seller offer gives the buyer 1 day instead', async () => {
    const { clock, s } = await setup();
    const left = seedReturn(s.world, seedOrder(s.world));
    const offered = seedReturn(s.world, seedOrder(s.world));
    const due = left.wire.due_date as number;
    expect(due).toBe(T0 / 1000 + 2 * 86400);
    await s.adapter.returns.offerSolution(offered.wire.return_sn, { solution: 'RETURN_REFUND', refund: { amount: '5.00', currency: 'SGD' } });
    const offerDeadline = (await s.adapter.returns.get(offered.wire.return_sn)).deadlines.find((d) => d.marketplaceAction === 'offer_due_date');
    expect(offerDeadline?.by.utc).toBe(new Date(T0 + DAY).toISOString());
    clock.t += 2 * DAY + 60_000;
    const listed = await s.adapter.returns.list({ updatedSince: new Date(T0) }).toArray({ max: 10 });
    expect(listed.find((x) => x.id === left.wire.return_sn)).toMatchObject({ status: 'approved', marketplaceStatus: 'ACCEPTED', updatedAt: { utc: new Date(due * 1000).toISOString() } });
    expect(listed.find((x) => x.id === offered.wire.return_sn)).toMatchObject({ status: 'requested' });
    await expect(s.adapter.returns.approve(left.wire.return_sn)).rejects.toThrow(/cannot be confirmed/);
  });

  it('refuses an offer above what was paid, or outside the solution bounds, before any offer call', async () => {
    const { calls, s } = await setup();
    const o = seedOrder(s.world, { lines: [{ price: 10 }, { price: 4.5, quantity: 2 }] });
    const r = seedReturn(s.world, o, { lines: [{ index: 1, quantity: 1 }], minRefund: 1 });
    const sn = r.wire.return_sn;
    const tooMuch = await s.adapter.returns.offerSolution(sn, { solution: 'RETURN_REFUND', refund: { amount: '20.00', currency: 'SGD' } }).catch((e) => e);
    expect(tooMuch).toBeInstanceOf(ValidationError);
    expect(tooMuch.path).toBe('request.refund');
    // The buyer asked for 3.00: within what was paid for the line (4.50) but above max_refund_amount (the request).
    advanceReturn(s.world, sn, { refund_amount: 3 });
    const aboveMax = await s.adapter.returns.offerSolution(sn, { solution: 'RETURN_REFUND', refund: { amount: '4.00', currency: 'SGD' } }).catch((e) => e);
    expect(aboveMax).toBeInstanceOf(ValidationError);
    expect(aboveMax.path).toBe('request.refund.amount');
    await expect(s.adapter.returns.offerSolution(sn, { solution: 'RETURN_REFUND', refund: { amount: '0.50', currency: 'SGD' } })).rejects.toThrow(/lower than min/);
    await expect(s.adapter.returns.offerSolution(sn, { solution: 'RETURN_REFUND', refund: { amount: '1.00', currency: 'EUR' } })).rejects.toBeInstanceOf(ValidationError);
    expect(calls('/api/v2/returns/offer')).toBe(0);
  });

  it('disputes with evidence, uploads proof (refused after the evidence deadline) and reads it back', async () => {
    const { clock, calls, s } = await setup();
    const r = seedReturn(s.world, seedOrder(s.world), { evidenceDueInS: 2 * 86400 });
    const sn = r.wire.return_sn;
    const reasons = await s.adapter.returns.disputeReasons(sn);
    expect(reasons[0]).toMatchObject({ id: '50', evidence: [{ moduleIndex: 1, required: true }, { moduleIndex: 2, required: true }] });
    const evidence = reasons[0]!.evidence.map((m) => ({ moduleIndex: m.moduleIndex, requirement: m.requirement, imageUrls: [`https://cdn.example/${m.moduleIndex}.jpg`] }));
    await expect(s.adapter.returns.dispute(sn, { email: 'ops@example.com', reasonId: 50, text: 'item returned used', evidence: evidence.slice(0, 1) })).rejects.toThrow(/mandatory module/);
    const disputed = await s.adapter.returns.dispute(sn, { email: 'ops@example.com', reasonId: 50, text: 'item returned used', evidence }, { idempotencyKey: 'd-1' });
    expect(disputed).toMatchObject({ action: 'dispute', outcome: 'confirmed', return: { status: 'disputed', marketplaceStatus: 'SELLER_DISPUTE' } });
    expect(await s.adapter.returns.dispute(sn, { email: 'ops@example.com', reasonId: 50, text: 'item returned used', evidence }, { idempotencyKey: 'd-1' })).toMatchObject({ outcome: 'already_done' });
    expect(calls('/api/v2/returns/dispute')).toBe(2);

    const photo = { url: 'https://cdn.example/p.jpg', thumbnail: 'https://cdn.example/p_tn.jpg' };
    expect(await s.adapter.returns.uploadProof(sn, { photos: [photo], description: 'packing video stills' })).toMatchObject({ action: 'upload_proof', outcome: 'confirmed' });
    expect(await s.adapter.returns.proofs(sn)).toEqual({ images: [photo], videos: [], description: 'packing video stills' });
    clock.t += 3 * DAY;
    await expect(s.adapter.returns.uploadProof(sn, { photos: [photo], description: 'late' })).rejects.toThrow(/overdue/);
  });

  it('cancels a compensation dispute only while ACCEPTED with COMPENSATION_REQUESTED', async () => {
    const { s } = await setup();
    const r = seedReturn(s.world, seedOrder(s.world));
    const sn = r.wire.return_sn;
    await expect(s.adapter.returns.cancelDispute(sn, { email: 'ops@example.com' })).rejects.toThrow(/not in ACCEPTED/);
    await s.adapter.returns.approve(sn);
    advanceReturn(s.world, sn, { seller_compensation: { seller_compensation_status: 'COMPENSATION_REQUESTED' } });
    const res = await s.adapter.returns.cancelDispute(sn, { email: 'ops@example.com' });
    expect(res).toMatchObject({ action: 'cancel_dispute', outcome: 'confirmed', return: { raw: { seller_compensation: { seller_compensation_status: 'COMPENSATION_CANCELLED' } } } });
  });

  it('follows the parcel back: in_transit once picked up, received once delivered, with carrier and tracking', async () => {
    const { clock, s } = await setup();
    const r = seedReturn(s.world, seedOrder(s.world));
    const sn = r.wire.return_sn;
    await s.adapter.returns.approve(sn);
    await expect(s.adapter.returns.reverseTracking(sn)).rejects.toThrow(/does not have reverse logistics status/);
    moveReturnParcel(s.world, sn, { picked_up: { trackingNumber: 'SPXSG0001', carrier: 'Shopee Xpress' } });
    expect(await s.adapter.returns.get(sn)).toMatchObject({ status: 'in_transit', shipping: { trackingNumber: 'SPXSG0001', carrier: { marketplaceCode: 'Shopee Xpress' }, marketplaceStatus: 'LOGISTICS_PICKUP_DONE' } });
    const byStatus = async (status: 'in_transit' | 'received' | 'approved') => (clock.t += 1000, await s.adapter.returns.list({ updatedSince: new Date(T0), statuses: [status] }).toArray({ max: 10 })).map((x) => x.id);
    expect(await byStatus('in_transit')).toEqual([sn]);
    expect(await byStatus('approved')).toEqual([]);
    moveReturnParcel(s.world, sn, { delivered: true });
    expect(await byStatus('received')).toEqual([sn]);
    const t = await s.adapter.returns.reverseTracking(sn);
    expect(t).toMatchObject({ requestType: 'normal', validationType: 'seller_validation', marketplaceStatus: 'LOGISTICS_DELIVERY_DONE', trackingNumber: 'SPXSG0001', return: { status: 'received' } });
    expect(t.events.map((e) => e.description)).toEqual(['Parcel has been picked up by our logistics partner', 'Parcel has been delivered']);
    const got = await s.adapter.returns.get(sn);
    expect(got.status).toBe('received');
    expect(got.deadlines.map((d) => d.marketplaceAction)).toContain('return_seller_due_date');
  });
});
