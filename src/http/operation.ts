import type { z } from 'zod';
import type { CallOptions } from './call-options.js';
import type { RatePlan } from './rate-plan.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type QueryValue = string | number | boolean | ReadonlyArray<string | number> | undefined | null;

/** The variable parts of one request to an operation. */
export interface RequestParts {
  params?: Record<string, string | number>;
  query?: Record<string, QueryValue>;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Result of a verify step: did a write whose outcome is unknown actually happen? */
export type VerifyOutcome<Out> = { state: 'done'; data: Out } | { state: 'not_done' } | { state: 'unknown'; reason?: string };

export interface VerifyContext {
  signal?: AbortSignal;
  attempt: number;
}

/** One marketplace operation declared as data (style-anchors §2.2). */
export interface Operation<Req extends RequestParts = RequestParts, Out = unknown> {
  id: string;
  method: HttpMethod;
  /** Path template, e.g. '/listings/2021-08-01/items/{sellerId}/{sku}'. */
  path: string;
  /** Rate-limit bucket name; defaults to the operation id. */
  group?: string;
  rate?: RatePlan;
  /** Safe to replay as is. */
  idempotent: boolean;
  /** For non-idempotent writes: proves whether an ambiguous attempt took effect before any replay. */
  verify?: (req: Req, ctx: VerifyContext) => Promise<VerifyOutcome<Out>>;
  /** Wire schema of the response body (zod); structure only, records are parsed leniently elsewhere. */
  response?: z.ZodType<Out>;
  bodyType?: 'json' | 'form' | 'raw';
  responseType?: 'json' | 'arraybuffer' | 'text';
  /** Absolute base URL for operations on another host (LWA token endpoint, pre-signed uploads). */
  baseUrl?: string;
  /** Skips the pipeline's auth step (token endpoints, pre-signed URLs). */
  noAuth?: boolean;
  /** Retries are allowed for this operation (default true). */
  retry?: boolean;
  /** The marketplace requires a message signature on this call when configured (eBay digital signatures). */
  signed?: boolean;
}

/** Declares an operation; typed identity so tables stay plain data. */
export function op<Req extends RequestParts = RequestParts, Out = unknown>(def: Operation<Req, Out>): Operation<Req, Out> {
  return def;
}

export type OperationTable = Record<string, Operation<any, any>>;

export interface ResponseMeta {
  status: number;
  requestId?: string;
  attempts: number;
  durationMs: number;
  rateLimit?: { limit?: number; remaining?: number };
  /** The result came from the intent journal or a verify step, not from this call's own write. */
  replayed?: 'journal' | 'verified';
}

export interface RawResult<Out> {
  data: Out;
  meta: ResponseMeta;
  headers: Record<string, string>;
}

type ReqOf<O> = O extends Operation<infer R, any> ? R : never;
type OutOf<O> = O extends Operation<any, infer T> ? T : never;

/** A typed low-level client: one function per operation of a table. */
export type RawClient<T extends OperationTable> = {
  [K in keyof T]: (req: ReqOf<T[K]>, opts?: CallOptions) => Promise<RawResult<OutOf<T[K]>>>;
};
