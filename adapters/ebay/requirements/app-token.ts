import { registerSecret } from '../../../src/errors/redact.js';
import type { EbayContext } from '../context.js';
import { requirementOps } from './operations.js';

/** The base scope Taxonomy asks for (getItemAspectsForCategory "OAuth scope": https://api.ebay.com/oauth/api_scope). */
export const APP_SCOPE = 'https://api.ebay.com/oauth/api_scope';

/**
 * Application access token (client_credentials grant, 7200 s: research amazon-ebay.md token table),
 * cached until a minute before it expires; concurrent callers share one grant.
 */
export class AppToken {
  private token?: { value: string; expiresAt: number };
  private inflight?: Promise<string>;

  constructor(private readonly ctx: EbayContext) {}

  async get(signal?: AbortSignal): Promise<string> {
    const now = this.ctx.clock.now();
    if (this.token && this.token.expiresAt > now) return this.token.value;
    this.inflight ??= this.grant(signal).finally(() => (this.inflight = undefined));
    return this.inflight;
  }

  private async grant(signal?: AbortSignal): Promise<string> {
    const { clientId, clientSecret } = this.ctx.config.parsed.credentials;
    const basic = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
    // The token host may differ from the API host (config tokenEndpoint), as for the user token.
    const res = await this.ctx.call({ ...requirementOps.appToken, baseUrl: this.ctx.config.tokenBaseUrl }, { body: { grant_type: 'client_credentials', scope: APP_SCOPE }, headers: { Authorization: basic } }, { signal });
    registerSecret(res.data.access_token);
    this.token = { value: res.data.access_token, expiresAt: this.ctx.clock.now() + Math.max(0, res.data.expires_in - 60) * 1000 };
    return res.data.access_token;
  }
}
