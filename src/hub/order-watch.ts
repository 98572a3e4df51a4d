/**
 * Push + poll order watch (issue 22.6). Notifications are hints: each one triggers a targeted
 * `orders.get` of the changed order (the marketplace read is the truth) and the handler sees it
 * within the push's latency; order sync keeps polling at a longer interval as the safety net for
 * lost pushes, one interval from start to start (order-watch-clock.ts), so a change whose push was
 * lost reaches the handler within one interval of the feed showing it. Both paths share one dedup
 * by order id + update time, so the handler sees each version once in the common case and every
 * change at least once.
 */
import { setMaxListeners } from 'node:events';
import type { MarketplaceAdapter } from '../adapter.js';
import { ValidationError } from '../errors/classes.js';
import { systemClock, type Clock } from '../http/clock.js';
import type { Order } from '../model/order.js';
import type { MarketplaceEvent, NotificationSource } from '../notifications/event.js';
import { syncOrders } from './order-sync.js';
import { WakeableClock } from './order-watch-clock.js';
import type { OrderWatchOptions, WatchContext, WatchEvent, WatchReport } from './order-watch-types.js';
import { RecentVersions } from './sync-dedup.js';
import { DEFAULT_OVERLAP_MS, lagOf } from './sync-window.js';

const DEFAULT_POLL_MS = 15 * 60_000;
/** Event kinds that are about one order (a re-read shows the change). */
const ORDER_KINDS = new Set(['order_changed', 'order_cancel_requested', 'tracking_updated', 'return_changed']);
const VERSIONS_CAP = 10_000;

/** The engine behind `hub.orders.watch` (see the file comment). */
export async function watchOrders(accounts: Readonly<Record<string, MarketplaceAdapter>>, opts: OrderWatchOptions): Promise<WatchReport> {
  check(opts);
  const keys = opts.poll.accounts ?? Object.keys(accounts);
  for (const [i, k] of keys.entries()) {
    if (!accounts[k]) throw new ValidationError({ message: `Unknown account "${k}"`, path: `poll.accounts[${i}]` });
  }
  if (opts.signal) setMaxListeners(0, opts.signal);
  const base: Clock = opts.clock ?? systemClock;
  const interval = opts.poll.intervalMs ?? DEFAULT_POLL_MS;
  // A version must be remembered until the poll window that re-lists it has run.
  const lag = Math.max(0, ...keys.map((k) => lagOf(accounts[k]!, opts.poll)));
  const keepMs = interval + (opts.poll.overlapMs ?? DEFAULT_OVERLAP_MS) + lag + 60_000;
  const report: WatchReport = { events: 0, reads: 0, ignored: 0, delivered: { push: 0, poll: 0 }, duplicates: 0, poll: [] };
  const notify = (e: WatchEvent) => { try { opts.onEvent?.(e); } catch { /* observers never stop the watch */ } };
  const state = new Map(keys.map((k) => [k, { clock: new WakeableClock(base), versions: new RecentVersions(), lock: Promise.resolve() as Promise<unknown> }]));

  /** Per-account serialized delivery with the shared dedup; resolves once `handle` resolved. */
  const deliver = (k: string, order: Order, ctx: Omit<WatchContext, 'account' | 'store'>, force = false): Promise<void> => {
    const s = state.get(k)!;
    const run = async () => {
      const at = Date.parse(order.updatedAt.utc);
      if (!force && s.versions.has(order.id, at)) {
        report.duplicates++;
        return;
      }
      await opts.handle(order, { account: k, store: `${k}:${order.store}`, ...ctx });
      s.versions.add(order.id, at);
      s.versions.prune(base.now() - keepMs, VERSIONS_CAP);
      report.delivered[ctx.via]++;
    };
    const p = s.lock.then(run);
    s.lock = p.catch(() => undefined);
    return p;
  };

  const onPush = async (e: MarketplaceEvent): Promise<void> => {
    report.events++;
    const targets = ORDER_KINDS.has(e.kind) ? keys.filter((k) => accounts[k]!.marketplace === e.marketplace && (!e.account || accounts[k]!.account === e.account)) : [];
    if (!targets.length) {
      report.ignored++;
      return notify({ type: 'push', event: e, action: 'ignored' });
    }
    for (const k of targets) {
      if (!e.orderId) {
        notify({ type: 'push', account: k, event: e, action: 'poll-now' });
        state.get(k)!.clock.wake();
        continue;
      }
      notify({ type: 'push', account: k, event: e, action: 'read' });
      let order: Order;
      try {
        report.reads++;
        order = await accounts[k]!.orders.get(e.orderId, { signal: opts.signal });
      } catch (error) {
        // Not readable yet (lag) or a failure: the source redelivers; the poll looks now too.
        notify({ type: 'read-failed', account: k, orderId: e.orderId, error });
        state.get(k)!.clock.wake();
        throw error;
      }
      await deliver(k, ...withCancelHint(order, e));
    }
  };

  const withCancelHint = (order: Order, e: MarketplaceEvent): [Order, Omit<WatchContext, 'account' | 'store'>, boolean] => {
    // A cancellation request becomes a hold at once, even if the read does not show it yet.
    if (e.kind !== 'order_cancel_requested' || order.holds.includes('pending_buyer_cancellation')) return [order, { via: 'push', event: e }, false];
    return [{ ...order, holds: [...order.holds, 'pending_buyer_cancellation'], shippable: false }, { via: 'push', event: e }, true];
  };

  const sources = (opts.sources ?? []).map(async (src) => {
    try {
      await src.run(onPush, { signal: opts.signal });
    } catch (error) {
      if (!opts.signal?.aborted) notify({ type: 'source-failed', marketplace: src.marketplace, error });
    }
  });
  const polls = keys.map(async (k) => {
    const r = await syncOrders(accounts, {
      ...opts.poll, accounts: [k], follow: true, intervalMs: interval, signal: opts.signal, clock: state.get(k)!.clock,
      handle: (order) => deliver(k, order, { via: 'poll' }),
    });
    report.poll.push(r);
  });
  await Promise.all([...sources, ...polls]);
  return report;
}

