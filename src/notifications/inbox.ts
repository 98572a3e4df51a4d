import type { EventHandler, MarketplaceEvent, NotificationSource } from './event.js';

/** A source fed from outside: the webhook receiver's `onEvent` goes here, `hub.orders.watch` reads it. */
export interface EventInbox extends NotificationSource {
  /** Give this to createWebhookReceiver({ onEvent }): resolves once the running consumer handled the event. */
  onEvent: EventHandler;
}

/**
 * Bridges push (the receiver calls `onEvent`) and pull (`run(handle)`): an event is handed to the
 * handler of the running consumer and the receiver answers 2xx only after it resolved. With no
 * consumer running, `onEvent` rejects, so the receiver answers 5xx and the marketplace redelivers.
 */
export function eventInbox(marketplace = 'webhook'): EventInbox {
  let current: EventHandler | undefined;
  return {
    marketplace,
    onEvent: async (e: MarketplaceEvent) => {
      if (!current) throw new Error('No consumer is running for this inbox; the event will be redelivered');
      await current(e);
    },
    run(handle, opts = {}) {
      current = handle;
      return new Promise<void>((resolve) => {
        const stop = () => {
          if (current === handle) current = undefined;
          resolve();
        };
        if (opts.signal?.aborted) return stop();
        opts.signal?.addEventListener('abort', stop, { once: true });
      });
    },
  };
}
