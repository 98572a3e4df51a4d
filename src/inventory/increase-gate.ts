/**
 * No push re-inflates a store (issue 26.3): which quantities may go out now, which must wait.
 *
 * A marketplace decrements its own figure on every sale; we only ever set absolute figures. After
 * our last confirmed push of P (sent at s), a store shows Q = P − (its own sales placed after the
 * push landed). Pushing X raises the store when X > Q: the units it sold are offered again. So:
 *
 *  1. Ceiling. C = P − (own sales imported since, placed at or after s − 1 s). Q ≤ C always (the
 *     second covers timestamps in whole seconds; counting a sale placed just before landing only
 *     lowers C). Cancellations never raise C: not every marketplace restocks a cancelled unit.
 *  2. X ≤ C is a decrease: it goes out at once. This is where a figure computed from the ledger
 *     used to re-inflate: an increase held back (rule 3) left P below the ledger, the store's own
 *     imported sales lowered Q, and a later ledger figure between Q and P went out as "not an
 *     increase" (compared with P instead of C).
 *  3. X > C is an increase: it waits until the order feed of every account that sells one of its
 *     warehouse SKUs has been imported past both the moment the increase was first wanted and the
 *     moment the store started showing P (`caughtUp`, from each committed order-sync window), and
 *     is recomputed then. Every account, not only the store's own: a restock pushed while another
 *     store's sale is not imported yet offers that sold unit again (above the stock left).
 *     Accounts whose feed position is never reported do not hold anything (standalone engine).
 *  4. Observations. Where the marketplace reports the store's figure (Amazon's
 *     LISTINGS_ITEM_MFN_QUANTITY_CHANGE), a report made after the push was confirmed lowers C to
 *     that figure minus the own sales imported that were placed after it.
 *  5. Reads. What no ledger rule can see: own sales in the feed's blind spot (placed after the
 *     last import). A figure computed meanwhile (even a decrease, X ≤ C) exceeds Q when the store
 *     sold more units there than the change removes. Where the adapter can read the live figure
 *     (`inventory.get`), the pusher reads Q right before the write: C_r − Q units were sold and not
 *     imported, where C_r counts only the imported sales placed in a second wholly before the read
 *     (one placed in the read's own second may not be in Q yet: not counting it can only lower what
 *     goes out). X − (C_r − Q) goes out. A read cannot tell a sale from a marketplace-side hold:
 *     a push lowered by one is checked again once the feeds pass the read (live-read.ts), so an
 *     under-offer heals.
 * Left open: a sale placed between the read and the write (one round trip), which the absolute
 * write overwrites; stores whose adapter cannot read (no `inventory.get`), which rules 1–4 bound;
 * and a restock racing a sale on another store after that store's last import, which is ordinary
 * propagation (every other store shows that unit until the sale is imported and pushed). Reading
 * the other stores before an increase was tried and measured: it delayed restocks (an increase
 * must not read a store while that store is being pushed) and the bench's raises above the stock
 * left did not go down (1, 2 and 5 per day with it; 0, 0, 3 and 5 without), so it is not done.
 */
const SECOND = 1000;
const MAX_SALES = 1000;

interface Shown {
  /** When the push the store shows was sent (its landing is at or after). */
  sentAt: number;
  /** A figure the marketplace reported after that push, and when. */
  observed?: { qty: number; at: number };
  /** Own sales imported since, by placement time. */
  sales: Array<{ at: number; units: number }>;
}

export class IncreaseGate {
  private readonly shown = new Map<string, Shown>();
  /** When each held increase was first wanted. */
  private readonly wantedSince = new Map<string, number>();

  /** A push sent at `sentAt` was confirmed: the store now shows it (minus later own sales). */
  pushed(key: string, sentAt: number): void {
    const prev = this.shown.get(key);
    this.shown.set(key, { sentAt, sales: (prev?.sales ?? []).filter((s) => s.at >= sentAt - SECOND) });
  }

  /** An imported order of this target's own store(s) sold `units` more, placed at `at`. */
  sold(key: string, at: number, units: number): void {
    const s = this.shown.get(key);
    if (!s || units <= 0 || at < s.sentAt - SECOND) return;
    s.sales.push({ at, units });
    // Bounded: a target pushed again prunes its list; one never pushed again keeps the latest.
    if (s.sales.length > MAX_SALES) s.sales.splice(0, s.sales.length - MAX_SALES);
  }

  /** The marketplace reported the store's figure at `at` (ignored unless after the last push was confirmed). */
  observed(key: string, qty: number, at: number, confirmedAt: number | undefined): void {
    const s = this.shown.get(key);
    if (!s || confirmedAt === undefined || at < confirmedAt || (s.observed && s.observed.at > at)) return;
    s.observed = { qty, at };
  }

  /**
   * Highest figure that cannot raise the store, from what we know (imported sales placed before
   * `until` only); undefined when never pushed.
   */
  ceiling(key: string, confirmedQty: number | undefined, until = Infinity): number | undefined {
    if (confirmedQty === undefined) return undefined;
    const s = this.shown.get(key);
    if (!s) return confirmedQty;
    const after = (t: number) => s.sales.reduce((n, x) => (x.at >= t && x.at < until ? n + x.units : n), 0);
    let c = confirmedQty - after(s.sentAt - SECOND);
    // A report already counts the sales placed up to it.
    if (s.observed && s.observed.at < until) c = Math.min(c, s.observed.qty - after(s.observed.at + 1));
    return Math.max(0, c);
  }

  /** Rule 5: units the store sold that are not imported, from `shown` read at `readAt`. */
  unimported(key: string, confirmedQty: number | undefined, shown: number, readAt: number): number {
    const c = this.ceiling(key, confirmedQty, Math.floor(readAt / SECOND) * SECOND);
    return c === undefined ? 0 : Math.max(0, c - shown);
  }

  /**
   * True when `quantity` must wait (rule 3). `horizon`: how far every relevant account's orders are
   * imported (undefined: nobody reports, nothing is held); `shownSince`: when the store started
   * showing its confirmed figure. Counts a newly held increase through `onHeld`.
   */
  holds(key: string, quantity: number, confirmedQty: number | undefined, horizon: number | undefined, shownSince: number, now: number, onHeld: () => void): boolean {
    const c = this.ceiling(key, confirmedQty);
    if (horizon === undefined || c === undefined || quantity <= c) {
      this.wantedSince.delete(key);
      return false;
    }
    let since = this.wantedSince.get(key);
    if (since === undefined) {
      this.wantedSince.set(key, (since = now));
      onHeld();
    }
    if (horizon >= Math.max(since, shownSince)) {
      this.wantedSince.delete(key);
      return false;
    }
    return true;
  }
}
