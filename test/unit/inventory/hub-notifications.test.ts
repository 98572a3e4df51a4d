/**
 * Issue 26.2 through hub.inventory.sync: with notification `sources`, an order event triggers a
 * targeted read and the ledger import at once, long before the next poll; polling stays the
 * safety net and still reports where each feed is (held increases wait on it).
 */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/classes.js';
import { Hub, memoryCheckpoints } from '../../../src/hub/index.js';
import { StockLedger } from '../../../src/inventory/index.js';
import type { EventHandler, MarketplaceEvent, NotificationSource } from '../../../src/notifications/index.js';
import { FakeAdapter, store } from '../hub/support/fake-adapter.js';
import { VirtualClock } from './virtual-clock.js';

const MIN = 60_000;
const T0 = Date.parse('2026-03-01T12:00:00Z');

function manualSource(): NotificationSource & { send(e: Partial<MarketplaceEvent>): Promise<void> } {
  let handle: EventHandler | undefined;
  return {
    marketplace: 'fakepee',
    run: (h, o) => new Promise<void>((resolve) => {
      handle = h;
      o?.signal?.addEventListener('abort', () => resolve(), { once: true });
    }),
    send: (e) => handle!({ marketplace: 'fakepee', account: 'S1', kind: 'order_changed', eventId: String(Math.random()), occurredAt: new Date(T0).toISOString(), topic: 't', raw: {}, ...e }),
  };
}

describe('hub.inventory.sync with notification sources', () => {
  it('an order push is read and reserved at once; the poll (every hour here) is only the safety net', async () => {
    const clock = new VirtualClock(T0);
    const shop = new FakeAdapter({ marketplace: 'fakepee', account: 'S1', stores: [store('SG', 'SGD')], pageSize: 50 });
    Object.defineProperty(shop, 'now', { get: () => clock.now(), set: () => undefined });
    const ledger = new StockLedger({ now: () => clock.now() });
    ledger.setOnHand('WH-1', 10);
    ledger.map('shop:SG', 'SKU-1', { sku: 'WH-1' });
    const src = manualSource();
    const ctl = new AbortController();
    const run = new Hub({ accounts: { shop } }).inventory.sync({
      ledger, clock, follow: true, signal: ctl.signal, checkpoints: memoryCheckpoints(), sources: [src],
      orders: { intervalMs: 60 * MIN, overlapMs: MIN, since: new Date(T0 - MIN) },
    });
    await clock.run(T0 + MIN);
    expect(shop.listCalls).toBe(1); // the first poll ran; the next is an hour away
    shop.putOrder('P1', clock.now());
    await src.send({ orderId: 'P1' });
    expect(ledger.reserved('WH-1')).toBe(1); // imported by the push's targeted read
    await clock.run(T0 + 2 * MIN);
    expect(shop.listCalls).toBe(1);
    ctl.abort();
    await clock.run(T0 + 3 * MIN);
    const report = await run;
    expect(report.notifications).toMatchObject({ events: 1, reads: 1, delivered: { push: 1 } });
    expect(report.orders?.accounts.map((a) => a.account)).toEqual(['shop']);
  });

  it('refuses sources without follow mode and a signal (ValidationError naming the field)', async () => {
    const shop = new FakeAdapter({ marketplace: 'fakepee', account: 'S1', stores: [store('SG', 'SGD')] });
    const hub = new Hub({ accounts: { shop } });
    const ledger = new StockLedger();
    await expect(hub.inventory.sync({ ledger, sources: [manualSource()] })).rejects.toMatchObject({ constructor: ValidationError, path: 'options.follow' });
    await expect(hub.inventory.sync({ ledger, follow: true, signal: new AbortController().signal, sources: [{ marketplace: 'x' } as unknown as NotificationSource] })).rejects.toMatchObject({ constructor: ValidationError, path: 'sources[0]' });
  });
});
