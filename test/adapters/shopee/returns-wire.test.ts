import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/index.js';
import { shopee } from '../../../adapters/shopee/index.js';
import { tokenKey } from '../../../adapters/shopee/tokens.js';
import { signedQuery, TestClock, TestTokenStore } from './helpers.js';

afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

const T0 = Date.UTC(2026, 5, 1);
const HOST = 'https://partner.shopeemobile.com';
const key = 'returns-key';
const token = 'returns-token-0000000000000';
const SN = '200203171852695';
const ORDER = '200203C6W0AR27';

const adapter = () => {
  nock.disableNetConnect();
  const store = new TestTokenStore({ [tokenKey(1, { kind: 'shop', id: 9 })]: { accessToken: token, refreshToken: 'x'.repeat(32), expiresAt: T0 + 3600_000, version: 1 } });
  return shopee({ region: 'SG', partnerId: 1, partnerKey: key, shopId: 9, tokens: store, clock: new TestClock(T0), escrow: false, retry: { retries: 0 } });
};
/** partner_id, timestamp, access_token, shop_id and the HMAC sign of this path: exactly Shopee's shop-level common parameters. */
const signed = (path: string, extra: Record<string, string> = {}) => (q: Record<string, string>) =>
  signedQuery(q, { partnerId: 1, path, partnerKey: key, accessToken: token, shopId: 9, timestamp: T0 / 1000 })
  && Object.entries(extra).every(([k, v]) => q[k] === v)
  && Object.keys(q).sort().join() === [...new Set(['access_token', 'partner_id', 'shop_id', 'sign', 'timestamp', ...Object.keys(extra)])].sort().join();
const env = (response: unknown) => ({ request_id: 'r', error: '', message: '', response });

const wire = (over: Record<string, unknown> = {}) => ({
  return_sn: SN, order_sn: ORDER, status: 'REQUESTED', reason: 'PHYSICAL_DMG', refund_amount: 14.09, currency: 'SGD', create_time: 1780272000, update_time: 1780272000,
  needs_logistics: true, item: [{ item_id: 2147533133, model_id: 0, amount: 1, item_price: 14.09, item_sku: 'USB' }],
  negotiation: { negotiation_status: 'PENDING_RESPOND', latest_solution: 'RETURN_REFUND', latest_offer_amount: 14.09, counter_limit: 2, offer_due_date: 1780531200 },
  ...over,
});
const detail = (w: unknown, times = 1) => nock(HOST).get('/api/v2/returns/get_return_detail').query(signed('/api/v2/returns/get_return_detail', { return_sn: SN }) as never).times(times).reply(200, env(w));
const order = {
  order_sn: ORDER, region: 'SG', currency: 'SGD', cod: false, order_status: 'COMPLETED', create_time: 1780000000, update_time: 1780100000, days_to_ship: 2, ship_by_date: 1780200000,
  total_amount: 14.09, buyer_cancel_reason: '', cancel_by: '', cancel_reason: '',
  item_list: [{ item_id: 2147533133, item_name: 'USB hub', item_sku: 'USB', model_id: 0, model_name: '', model_sku: '', model_quantity_purchased: 1, model_original_price: 14.09, model_discounted_price: 14.09 }],
};
const orderDetail = (o: unknown, times = 1) => nock(HOST).get('/api/v2/order/get_order_detail').query((q) => signed('/api/v2/order/get_order_detail', { order_sn_list: ORDER, response_optional_fields: String(q.response_optional_fields) })(q as never)).times(times).reply(200, env({ order_list: [o] }));