function check(opts: OrderWatchOptions): void {
  if (!opts || typeof opts !== 'object') throw new ValidationError({ message: 'watch needs options', path: 'opts' });
  if (typeof opts.handle !== 'function') throw new ValidationError({ message: 'watch needs a handle(order) function', path: 'handle' });
  if (!opts.poll || typeof opts.poll !== 'object') throw new ValidationError({ message: 'watch needs poll options (at least checkpoints)', path: 'poll' });
  if (opts.sources !== undefined) {
    if (!Array.isArray(opts.sources)) throw new ValidationError({ message: 'sources must be an array of NotificationSources', path: 'sources' });
    opts.sources.forEach((s: unknown, i) => {
      if (typeof (s as NotificationSource | null)?.run !== 'function') throw new ValidationError({ message: `sources[${i}] must be a NotificationSource (run(handle, { signal }))`, path: `sources[${i}]` });
    });
  }
  const ms = opts.poll.intervalMs;
  if (ms !== undefined && (typeof ms !== 'number' || !Number.isFinite(ms) || ms <= 0)) throw new ValidationError({ message: 'poll.intervalMs must be a number of milliseconds > 0', path: 'poll.intervalMs' });
  if (opts.signal !== undefined && !(opts.signal instanceof AbortSignal)) throw new ValidationError({ message: 'signal must be an AbortSignal', path: 'signal' });
  const clock = opts.clock as Partial<Clock> | null | undefined;
  if (clock !== undefined && (typeof clock?.now !== 'function' || typeof clock.sleep !== 'function')) throw new ValidationError({ message: 'clock needs now() and sleep(ms, signal)', path: 'clock' });
  if (opts.onEvent !== undefined && typeof opts.onEvent !== 'function') throw new ValidationError({ message: 'onEvent must be a function', path: 'onEvent' });
}
