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
  onRequest?(e: RequestEvent): void;
  onResponse?(e: ResponseEvent): void;
  onRetry?(e: RetryEvent): void;
  onError?(e: ErrorEvent): void;
  onRateLimitWait?(e: RateLimitWaitEvent): void;
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
