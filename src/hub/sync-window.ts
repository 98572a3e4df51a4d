/**
 * One window of one account's order feed. The upper bound is frozen before the first request
 * (now − marketplace lag); the window is read as consecutive time slices, each a snapshot (see
 * sync-slice.ts), and the checkpoint moves to the end of every slice whose orders all reached the
 * handler: a watermark below which every order was delivered, plus a bounded set of recent
 * versions. A checkpoint write is O(page), never O(window) (issue 17).
 */
import type { MarketplaceAdapter } from '../adapter.js';
import type { Quarantined } from '../http/parse.js';
import type { Order } from '../model/order.js';
import type { StoreRef } from '../model/store.js';
import type { SyncCheckpoint, HeldRecord } from './checkpoints.js';
import { toErrorInfo } from './errors.js';
import { RecentVersions } from './sync-dedup.js';
import { readSlice, readVerified } from './sync-slice.js';
import type { OrderSyncOptions, WindowReport } from './sync-types.js';

export const DEFAULT_OVERLAP_MS = 10 * 60_000;
/**
 * The longest documented feed lag (Amazon's 2 minutes): a bound for consumers that must outlast
 * any account's lag (the watch's dedup memory). Not applied to a feed: see `lagOf`.
 */
export const DEFAULT_LAG_MS = 2 * 60_000;
/**
 * Lag of a feed whose marketplace documents none: 0, the window ends at "now". Checked (issue
 * 26.1): Shopee v2.order.get_order_list (specs/shopee/v2.order.get_order_list.json), eBay getOrders
 * (specs/ebay/sell_fulfillment_v1_oas3.json#/paths/~1order/get) and AliExpress order list
 * (specs/aliexpress/aliexpress_solution_order_get.json) state no delay before a change is listed;
 * only Amazon's searchOrders does (the adapter declares it). A change indexed late is still caught
 * by the overlap every window re-reads (default 10 minutes), deduplicated by order id + update time.
 */
export const UNDOCUMENTED_LAG_MS = 0;
const DEFAULT_FIRST_LOOKBACK_MS = 24 * 60 * 60_000;
/** Slices are whole seconds: the coarsest timestamps (Shopee, AliExpress) are seconds. */
const SECOND = 1000;
/** Aim at this share of a page per slice, so a denser stretch rarely overflows it. */
const FILL = 0.6;

/** The caller's `lagMs`, else the adapter's documented feed lag (Amazon: 2 minutes), else 0. */
export function lagOf(adapter: MarketplaceAdapter, opts: Pick<OrderSyncOptions, 'lagMs'>): number {
  if (opts.lagMs !== undefined) return opts.lagMs;
  const declared = adapter.capabilities.orderFeedLagMs ?? (adapter as { orderFeedLagMs?: unknown }).orderFeedLagMs;
  return typeof declared === 'number' && declared >= 0 ? declared : UNDOCUMENTED_LAG_MS;
}

