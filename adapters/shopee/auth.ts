import { ValidationError, registerSecret } from '../../src/errors/index.js';
import type { CallOptions } from '../../src/http/call-options.js';
import { encodeQuery } from '../../src/http/request.js';
import type { ShopeeClient } from './client.js';
import type { ResolvedConfig } from './config.js';
import { hideFields } from './hide.js';
import { publicOps } from './operations/public.js';
import { CONSOLE_AUTH_HOSTS } from './regions.js';
import { sign } from './sign.js';
import { storedFrom, type Identity, type TokenManager } from './tokens.js';

const AUTH_PARTNER_PATH = '/api/v2/shop/auth_partner';

export interface AuthorizationUrlOptions {
  /** Where Shopee sends the seller back with `code` and `shop_id` (or `main_account_id`). */
  redirect: string;
  /**
   * 'legacy' (default): the signed /api/v2/shop/auth_partner link (dies with its 5-minute
   * timestamp). 'console': the open.shopee.com/auth page, where a CNSC main account can also
   * tick "Auth Merchant" for merchant access.
   */
  style?: 'legacy' | 'console';
  state?: string;
}

export type ExchangeTarget = { shopId: number } | { mainAccountId: number };

export interface ExchangeResult {
  shopIds: number[];
  merchantIds: number[];
  expiresAt: Date;
}

/** Authorization links, code exchange and explicit refresh (`adapter.auth`). */
export class ShopeeAuth {
  constructor(
    private readonly client: ShopeeClient,
    private readonly config: ResolvedConfig,
    private readonly tokens: TokenManager,
    private readonly baseUrl: string,
    private readonly defaultIdentity: Identity,
  ) {
    hideFields(this, 'client', 'config', 'tokens');
  }

  authorizationUrl(opts: AuthorizationUrlOptions): string {
    if (!/^https?:\/\//.test(opts.redirect)) throw new ValidationError({ message: 'redirect must be an absolute http(s) URL', path: 'redirect' });
    if (opts.style === 'console') {
      const host = CONSOLE_AUTH_HOSTS[this.config.sandbox ? 'sandbox' : 'live'][this.config.host];
      const q: Array<[string, string]> = [['auth_type', 'seller'], ['partner_id', String(this.config.partnerId)], ['redirect_uri', opts.redirect], ['response_type', 'code']];
      if (opts.state) q.push(['state', opts.state]);
      return `${host}?${encodeQuery(q)}`;
    }
    const timestamp = this.client.nowSeconds();
    const path = new URL(this.baseUrl).pathname.replace(/\/$/, '') + AUTH_PARTNER_PATH;
    const s = sign(this.config.partnerKey, { partnerId: this.config.partnerId, path, timestamp });
    const q: Array<[string, string]> = [['partner_id', String(this.config.partnerId)], ['timestamp', String(timestamp)], ['sign', s], ['redirect', opts.redirect]];
    if (opts.state) q.push(['state', opts.state]);
    return `${this.baseUrl.replace(/\/$/, '')}${AUTH_PARTNER_PATH}?${encodeQuery(q)}`;
  }

  /** Reads `code` + `shop_id` | `main_account_id` from the redirect URL Shopee called. */
  parseRedirect(url: string): { code: string } & Partial<{ shopId: number; mainAccountId: number }> {
    const q = new URL(url).searchParams;
    const code = q.get('code');
    if (!code) throw new ValidationError({ message: 'the redirect URL has no code', path: 'url' });
    registerSecret(code);
    const shop = q.get('shop_id');
    const main = q.get('main_account_id');
    return { code, ...(shop ? { shopId: Number(shop) } : {}), ...(main ? { mainAccountId: Number(main) } : {}) };
  }

  /**
   * /api/v2/auth/token/get. A main-account grant returns one pair shared by all its shops and
   * merchants; each identity then refreshes (and rotates) independently, so each gets its entry.
   */
  async exchangeCode(code: string, target: ExchangeTarget, opts: CallOptions = {}): Promise<ExchangeResult> {
    registerSecret(code);
    const body = { code, partner_id: this.config.partnerId, ...('shopId' in target ? { shop_id: target.shopId } : { main_account_id: target.mainAccountId }) };
    const res = await this.client.call(this.client.public, publicOps.get_access_token, { body }, opts);
    const now = this.client.config.clock.now();
    const pair = storedFrom(res.data, now, 0);
    const shopIds = 'shopId' in target ? [target.shopId] : (res.data.shop_id_list ?? []).map(Number);
    const merchantIds = 'shopId' in target ? [] : (res.data.merchant_id_list ?? []).map(Number);
    for (const id of shopIds) await this.tokens.adopt({ kind: 'shop', id }, pair);
    for (const id of merchantIds) await this.tokens.adopt({ kind: 'merchant', id }, pair);
    return { shopIds, merchantIds, expiresAt: new Date(pair.expiresAt) };
  }

  /** Rotates now (normally automatic: 5 minutes before expiry, or once on invalid_acceess_token). */
  async refresh(who: Identity = this.defaultIdentity, opts: CallOptions = {}): Promise<{ expiresAt: Date }> {
    const t = await this.tokens.refresh(who, undefined, opts.signal);
    return { expiresAt: new Date(t.expiresAt) };
  }
}
