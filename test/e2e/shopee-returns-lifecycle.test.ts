import { afterEach, describe, expect, it } from 'vitest';
import { advanceReturn, buyerAnswersOffer, moveReturnParcel, seedOrder, seedReturn } from '../../adapters/shopee/sandbox/index.js';
import { ValidationError } from '../../src/errors/classes.js';
import { memoryCheckpoints } from '../../src/hub/checkpoints.js';
import { Hub } from '../../src/hub/hub.js';
import type { RequestEvent } from '../../src/http/hooks.js';
import { StockLedger } from '../../src/inventory/ledger.js';
import type { Return } from '../../src/model/return.js';
import { MemoryIntentJournal } from '../../src/state/intent-journal.js';
import { shopSandbox, TestClock, type SandboxSetup } from '../adapters/shopee/helpers.js';

let s: SandboxSetup | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const T0 = Date.UTC(2026, 5, 1);
const MIN = 60_000;

describe('Shopee returns lifecycle on the sandbox', () => {
  it('request → counter-offer → buyer counter → accept → in transit → received → refund paid, synced by the hub with one ledger restock', async () => {
    const clock = new TestClock(T0);
    const requests: RequestEvent[] = [];
    s = await shopSandbox({ clock, adapter: { hooks: { onRequest: (e) => void requests.push(e) } } });
    const calls = (path: string) => requests.filter((e) => new URL(e.url).pathname === path).length;
    const a = s.adapter;
    const o = seedOrder(s.world, { lines: [{ price: 4.5, quantity: 2, sku: 'MUG-1' }] });
    clock.t += MIN;
    const r = seedReturn(s.world, o, { lines: [{ index: 0, quantity: 1 }] });
    const sn = r.wire.return_sn;

    const hub = new Hub({ accounts: { sg: a } });
    const ledger = new StockLedger();
    ledger.setOnHand('MUG-1', 10);
    const checkpoints = memoryCheckpoints();
    const journal = new MemoryIntentJournal();
    const seen: string[] = [];
    const sync = async () => {
      clock.t += MIN;
      await hub.returns.sync({
        checkpoints, since: new Date(T0), lagMs: 0, clock, restock: { ledger, policy: 'sellable', journal },
        handle: (x: Return) => void seen.push(`${x.id}:${x.status}`),
      });
    };

    let ret = await a.returns.get(sn);
    expect(ret).toMatchObject({ status: 'requested', orderId: o.wire.order_sn, lines: [{ sku: 'MUG-1', quantity: 1 }], refundRequested: { amount: 450, currency: 'SGD' } });
    expect(ret.deadlines.map((d) => d.marketplaceAction)).toEqual(['due_date', 'offer_due_date', 'seller_evidence_deadline']);
    await sync();

    // More than was paid for the returned unit is refused before any offer call.
    await expect(a.returns.offerSolution(sn, { solution: 'RETURN_REFUND', refund: { amount: '4.51', currency: 'SGD' } })).rejects.toBeInstanceOf(ValidationError);
    expect(calls('/api/v2/returns/offer')).toBe(0);

    // The seller offers 3.00, the buyer counters with 4.00, the seller accepts: approved at 4.00.
    await a.returns.offerSolution(sn, { solution: 'RETURN_REFUND', refund: { amount: '3.00', currency: 'SGD' } }, { idempotencyKey: 'offer-1' });
    clock.t += MIN;
    buyerAnswersOffer(s.world, sn, { counter: 4 });
    const accepted = await a.returns.acceptOffer(sn, { idempotencyKey: 'accept-1' });
    expect(accepted.return).toMatchObject({ status: 'approved', refundRequested: { amount: 400, currency: 'SGD' } });
    await sync();

    clock.t += MIN;
    moveReturnParcel(s.world, sn, { picked_up: { trackingNumber: 'SPXSG77001', carrier: 'Shopee Xpress' } });
    ret = await a.returns.get(sn);
    expect(ret).toMatchObject({ status: 'in_transit', shipping: { trackingNumber: 'SPXSG77001', carrier: { marketplaceCode: 'Shopee Xpress' } } });
    await sync();
    expect(ledger.onHand('MUG-1')).toBe(10);

    clock.t += MIN;
    moveReturnParcel(s.world, sn, { delivered: true });
    expect((await a.returns.reverseTracking(sn)).return.status).toBe('received');
    await sync();
    expect(ledger.onHand('MUG-1')).toBe(11);

    // Shopee pays the refund (the marketplace's side: no seller call issues it).
    clock.t += MIN;
    advanceReturn(s.world, sn, { status: 'REFUND_PAID' });
    ret = await a.returns.get(sn);
    expect(ret).toMatchObject({ status: 'refunded', refunded: { amount: 400, currency: 'SGD' } });
    await sync();

    expect(seen[0]).toBe(`${sn}:requested`);
    expect(seen).toEqual(expect.arrayContaining([`${sn}:approved`, `${sn}:in_transit`, `${sn}:received`]));
    expect(seen.at(-1)).toBe(`${sn}:refunded`);
    expect(ledger.onHand('MUG-1')).toBe(11); // restocked once
  });

  it('request → approve (confirm) → in transit → received → refund paid, each status seen once by the hub, restocked once', async () => {
    const clock = new TestClock(T0);
    s = await shopSandbox({ clock });
    const a = s.adapter;
    const o = seedOrder(s.world, { lines: [{ price: 12, quantity: 3, sku: 'LAMP-2' }] });
    clock.t += MIN;
    const sn = seedReturn(s.world, o, { lines: [{ index: 0, quantity: 2 }] }).wire.return_sn;
    const hub = new Hub({ accounts: { sg: a } });
    const ledger = new StockLedger();
    ledger.setOnHand('LAMP-2', 5);
    const checkpoints = memoryCheckpoints();
    const journal = new MemoryIntentJournal();
    const statuses: string[] = [];
    const sync = async () => {
      clock.t += MIN;
      await hub.returns.sync({ checkpoints, since: new Date(T0), lagMs: 0, clock, restock: { ledger, policy: 'sellable', journal }, handle: (x: Return) => void statuses.push(x.status) });
    };
    await sync();
    expect((await a.returns.approve(sn, {}, { idempotencyKey: 'ap' })).return?.status).toBe('approved');
    await sync();
    moveReturnParcel(s.world, sn, { picked_up: { trackingNumber: 'NV123', carrier: 'Ninja Van' } });
    await sync();
    moveReturnParcel(s.world, sn, { delivered: true });
    await sync();
    expect(ledger.onHand('LAMP-2')).toBe(7);
    advanceReturn(s.world, sn, { status: 'REFUND_PAID' });
    await sync();
    expect(statuses).toEqual(['requested', 'approved', 'in_transit', 'received', 'refunded']);
    expect(ledger.onHand('LAMP-2')).toBe(7);
    expect(await a.returns.get(sn)).toMatchObject({ status: 'refunded', refunded: { amount: 2400, currency: 'SGD' }, shipping: { trackingNumber: 'NV123' } });
  });
});
