import { afterEach, describe, expect, it } from 'vitest';
import type { RequestEvent } from '../../../src/http/hooks.js';
import { MemoryIntentJournal, type IntentJournal } from '../../../src/state/intent-journal.js';
import { shopee } from '../../../adapters/shopee/index.js';
import { seedOrder, seedReturn } from '../../../adapters/shopee/sandbox/index.js';
import { dyingAfterSend, Killed, PARTNER, shopSandbox, SHOP_ID, TestClock, type SandboxSetup } from './helpers.js';


let s: SandboxSetup | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const T0 = Date.UTC(2026, 5, 1);

describe('Shopee returns writes killed between request and journal update resolve on the next run, exactly once', () => {
  it('offerSolution, dispute and cancellations.accept', async () => {
    const clock = new TestClock(T0);
    const requests: RequestEvent[] = [];
    s = await shopSandbox({ clock });
    const inner = new MemoryIntentJournal();
    const make = (journal: IntentJournal) => shopee({
      region: 'SG', partnerId: PARTNER.partnerId, partnerKey: PARTNER.partnerKey, shopId: SHOP_ID, tokens: s!.store, endpoint: s!.url, journal, clock,
      retry: { baseDelayMs: 1, maxDelayMs: 5 }, escrow: false, hooks: { onRequest: (e) => void requests.push(e) },
    });
    const posts = (p: string) => requests.filter((e) => new URL(e.url).pathname === p).length;
    const dying = make(dyingAfterSend(inner));
    const next = make(inner);

    const r = seedReturn(s.world, seedOrder(s.world, { lines: [{ price: 4.5, quantity: 2 }] }));
    const sn = r.wire.return_sn;
    const offer = { solution: 'RETURN_REFUND', refund: { amount: '5.00', currency: 'SGD' } };
    await expect(dying.returns.offerSolution(sn, offer, { idempotencyKey: 'o1' })).rejects.toBeInstanceOf(Killed);
    expect(await next.returns.offerSolution(sn, offer, { idempotencyKey: 'o1' })).toMatchObject({ outcome: 'already_done' });
    expect(posts('/api/v2/returns/offer')).toBe(1);

    const r2 = seedReturn(s.world, seedOrder(s.world));
    const dispute = { email: 'ops@example.com', reasonId: 50, text: 'used', evidence: [1, 2].map((m) => ({ moduleIndex: m, requirement: 'r', imageUrls: [`https://cdn.example/${m}.jpg`] })) };
    await expect(dying.returns.dispute(r2.wire.return_sn, dispute, { idempotencyKey: 'd1' })).rejects.toBeInstanceOf(Killed);
    expect(await next.returns.dispute(r2.wire.return_sn, dispute, { idempotencyKey: 'd1' })).toMatchObject({ outcome: 'already_done', return: { status: 'disputed' } });
    expect(posts('/api/v2/returns/dispute')).toBe(1);

    const o = seedOrder(s.world);
    clock.t += 1000;
    s.world.requestBuyerCancellation(String(o.wire.order_sn));
    await expect(dying.returns.cancellations.accept(String(o.wire.order_sn), { idempotencyKey: 'c1' })).rejects.toBeInstanceOf(Killed);
    expect(await next.returns.cancellations.accept(String(o.wire.order_sn), { idempotencyKey: 'c1' })).toMatchObject({ status: 'accepted', outcome: 'already_done' });
    expect(posts('/api/v2/order/handle_buyer_cancellation')).toBe(1);
  });
});