describe('Shopee returns wire: the new v2.returns calls, pinned', () => {
  it('get_available_solutions: signed GET with return_sn, min/max as Money', async () => {
    const a = adapter();
    detail(wire());
    const sol = nock(HOST).get('/api/v2/returns/get_available_solutions').query(signed('/api/v2/returns/get_available_solutions', { return_sn: SN }) as never)
      .reply(200, env({ return_sn: SN, offer_return_refund: { eligibility: true, refund_amount_adjustable: true, max_refund_amount: 15, min_refund_amount: 5 }, offer_refund: { eligibility: true, refund_amount_adjustable: true, max_refund_amount: 10, min_refund_amount: 5 } }));
    expect(await a.returns.solutions(SN)).toEqual({
      returnId: SN,
      returnAndRefund: { eligible: true, adjustable: true, min: { amount: 500, currency: 'SGD' }, max: { amount: 1500, currency: 'SGD' } },
      refund: { eligible: true, adjustable: true, min: { amount: 500, currency: 'SGD' }, max: { amount: 1000, currency: 'SGD' } },
    });
    expect(sol.isDone()).toBe(true);
  });

  it('offer: POST { return_sn, proposed_solution, proposed_adjusted_refund_amount } after the cap and bounds checks', async () => {
    const a = adapter();
    detail(wire(), 2);
    orderDetail(order);
    nock(HOST).get('/api/v2/returns/get_available_solutions').query(true).reply(200, env({ return_sn: SN, offer_return_refund: { eligibility: true, refund_amount_adjustable: true, max_refund_amount: 14.09, min_refund_amount: 1 } }));
    const offer = nock(HOST).post('/api/v2/returns/offer', { return_sn: SN, proposed_solution: 'RETURN_REFUND', proposed_adjusted_refund_amount: 10.5 })
      .query(signed('/api/v2/returns/offer') as never).reply(200, env({ return_sn: SN }));
    detail(wire({ negotiation: { negotiation_status: 'PENDING_RESPOND', latest_solution: 'RETURN_REFUND', latest_offer_amount: 10.5 } }));
    const res = await a.returns.offerSolution(SN, { solution: 'RETURN_REFUND', refund: { amount: '10.50', currency: 'SGD' } });
    expect(offer.isDone()).toBe(true);
    expect(res).toMatchObject({ returnId: SN, action: 'offer', outcome: 'confirmed', return: { id: SN, status: 'requested', deadlines: expect.arrayContaining([expect.objectContaining({ marketplaceAction: 'offer_due_date' })]) } });
  });

  it('offer: an unclear answer is read back, and the same key never sends a second offer', async () => {
    const a = adapter();
    detail(wire(), 1);
    orderDetail(order);
    nock(HOST).get('/api/v2/returns/get_available_solutions').query(true).reply(200, env({ return_sn: SN, offer_return_refund: { eligibility: true, refund_amount_adjustable: true, max_refund_amount: 14.09 } }));
    const offer = nock(HOST).post('/api/v2/returns/offer').query(true).reply(500, { error: 'error_server', message: 'Something wrong. Please try later.' });
    // The offer did reach Shopee: the negotiation now carries it.
    detail(wire({ negotiation: { negotiation_status: 'PENDING_RESPOND', latest_solution: 'RETURN_REFUND', latest_offer_amount: 10.5 } }), 1);
    const req = { solution: 'RETURN_REFUND', refund: { amount: '10.50', currency: 'SGD' } };
    expect(await a.returns.offerSolution(SN, req, { idempotencyKey: 'k1' })).toMatchObject({ outcome: 'confirmed', return: { raw: { negotiation: { latest_offer_amount: 10.5 } } } });
    expect(offer.isDone()).toBe(true);
    detail(wire(), 1);
    expect(await a.returns.offerSolution(SN, req, { idempotencyKey: 'k1' })).toMatchObject({ outcome: 'already_done' });
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('offer: more than was paid is refused before any write', async () => {
    const a = adapter();
    detail(wire());
    orderDetail(order);
    const offer = nock(HOST).post('/api/v2/returns/offer').query(true).reply(200, env({ return_sn: SN }));
    const e = await a.returns.offerSolution(SN, { solution: 'RETURN_REFUND', refund: { amount: '14.10', currency: 'SGD' } }).catch((x) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.path).toBe('request.refund');
    expect(offer.isDone()).toBe(false);
  });

  it('accept_offer, dispute, cancel_dispute, upload_proof: signed POSTs with the documented bodies', async () => {
    const a = adapter();
    const post = (path: string, body: unknown) => nock(HOST).post(path, body as never).query(signed(path) as never).reply(200, env({ return_sn: SN }));
    detail(wire(), 2);
    const accept = post('/api/v2/returns/accept_offer', { return_sn: SN });
    detail(wire({ status: 'ACCEPTED', negotiation: { negotiation_status: 'TERMINATED' } }));
    expect(await a.returns.acceptOffer(SN)).toMatchObject({ outcome: 'confirmed', return: { status: 'approved' } });
    expect(accept.isDone()).toBe(true);

    detail(wire(), 2);
    const dispute = post('/api/v2/returns/dispute', {
      return_sn: SN, email: 'ops@example.com', dispute_reason_id: 50, dispute_text_reason: 'used item',
      image_list: [{ module_index: 1, requirement: 'Photo(s) of all returned item(s)', image_url: ['https://cdn.example/1.jpg'] }],
    });
    detail(wire({ status: 'SELLER_DISPUTE', dispute_reason: ['50'] }));
    expect(await a.returns.dispute(SN, { email: 'ops@example.com', reasonId: 50, text: 'used item', evidence: [{ moduleIndex: 1, requirement: 'Photo(s) of all returned item(s)', imageUrls: ['https://cdn.example/1.jpg'] }] }))
      .toMatchObject({ action: 'dispute', outcome: 'confirmed', return: { status: 'disputed' } });
    expect(dispute.isDone()).toBe(true);

    const accepted = wire({ status: 'ACCEPTED', seller_compensation: { seller_compensation_status: 'COMPENSATION_REQUESTED' } });
    detail(accepted, 2);
    const cancel = post('/api/v2/returns/cancel_dispute', { return_sn: SN, email: 'ops@example.com' });
    detail({ ...accepted, seller_compensation: { seller_compensation_status: 'COMPENSATION_CANCELLED' } });
    expect(await a.returns.cancelDispute(SN, { email: 'ops@example.com' })).toMatchObject({ action: 'cancel_dispute', outcome: 'confirmed' });
    expect(cancel.isDone()).toBe(true);

    detail(wire());
    const upload = post('/api/v2/returns/upload_proof', { return_sn: SN, photo: [{ url: 'https://cdn.example/p.jpg', thumbnail: 'https://cdn.example/t.jpg' }], description: 'stills' });
    expect(await a.returns.uploadProof(SN, { photos: [{ url: 'https://cdn.example/p.jpg', thumbnail: 'https://cdn.example/t.jpg' }], description: 'stills' })).toMatchObject({ outcome: 'confirmed' });
    expect(upload.isDone()).toBe(true);
  });

  it('query_proof, get_return_dispute_reason, get_reverse_tracking_info: signed GETs with return_sn, normalized', async () => {
    const a = adapter();
    const get = (path: string, response: unknown) => nock(HOST).get(path).query(signed(path, { return_sn: SN }) as never).reply(200, env(response));
    detail(wire(), 3);
    get('/api/v2/returns/query_proof', { image: [{ url: 'https://cdn.example/p.jpg', thumbnail: 'https://cdn.example/t.jpg' }], video: [], description: 'stills' });
    expect(await a.returns.proofs(SN)).toEqual({ images: [{ url: 'https://cdn.example/p.jpg', thumbnail: 'https://cdn.example/t.jpg' }], videos: [], description: 'stills' });
    get('/api/v2/returns/get_return_dispute_reason', { dispute_reason_list: [{ dispute_reason: 50, dispute_requirement: 'more info', evidence_module_list: [{ is_required: true, module_index: 1, requirement: 'unboxing' }] }] });
    expect(await a.returns.disputeReasons(SN)).toEqual([{ id: '50', requirement: 'more info', evidence: [{ moduleIndex: 1, requirement: 'unboxing', required: true }] }]);

    // The get_reverse_tracking_info response_sample, on an ACCEPTED return.
    nock.cleanAll();
    detail(wire({ status: 'ACCEPTED' }));
    get('/api/v2/returns/get_reverse_tracking_info', {
      return_sn: SN, return_refund_request_type: 0, validation_type: 'seller_validation', reverse_logistics_status: 'LOGISTICS_REQUEST_CREATED', reverse_logistics_update_time: 1740728119,
      estimated_delivery_date_max: '1740728121', estimated_delivery_date_min: '1740626000', tracking_number: 'MY257829361436J',
      tracking_info: [{ update_time: 1740728119, tracking_description: 'Parcel has been picked up by our logistics partner', epop_image_list: [], epod_image_list: [] }],
    });
    const t = await a.returns.reverseTracking(SN);
    expect(t).toMatchObject({
      returnId: SN, requestType: 'normal', validationType: 'seller_validation', marketplaceStatus: 'LOGISTICS_REQUEST_CREATED', trackingNumber: 'MY257829361436J',
      events: [{ at: { utc: '2025-02-28T07:35:19.000Z' }, description: 'Parcel has been picked up by our logistics partner' }],
      // LOGISTICS_REQUEST_CREATED is not a pickup: the return stays approved, now with its tracking number.
      return: { status: 'approved', shipping: { trackingNumber: 'MY257829361436J', marketplaceStatus: 'LOGISTICS_REQUEST_CREATED' } },
    });
  });

  it('maps the legacy logistics_status of a Normal RR; In-transit RR values and warehouse validation do not make it received', async () => {
    const a = adapter();
    detail(wire({ status: 'ACCEPTED', logistics_status: 'LOGISTICS_DELIVERY_DONE' }));
    expect((await a.returns.get(SN)).status).toBe('received');
    detail(wire({ status: 'ACCEPTED', return_refund_request_type: 1, reverse_logistics_status: 'LOGISTICS_DELIVERY_DONE' }));
    expect((await a.returns.get(SN)).status).toBe('approved');
    detail(wire({ status: 'ACCEPTED', validation_type: 'warehouse_validation', reverse_logistics_status: 'LOGISTICS_DELIVERY_DONE', return_refund_request_type: 0 }));
    expect((await a.returns.get(SN)).status).toBe('in_transit');
    detail(wire({ status: 'REFUND_PAID', logistics_status: 'LOGISTICS_DELIVERY_DONE' }));
    expect((await a.returns.get(SN)).status).toBe('refunded');
  });

  it('cancellations.accept: handle_buyer_cancellation { order_sn, operation: ACCEPT } on an IN_CANCEL order', async () => {
    const a = adapter();
    orderDetail({ ...order, order_status: 'IN_CANCEL', buyer_cancel_reason: 'Modify existing order' }, 3);
    const handle = nock(HOST).post('/api/v2/order/handle_buyer_cancellation', { order_sn: ORDER, operation: 'ACCEPT' })
      .query(signed('/api/v2/order/handle_buyer_cancellation') as never).reply(200, env({ update_time: 1780200000 }));
    orderDetail({ ...order, order_status: 'CANCELLED', cancel_by: 'buyer', buyer_cancel_reason: 'Modify existing order' }, 2);
    expect(await a.returns.cancellations.accept(ORDER)).toMatchObject({ id: ORDER, orderId: ORDER, status: 'accepted', requestedBy: 'buyer', reason: { marketplaceCode: 'Modify existing order' }, outcome: 'confirmed' });
    expect(handle.isDone()).toBe(true);
  });

  it('bad input to the Shopee-only calls is a ValidationError naming the field, before any call', async () => {
    const a = adapter(); // net connect disabled: any request would fail differently
    const path = (p: Promise<unknown>) => p.then(() => 'resolved', (e) => (e instanceof ValidationError ? e.path : `not a ValidationError: ${String(e)}`));
    expect(await path(a.returns.offerSolution(SN, { solution: 'return refund', refund: { amount: '1.00', currency: 'SGD' } }))).toBe('request.solution');
    expect(await path(a.returns.offerSolution(SN, null as never))).toBe('request');
    expect(await path(a.returns.offerSolution('', { solution: 'RETURN_REFUND', refund: { amount: '1.00', currency: 'SGD' } }))).toBe('returnId');
    expect(await path(a.returns.dispute(SN, { email: 'not-an-email', reasonId: 50, text: 'x' }))).toBe('request.email');
    expect(await path(a.returns.dispute(SN, { email: 'ops@example.com', reasonId: 50, text: 'x', evidence: [{ moduleIndex: 1, requirement: 'r', imageUrls: ['https://a/1', 'https://a/2', 'https://a/3', 'https://a/4'] }] }))).toBe('request.evidence[0].imageUrls');
    expect(await path(a.returns.cancelDispute(SN, {} as never))).toBe('request.email');
    expect(await path(a.returns.uploadProof(SN, { photos: [], description: 'x' }))).toBe('request.photos');
    expect(await path(a.returns.reverseTracking(42 as never))).toBe('returnId');
    expect(await path(a.returns.cancellations.accept(undefined as never))).toBe('cancelId');
  });
});
