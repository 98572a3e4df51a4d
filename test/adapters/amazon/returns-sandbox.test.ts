import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amazon, amazonSandbox, SANDBOX_CREDENTIALS, type AmazonSandboxState } from '../../../adapters/amazon/index.js';
import { adjustmentsOf, deliverMfnReturn, fbaCustomerReturn, mfnReturnRequest, shipMfnReturn } from '../../../adapters/amazon/sandbox/index.js';
import { ValidationError } from '../../../src/errors/classes.js';
import { memoryCheckpoints } from '../../../src/hub/checkpoints.js';
import { Hub } from '../../../src/hub/hub.js';
import type { RequestEvent } from '../../../src/http/hooks.js';
import { StockLedger } from '../../../src/inventory/ledger.js';
import type { Return } from '../../../src/model/return.js';
import type { RestockResult } from '../../../src/returns/restock.js';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/index.js';
import { MemoryIntentJournal } from '../../../src/state/intent-journal.js';

let sandbox: RunningSandbox;
let state: AmazonSandboxState;
const requests: RequestEvent[] = [];

const make = () => amazon({
  marketplaces: ['DE', 'FR'], sellerId: SANDBOX_CREDENTIALS.sellerId, credentials: SANDBOX_CREDENTIALS, endpoint: sandbox.urls.amazon!, tokenEndpoint: `${sandbox.urls.amazon}/auth/o2/token`,
  timeScale: 100, retry: { retries: 4, baseDelayMs: 5, maxDelayMs: 50 }, hooks: { onRequest: (e) => void requests.push(e) },
});

beforeAll(async () => {
  sandbox = await startSandbox({ marketplaces: { amazon: amazonSandbox() }, timeScale: 100 });
  state = sandbox.state.amazon as AmazonSandboxState;
});
afterAll(() => sandbox.close());

/** Windows never end inside the current second; returns made just now are in it. */
const aheadOneSecond = () => Date.now() + 1000;

