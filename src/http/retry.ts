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

export interface RetryRun<T> {
  policy: RetryPolicy;
  clock: Clock;
  signal?: AbortSignal;
  deadline?: number;
  random?: () => number;
  marketplace: string;
  operation: string;
  /** Decides whether this failure may be replayed (idempotency, verify...). */
  shouldRetry(error: XborderError, attempt: number): boolean | Promise<boolean>;
  onRetry?(error: XborderError, attempt: number, delayMs: number): void;
  attempt(n: number): Promise<T>;
}

/** Bounded, jittered retries on p-retry; the backoff sleep honours the signal and the deadline. */
export async function withRetry<T>(run: RetryRun<T>): Promise<T> {
  const ctx = { marketplace: run.marketplace, operation: run.operation, signal: run.signal };
  try {
    return await pRetry(
      async (n) => {
        try {
          return await run.attempt(n);
        } catch (e) {
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
          throw err;
        }
      },
      {
        retries: run.policy.retries,
        minTimeout: 0,
        maxTimeout: 0,
        factor: 1,
        randomize: false,
        onFailedAttempt: async ({ error, attemptNumber, retriesLeft }) => {
          if (retriesLeft === 0) return;
          const err = error as XborderError;
          const delay = retryDelay(err, attemptNumber, run.policy, run.random);
          if (run.deadline !== undefined && run.clock.now() + delay > run.deadline) throw err;
          run.onRetry?.(err, attemptNumber, delay);
          await run.clock.sleep(delay, run.signal);
        },
      },
    );
  } catch (e) {
    if (run.signal?.aborted) throw isXborderError(e) && e instanceof AbortedError ? e : new AbortedError({ ...ctx, cause: run.signal.reason });
    throw isXborderError(e) ? e : errorFromTransport(e, ctx);
  }
}
