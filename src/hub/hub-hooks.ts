/**
 * Adapters are built before the hub, and only adapters see rate-limit waits and retries. Pass one
 * `hubHooks()` to every adapter factory and to the Hub: the hub then turns those events into
 * progress (rate waits per store) and counts 429s for its reports.
 */
import { safeEmit, type Hooks, type RateLimitWaitEvent, type RetryEvent } from '../http/hooks.js';

export type HubSignal = { kind: 'rate-wait'; event: RateLimitWaitEvent } | { kind: 'retry'; event: RetryEvent };

export interface HubHooks extends Hooks {
  /** Listens to rate waits and retries from every adapter given these hooks; returns unsubscribe. */
  subscribe(listener: (signal: HubSignal) => void): () => void;
}

/** Hooks to pass to each adapter factory; `forward` receives every event too (your logging). */
export function hubHooks(forward: Hooks = {}): HubHooks {
  const listeners = new Set<(s: HubSignal) => void>();
  const tell = (s: HubSignal) => {
    for (const l of listeners) {
      try {
        l(s);
      } catch {
        // observers never fail a call
      }
    }
  };
  return {
    onRequest: (e) => safeEmit(forward, 'onRequest', e),
    onResponse: (e) => safeEmit(forward, 'onResponse', e),
    onError: (e) => safeEmit(forward, 'onError', e),
    onQuarantine: (e) => safeEmit(forward, 'onQuarantine', e),
    onRetry: (e) => {
      safeEmit(forward, 'onRetry', e);
      tell({ kind: 'retry', event: e });
    },
    onRateLimitWait: (e) => {
      safeEmit(forward, 'onRateLimitWait', e);
      tell({ kind: 'rate-wait', event: e });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
