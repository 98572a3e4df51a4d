import { AbortedError, TimeoutError } from '../errors/classes.js';
import { raceAbort } from '../http/clock.js';
import type { QuoteContext, ShippingConnector } from './connector.js';
import type { PreparedShipment } from './request.js';
import type { CarrierQuotes } from './types.js';

export interface Outcome {
  carrier: string;
  value?: CarrierQuotes;
  error?: unknown;
}

/** The context connectors receive: its AbortController is only created if someone reads `signal`. */
class LazySignal implements QuoteContext {
  private ctl?: AbortController;

  get signal(): AbortSignal {
    return this.controller().signal;
  }

  controller(): AbortController {
    return (this.ctl ??= new AbortController());
  }
}

/**
 * One quote call's run of every connector. Synchronous connectors (rate cards) settle at once and
 * cost no timer or AbortController; asynchronous ones race a shared signal that fires on the
 * per-carrier timeout (one timer: they all started together) or on the caller's abort.
 */
export class FanOut {
  readonly outcomes: Outcome[] = [];
  private readonly pending: Array<Promise<void>> = [];
  private readonly ctx = new LazySignal();

  start(carriers: readonly ShippingConnector[], shipment: PreparedShipment): void {
    for (const c of carriers) {
      const outcome: Outcome = { carrier: c.carrier };
      this.outcomes.push(outcome);
      try {
        const r = c.quote(shipment, this.ctx);
        if (isPromise(r)) this.pending.push(settle(raceAbort(r, this.ctx.signal), outcome));
        else outcome.value = r;
      } catch (e) {
        outcome.error = e;
      }
    }
  }

  /** Waits for the asynchronous connectors; throws AbortedError when the caller aborted. */
  async wait(timeoutMs: number, signal?: AbortSignal): Promise<void> {
    if (this.pending.length === 0) return;
    const ctl = this.ctx.controller();
    const timer = setTimeout(() => ctl.abort(new TimeoutError({ operation: 'quote', message: `no quote within ${timeoutMs} ms` })), timeoutMs);
    const onAbort = () => ctl.abort(new AbortedError({ operation: 'quoteShipping', cause: signal?.reason }));
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      await Promise.all(this.pending);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
    if (signal?.aborted) throw new AbortedError({ operation: 'quoteShipping', cause: signal.reason });
  }
}

function settle(p: Promise<CarrierQuotes>, outcome: Outcome): Promise<void> {
  return p.then(
    (v) => void (outcome.value = v),
    (e) => void (outcome.error = e),
  );
}

function isPromise<T>(v: T | Promise<T>): v is Promise<T> {
  return typeof (v as Promise<T> | null)?.then === 'function';
}

