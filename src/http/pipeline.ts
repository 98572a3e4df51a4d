import type { AxiosInstance, AxiosResponse } from 'axios';
import { AuthError, OutcomeUnknownError, RateLimitError } from '../errors/classes.js';
import { errorFromTransport } from '../errors/from-response.js';
import { redactUrl } from '../errors/redact.js';
import { isXborderError, type XborderError } from '../errors/xborder-error.js';
import type { IntentJournal } from '../state/intent-journal.js';
import type { AuthStep } from './auth-step.js';
import { parseCallOptions, type CallOptions } from './call-options.js';
import { systemClock, type Clock } from './clock.js';
import { safeEmit, type Hooks } from './hooks.js';
import { Limiter } from './limiter.js';
import type { Operation, OperationTable, RawClient, RawResult, RequestParts, ResponseMeta } from './operation.js';
import { parseWire } from './parse.js';
import { scalePlan, type RatePlan } from './rate-plan.js';
import { buildRequest, fullUrl, type ArrayFormat, type HttpRequest } from './request.js';
import { DEFAULT_RETRY, retryAfterFirst, type RetryPolicy } from './retry.js';
import { defaultTransport } from './transport.js';
import { verifyWithin, type ConsistencyWindow } from './verify.js';

export interface WireResponse {
  status: number;
  data: unknown;
  headers: Record<string, string>;
}

export interface PipelineConfig {
  marketplace: string;
  /** Account key (seller id, shop id...): rate-limit buckets are per account. */
  account: string;
  baseUrl: string;
  auth?: AuthStep;
  /** The marketplace's error envelope → typed error; undefined for a success (HTTP 200 errors too). */
  mapError(res: WireResponse, ctx: { operation: string; requestId?: string }): XborderError | undefined;
  requestIdOf?(res: WireResponse): string | undefined;
  /** Rate (per second) the server announced in headers, if any. */
  rateFromHeaders?(headers: Record<string, string>): number | undefined;
  hooks?: Hooks;
  limiter?: Limiter;
  clock?: Clock;
  journal?: IntentJournal;
  retry?: Partial<RetryPolicy>;
  random?: () => number;
  transport?: AxiosInstance;
  timeoutMs?: number;
  arrayFormat?: ArrayFormat;
  /** Speeds rate plans up (sandbox runs with time-scaled quotas). */
  timeScale?: number;
  /** How long reads may lag after a write, for verify-before-replay. */
  consistency?: ConsistencyWindow;
}

interface OpInfo {
  key: string;
  rate: RatePlan | undefined;
  plan: RatePlan | undefined;
}

/** Where an attempt records the request it sent (a refresh reads the token it carried). */
interface Sent {
  req?: HttpRequest;
}

const firstAttempt = () => 1;

/** Failures where the request provably never reached the marketplace's write path. */
function notExecuted(err: XborderError): boolean {
  if (err instanceof RateLimitError) return true;
  const code = (err.cause as { code?: string } | undefined)?.code;
  return code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
}

