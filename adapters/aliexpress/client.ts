import type { PipelineSeams } from '../../src/http/transport-options.js';
import type { AuthStep } from '../../src/http/auth-step.js';
import type { CallOptions } from '../../src/http/call-options.js';
import type { Operation, OperationTable, RawClient, RawResult, RequestParts } from '../../src/http/operation.js';
import { Pipeline } from '../../src/http/pipeline.js';
import type { HttpRequest } from '../../src/http/request.js';
import { aliexpressErrorMapper, requestIdOf } from './errors.js';
import { hideFields } from './hide.js';
import { SYSTEM_PREFIX } from './operations.js';
import { sign } from './sign.js';
import type { TokenManager } from './tokens.js';

/** The token parameter name: the docs (S10) and doc vector Case 1 call it `access_token` (research B1). */
export const TOKEN_PARAM = 'access_token';

export interface ClientConfig extends PipelineSeams {
  appKey: string;
  appSecret: string;
  sellerId: string;
  baseUrl: string;
}

/** Business parameters as sent: strings, nested objects as their JSON (signed as that exact string). */
export function wireParams(params: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    out[k] = typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  return out;
}

/**
 * Two pipelines over one limiter and journal: `app` signs system calls (token create/refresh) with
 * the app secret only; `seller` adds the seller's access token. Every attempt is re-signed with a
 * fresh millisecond timestamp (7200 s tolerance). System params go in the query, business params in
 * the form body; the signature covers both.
 */
export class AliExpressClient {
  readonly app: Pipeline;
  readonly seller: Pipeline;
  private tokens?: TokenManager;

  constructor(readonly config: ClientConfig) {
    hideFields(this, 'config', 'tokens');
    this.app = this.pipeline(`app:${config.appKey}`, this.signer(false));
    this.seller = this.pipeline(`seller:${config.sellerId}`, this.signer(true));
  }

  useTokens(tokens: TokenManager): void {
    this.tokens = tokens;
  }

  call<Req extends RequestParts, Out>(pipeline: Pipeline, op: Operation<Req, Out>, parts: Req, opts: CallOptions = {}): Promise<RawResult<Out>> {
    return pipeline.call(op, parts, opts);
  }

  raw<T extends OperationTable>(pipeline: Pipeline, table: T): RawClient<T> {
    return pipeline.raw(table);
  }

  private pipeline(account: string, auth: AuthStep): Pipeline {
    const c = this.config;
    return new Pipeline({
      marketplace: 'aliexpress', account, baseUrl: c.baseUrl, auth,
      mapError: aliexpressErrorMapper(() => c.clock.now()), requestIdOf,
      hooks: c.hooks, limiter: c.limiter, clock: c.clock, journal: c.journal, retry: c.retry, timeScale: c.timeScale,
      consistency: c.consistency, transport: c.transport, timeoutMs: c.timeoutMs,
    });
  }

  private signer(withToken: boolean): AuthStep {
    return {
      authorize: async (req, ctx) => {
        const system = req.path.startsWith(SYSTEM_PREFIX);
        const common: Array<[string, string]> = [['app_key', this.config.appKey], ['timestamp', String(this.config.clock.now())], ['sign_method', 'sha256']];
        if (!system) common.push(['method', ctx.operation], ['format', 'json']);
        if (withToken) {
          if (!this.tokens) throw new Error('AliExpress client used before its token manager was set');
          common.push([TOKEN_PARAM, await this.tokens.access(ctx.signal)]);
        }
        // A multipart file part (photobank image_bytes) is not a signed parameter; form fields are.
        const body = (req.bodyType === 'form' ? req.body ?? {} : {}) as Record<string, string>;
        const all: Record<string, string> = { ...body };
        for (const [k, v] of [...req.query, ...common]) all[k] = v;
        const apiPath = system ? req.path.slice(SYSTEM_PREFIX.length) : undefined;
        req.query.push(...common, ['sign', sign(this.config.appSecret, all, apiPath)]);
      },
      ...(withToken
        ? { refresh: async (ctx: { signal?: AbortSignal; rejected?: HttpRequest }) => {
          const rejected = ctx.rejected?.query.find(([k]) => k === TOKEN_PARAM)?.[1];
          await this.tokens!.refresh(rejected, ctx.signal);
        } }
        : {}),
    };
  }
}
