import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ebay, ebaySandbox, SANDBOX_CREDENTIALS, type EbaySandboxState } from '../../adapters/ebay/index.js';
import { openReturn, requestCancellation, shipReturn } from '../../adapters/ebay/sandbox/index.js';
import { ValidationError } from '../../src/errors/classes.js';
import { memoryCheckpoints } from '../../src/hub/checkpoints.js';
import { Hub } from '../../src/hub/hub.js';
import type { RequestEvent } from '../../src/http/hooks.js';
import { StockLedger } from '../../src/inventory/ledger.js';
import type { Return } from '../../src/model/return.js';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import { MemoryIntentJournal } from '../../src/state/intent-journal.js';

const { account, clientId, clientSecret, refreshToken } = SANDBOX_CREDENTIALS;
let sandbox: RunningSandbox;
let state: EbaySandboxState;
const requests: RequestEvent[] = [];

const make = () => ebay({
  account, marketplaces: ['EBAY_GB'], credentials: { clientId, clientSecret, refreshToken }, endpoint: sandbox.urls.ebay!, timeScale: 100,
  retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 5 }, hooks: { onRequest: (e) => void requests.push(e) },
});

beforeAll(async () => {
  sandbox = await startSandbox({ marketplaces: { ebay: ebaySandbox() }, timeScale: 100 });
  state = sandbox.state.ebay as EbaySandboxState;
});
afterAll(() => sandbox.close());

describe('eBay returns lifecycle on the sandbox', () => {
  it('request → approve → in transit → received → refund, synced by the hub with one ledger restock', async () => {
    const [order] = state.seedOrders(1, { marketplaces: ['EBAY_GB'], sku: 'MUG-BLUE', quantity: 2 });
    const line = order!.lineItems[0]!;
    const a = make();
    const hub = new Hub({ accounts: { gb: a } });
    const ledger = new StockLedger();
    ledger.setOnHand('MUG-BLUE', 10);
    const seen: string[] = [];
    const sync = () => hub.returns.sync({
      // A clock one second ahead: a window never ends inside the current second, and each step happened in it.
      checkpoints, since: new Date(Date.now() - 60_000), lagMs: 0, now: () => Date.now() + 1000, restock: { ledger, policy: 'sellable', journal },
      handle: (r: Return) => void seen.push(`${r.id}:${r.status}`),
    });
    const checkpoints = memoryCheckpoints();
    const journal = new MemoryIntentJournal();

    const opened = openReturn(state, { orderId: order!.orderId, lineItemId: line.lineItemId, quantity: 1, reason: 'ARRIVED_DAMAGED' });
    let r = await a.returns.get(opened.returnId);
    expect(r).toMatchObject({ status: 'requested', orderId: order!.orderId, reason: { code: 'damaged' }, lines: [{ lineId: line.lineItemId, sku: 'MUG-BLUE', quantity: 1 }], shipping: { paidBy: 'seller' } });
    expect(r.deadlines[0]).toMatchObject({ action: 'respond' });
    await sync();

    expect((await a.returns.approve(opened.returnId, {}, { idempotencyKey: 'ap' })).return?.status).toBe('approved');
    shipReturn(state, opened.returnId, { carrierEnum: 'RoyalMail', trackingNumber: 'RM1234' });
    r = await a.returns.get(opened.returnId);
    expect(r).toMatchObject({ status: 'in_transit', shipping: { carrier: { code: 'ROYAL_MAIL' }, trackingNumber: 'RM1234' } });

    const received = await a.returns.markReceived!(opened.returnId);
    expect(received.return).toMatchObject({ status: 'received', deadlines: [{ action: 'refund' }] });
    await sync();
    expect(ledger.onHand('MUG-BLUE')).toBe(11);

    // More than was paid for the returned unit (+ shipping) is refused before any refund call.
    const before = requests.filter((e) => e.url.includes('issue_refund')).length;
    const unit = Number(line.lineItemCost.value) / line.quantity;
    const tooMuch = await a.returns.refund(opened.returnId, { amount: { amount: (unit + Number(order!.pricingSummary.deliveryCost.value) + 0.01).toFixed(2), currency: line.lineItemCost.currency } }).catch((e) => e);
    expect(tooMuch).toBeInstanceOf(ValidationError);
    expect(requests.filter((e) => e.url.includes('issue_refund')).length).toBe(before);

    const refund = await a.returns.refund(opened.returnId, { lines: [{ lineId: line.lineItemId, quantity: 1 }] }, { idempotencyKey: 'rf' });
    expect(refund).toMatchObject({ state: 'succeeded', outcome: 'confirmed' });
    // The same key again: journaled, no second refund.
    expect(await a.returns.refund(opened.returnId, { lines: [{ lineId: line.lineItemId, quantity: 1 }] }, { idempotencyKey: 'rf' })).toMatchObject({ outcome: 'already_done' });
    expect(requests.filter((e) => e.url.includes('issue_refund')).length).toBe(before + 1);
    r = await a.returns.get(opened.returnId);
    expect(r.status).toBe('closed');
    expect(r.refunded).toEqual({ amount: Math.round(unit * 100), currency: line.lineItemCost.currency });

    await sync();
    expect(seen[0]).toBe(`${opened.returnId}:requested`);
    expect(seen).toContain(`${opened.returnId}:received`);
    expect(seen.at(-1)).toBe(`${opened.returnId}:closed`);
    expect(ledger.onHand('MUG-BLUE')).toBe(11); // restocked once
  });
});

describe('eBay cancellations on the sandbox (issue 20.2)', () => {
  it('a buyer request is a hold on the order; accepted it cancels the order, declined the hold clears; a seller cancellation cancels', async () => {
    const [o1, o2, o3] = state.seedOrders(3, { marketplaces: ['EBAY_GB'] });
    const a = make();
    const c1 = requestCancellation(state, o1!.orderId);
    const c2 = requestCancellation(state, o2!.orderId);
    const held = await a.orders.get(o1!.orderId);
    expect(held.holds).toContain('pending_buyer_cancellation');
    expect(held.shippable).toBe(false);

    const listed = await a.returns.cancellations!.list({ updatedSince: new Date(Date.now() - 60_000) }).toArray({ max: 10 });
    expect(listed.map((c) => [c.id, c.status, c.requestedBy])).toEqual(expect.arrayContaining([[c1.cancelId, 'requested', 'buyer'], [c2.cancelId, 'requested', 'buyer']]));

    expect(await a.returns.cancellations!.accept(c1.cancelId)).toMatchObject({ status: 'accepted', outcome: 'confirmed' });
    expect((await a.orders.get(o1!.orderId)).status).toBe('cancelled');

    expect(await a.returns.cancellations!.reject(c2.cancelId)).toMatchObject({ status: 'rejected' });
    const cleared = await a.orders.get(o2!.orderId);
    expect(cleared.holds).not.toContain('pending_buyer_cancellation');
    expect(cleared.shippable).toBe(true);

    expect(await a.orders.cancel(o3!.orderId, { reason: 'out_of_stock' }, { idempotencyKey: 'sc' })).toMatchObject({ outcome: 'submitted', reference: expect.any(String) });
    expect((await a.orders.get(o3!.orderId)).status).toBe('cancelled');
    // Already cancelled: eBay says it is not eligible.
    await expect(a.orders.cancel(o3!.orderId, { reason: 'out_of_stock' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
