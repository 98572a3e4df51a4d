/**
 * Issue 17.1/17.5 at 100k orders in one window, without timings: what a checkpoint write costs
 * (bytes) and what the sync keeps alive (heap after a forced GC) must not grow with the window.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { Hub, MemoryCheckpointStore, type SyncCheckpoint } from '../../../src/hub/index.js';
import { LazyFeed } from './support/lazy-feed.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const FROM = Date.parse('2026-03-01T00:00:00Z');

class MeasuredStore extends MemoryCheckpointStore {
  writes = 0;
  maxBytes = 0;
  override async set(account: string, cp: SyncCheckpoint) {
    this.writes++;
    this.maxBytes = Math.max(this.maxBytes, JSON.stringify(cp).length);
    return super.set(account, cp);
  }
}

async function run(count: number, sampleAt: number[]) {
  const feed = new LazyFeed({ count, from: FROM, stepMs: 250, pageSize: 100 });
  const hub = new Hub({ accounts: { lazy: feed } });
  const checkpoints = new MeasuredStore();
  const heap: number[] = [];
  let n = 0;
  const r = await hub.orders.sync({
    checkpoints, since: new Date(FROM), now: () => feed.now,
    handle: () => {
      if (sampleAt.includes(++n)) {
        gc();
        heap.push(process.memoryUsage().heapUsed);
      }
    },
  });
  return { r, checkpoints, heap, feed };
}

describe('order sync at scale: O(page) checkpoints, flat memory', () => {
  it('100k orders in one window: checkpoint writes stay page-sized and nothing per order is kept', async () => {
    const small = await run(10_000, []);
    const big = await run(100_000, [20_000, 95_000]);
    expect(big.r.ok).toBe(true);
    expect(big.r.delivered).toBe(100_000);
    // A write records the bound, the watermark and a bounded dedup set: no bigger at 100k than at 10k.
    expect(big.checkpoints.maxBytes).toBeLessThan(64 * 1024);
    expect(big.checkpoints.maxBytes).toBeLessThanOrEqual(small.checkpoints.maxBytes * 2 + 1024);
    // Between 20k and 95k delivered orders the live heap does not grow by what 75k entries would take.
    const [at20k, at95k] = big.heap as [number, number];
    expect(at95k - at20k).toBeLessThan(4 * 1024 * 1024);
    // Slicing costs at most about two listings per page of orders.
    expect(big.feed.requests).toBeLessThan((100_000 / 100) * 2.5);
  }, 60_000);
});
