import { describe, expect, it } from 'vitest';
import { drainLostPushes, lostPushSource } from '../../adapters/shopee/public.js';
import { seedOrder } from '../../adapters/shopee/sandbox/index.js';
import type { MarketplaceEvent } from '../../src/notifications/index.js';
import { shopSandbox, SHOP_ID } from '../adapters/shopee/helpers.js';

describe('Shopee lost-push drain', () => {
  it('delivers unified events and confirms a page only after every event of it was handled', async () => {
    const s = await shopSandbox();
    try {
      // No push URL: every push is lost and kept in the backlog.
      const o = seedOrder(s.world);
      s.world.requestBuyerCancellation(o.wire.order_sn);
      for (let i = 0; i < 120; i++) await s.world.emitPush(8, SHOP_ID, { item_id: i });
      let calls = 0;
      // The handler crashes on the 50th event: nothing of the page is confirmed.
      await expect(drainLostPushes(s.adapter.push, async () => {
        if (++calls === 50) throw new Error('db down');
      })).rejects.toThrow('db down');
      expect(s.world.lostPushes.filter((m) => m.confirmed)).toHaveLength(0);

      const seen: MarketplaceEvent[] = [];
      expect(await drainLostPushes(s.adapter.push, async (e) => void seen.push(e))).toEqual({ handled: 121, pages: 2 });
      expect(seen[0]).toMatchObject({ marketplace: 'shopee', account: String(SHOP_ID), kind: 'order_cancel_requested', orderId: o.wire.order_sn, topic: 'order_status' });
      expect(seen.slice(1).every((e) => e.kind === 'other' && e.topic === 'reserved_stock_change')).toBe(true);
      expect(new Set(seen.map((e) => e.eventId)).size).toBe(121);
      expect(s.world.lostPushes.every((m) => m.confirmed)).toBe(true);
      expect(await drainLostPushes(s.adapter.push, async () => undefined)).toEqual({ handled: 0, pages: 0 });
    } finally {
      await s.close();
    }
  });

  it('runs as a scheduled NotificationSource until aborted, retrying a failed drain at the next tick', async () => {
    const s = await shopSandbox();
    try {
      const o = seedOrder(s.world);
      s.world.requestBuyerCancellation(o.wire.order_sn);
      const ac = new AbortController();
      const errors: unknown[] = [];
      let ticks = 0;
      const clock = { now: () => Date.now(), sleep: async () => { if (++ticks >= 2) ac.abort(); } };
      const seen: MarketplaceEvent[] = [];
      let failOnce = true;
      await lostPushSource(s.adapter.push, { clock, onError: (e) => errors.push(e) }).run(async (e) => {
        if (failOnce) {
          failOnce = false;
          throw new Error('crash');
        }
        seen.push(e);
      }, { signal: ac.signal });
      expect(errors).toHaveLength(1);
      expect(seen.map((e) => e.orderId)).toEqual([o.wire.order_sn]);
      expect(s.world.lostPushes.every((m) => m.confirmed)).toBe(true);
    } finally {
      await s.close();
    }
  });
});
