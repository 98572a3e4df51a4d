/**
 * Reading one time slice [from, to] of an account's order feed.
 *
 * Why slices: every marketplace lists a frozen window with offset-like cursors, so an order that
 * leaves the window while a later page is read shifts the rest, and the order at the page
 * boundary is never listed (DESIGN §7 "Order feeds never skip"; none of the four APIs documents a
 * sort order to page by key). One page, though, is one response: a slice whose listing fits in a
 * single page per sub-listing is a snapshot of every order whose last change falls in it, and an
 * order can only leave a past slice (its next change lands after the window), never enter it. So
 * the hub narrows slices until each fits a page; only a slice too narrow to split (one second of
 * updates larger than a page) is paged through, and proven by re-listing (see readVerified).
 */
import type { MarketplaceAdapter } from '../adapter.js';
import type { Quarantined } from '../http/parse.js';
import type { Order } from '../model/order.js';
import { continuesWindow } from '../paginate/paginated.js';

export interface SliceQuery {
  includePii?: boolean;
  signal?: AbortSignal;
}

export type SliceRead =
  | { complete: true; items: Order[]; quarantined: Quarantined[] }
  /** The slice needs more than one page: nothing was delivered; `pageSize` is what one page held, `ats` its update times. */
  | { complete: false; pageSize: number; ats: number[] };

function list(adapter: MarketplaceAdapter, from: number, to: number, q: SliceQuery) {
  return adapter.orders.list({ updatedSince: new Date(from), until: new Date(to), ...(q.includePii ? { includePii: true } : {}) }, { signal: q.signal });
}

/** One request per sub-listing (adapters split by shop, status or date range); stops at the first cut page. */
export async function readSlice(adapter: MarketplaceAdapter, from: number, to: number, q: SliceQuery): Promise<SliceRead> {
  const items: Order[] = [];
  const quarantined: Quarantined[] = [];
  let window = 0;
  for await (const page of list(adapter, from, to, q).pages()) {
    if (continuesWindow(page, window)) return { complete: false, pageSize: page.items.length + page.quarantined.length, ats: page.items.map((o) => Date.parse(o.updatedAt.utc)) };
    items.push(...page.items);
    quarantined.push(...page.quarantined);
    window = page.resume?.window ?? window;
  }
  return { complete: true, items, quarantined };
}

/**
 * Pages through a slice that cannot be narrowed, delivering every item, until a pass proves the
 * one before it: if every version read in pass k is listed again in pass k+1, no order read in
 * pass k left the slice during pass k — and only such a departure shifts an unread order behind
 * the cursor — so pass k listed every order still in the slice. Orders leave a past slice at most
 * once, so passes converge; `maxPasses` bounds them (the caller then holds the checkpoint).
 */
export async function readVerified(
  adapter: MarketplaceAdapter, from: number, to: number, q: SliceQuery, maxPasses: number,
  deliver: (items: Order[], quarantined: Quarantined[]) => Promise<void>,
): Promise<{ settled: boolean; passes: number }> {
  let previous: Map<string, string> | undefined;
  for (let pass = 1; pass <= Math.max(2, maxPasses); pass++) {
    const read = new Map<string, string>();
    for await (const page of list(adapter, from, to, q).pages()) {
      for (const o of page.items) read.set(o.id, o.updatedAt.utc);
      await deliver(page.items, page.quarantined);
    }
    if (previous && [...previous].every(([id, at]) => read.get(id) === at)) return { settled: true, passes: pass };
    previous = read;
  }
  return { settled: false, passes: Math.max(2, maxPasses) };
}
