import { ValidationError } from '../errors/classes.js';
import { abortableSleep, type Clock } from '../http/clock.js';

/** The sandbox's notion of now; injectable so tests can move time (token expiry, lag windows). */
export interface SandboxClock {
  now(): number;
}

export class ManualClock implements SandboxClock {
  constructor(private t: number = Date.now()) {}
  now() {
    return this.t;
  }
  advance(ms: number) {
    this.t += ms;
  }
  set(t: number) {
    this.t = t;
  }
}

export const realClock: SandboxClock = { now: () => Date.now() };

/**
 * One clock for the marketplaces and their clients: `scale` marketplace milliseconds pass per real
 * one. Give it to the sandbox (`startSandbox({ clock })`) and to the adapters and the hub
 * (`clock` option): rate-limit refills, marketplace delays, order timestamps and the clients'
 * sleeps then all count the same marketplace time, so a day compressed 360× takes 4 minutes.
 */
export interface MarketplaceClock extends SandboxClock, Clock {
  /** Marketplace milliseconds per real millisecond. */
  readonly scale: number;
}

/** A {@link MarketplaceClock} starting at `start` (default now), `scale` times faster than real time (default 1). */
export function marketplaceClock(opts: { scale?: number; start?: number } = {}): MarketplaceClock {
  const scale = opts.scale ?? 1;
  if (typeof scale !== 'number' || !Number.isFinite(scale) || scale <= 0) throw new ValidationError({ message: 'scale must be a positive number', path: 'scale' });
  const start = opts.start ?? Date.now();
  const real0 = performance.now();
  return {
    scale,
    now: () => Math.floor(start + (performance.now() - real0) * scale),
    sleep: (ms: number, signal?: AbortSignal) => abortableSleep(ms / scale, signal),
  };
}

/** The compression of a clock made by {@link marketplaceClock}; 1 for any other clock. */
export function scaleOf(clock: SandboxClock | undefined): number {
  const s = (clock as Partial<MarketplaceClock> | undefined)?.scale;
  return typeof s === 'number' && s > 0 ? s : 1;
}
