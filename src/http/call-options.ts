import { z } from 'zod';
import { parseInput } from '../errors/from-response.js';

/** Per-call options; every public method takes them as its last argument. */
export interface CallOptions {
  /** Aborts limiter waits, backoff sleeps and the HTTP request. */
  signal?: AbortSignal;
  /** Per-attempt HTTP timeout. */
  timeoutMs?: number;
  /** Epoch ms: limiter and backoff never wait past it (RateLimitError instead). */
  deadline?: number;
  /** Overrides the operation's retry budget; 0 disables retries. */
  maxRetries?: number;
  /** Write dedupe key: journaled before the call; a replay only follows a verify. */
  idempotencyKey?: string;
}

export const CallOptionsSchema = z
  .object({
    signal: z.custom<AbortSignal>((v) => v === undefined || v instanceof AbortSignal, 'expected an AbortSignal').optional(),
    timeoutMs: z.number().int().positive().optional(),
    deadline: z.number().int().positive().optional(),
    maxRetries: z.number().int().min(0).max(20).optional(),
    idempotencyKey: z.string().min(1).max(200).optional(),
  })
  .passthrough();

const NONE: CallOptions = Object.freeze({});

export function parseCallOptions(opts: unknown): CallOptions {
  if (opts === undefined || opts === null) return NONE;
  // Fast accept of what the schema accepts (property-tested against it); anything else, including
  // every rejection, goes through zod so errors stay exactly the schema's ValidationErrors.
  if (plainlyValid(opts)) return opts;
  return parseInput(CallOptionsSchema, opts, 'options') as CallOptions;
}

const posInt = (v: unknown) => v === undefined || (typeof v === 'number' && Number.isSafeInteger(v) && v > 0);

function plainlyValid(o: unknown): o is CallOptions {
  if (typeof o !== 'object' || Array.isArray(o) || Object.getPrototypeOf(o) !== Object.prototype) return false;
  const { signal, timeoutMs, deadline, maxRetries, idempotencyKey } = o as Record<string, unknown>;
  return (
    (signal === undefined || signal instanceof AbortSignal) &&
    posInt(timeoutMs) &&
    posInt(deadline) &&
    (maxRetries === undefined || (typeof maxRetries === 'number' && Number.isSafeInteger(maxRetries) && maxRetries >= 0 && maxRetries <= 20)) &&
    (idempotencyKey === undefined || (typeof idempotencyKey === 'string' && idempotencyKey.length >= 1 && idempotencyKey.length <= 200))
  );
}
