import { systemClock, type Clock } from '../../../src/http/clock.js';
import type { CallOptions } from '../../../src/http/call-options.js';
import type { EventHandler, NotificationSource } from '../../../src/notifications/event.js';
import type { ShopeePush } from '../push.js';
import { lostBody } from '../push.js';
import { pushToEvents } from './events.js';

/** What one drain pass did. */
export interface DrainResult {
  /** Events handed to the handler. */
  handled: number;
  /** Pages confirmed with confirm_consumed_lost_push_message. */
  pages: number;
}

/**
 * One pass over the lost-push backlog: every message of a page goes to `handle` in order, and the
 * page is confirmed with its last_message_id only after all of them resolved; a handler failure
 * rejects before the confirm, so Shopee keeps the page and the next drain delivers it again.
 * Backlog rules: earliest 100 unconfirmed messages of the last 3 days, confirmation by the last
 * message id (specs/shopee/v2.push.get_lost_push_message.json, v2.push.confirm_consumed_lost_push_message.json).
 */
export async function drainLostPushes(push: ShopeePush, handle: EventHandler, opts: CallOptions & { maxPages?: number; account?: string; now?: () => number } = {}): Promise<DrainResult> {
  let handled = 0;
  const r = await push.drainLost(async (_typed, bodies) => {
    for (const body of bodies) {
      for (const e of pushToEvents(body, opts.account ?? push.account, (opts.now ?? Date.now)())) {
        await handle(e);
        handled++;
      }
    }
  }, opts);
  return { handled, pages: r.pages };
}

/** Options of {@link lostPushSource}. */
export interface LostPushSourceOptions {
  /** Pause between drains (Shopee keeps lost pushes 3 days; default 5 min). */
  everyMs?: number;
  /** Time source and sleeps (default the system clock). */
  clock?: Clock;
  /** Account key of the events (default the adapter's). */
  account?: string;
  /** A failed drain (network, handler) is reported here and retried at the next tick. */
  onError?: (e: unknown) => void;
}

/** The scheduled drain as a NotificationSource: drains, sleeps on the clock, until the signal aborts. */
export function lostPushSource(push: ShopeePush, opts: LostPushSourceOptions = {}): NotificationSource {
  return {
    marketplace: 'shopee',
    async run(handle: EventHandler, runOpts: { signal?: AbortSignal } = {}): Promise<void> {
      const signal = runOpts.signal;
      const clock = opts.clock ?? systemClock;
      while (!signal?.aborted) {
        try {
          await drainLostPushes(push, handle, { signal, account: opts.account, now: () => clock.now() });
        } catch (e) {
          if (signal?.aborted) break;
          opts.onError?.(e);
        }
        try {
          await clock.sleep(opts.everyMs ?? 5 * 60_000, signal);
        } catch {
          break;
        }
      }
    },
  };
}
