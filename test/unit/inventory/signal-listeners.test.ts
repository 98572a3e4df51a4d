/**
 * Issue 26.4 on the sandboxes: one inventory.set may run many HTTP calls at once (eBay looks each
 * offer up in parallel), each adding an abort listener to the engine's signal for its duration.
 * That is bounded, not a leak, so it must not raise MaxListenersExceededWarning.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createInventorySync, StockLedger } from '../../../src/inventory/index.js';
import { memoryMarketplace } from './doubles.js';

const warnings: Error[] = [];
const onWarning = (w: Error) => void warnings.push(w);

afterEach(() => {
  process.off('warning', onWarning);
  warnings.length = 0;
});

describe('engine signal listeners', () => {
  it('a push that runs 20 concurrent calls on the engine signal raises no MaxListenersExceededWarning', async () => {
    process.on('warning', onWarning);
    const m = memoryMarketplace({ marketplace: 'ebay', stores: ['EBAY_US'] });
    const set = m.adapter.inventory.set.bind(m.adapter.inventory);
    let listened = 0;
    m.adapter.inventory.set = async (updates, opts) => {
      const signal = opts?.signal;
      // What 20 parallel HTTP lookups do: a listener each while in flight, removed afterwards.
      const handlers = Array.from({ length: 20 }, () => () => undefined);
      for (const h of handlers) signal?.addEventListener('abort', h);
      listened = handlers.length;
      await new Promise((r) => setTimeout(r, 5));
      for (const h of handlers) signal?.removeEventListener('abort', h);
      return set(updates, opts);
    };
    const ledger = new StockLedger();
    ledger.setOnHand('MUG', 3);
    ledger.map('ebayUS:EBAY_US', 'MUG', { sku: 'MUG' });
    const engine = createInventorySync({ ledger, accounts: { ebayUS: m.adapter } }).start();
    await engine.idle();
    await engine.stop();
    await new Promise((r) => setImmediate(r));
    expect(listened).toBe(20);
    expect(m.shown.get('EBAY_US|MUG')).toBe(3);
    expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
  });
});
