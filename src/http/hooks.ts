import type { ErrorCode } from '../errors/xborder-error.js';

interface EventBase {
  marketplace: string;
  account?: string;
  operation: string;
}

export interface RequestEvent extends EventBase {
  method: string;
  /** Redacted URL. */
  url: string;
  attempt: number;
  idempotencyKey?: string;
}

export interface ResponseEvent extends RequestEvent {
  status: number;
  durationMs: number;
  requestId?: string;
  rateLimit?: { limit?: number; remaining?: number };
}

export interface RetryEvent extends EventBase {
  attempt: number;
  delayMs: number;
  reason: ErrorCode;
}

export interface ErrorEvent extends EventBase {
  error: Record<string, unknown>;
}

export interface RateLimitWaitEvent extends EventBase {
  bucket: string;
  waitMs: number;
}

export interface QuarantineEvent extends EventBase {
  /** Index of the record in its page and its id when readable. */
  index: number;
  recordId?: string;
  issues: Array<{ path: string; message: string }>;
}

/** Observe-only hooks. They receive redacted events; a hook that throws never fails a call. */
export interface Hooks {
  /** Before each attempt is sent (redacted URL, no body). */
  onRequest?(e: RequestEvent): void;
  /** After each answer, with its status and duration. */
  onResponse?(e: ResponseEvent): void;
  /** Before a retry sleeps: the attempt that failed, the delay and the error code. */
  onRetry?(e: RetryEvent): void;
  /** When a call fails for good (after its retries). */
  onError?(e: ErrorEvent): void;
  /** When the rate limiter holds a call back, with how long it waits. */
  onRateLimitWait?(e: RateLimitWaitEvent): void;
  /** When one malformed record of a page is set aside instead of failing the page. */
  onQuarantine?(e: QuarantineEvent): void;
}

type HookName = keyof Hooks;

/** Calls a hook, swallowing (and only swallowing) what the hook itself throws. */
export function safeEmit<K extends HookName>(hooks: Hooks | undefined, name: K, event: Parameters<NonNullable<Hooks[K]>>[0]): void {
  const fn = hooks?.[name] as ((e: unknown) => void) | undefined;
  if (!fn) return;
  try {
    fn(event);
  } catch {
    // Hooks observe; their failures must never change the outcome of a call.
  }
}