describe('Amazon returns on the sandbox', () => {
  it('an FBA return Amazon received shows up in hub.returns.sync, graded, and is never restocked into the merchant pool', async () => {
    const [order] = state.seedOrders(1, { marketplaces: ['DE'], fulfilledBy: 'AMAZON', quantity: 2 });
    const sku = order!.orderItems[0]!.product.sellerSku!;
    const since = new Date(Date.now() - 60_000);
    fbaCustomerReturn(state, { orderId: order!.orderId, quantity: 1, disposition: 'SELLABLE', reason: 'UNWANTED_ITEM' });
    fbaCustomerReturn(state, { orderId: order!.orderId, quantity: 1, disposition: 'CUSTOMER_DAMAGED', reason: 'DEFECTIVE' });
    // An MFN order has no FBA return.
    const [mfn] = state.seedOrders(1, { marketplaces: ['DE'] });
    expect(() => fbaCustomerReturn(state, { orderId: mfn!.orderId })).toThrow(/not fulfilled by Amazon/);

    const hub = new Hub({ accounts: { de: make() } });
    const ledger = new StockLedger();
    ledger.setOnHand(sku, 10);
    const seen: Array<{ ret: Return; restock?: RestockResult }> = [];
    await hub.returns.sync({
      // A clock one second ahead: a window never ends inside the current second, and these returns were made in it.
      checkpoints: memoryCheckpoints(), since, lagMs: 0, now: aheadOneSecond, restock: { ledger, policy: 'sellable', journal: new MemoryIntentJournal() },
      handle: (ret: Return, ctx) => void seen.push({ ret, ...(ctx.restock ? { restock: ctx.restock } : {}) }),
    });
    const fba = seen.filter((s) => s.ret.orderId === order!.orderId);
    expect(fba.map((s) => [s.ret.status, s.ret.stock?.condition, s.ret.marketplaceState])).toEqual([['received', 'sellable', 'SELLABLE'], ['received', 'damaged', 'CUSTOMER_DAMAGED']]);
    expect(fba[0]!.ret).toMatchObject({ store: 'DE', lines: [{ sku, quantity: 1 }], stock: { heldBy: 'marketplace' }, reason: { marketplaceCode: 'UNWANTED_ITEM' } });
    expect(fba.every((s) => s.restock?.heldByMarketplace === true && s.restock.policy === 'none' && Object.keys(s.restock.units).length === 0)).toBe(true);
    expect(ledger.onHand(sku)).toBe(10);
    // Both reports were asked for, per store, over the sync's window.
    const reports = requests.filter((e) => e.method === 'POST' && e.url.endsWith('/reports/2021-06-30/reports'));
    expect(reports.length).toBeGreaterThanOrEqual(4);
  });

  it('MFN lifecycle: request → in transit → received (restocked into the seller’s ledger once) → refund by feed → refunded in the report', async () => {
    const [order] = state.seedOrders(1, { marketplaces: ['DE'], quantity: 2 });
    const item = order!.orderItems[0]!;
    const sku = item.product.sellerSku;
    const a = make();
    const hub = new Hub({ accounts: { de: a } });
    const ledger = new StockLedger();
    ledger.setOnHand(sku, 5);
    const journal = new MemoryIntentJournal();
    const since = new Date(Date.now() - 60_000);
    // One checkpoint store, as a scheduled sync keeps it: each run reads from where the last one ended.
    const checkpoints = memoryCheckpoints();
    const sync = async () => {
      const seen: Return[] = [];
      await hub.returns.sync({ checkpoints, since, lagMs: 0, now: aheadOneSecond, restock: { ledger, policy: 'sellable', journal }, handle: (r: Return) => void seen.push(r) });
      return seen.filter((r) => r.orderId === order!.orderId);
    };
    const now = async () => (await a.returns.list({ updatedSince: since, channels: ['merchant'] }).toArray({ max: 100 })).filter((r) => r.orderId === order!.orderId);

    const rq = mfnReturnRequest(state, { orderId: order!.orderId, quantity: 1, reason: 'CR-DEFECTIVE' });
    expect((await sync()).map((r) => [r.id, r.status, r.stock])).toEqual([[rq.rmaId, 'requested', undefined]]);
    // The report dates only the request and the delivery: shipping back shows when the range is read again.
    shipMfnReturn(state, rq.rmaId, { carrier: 'DHL', trackingId: 'JJD0001' });
    expect((await now())[0]).toMatchObject({ status: 'in_transit', shipping: { trackingNumber: 'JJD0001', carrier: { marketplaceCode: 'DHL' } } });
    // The delivery falls after the last run: the next run (its report looked back 30 days) delivers it.
    deliverMfnReturn(state, rq.rmaId);
    expect((await sync()).map((r) => [r.id, r.status])).toEqual([[rq.rmaId, 'received']]);
    expect((await now())[0]).toMatchObject({ reason: { marketplaceCode: 'CR-DEFECTIVE' }, lines: [{ sku, quantity: 1 }] });
    expect(ledger.onHand(sku)).toBe(6);

    const unit = Number(item.product.price.unitPrice.amount);
    const refund = await a.returns.refundOrder(order!.orderId, { lines: [{ lineId: item.orderItemId, quantity: 1 }] }, { deadline: Date.now() + 30_000 });
    expect(refund.state).toBe('succeeded');
    expect((await now())[0]).toMatchObject({ status: 'refunded', refunded: { amount: Math.round(unit * 100), currency: item.product.price.unitPrice.currencyCode } });
    await sync();
    expect(ledger.onHand(sku)).toBe(6);
  });

  it('refunds an MFN order line through the adjustment feed; more than was paid is refused before any feed call', async () => {
    const [order] = state.seedOrders(1, { marketplaces: ['DE'], quantity: 2 });
    const item = order!.orderItems[0]!;
    const a = make();
    const unit = Number(item.product.price!.unitPrice!.amount);
    const feedCalls = () => requests.filter((e) => e.url.includes('/feeds/2021-06-30/')).length;

    const before = feedCalls();
    const tooMuch = await a.returns.refundOrder(order!.orderId, { lines: [{ lineId: item.orderItemId, quantity: 1, amount: { amount: (unit + 0.01).toFixed(2), currency: item.product.price!.unitPrice!.currencyCode } }] }).catch((e) => e);
    expect(tooMuch).toBeInstanceOf(ValidationError);
    expect(feedCalls()).toBe(before);

    const refund = await a.returns.refundOrder(order!.orderId, { lines: [{ lineId: item.orderItemId, quantity: 1 }] }, { idempotencyKey: 'sbx-rf', deadline: Date.now() + 30_000 });
    expect(refund).toMatchObject({ marketplace: 'amazon', orderId: order!.orderId, state: 'succeeded', marketplaceState: 'Complete', outcome: 'confirmed', amount: { amount: Math.round(unit * 100) } });
    const adj = adjustmentsOf(state).filter((x) => x.orderId === order!.orderId);
    expect(adj).toHaveLength(1);
    expect(adj[0]).toMatchObject({ feedId: refund.id, reason: 'CustomerReturn', items: [{ orderItemId: item.orderItemId, quantity: 1, components: [{ type: 'Principal', amount: unit.toFixed(2), currency: item.product.price!.unitPrice!.currencyCode }] }] });
    expect(await a.returns.refundStatus(refund.id!)).toEqual({ id: refund.id, state: 'succeeded', marketplaceState: 'Complete' });
    // The same key again: journaled, no second feed.
    const creates = requests.filter((e) => e.method === 'POST' && e.url.endsWith('/feeds/2021-06-30/feeds')).length;
    expect(await a.returns.refundOrder(order!.orderId, { lines: [{ lineId: item.orderItemId, quantity: 1 }] }, { idempotencyKey: 'sbx-rf' })).toMatchObject({ outcome: 'already_done', id: refund.id });
    expect(requests.filter((e) => e.method === 'POST' && e.url.endsWith('/feeds/2021-06-30/feeds')).length).toBe(creates);
  });
});
