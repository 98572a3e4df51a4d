/**
 * One window of one account's order feed. The upper bound is frozen before the first page
 * (now − marketplace lag); every page is read and every new order version handed over; only
 * then does the checkpoint move. Pages are not ordered by update time and orders move while we
 * read, so committing per page (or to "now") would skip orders.
 */
import type { MarketplaceAdapter } from '../adapter.js';
import type { StoreRef } from '../model/store.js';
import type { SyncCheckpoint, HeldRecord } from './checkpoints.js';
import { toErrorInfo } from './errors.js';
import type { OrderSyncOptions, WindowReport } from './sync-types.js';

export const DEFAULT_OVERLAP_MS = 10 * 60_000;
export const DEFAULT_LAG_MS = 2 * 60_000;
const DEFAULT_FIRST_LOOKBACK_MS = 24 * 60 * 60_000;

/** The adapter's declared feed lag when it has one (e.g. Amazon: 2 minutes). */
export function lagOf(adapter: MarketplaceAdapter, opts: Pick<OrderSyncOptions, 'lagMs'>): number {
  if (opts.lagMs !== undefined) return opts.lagMs;
  const declared = (adapter.capabilities as { orderFeedLagMs?: unknown }).orderFeedLagMs ?? (adapter as { orderFeedLagMs?: unknown }).orderFeedLagMs;
  return typeof declared === 'number' && declared >= 0 ? declared : DEFAULT_LAG_MS;
}

export async function syncWindow(account: string, adapter: MarketplaceAdapter, opts: OrderSyncOptions): Promise<WindowReport> {
  const now = opts.now ?? Date.now;
  const overlap = opts.overlapMs ?? DEFAULT_OVERLAP_MS;
  let prior: SyncCheckpoint;
  try {
    prior = (await opts.checkpoints.get(account)) ?? { v: 1, delivered: {}, savedAt: new Date(now()).toISOString() };
  } catch (e) {
    // An unreadable checkpoint fails this window (follow mode tries again), never the others.
    const at = iso(now());
    return { since: at, until: at, passes: 0, delivered: 0, duplicates: 0, quarantined: [], committed: false, error: toErrorInfo(e) };
  }
  const until = now() - lagOf(adapter, opts);
  const since = prior.next ? Date.parse(prior.next) : opts.since !== undefined ? new Date(opts.since).getTime() : until - DEFAULT_FIRST_LOOKBACK_MS;
  const delivered = { ...prior.delivered };
  const report: WindowReport = { since: iso(since), until: iso(until), passes: 0, delivered: 0, duplicates: 0, quarantined: [], committed: false };
  const storeOf = (id: string): StoreRef => `${account}:${id}`;
  // Progress inside an unfinished window: the bound stays, only the dedup set grows (redelivery shrinks).
  const persist = () => opts.checkpoints.set(account, { ...prior, delivered, savedAt: new Date(now()).toISOString() });

  let moved = true;
  try {
    for (let pass = 1; moved && pass <= (opts.maxPasses ?? 3); pass++) {
      moved = false;
      report.passes = pass;
      report.quarantined = [];
      opts.onEvent?.({ type: 'window-start', account, since: report.since, until: report.until, pass });
      const seen = new Map<string, string>();
      const list = adapter.orders.list({ updatedSince: new Date(since), ...(opts.includePii ? { includePii: true } : {}) }, { signal: opts.signal });
      for await (const page of list.pages()) {
        report.quarantined.push(...page.quarantined.map((q) => ({ index: q.index, recordId: q.recordId, issues: q.issues })));
        for (const order of page.items) {
          const at = order.updatedAt.utc;
          // Seen earlier in this pass at another version: it moved across pages, which can shift
          // an unread order past our offset. Read the window again (the dedup set absorbs repeats).
          if (seen.has(order.id) && seen.get(order.id) !== at) moved = true;
          seen.set(order.id, at);
          const last = delivered[order.id];
          if (last !== undefined && Date.parse(at) <= Date.parse(last)) {
            report.duplicates++;
            continue;
          }
          try {
            await opts.handle(order, { account, store: storeOf(order.store), window: { since: report.since, until: report.until } });
          } catch (e) {
            report.error = { ...toErrorInfo(e), orderId: order.id };
            throw e;
          }
          delivered[order.id] = at;
          report.delivered++;
        }
        await persist();
        opts.onEvent?.({ type: 'page', account, delivered: report.delivered, duplicates: report.duplicates, quarantined: report.quarantined.length });
      }
    }
  } catch (e) {
    report.error ??= toErrorInfo(e);
    await persist().catch(() => undefined);
    opts.onEvent?.({ type: 'window-end', account, window: report });
    return report;
  }

  const hold = moved ? 'unsettled' : report.quarantined.length > 0 && (opts.quarantine ?? 'hold') === 'hold' ? 'quarantined' : undefined;
  const next = hold ? since : until - overlap;
  try {
    await opts.checkpoints.set(account, {
      v: 1,
      ...(hold ? (prior.until ? { until: prior.until } : {}) : { until: iso(until) }),
      next: iso(next),
      delivered: prune(delivered, next),
      ...(hold ? { held: { reason: hold, since: iso(since), at: iso(now()), records: report.quarantined satisfies HeldRecord[] } } : {}),
      savedAt: iso(now()),
    });
  } catch (e) {
    // Delivered but not committed: the next run reads this window again (redelivery, never loss).
    report.error = toErrorInfo(e);
    opts.onEvent?.({ type: 'window-end', account, window: report });
    return report;
  }
  report.committed = !hold;
  if (hold) report.held = hold;
  opts.onEvent?.({ type: 'window-end', account, window: report });
  return report;
}

/** The dedup set only needs versions a window starting at `next` can return again. */
function prune(delivered: Record<string, string>, next: number): Record<string, string> {
  return Object.fromEntries(Object.entries(delivered).filter(([, at]) => Date.parse(at) >= next));
}

const iso = (ms: number) => new Date(ms).toISOString();
