import type { z } from 'zod';
import {
  AbortedError, AuthError, ConflictError, MarketplaceError, NetworkError, NotFoundError, RateLimitError,
  TimeoutError, ValidationError, type MarketplaceErrorEntry, type ValidationIssue,
} from './classes.js';
import { isXborderError, type Marketplace, type XborderError } from './xborder-error.js';

export interface ResponseErrorContext {
  marketplace: Marketplace;
  operation?: string;
  status: number;
  requestId?: string;
  errors?: MarketplaceErrorEntry[];
  message?: string;
  retryAfterMs?: number;
}

/** The single factory: picks the class from the HTTP status (adapters pass a refined status/code). */
export function errorFromResponse(ctx: ResponseErrorContext): XborderError {
  if (typeof ctx !== 'object' || ctx === null) throw new ValidationError({ message: 'errorFromResponse needs { marketplace, status, ... }', path: 'ctx' });
  // Whatever a marketplace body held, the factory builds an error (entries that are not objects are dropped).
  const errors = Array.isArray(ctx.errors) ? ctx.errors.filter((e) => typeof e === 'object' && e !== null) : undefined;
  ctx = { ...ctx, errors, status: typeof ctx.status === 'number' ? ctx.status : 0 };
  const first = ctx.errors?.[0];
  const message = typeof ctx.message === 'string' ? ctx.message : first ? `${text(first.code)}: ${text(first.message)}` : `HTTP ${ctx.status}`;
  const base = { marketplace: ctx.marketplace, operation: ctx.operation, status: ctx.status, requestId: ctx.requestId, message, errors: ctx.errors };
  if (ctx.status === 401) return new AuthError({ ...base, code: 'AUTH_FAILED' });
  if (ctx.status === 403) return new AuthError({ ...base, code: 'FORBIDDEN' });
  if (ctx.status === 404) return new NotFoundError(base);
  if (ctx.status === 409) return new ConflictError(base);
  if (ctx.status === 429) return new RateLimitError({ ...base, retryAfterMs: ctx.retryAfterMs });
  if (ctx.status === 408) return new TimeoutError(base);
  if (ctx.status >= 500) {
    return new MarketplaceError({ ...base, code: 'MARKETPLACE_UNAVAILABLE', retryable: true, errors: ctx.errors });
  }
  return new MarketplaceError({ ...base, errors: ctx.errors });
}

/** A value shown in a message: strings as they are, anything else by its type (never throws). */
function text(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : typeof v;
}

/** zod issues → ValidationError naming the first path (prefixed by the public argument name). */
export function validationFromZod(error: z.ZodError, prefix = ''): ValidationError {
  // A root-level issue still names what was refused: the argument's name, else "input".
  const root = typeof prefix === 'string' && prefix ? prefix : 'input';
  const issues: ValidationIssue[] = error.issues.map((i) => ({ path: joinPath(prefix, i.path) || root, message: i.message }));
  const first = issues[0] ?? { path: root, message: 'invalid input' };
  return new ValidationError({ message: `Invalid ${first.path}: ${first.message}`, path: first.path, issues });
}

/** Validates caller input; throws ValidationError before any I/O. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): z.output<S> {
  let r: z.ZodSafeParseResult<z.output<S>>;
  try {
    r = schema.safeParse(input) as z.ZodSafeParseResult<z.output<S>>;
  } catch (e) {
    // Exotic values (typed arrays where zod freezes, revoked proxies, throwing getters) make
    // zod itself throw: still the caller's input, still a ValidationError with a path.
    if (e instanceof ValidationError) throw e;
    const path = typeof prefix === 'string' && prefix ? prefix : 'input';
    throw new ValidationError({ message: `Invalid ${path}: the value could not be read as the expected shape`, path });
  }
  if (!r.success) throw validationFromZod(r.error, prefix);
  return r.data;
}

function joinPath(prefix: string, path: ReadonlyArray<PropertyKey>): string {
  let out = typeof prefix === 'string' ? prefix : '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

interface TransportErrorLike {
  code?: string;
  message?: string;
  name?: string;
}

/** Network-level failure (no HTTP response) → typed error. Raw axios errors never escape. */
export function errorFromTransport(
  err: unknown,
  ctx: { marketplace: Marketplace; operation?: string; signal?: AbortSignal },
): XborderError {
  if (isXborderError(err)) return err;
  if (typeof ctx !== 'object' || ctx === null) throw new ValidationError({ message: 'errorFromTransport needs { marketplace, operation?, signal? }', path: 'ctx' });
  const e = (typeof err === 'object' && err !== null ? err : {}) as TransportErrorLike;
  const base = { marketplace: ctx.marketplace, operation: ctx.operation, cause: err };
  if (ctx.signal?.aborted || e.code === 'ERR_CANCELED' || e.name === 'AbortError' || e.name === 'CanceledError') {
    return new AbortedError(base);
  }
  if (e.code === 'ECONNABORTED' || e.code === 'ETIMEDOUT' || e.code === 'ERR_TIMEOUT') {
    return new TimeoutError({ ...base, message: `Request timed out (${e.code})` });
  }
  return new NetworkError({ ...base, message: `Network failure${typeof e.code === 'string' && e.code ? ` (${e.code})` : ''}` });
}
