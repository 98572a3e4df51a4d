import { AbortedError } from '../errors/classes.js';

/** Injectable time source: tests and the sandbox use fake or scaled clocks. */
export interface Clock {
  /** Milliseconds since the epoch, like Date.now(). */
  now(): number;
  /** Resolves after `ms`; rejects with an AbortedError when `signal` aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

const MAX_TIMER_MS = 2 ** 31 - 1;

/** Sleeps on setTimeout (so vitest fake timers drive it); rejects with AbortedError on abort. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(new AbortedError({ cause: signal.reason }));
  if (ms <= 0) return Promise.resolve();
  // setTimeout runs a delay above 2^31 − 1 ms after 1 ms (Node.js timers docs): nap and go on.
  const nap = Math.min(ms, MAX_TIMER_MS);
  const slept = new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortedError({ cause: signal?.reason }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, nap);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  return nap < ms ? slept.then(() => abortableSleep(ms - nap, signal)) : slept;
}

/** The real clock: Date.now() and setTimeout (so vitest fake timers drive it). */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: abortableSleep,
};

/** Settles with `p`, or rejects with the signal's reason as soon as it fires (p keeps running). */
export function raceAbort<T>(p: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => (signal.removeEventListener('abort', onAbort), resolve(v)),
      (e) => (signal.removeEventListener('abort', onAbort), reject(e)),
    );
  });
}
