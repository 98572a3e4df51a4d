import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { END_REASONS } from '../../../adapters/aliexpress/mappers/end-reason.js';
import { statusOf } from '../../../adapters/aliexpress/mappers/order.js';
import { aeSandbox, type SandboxSetup } from './helpers.js';

let s: SandboxSetup;
beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  s = await aeSandbox();
});
afterAll(() => s.close());

const since = () => new Date(Date.now() - 3600_000);

describe('finished orders: end_reason decides, explicitly', () => {
  it('the buyer confirmation period running out is a completed (delivered) order, not a cancellation', () => {
    for (const r of ['buyer_accept_goods_timeout', 'buyer_confirm_goods_timeout', 'buyer_accept_goods', 'buyer_confirm_goods']) {
      expect(statusOf('FINISH', r)).toEqual({ status: 'delivered', holds: [], outcome: 'completed' });
    }
  });

  it('every reason in the table maps to its outcome; cancellations are cancelled, dispute refunds are refunded', () => {
    const expected = { completed: 'delivered', cancelled: 'cancelled', refunded: 'shipped' } as const;
    for (const [reason, { outcome, source }] of Object.entries(END_REASONS)) {
      expect(source.length).toBeGreaterThan(0);
      expect(statusOf('FINISH', reason)).toEqual({ status: expected[outcome], holds: [], outcome });
    }
    expect(statusOf('FINISH', 'seller_send_goods_timeout').status).toBe('cancelled');
    expect(statusOf('FINISH', 'seller_response_issue_timeout').outcome).toBe('refunded');
  });

  it('an unknown reason is never guessed from its spelling: unknown + warning, raw status kept', () => {
    for (const r of ['seller_close_order_timeout', 'refund_something', 'trade_close', 'constructor', undefined]) {
      const m = statusOf('FINISH', r);
      expect(m.status).toBe('unknown');
      expect(m.warning).toMatch(/FINISH/);
    }
  });

  it('through the sandbox: list and get report completed, cancelled, refunded and unknown endings', async () => {
    const mk = (reason: string) => s.world.finish(s.world.addOrder({ createdAt: Date.now() - 60_000, lines: [{ sku: 'E', price: '3.00', count: 2 }] }).id, reason).id;
    const done = mk('buyer_accept_goods_timeout');
    const cancelled = mk('seller_send_goods_timeout');
    const refunded = mk('seller_accept_issue_no_goods_return');
    const odd = mk('brand_new_reason');
    const got = new Map((await s.adapter.orders.list({ updatedSince: since() }).toArray({ max: 100 })).map((o) => [o.id, o]));
    expect(got.get(done)).toMatchObject({ status: 'delivered', marketplaceStatus: 'FINISH', extra: { endReason: 'buyer_accept_goods_timeout', endOutcome: 'completed' } });
    expect(got.get(cancelled)).toMatchObject({ status: 'cancelled', lines: [{ quantity: 2, cancelledQuantity: 2, returnedQuantity: 0 }] });
    expect(got.get(refunded)).toMatchObject({ status: 'shipped', lines: [{ quantity: 2, cancelledQuantity: 0, returnedQuantity: 2 }], extra: { endOutcome: 'refunded' } });
    const unknown = got.get(odd)!;
    expect(unknown).toMatchObject({ status: 'unknown', marketplaceStatus: 'FINISH', extra: { endReason: 'brand_new_reason' } });
    expect((unknown.extra.warnings as string[])[0]).toContain('brand_new_reason');
    expect(await s.adapter.orders.get(done)).toMatchObject({ status: 'delivered', extra: { endOutcome: 'completed' } });
    // Asking for delivered orders returns the completed one and not the cancelled one.
    const delivered = await s.adapter.orders.list({ updatedSince: since(), statuses: ['delivered'] }).toArray({ max: 100 });
    expect(delivered.map((o) => o.id)).toContain(done);
    expect(delivered.map((o) => o.id)).not.toContain(cancelled);
    const unknownOnes = await s.adapter.orders.list({ updatedSince: since(), statuses: ['unknown'] }).toArray({ max: 100 });
    expect(unknownOnes.map((o) => o.id)).toContain(odd);
  });
});
