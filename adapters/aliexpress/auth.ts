import { ValidationError, registerSecret } from '../../src/errors/index.js';
import type { CallOptions } from '../../src/http/call-options.js';
import { encodeQuery } from '../../src/http/request.js';
import type { AliExpressClient } from './client.js';
import { DEFAULTS } from './config.js';
import { hideFields } from './hide.js';
import { systemOps } from './operations.js';
import type { TokenManager } from './tokens.js';

export interface AuthorizationUrlOptions {
  /** Must equal the callback registered on the app. */
  redirect: string;
  state?: string;
  /** Force a fresh seller login (default true). */
  forceAuth?: boolean;
}

/** Seller authorization (research B2): the OAuth page, code exchange, explicit refresh. */
export class AliExpressAuth {
  constructor(private readonly client: AliExpressClient, private readonly tokens: TokenManager, private readonly appKey: string, private readonly oauthUrl: string = DEFAULTS.oauthUrl) {
    hideFields(this, 'client', 'tokens');
  }

  authorizationUrl(opts: AuthorizationUrlOptions): string {
    if (!/^https?:\/\//.test(opts.redirect)) throw new ValidationError({ message: 'redirect must be an absolute http(s) URL', path: 'redirect' });
    const q: Array<[string, string]> = [['response_type', 'code'], ['force_auth', String(opts.forceAuth ?? true)], ['redirect_uri', opts.redirect], ['client_id', this.appKey]];
    if (opts.state) q.push(['state', opts.state]);
    return `${this.oauthUrl}?${encodeQuery(q)}`;
  }

  /** /auth/token/create with the callback's `code`; the pair is persisted for this seller. */
  async exchangeCode(code: string, opts: CallOptions = {}): Promise<{ expiresAt: Date; sellerId?: string }> {
    registerSecret(code);
    const res = await this.client.call(this.client.app, systemOps.createToken, { body: { code } }, opts);
    const pair = await this.tokens.adopt(res.data);
    const seller = res.data.seller_id ?? res.data.user_id;
    return { expiresAt: new Date(pair.expiresAt), ...(seller !== undefined ? { sellerId: String(seller) } : {}) };
  }

  /** Refreshes now (normally automatic: before `expire_time`, or once on IllegalAccessToken). */
  async refresh(opts: CallOptions = {}): Promise<{ expiresAt: Date }> {
    const t = await this.tokens.refresh(undefined, opts.signal);
    return { expiresAt: new Date(t.expiresAt) };
  }
}
