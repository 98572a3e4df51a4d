// One retry policy (issue 18.7): the pipeline's retries and the inventory pusher's retries both
// wait backoffDelay(attempt, policy): full jitter under min(maxDelayMs, baseDelayMs·2^(n−1)).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MarketplaceError } from '../../../src/errors/classes.js';
import type { Clock } from '../../../src/http/clock.js';
import { backoffDelay, DEFAULT_RETRY, inventoryRetryPolicy, withRetry, type RetryPolicy } from '../../../src/http/retry.js';
import { createInventorySync, StockLedger } from '../../../src/inventory/index.js';
import { memoryMarketplace } from '../inventory/doubles.js';
import { VirtualClock } from '../inventory/virtual-clock.js';

const busy = () => new MarketplaceError({ code: 'MARKETPLACE_UNAVAILABLE', message: '503', retryable: true });

function recordingClock(): Clock & { slept: number[] } {
  let t = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => t,
    sleep: async (ms) => {
      slept.push(ms, (t += ms));
    },
  };
}

afterEach(() => vi.restoreAllMocks());

describe('pipeline retries', () => {
  it('sleep the policy ceiling at the top of the jitter range, capped by maxDelayMs', async () => {
    const clock = recordingClock();
    const policy: RetryPolicy = { retries: 4, baseDelayMs: 100, maxDelayMs: 250 };
    await expect(withRetry({ policy, clock, random: () => 0.999999, marketplace: 'm', operation: 'op', shouldRetry: () => true, attempt: async () => { throw busy(); } })).rejects.toThrow('503');
    expect(clock.slept.filter((_, i) => i % 2 === 0)).toEqual([99, 199, 249, 249]);
  });
  it('and nothing at the bottom of it (full jitter)', async () => {
    const clock = recordingClock();
    await expect(withRetry({ policy: { retries: 2, baseDelayMs: 100, maxDelayMs: 250 }, clock, random: () => 0, marketplace: 'm', operation: 'op', shouldRetry: () => true, attempt: async () => { throw busy(); } })).rejects.toThrow();
    expect(clock.slept).toEqual([]);
  });
});

describe('inventory pusher retries', () => {
  it('use the same policy: base = retryDelayMs, ceiling = the pipeline default cap', async () => {
    expect(inventoryRetryPolicy(5, 8000)).toEqual({ retries: 4, baseDelayMs: 8000, maxDelayMs: DEFAULT_RETRY.maxDelayMs });
    vi.spyOn(Math, 'random').mockReturnValue(0.999999);
    const clock = new VirtualClock();
    const ledger = new StockLedger();
    ledger.setOnHand('WH-A', 3);
    ledger.map('amz:DE', 'A', { sku: 'WH-A' });
    const at: number[] = [];
    const amz = memoryMarketplace({ marketplace: 'amazon', stores: ['DE'], clock, fault: (u) => (at.push(clock.now()), { sku: u.sku, ok: false, error: busy() }) });
    const engine = createInventorySync({ ledger, clock, accounts: { amz: amz.adapter }, maxAttempts: 5, retryDelayMs: 8000 }).start();
    await clock.run();
    await engine.idle();
    await engine.stop();
    const waits = at.slice(1).map((t, i) => t - at[i]!);
    const policy = inventoryRetryPolicy(5, 8000);
    expect(waits).toEqual([1, 2, 3, 4].map((n) => backoffDelay(n, policy, () => 0.999999)));
    expect(waits).toEqual([7999, 15999, 19999, 19999]);
  });
});
