/**
 * One 'abort' listener per signal, however many waiters share it. Long-lived signals (an inventory
 * engine's, a follow-mode sync's) are handed to thousands of calls; a listener per call would
 * trip Node's MaxListenersExceededWarning and, if one were ever missed, leak.
 */
export class SignalWatch<T> {
  private readonly watched = new Map<AbortSignal, { items: Set<T>; listener: () => void }>();

  constructor(private readonly onAbort: (item: T, signal: AbortSignal) => void) {}

  add(signal: AbortSignal, item: T): void {
    let entry = this.watched.get(signal);
    if (!entry) {
      const items = new Set<T>();
      const listener = () => {
        this.watched.delete(signal);
        for (const i of items) this.onAbort(i, signal);
        items.clear();
      };
      entry = { items, listener };
      this.watched.set(signal, entry);
      signal.addEventListener('abort', listener, { once: true });
    }
    entry.items.add(item);
  }

  /** Forgets an item; the listener goes with the last one. */
  remove(signal: AbortSignal, item: T): void {
    const entry = this.watched.get(signal);
    if (!entry) return;
    entry.items.delete(item);
    if (entry.items.size === 0) {
      this.watched.delete(signal);
      signal.removeEventListener('abort', entry.listener);
    }
  }
}