function flatHeaders(h: AxiosResponse['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h ?? {})) if (v !== undefined && v !== null) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
  return out;
}

/**
 * operation → validate options → limiter → authorize/sign → axios → map errors → retry decision →
 * parse (zod). One pipeline per adapter instance (account).
 */
export class Pipeline {
  readonly limiter: Limiter;
  readonly clock: Clock;
  private readonly retryPolicy: RetryPolicy;
  private readonly ops = new WeakMap<Operation<any, any>, OpInfo>();

  constructor(readonly config: PipelineConfig) {
    this.clock = config.clock ?? systemClock;
    this.limiter = config.limiter ?? new Limiter(undefined, this.clock);
    this.retryPolicy = { ...DEFAULT_RETRY, ...config.retry };
  }

  bucketKey(op: Operation<any, any>): string {
    return this.opInfo(op).key;
  }

  /** The operation's time-scaled rate plan, if it has one. */
  planOf(op: Operation<any, any>): RatePlan | undefined {
    return this.opInfo(op).plan;
  }

  /** Bucket key and scaled plan, computed once per operation object (not per call). */
  private opInfo(op: Operation<any, any>): OpInfo {
    let info = this.ops.get(op);
    if (!info || info.rate !== op.rate) {
      info = { key: `${this.config.marketplace}:${this.config.account}:${op.group ?? op.id}`, rate: op.rate, plan: op.rate ? scalePlan(op.rate, this.config.timeScale ?? 1) : undefined };
      this.ops.set(op, info);
    }
    return info;
  }

  async call<Req extends RequestParts, Out>(op: Operation<Req, Out>, parts: Req, options?: CallOptions): Promise<RawResult<Out>> {
    const opts = parseCallOptions(options);
    const journalKey = opts.idempotencyKey && !op.idempotent ? `${this.config.marketplace}:${this.config.account}:${op.id}:${opts.idempotencyKey}` : undefined;
    const journal = this.config.journal;
    if (journalKey && journal) {
      const prior = await journal.get(journalKey);
      if (prior?.state === 'succeeded') {
        const stored = prior.result as RawResult<Out>;
        return { ...stored, meta: { ...stored.meta, replayed: 'journal' } };
      }
      if (prior && (prior.state === 'pending' || prior.state === 'unknown')) {
        const proven = await this.verifyPrior(op, parts, opts);
        if (proven) {
          await journal.put({ key: journalKey, operation: op.id, state: 'succeeded', at: this.clock.now(), result: proven });
          return proven;
        }
      }
      await journal.put({ key: journalKey, operation: op.id, state: 'pending', at: this.clock.now() });
    }
    try {
      const result = await this.callWithRetry(op, parts, opts);
      if (journalKey && journal) await journal.put({ key: journalKey, operation: op.id, state: 'succeeded', at: this.clock.now(), result });
      return result;
    } catch (e) {
      const err = isXborderError(e) ? e : errorFromTransport(e, { marketplace: this.config.marketplace, operation: op.id });
      if (journalKey && journal) {
        // A write that failed ambiguously (e.g. reset after retries ran out) may have happened.
        const ambiguous = err.code === 'OUTCOME_UNKNOWN' || (err.retryable && !notExecuted(err));
        const state = ambiguous ? 'unknown' : 'failed';
        await journal.put({ key: journalKey, operation: op.id, state, at: this.clock.now(), error: { code: err.code, message: err.message } });
      }
      safeEmit(this.config.hooks, 'onError', { marketplace: this.config.marketplace, account: this.config.account, operation: op.id, error: err.toJSON() });
      throw err;
    }
  }

  /** A previous process left this write pending: prove it happened, or that it did not. */
  private async verifyPrior<Req extends RequestParts, Out>(op: Operation<Req, Out>, parts: Req, opts: CallOptions): Promise<RawResult<Out> | undefined> {
    if (!op.verify) {
      throw new OutcomeUnknownError({ marketplace: this.config.marketplace, operation: op.id, idempotencyKey: opts.idempotencyKey, message: `An earlier ${op.id} with this idempotency key did not finish and cannot be verified` });
    }
    const outcome = await this.runVerify(op, parts, opts, 1);
    if (outcome.state === 'done') return this.verifiedResult(outcome.data);
    if (outcome.state === 'unknown') {
      throw new OutcomeUnknownError({ marketplace: this.config.marketplace, operation: op.id, idempotencyKey: opts.idempotencyKey, message: `Cannot tell whether an earlier ${op.id} took effect` });
    }
    return undefined;
  }

  private runVerify<Req extends RequestParts, Out>(op: Operation<Req, Out>, parts: Req, opts: CallOptions, attempt: number) {
    const window = this.config.consistency ?? { windowMs: 0, intervalMs: 0 };
    return verifyWithin(() => op.verify!(parts, { signal: opts.signal, attempt }), window, this.clock, opts.signal);
  }

  private verifiedResult<Out>(data: Out): RawResult<Out> {
    return { data, headers: {}, meta: { status: 200, attempts: 0, durationMs: 0, replayed: 'verified' } };
  }

  /** Fast path: the first attempt runs bare (no retry run, no closures); retries only build on a failure. */
  private async callWithRetry<Req extends RequestParts, Out>(op: Operation<Req, Out>, parts: Req, opts: CallOptions): Promise<RawResult<Out>> {
    try {
      return await this.attemptWithAuth(op, parts, opts, 1, firstAttempt, false);
    } catch (first) {
      return this.retryAfter(op, parts, opts, first);
    }
  }

  private retryAfter<Req extends RequestParts, Out>(op: Operation<Req, Out>, parts: Req, opts: CallOptions, first: unknown): Promise<RawResult<Out>> {
    let ambiguous: XborderError | undefined;
    let throttled = false;
    let attempts = 1;
    const plan = this.planOf(op);
    const retries = op.retry === false ? 0 : (opts.maxRetries ?? this.retryPolicy.retries);
    return retryAfterFirst({
      policy: retries === this.retryPolicy.retries ? this.retryPolicy : { ...this.retryPolicy, retries },
      clock: this.clock,
      signal: opts.signal,
      deadline: opts.deadline,
      random: this.config.random,
      marketplace: this.config.marketplace,
      operation: op.id,
      attempt: async (n) => {
        attempts = n;
        if (ambiguous && op.verify) {
          const outcome = await this.runVerify(op, parts, opts, n);
          if (outcome.state === 'done') return this.verifiedResult(outcome.data);
          if (outcome.state === 'unknown') {
            throw new OutcomeUnknownError({ marketplace: this.config.marketplace, operation: op.id, idempotencyKey: opts.idempotencyKey, cause: ambiguous, message: `${op.id} failed ambiguously and verification could not tell whether it took effect` });
          }
        }
        ambiguous = undefined;
        const front = throttled;
        throttled = false;
        return this.attemptWithAuth(op, parts, opts, n, () => attempts, front);
      },
      shouldRetry: (err) => {
        if (op.idempotent || notExecuted(err)) return true;
        if (op.verify) {
          ambiguous = err;
          return true;
        }
        throw new OutcomeUnknownError({ marketplace: this.config.marketplace, operation: op.id, idempotencyKey: opts.idempotencyKey, status: err.status, requestId: err.requestId, cause: err, message: `${op.id} failed ambiguously (${err.code}); not replayed because it is not idempotent` });
      },
      // A throttled call of a rate-planned operation waits exactly the Retry-After the server gave
      // (no jittered backoff on top; without one, the usual backoff), then re-enters its bucket at
      // the front: it already waited its turn (issue 17.4).
      sleepFor: (err) => {
        if (!plan || !(err instanceof RateLimitError)) return undefined;
        throttled = true;
        return err.retryAfterMs;
      },
      onRetry: (err, attempt, delayMs) => {
        safeEmit(this.config.hooks, 'onRetry', { marketplace: this.config.marketplace, account: this.config.account, operation: op.id, attempt, delayMs, reason: err.code });
      },
    }, first);
  }

  /** One attempt, plus at most one token refresh and replay when the token expired. */
  private async attemptWithAuth<Req extends RequestParts, Out>(op: Operation<Req, Out>, parts: Req, opts: CallOptions, n: number, attemptsOf: () => number, front: boolean): Promise<RawResult<Out>> {
    const sent: Sent = { req: undefined };
    try {
      return await this.once(op, parts, opts, n, attemptsOf, front, sent);
    } catch (e) {
      if (e instanceof AuthError && e.code === 'AUTH_EXPIRED' && this.config.auth?.refresh && !op.noAuth) {
        await this.config.auth.refresh({ operation: op.id, signal: opts.signal, rejected: sent.req });
        return this.once(op, parts, opts, n, attemptsOf, false);
      }
      throw e;
    }
  }

  private async once<Req extends RequestParts, Out>(
    op: Operation<Req, Out>, parts: Req, opts: CallOptions, attempt: number, attemptsOf: () => number, front: boolean, sent?: Sent,
  ): Promise<RawResult<Out>> {
    const cfg = this.config;
    const hooks = cfg.hooks;
    const key = this.bucketKey(op);
    const plan = this.planOf(op);
    // Fast path: a free token and nobody queued is taken synchronously, no promise, no closure.
    if (plan && (front || opts.signal?.aborted || !this.limiter.tryAcquire(key, plan))) {
      await this.limiter.acquire(key, plan, {
        signal: opts.signal,
        deadline: opts.deadline,
        front,
        onWait: hooks?.onRateLimitWait ? (waitMs) => safeEmit(hooks, 'onRateLimitWait', { marketplace: cfg.marketplace, account: cfg.account, operation: op.id, bucket: key, waitMs }) : undefined,
      });
    }
    const req = buildRequest(op.method, op.baseUrl ?? cfg.baseUrl, op.path, parts, op.bodyType ?? 'json', cfg.arrayFormat ?? 'comma');
    if (cfg.auth && !op.noAuth) await cfg.auth.authorize(req, { operation: op.id, signal: opts.signal });
    const url = fullUrl(req);
    if (sent) sent.req = req;
    // Redaction costs a URL parse: only pay it when someone listens.
    const safeUrl = hooks?.onRequest || hooks?.onResponse ? redactUrl(url) : '';
    if (hooks?.onRequest) safeEmit(hooks, 'onRequest', { marketplace: cfg.marketplace, account: cfg.account, operation: op.id, method: req.method, url: safeUrl, attempt, idempotencyKey: opts.idempotencyKey });
    const started = this.clock.now();
    const res = await this.send(req, url, op, opts);
    const durationMs = this.clock.now() - started;
    const requestId = cfg.requestIdOf?.(res);
    const announced = cfg.rateFromHeaders?.(res.headers);
    if (announced) this.limiter.updateRate(key, announced * (cfg.timeScale ?? 1));
    if (hooks?.onResponse) safeEmit(hooks, 'onResponse', { marketplace: cfg.marketplace, account: cfg.account, operation: op.id, method: req.method, url: safeUrl, attempt, status: res.status, durationMs, requestId });
    const error = cfg.mapError(res, { operation: op.id, requestId });
    if (error) {
      error.operation ??= op.id;
      error.requestId ??= requestId;
      error.marketplace ??= cfg.marketplace;
      if (error instanceof RateLimitError && plan) await this.limiter.penalize(key, plan, error.retryAfterMs ?? 1000 / plan.perSecond);
      throw error;
    }
    const data = op.response ? parseWire(op.response, res.data, { marketplace: cfg.marketplace, operation: op.id }) : (res.data as Out);
    const meta: ResponseMeta = { status: res.status, requestId, attempts: attemptsOf(), durationMs };
    return { data, meta, headers: res.headers };
  }

  private async send(req: HttpRequest, url: string, op: Operation<any, any>, opts: CallOptions): Promise<WireResponse> {
    const transport = this.config.transport ?? defaultTransport();
    // The request's own headers object is fresh per attempt: only a body needs a copy (content-type).
    let headers = req.headers;
    let data: unknown = req.body;
    if (req.body !== undefined) headers = { ...headers };
    if (req.bodyType === 'form' && req.body && typeof req.body === 'object') {
      data = new URLSearchParams(req.body as Record<string, string>).toString();
      headers['content-type'] ??= 'application/x-www-form-urlencoded;charset=UTF-8';
    } else if (req.bodyType === 'json' && req.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      data = JSON.stringify(req.body);
    }
    try {
      const res = await transport.request({
        method: req.method,
        url,
        headers,
        data,
        signal: opts.signal,
        timeout: opts.timeoutMs ?? this.config.timeoutMs ?? 30_000,
        responseType: op.responseType === 'arraybuffer' ? 'arraybuffer' : op.responseType === 'text' ? 'text' : 'json',
        transformResponse: op.responseType === 'json' || op.responseType === undefined ? [parseJsonLenient] : undefined,
      });
      return { status: res.status, data: res.data, headers: flatHeaders(res.headers) };
    } catch (e) {
      throw errorFromTransport(e, { marketplace: this.config.marketplace, operation: op.id, signal: opts.signal });
    }
  }

  /** A typed raw client from an operation table. */
  raw<T extends OperationTable>(table: T): RawClient<T> {
    const client: Record<string, unknown> = {};
    for (const [name, operation] of Object.entries(table)) {
      client[name] = (parts: RequestParts, opts?: CallOptions) => this.call(operation, parts ?? {}, opts);
    }
    return client as RawClient<T>;
  }
}

/** Bodies that are not JSON (HTML error pages, empty 204s) stay as text instead of throwing. */
function parseJsonLenient(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  if (data === '') return undefined;
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}
