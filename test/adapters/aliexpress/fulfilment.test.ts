import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '../../../src/errors/index.js';
import { MemoryIntentJournal } from '../../../src/state/intent-journal.js';
import { aeSandbox, fixture } from './helpers.js';
import { intercept, sellerQuery, wireAdapter, type Seen } from './wire.js';

const DETAIL = fixture('order_info_get.json');
const FULFILLED = fixture('order_fulfill.json');
const SERVICES = fixture('logistics_services.json');
const LIST_METHOD = 'aliexpress.logistics.redefining.listlogisticsservice';
/** Every call but the given ones answers the order detail; the service list answers itself. */
const byMethod = (answers: Record<string, unknown>, fallback: unknown = DETAIL) => (s: Seen): [number, unknown] => [200, s.query.method === LIST_METHOD ? SERVICES : answers[s.query.method!] ?? fallback];
const calls = (seen: Seen[]) => seen.map((x) => x.query.method).filter((m) => m !== LIST_METHOD);
const ORDER = '3041234567890123';
const LINE = '8012345678901';

/** The detail fixture, with the given tracking numbers declared. */
function detailWith(tracking: string[]) {
  const d = structuredClone(DETAIL);
  const data = d.aliexpress_solution_order_info_get_response.result.data;
  data.logistic_info_list = { global_aeop_tp_logistic_info_dto: tracking.map((no) => ({ logistics_no: no, logistics_service_name: 'CAINIAO_STANDARD', gmt_send: '2026-11-01 03:00:00' })) };
  if (tracking.length) data.order_status = 'WAIT_BUYER_ACCEPT_GOODS';
  return d;
}

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(() => nock.cleanAll());

