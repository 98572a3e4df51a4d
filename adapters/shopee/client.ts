import type { PipelineSeams } from '../../src/http/transport-options.js';
import type { AuthStep } from '../../src/http/auth-step.js';
import type { CallOptions } from '../../src/http/call-options.js';
import type { Operation, OperationTable, RawClient, RawResult, RequestParts } from '../../src/http/operation.js';
import { Pipeline } from '../../src/http/pipeline.js';
import { requestIdOf, shopeeErrorMapper } from './errors.js';
import { hideFields } from './hide.js';
import { sign } from './sign.js';
import type { Identity, TokenManager } from './tokens.js';

export interface ClientConfig extends PipelineSeams {
  partnerId: number;
  partnerKey: string;
  baseUrl: string;
  tokens: TokenManager;
}

/**
 * One pipeline per signing identity (partner / shop / merchant), all sharing one limiter and
 * journal. Every call gets its own AbortSignal so the auth step can tell which access token an
 * attempt was signed with: the core's refresh hook does not pass the rejected token, and without
 * it a late `invalid_acceess_token` would trigger a second, needless rotation.
 */
export class ShopeeClient {
  readonly public: Pipeline;
  private readonly pipelines = new Map<string, Pipeline>();
  private readonly signedWith = new WeakMap<AbortSignal, string>();
  /** Path prefix of an endpoint override (proxies): the signed path is the path actually sent. */
  private readonly basePath: string;

  constructor(readonly config: ClientConfig) {
    hideFields(this, 'config');
    this.basePath = new URL(config.baseUrl).pathname.replace(/\/$/, '');
    this.public = this.pipeline(`partner:${config.partnerId}`, this.publicSigner());
  }

  /** The pipeline signing for a shop or merchant identity. */
  for(who: Identity): Pipeline {
    const key = `${who.kind}:${who.id}`;
    let p = this.pipelines.get(key);
    if (!p) {
      p = this.pipeline(key, this.tokenSigner(who));
      this.pipelines.set(key, p);
    }
    return p;
  }

  /** Calls an operation with a per-call signal (see class comment). */
  call<Req extends RequestParts, Out>(pipeline: Pipeline, op: Operation<Req, Out>, parts: Req, opts: CallOptions = {}): Promise<RawResult<Out>> {
    const signal = opts.signal ? AbortSignal.any([opts.signal]) : new AbortController().signal;
    return pipeline.call(op, parts, { ...opts, signal });
  }

  /** A typed raw client over a table, through `call`. */
  raw<T extends OperationTable>(pipeline: Pipeline, table: T): RawClient<T> {
    const out: Record<string, unknown> = {};
    for (const [name, operation] of Object.entries(table)) {
      out[name] = (parts: RequestParts, opts?: CallOptions) => this.call(pipeline, operation, parts ?? {}, opts);
    }
    return out as RawClient<T>;
  }

  nowSeconds(): number {
    return Math.floor(this.config.clock.now() / 1000);
  }

  private pipeline(account: string, auth: AuthStep): Pipeline {
    const c = this.config;
    return new Pipeline({
      marketplace: 'shopee', account, baseUrl: c.baseUrl, auth,
      mapError: shopeeErrorMapper(() => c.clock.now()), requestIdOf,
      hooks: c.hooks, limiter: c.limiter, clock: c.clock, journal: c.journal, retry: c.retry, timeScale: c.timeScale,
      consistency: c.consistency, transport: c.transport, timeoutMs: c.timeoutMs,
      // Shopee repeats keys for list filters (item_status); comma lists are joined by the caller.
      arrayFormat: 'repeat',
    });
  }

  private publicSigner(): AuthStep {
    return {
      authorize: async (req) => {
        const timestamp = this.nowSeconds();
        const s = sign(this.config.partnerKey, { partnerId: this.config.partnerId, path: this.basePath + req.path, timestamp });
        req.query.unshift(['partner_id', String(this.config.partnerId)], ['timestamp', String(timestamp)], ['sign', s]);
      },
    };
  }

  private tokenSigner(who: Identity): AuthStep {
    return {
      authorize: async (req, ctx) => {
        const accessToken = await this.config.tokens.access(who, ctx.signal);
        if (ctx.signal) this.signedWith.set(ctx.signal, accessToken);
        const timestamp = this.nowSeconds();
        const s = sign(this.config.partnerKey, { partnerId: this.config.partnerId, path: this.basePath + req.path, timestamp, accessToken, identityId: who.id });
        req.query.unshift(
          ['partner_id', String(this.config.partnerId)], ['timestamp', String(timestamp)], ['access_token', accessToken],
          [who.kind === 'shop' ? 'shop_id' : 'merchant_id', String(who.id)], ['sign', s],
        );
      },
      refresh: async (ctx) => {
        await this.config.tokens.refresh(who, ctx.signal ? this.signedWith.get(ctx.signal) : undefined, ctx.signal);
      },
    };
  }
}
