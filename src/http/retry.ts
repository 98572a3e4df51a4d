import pRetry, { AbortError } from 'p-retry';
import { AbortedError, RateLimitError } from '../errors/classes.js';
import { errorFromTransport } from '../errors/from-response.js';
import { isXborderError, type XborderError } from '../errors/xborder-error.js';
import type { Clock } from './clock.js';

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 4, baseDelayMs: 500, maxDelayMs: 20_000 };

/**
 * The same policy for work that retries on its own schedule (the inventory pusher re-queues a
 * quantity instead of looping): `maxAttempts` in all, `baseDelayMs` as the first ceiling, and the
 * pipeline's cap (or the base, when larger), so one backoff rule bounds every retry in the SDK.
 */
export function inventoryRetryPolicy(maxAttempts: number, baseDelayMs: number): RetryPolicy {
  return { retries: Math.max(0, maxAttempts - 1), baseDelayMs, maxDelayMs: Math.max(DEFAULT_RETRY.maxDelayMs, baseDelayMs) };
}

/** Full jitter (AWS architecture blog): uniform in [0, min(max, base·2^(n−1))]. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/** The server's Retry-After wins over our own backoff when it asks for longer. */
export function retryDelay(error: XborderError, attempt: number, policy: RetryPolicy, random?: () => number): number {
  const hinted = error instanceof RateLimitError ? (error.retryAfterMs ?? 0) : 0;
  return Math.max(hinted, backoffDelay(attempt, policy, random));
}

/** One call's retry run: its policy, clock, signal and deadline, and the callbacks that decide and observe. */
export interface RetryRun<T> {
  policy: RetryPolicy;
  clock: Clock;
  signal?: AbortSignal;
  deadline?: number;
  /** Jitter source in [0, 1) (default Math.random); tests pin it. */
  random?: () => number;
  marketplace: string;
  operation: string;
  /** Decides whether this failure may be replayed (idempotency, verify...). */
  shouldRetry(error: XborderError, attempt: number): boolean | Promise<boolean>;
  /** Overrides the backoff sleep for an error (e.g. 0 when the limiter already holds the retry back). */
  sleepFor?(error: XborderError, attempt: number): number | undefined;
  /** Observes each retry before it sleeps (the delay it will wait). */
  onRetry?(error: XborderError, attempt: number, delayMs: number): void;
  /** Makes attempt `n` (1-based). */
  attempt(n: number): Promise<T>;
}

/** p-retry's AbortError carries a final error; anything else thrown by a step may be retried. */
async function classify<T>(run: RetryRun<T>, e: unknown, n: number): Promise<XborderError> {
  const ctx = { marketplace: run.marketplace, operation: run.operation, signal: run.signal };
  const err = isXborderError(e) ? e : errorFromTransport(e, ctx);
  if (err instanceof AbortedError || !err.retryable) throw new AbortError(err);
  let again: boolean;
  try {
    again = await run.shouldRetry(err, n);
  } catch (decided) {
    // shouldRetry may replace the error (e.g. OutcomeUnknownError): final, never retried.
    throw new AbortError(isXborderError(decided) ? decided : err);
  }
  if (!again) throw new AbortError(err);
  return err;
}

/** Sleeps before the retry that follows failed attempt `n`; throws when the deadline forbids it. */
async function pause<T>(run: RetryRun<T>, err: XborderError, n: number): Promise<void> {
  const hinted = run.sleepFor?.(err, n);
  const delay = hinted ?? retryDelay(err, n, run.policy, run.random);
  if (run.deadline !== undefined && run.clock.now() + delay > run.deadline) throw err;
  run.onRetry?.(err, n, hinted === undefined ? delay : Math.max(delay, err instanceof RateLimitError ? (err.retryAfterMs ?? 0) : 0));
  if (delay > 0) await run.clock.sleep(delay, run.signal);
}

/**
 * Bounded, jittered retries on p-retry; the backoff sleep honours the signal and the deadline.
 * Fast path: the first attempt runs bare, p-retry only steps in once it failed.
 * p-retry runs the attempt loop but not the backoff: p-retry 7 sleeps with a bare setTimeout and
 * Math.random and never reports the delay it chose, which would bypass the injected clock (tests,
 * sandbox time scales), the deadline and the delay `onRetry` reports. `backoffDelay` is the one
 * backoff (capped full jitter, Retry-After honoured) for every caller (issue #18, decision).
 */
export async function withRetry<T>(run: RetryRun<T>): Promise<T> {
  try {
    return await run.attempt(1);
  } catch (first) {
    return retryAfterFirst(run, first);
  }
}

/** Continues a run whose first attempt (made bare by the caller) failed with `first`. */
export async function retryAfterFirst<T>(run: RetryRun<T>, first: unknown): Promise<T> {
  const ctx = { marketplace: run.marketplace, operation: run.operation, signal: run.signal };
  try {
    const err = await classify(run, first, 1);
    if (run.policy.retries === 0) throw err;
    await pause(run, err, 1);
    return await pRetry(
      async (k) => {
        try {
          return await run.attempt(k + 1);
        } catch (e) {
          throw await classify(run, e, k + 1);
        }
      },
      {
        retries: run.policy.retries - 1,
        minTimeout: 0,
        maxTimeout: 0,
        factor: 1,
        randomize: false,
        onFailedAttempt: async ({ error, attemptNumber, retriesLeft }) => {
          if (retriesLeft === 0) return;
          await pause(run, error as XborderError, attemptNumber + 1);
        },
      },
    );
  } catch (e) {
    const final = e instanceof AbortError ? e.originalError : e;
    if (run.signal?.aborted) throw isXborderError(final) && final instanceof AbortedError ? final : new AbortedError({ ...ctx, cause: run.signal.reason });
    throw isXborderError(final) ? final : errorFromTransport(final, ctx);
  }
}