describe('fulfilment.ship (wire)', () => {
  it('declares the shipment with service_name, out_ref = order id, send_type and logistics_no', async () => {
    const seen: Seen[] = [];
    intercept('/sync', byMethod({ 'aliexpress.solution.order.fulfill': FULFILLED }), seen, 3);
    const shipment = await wireAdapter().fulfilment.ship({ orderId: ORDER, packages: [{ lines: [{ lineId: LINE, quantity: 2 }], carrier: 'CAINIAO_STANDARD', trackingNumber: 'LP00123456789CN' }] });
    const fulfill = seen.find((s) => s.query.method === 'aliexpress.solution.order.fulfill')!;
    const { sign: _s, ...query } = fulfill.query;
    expect(query).toEqual(sellerQuery('aliexpress.solution.order.fulfill'));
    expect(fulfill.signOk).toBe(true);
    expect(fulfill.body).toEqual({ service_name: 'CAINIAO_STANDARD', out_ref: ORDER, send_type: 'all', logistics_no: 'LP00123456789CN' });
    expect(shipment).toEqual({
      orderId: ORDER, marketplace: 'aliexpress', status: 'shipped', outcome: 'confirmed', warnings: [], shippedAt: undefined, shipFrom: undefined,
      packages: [{ lines: [{ lineId: LINE, quantity: 2 }], carrier: { code: 'CAINIAO_STANDARD', marketplaceCode: 'CAINIAO_STANDARD' }, service: undefined, trackingNumber: 'LP00123456789CN' }],
    });
  });

  it('a partial package is declared with send_type part', async () => {
    const seen: Seen[] = [];
    intercept('/sync', byMethod({ 'aliexpress.solution.order.fulfill': FULFILLED }), seen, 3);
    await wireAdapter().fulfilment.ship({ orderId: ORDER, packages: [{ lines: [{ lineId: LINE, quantity: 1 }], carrier: 'UPS', trackingNumber: '1Z999' }] });
    expect(seen.find((s) => s.query.method === 'aliexpress.solution.order.fulfill')!.body.send_type).toBe('part');
  });

  it('not idempotent: after an ambiguous 5xx it re-reads the order and does not replay a declaration that landed', async () => {
    const seen: Seen[] = [];
    let reads = 0;
    intercept('/sync', (s) => {
      if (s.query.method === LIST_METHOD) return [200, SERVICES];
      if (s.query.method === 'aliexpress.solution.order.fulfill') return [500, { error_response: { type: 'SYSTEM', code: 'InternalError', msg: 'busy' } }];
      return [200, reads++ === 0 ? DETAIL : detailWith(['LP1'])];
    }, seen, 4);
    const s = await wireAdapter().fulfilment.ship({ orderId: ORDER, packages: [{ lines: [{ lineId: LINE, quantity: 2 }], carrier: 'CAINIAO_STANDARD', trackingNumber: 'LP1' }] });
    expect(calls(seen)).toEqual(['aliexpress.solution.order.info.get', 'aliexpress.solution.order.fulfill', 'aliexpress.solution.order.info.get']);
    expect(s.outcome).toBe('confirmed');
  });

  it('replays after verify proves the declaration did not land', async () => {
    const seen: Seen[] = [];
    let fulfils = 0;
    intercept('/sync', (s) => {
      if (s.query.method === LIST_METHOD) return [200, SERVICES];
      if (s.query.method === 'aliexpress.solution.order.fulfill') return fulfils++ === 0 ? [502, 'bad gateway'] : [200, FULFILLED];
      return [200, DETAIL];
    }, seen, 5);
    await wireAdapter().fulfilment.ship({ orderId: ORDER, packages: [{ lines: [{ lineId: LINE, quantity: 2 }], carrier: 'CAINIAO_STANDARD', trackingNumber: 'LP2' }] });
    expect(calls(seen)).toEqual(['aliexpress.solution.order.info.get', 'aliexpress.solution.order.fulfill', 'aliexpress.solution.order.info.get', 'aliexpress.solution.order.fulfill']);
  });

  it('a tracking number already on the order is reported as already done without a call', async () => {
    const seen: Seen[] = [];
    intercept('/sync', detailWith(['LP3']), seen);
    const s = await wireAdapter().fulfilment.ship({ orderId: ORDER, packages: [{ lines: [{ lineId: LINE, quantity: 2 }], carrier: 'CAINIAO_STANDARD', trackingNumber: 'LP3' }] });
    expect(s.outcome).toBe('already_done');
    expect(seen).toHaveLength(1);
  });

  it('validates carrier, tracking and lines; refuses orders not awaiting shipment', async () => {
    const a = wireAdapter();
    await expect(a.fulfilment.ship({ orderId: ORDER, packages: [{ lines: [{ lineId: LINE, quantity: 1 }], trackingNumber: 'X' }] })).rejects.toBeInstanceOf(ValidationError);
    const seen: Seen[] = [];
    intercept('/sync', detailWith(['OTHER']), seen, 2);
    await expect(a.fulfilment.ship({ orderId: ORDER, packages: [{ lines: [{ lineId: LINE, quantity: 1 }], carrier: 'UPS', trackingNumber: 'NEW' }] })).rejects.toBeInstanceOf(ConflictError);
    await expect(a.fulfilment.ship({ orderId: ORDER, packages: [{ lines: [{ lineId: '1', quantity: 1 }], carrier: 'UPS', trackingNumber: 'NEW' }] })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('fulfilment.ship (sandbox)', () => {
  it('an idempotency key whose earlier attempt is pending is verified before any replay', async () => {
    const journal = new MemoryIntentJournal();
    const s = await aeSandbox({ adapter: { journal } });
    try {
      const o = s.world.addOrder({ lines: [{ sku: 'A', price: '5.00', count: 2 }] });
      const req = { orderId: o.id, packages: [{ lines: [{ lineId: o.lines[0]!.childId, quantity: 1 }], carrier: 'CAINIAO_STANDARD', trackingNumber: 'LPX1' }] };
      await s.adapter.fulfilment.ship(req, { idempotencyKey: 'k1' });
      const again = await s.adapter.fulfilment.ship(req, { idempotencyKey: 'k1' });
      expect(again.outcome).toBe('already_done');
      expect(s.world.fulfilCalls).toBe(1);
      expect(s.world.orders.get(o.id)!.status).toBe('SELLER_PART_SEND_GOODS');
      await s.adapter.fulfilment.ship({ ...req, packages: [{ ...req.packages[0]!, trackingNumber: 'LPX2' }] }, { idempotencyKey: 'k2' });
      expect(s.world.shipmentsFor(o.id)).toBe(2);
      // The second unit completes the order: declared `all` from what was already declared.
      expect(s.world.orders.get(o.id)!.status).toBe('WAIT_BUYER_ACCEPT_GOODS');
    } finally {
      await s.close();
    }
  });

  it('an intent left unknown by an earlier process is verified first: proven not done, it is sent once', async () => {
    const journal = new MemoryIntentJournal();
    const s = await aeSandbox({ adapter: { journal } });
    try {
      const o = s.world.addOrder({ lines: [{ sku: 'A', price: '5.00' }] });
      await journal.put({ key: `aliexpress:seller:${s.adapter.account}:aliexpress.solution.order.fulfill:k9`, operation: 'aliexpress.solution.order.fulfill', state: 'unknown', at: Date.now() });
      s.world.orders.get(o.id)!.status = 'WAIT_SELLER_SEND_GOODS';
      const req = { orderId: o.id, packages: [{ lines: [{ lineId: o.lines[0]!.childId, quantity: 1 }], carrier: 'CAINIAO_STANDARD', trackingNumber: 'LPY' }] };
      // Verify proves "not done" (tracking absent after the window) → the declaration is sent once.
      await s.adapter.fulfilment.ship(req, { idempotencyKey: 'k9' });
      expect(s.world.fulfilCalls).toBe(1);
    } finally {
      await s.close();
    }
  });
});