export async function syncWindow(account: string, adapter: MarketplaceAdapter, opts: OrderSyncOptions): Promise<WindowReport> {
  // Bound: a class-based clock's now() reads `this`.
  const clock = opts.clock;
  const now = clock ? () => clock.now() : (opts.now ?? Date.now);
  const overlap = opts.overlapMs ?? DEFAULT_OVERLAP_MS;
  let prior: SyncCheckpoint;
  try {
    prior = (await opts.checkpoints.get(account)) ?? { v: 1, delivered: {}, savedAt: new Date(now()).toISOString() };
  } catch (e) {
    // An unreadable checkpoint fails this window (follow mode tries again), never the others.
    const at = iso(now());
    return { since: at, until: at, passes: 0, slices: 0, delivered: 0, duplicates: 0, quarantined: [], committed: false, error: toErrorInfo(e) };
  }
  // Never inside the current second: timestamps are whole seconds on Shopee and AliExpress, so a
  // change made after the bound is frozen must fall after it, or the window's tail never settles
  // (a lag of a second or more already ends the window before it).
  const at = now();
  const until = Math.min(at - lagOf(adapter, opts), Math.floor(at / SECOND) * SECOND - 1);
  const since = prior.next ? Date.parse(prior.next) : opts.since !== undefined ? new Date(opts.since).getTime() : until - DEFAULT_FIRST_LOOKBACK_MS;
  const recent = new RecentVersions(prior.delivered);
  const report: WindowReport = { since: iso(since), until: iso(until), passes: 1, slices: 0, delivered: 0, duplicates: 0, quarantined: [], committed: false };
  const storeOf = (id: string): StoreRef => `${account}:${id}`;
  const q = { includePii: opts.includePii, signal: opts.signal };
  const holdQuarantine = (opts.quarantine ?? 'hold') === 'hold';
  let cursor = since;
  /** Start of the first slice that had a quarantined record: the watermark stops there. */
  let heldAt: number | undefined;
  const watermark = () => heldAt ?? cursor;
  // Progress inside a window: the committed bound stays, the start of the next run moves up. The
  // write carries the versions a resumed run, or the window after it, can list again: the slice
  // boundary and the overlap before `until` (bounded: sync-dedup.ts).
  const persist = () => {
    recent.prune(Math.min(watermark() - SECOND, until - overlap));
    return opts.checkpoints.set(account, {
      v: 1, ...(prior.until ? { until: prior.until } : {}), next: iso(watermark()), delivered: recent.toRecord(), savedAt: iso(now()),
    });
  };

  const deliver = async (items: Order[], quarantined: Quarantined[]) => {
    report.quarantined.push(...quarantined.map((r) => ({ index: r.index, recordId: r.recordId, issues: r.issues })));
    for (const order of items) {
      const at = Date.parse(order.updatedAt.utc);
      if (recent.has(order.id, at)) {
        report.duplicates++;
        continue;
      }
      try {
        await opts.handle(order, { account, store: storeOf(order.store), window: { since: report.since, until: report.until } });
      } catch (e) {
        report.error = { ...toErrorInfo(e), orderId: order.id };
        throw e;
      }
      recent.add(order.id, at);
      report.delivered++;
    }
  };

  let unsettled = false;
  opts.onEvent?.({ type: 'window-start', account, since: report.since, until: report.until, pass: 1 });
  try {
    let width = until - since;
    let pageSize: number | undefined;
    while (cursor < until) {
      const start = cursor;
      // Slices end on whole seconds (the coarsest marketplace timestamps), the shortest at the next one.
      const shortest = Math.min(until, alignUp(start + 1));
      let end = Math.min(until, Math.max(shortest, alignUp(start + width)));
      report.slices++;
      const read = await readSlice(adapter, start, end, q);
      report.firstReadMs ??= now() - (until + lagOf(adapter, opts));
      let found: number;
      const quarantinedBefore = report.quarantined.length;
      if (!read.complete) {
        pageSize = Math.max(pageSize ?? 0, read.pageSize);
        if (end > shortest) {
          // Too dense for one page: narrow (always by at least a second) and read again.
          end = Math.max(shortest, Math.min(end - SECOND, alignUp(start + narrower(read.ats, start, end))));
          width = end - start;
          continue;
        }
        const v = await readVerified(adapter, start, end, q, opts.maxPasses ?? 3, deliver);
        report.passes = Math.max(report.passes, v.passes);
        if (!v.settled) {
          unsettled = true;
          break;
        }
        found = pageSize;
      } else {
        await deliver(read.items, read.quarantined);
        found = read.items.length + read.quarantined.length;
      }
      if (report.quarantined.length > quarantinedBefore && holdQuarantine) heldAt ??= start;
      cursor = end;
      await persist();
      opts.onEvent?.({ type: 'page', account, delivered: report.delivered, duplicates: report.duplicates, quarantined: report.quarantined.length });
      // Next slice: as wide as fills about FILL of a page at the density just seen (×½ … ×2).
      const ratio = pageSize === undefined ? 2 : (FILL * pageSize) / Math.max(found, 1);
      width = Math.max(SECOND, Math.floor((end - start) * Math.min(2, Math.max(0.5, ratio))));
    }
  } catch (e) {
    report.error ??= toErrorInfo(e);
    await persist().catch(() => undefined);
    opts.onEvent?.({ type: 'window-end', account, window: report });
    return report;
  }

  const hold = unsettled ? 'unsettled' : heldAt !== undefined ? 'quarantined' : undefined;
  const next = hold ? watermark() : until - overlap;
  try {
    recent.prune(Math.min(next - SECOND, until - overlap));
    await opts.checkpoints.set(account, {
      v: 1,
      ...(hold ? (prior.until ? { until: prior.until } : {}) : { until: iso(until) }),
      next: iso(next),
      delivered: recent.toRecord(),
      ...(hold ? { held: { reason: hold, since: iso(next), at: iso(now()), records: report.quarantined satisfies HeldRecord[] } } : {}),
      savedAt: iso(now()),
    });
  } catch (e) {
    // Delivered but not committed: the next run reads from the last watermark (redelivery, never loss).
    report.error = toErrorInfo(e);
    opts.onEvent?.({ type: 'window-end', account, window: report });
    return report;
  }
  report.committed = !hold;
  if (hold) report.held = hold;
  opts.onEvent?.({ type: 'window-end', account, window: report });
  return report;
}

/**
 * Width of the next try at a slice that overflowed: up to the update time FILL of the way through
 * the page it returned (right at once when the feed sorts by update time, a random cut of the
 * slice when it sorts by anything else), else half.
 */
function narrower(ats: number[], start: number, end: number): number {
  const inside = ats.filter((t) => t >= start && t < end).sort((a, b) => a - b);
  const guess = inside.length ? inside[Math.floor(FILL * (inside.length - 1))]! - start : 0;
  return guess >= SECOND ? guess : Math.floor((end - start) / 2);
}

const alignUp = (ms: number) => Math.ceil(ms / SECOND) * SECOND;
const iso = (ms: number) => new Date(ms).toISOString();
