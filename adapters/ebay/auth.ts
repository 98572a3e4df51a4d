import { createHash } from 'node:crypto';
import { registerSecret } from '../../src/errors/redact.js';
import type { AuthStep } from '../../src/http/auth-step.js';
import type { Clock } from '../../src/http/clock.js';
import type { Pipeline } from '../../src/http/pipeline.js';
import type { HttpRequest } from '../../src/http/request.js';
import { SingleFlight } from '../../src/http/single-flight.js';
import type { TokenStore } from '../../src/state/token-store.js';
import { ops } from './operations.js';

export interface EbayCredentials {
  clientId: string;
  clientSecret: string;
  /** User refresh token from the authorization-code grant (≈18 months). */
  refreshToken: string;
}

export interface EbayAuthOptions {
  credentials: EbayCredentials;
  /** Token host (production/sandbox API host, or the embedded sandbox). */
  tokenBaseUrl: string;
  scopes: readonly string[];
  pipeline: () => Pipeline;
  clock: Clock;
  tokenStore?: TokenStore;
  /** Refresh this long before `expires_in` runs out. */
  skewMs?: number;
}

interface CachedToken {
  value: string;
  expiresAt: number;
}

const bearerOf = (req: HttpRequest | undefined) => req?.headers.Authorization?.replace(/^Bearer /, '');

/**
 * eBay OAuth refresh_token grant with Basic client authentication (research B1). The user access
 * token (7200 s) is cached, concurrent callers share one request, and a 401 causes one forced
 * refresh: calls rejected with a token already replaced replay with the new one.
 */
export class EbayAuth implements AuthStep {
  private token?: CachedToken;
  private rejected?: string;
  private readonly flight = new SingleFlight<string>();
  private readonly basic: string;
  private readonly storeKey: string;

  constructor(private readonly opts: EbayAuthOptions) {
    const { clientId, clientSecret, refreshToken } = opts.credentials;
    registerSecret(clientSecret);
    registerSecret(refreshToken);
    this.basic = Buffer.from(`${clientId}:${clientSecret}`, 'utf8').toString('base64');
    registerSecret(this.basic);
    const digest = createHash('sha256').update(`${clientId}\n${refreshToken}`).digest('hex').slice(0, 16);
    this.storeKey = `ebay:oauth:${digest}`;
  }

  async authorize(req: HttpRequest): Promise<void> {
    req.headers.Authorization = `Bearer ${await this.accessToken()}`;
  }

  async refresh(ctx?: { rejected?: HttpRequest }): Promise<void> {
    const rejected = bearerOf(ctx?.rejected);
    // Twenty calls rejected with the same old token cause one refresh, not twenty.
    if (this.token && rejected !== undefined && this.token.value !== rejected) return;
    if (this.token) {
      this.rejected = this.token.value;
      this.token = undefined;
    }
    await this.flight.run('token', () => this.fetch());
  }

  private valid(t: { expiresAt: number } | undefined): boolean {
    return !!t && this.opts.clock.now() < t.expiresAt - (this.opts.skewMs ?? 5 * 60_000);
  }

  private async accessToken(): Promise<string> {
    if (this.token && this.valid(this.token)) return this.token.value;
    return this.flight.run('token', () => this.fetch());
  }

  private async fetch(): Promise<string> {
    const { credentials, tokenStore, clock, scopes } = this.opts;
    const stored = await tokenStore?.get(this.storeKey);
    if (stored && this.valid(stored) && stored.accessToken !== this.rejected) {
      registerSecret(stored.accessToken);
      this.token = { value: stored.accessToken, expiresAt: stored.expiresAt };
      return stored.accessToken;
    }
    // Shared work: no single caller's AbortSignal may cancel the request the others wait on.
    const res = await this.opts.pipeline().call(
      { ...ops.refreshToken, baseUrl: this.opts.tokenBaseUrl },
      { headers: { Authorization: `Basic ${this.basic}` }, body: { grant_type: 'refresh_token', refresh_token: credentials.refreshToken, scope: scopes.join(' ') } },
    );
    registerSecret(res.data.access_token);
    const now = clock.now();
    this.token = { value: res.data.access_token, expiresAt: now + res.data.expires_in * 1000 };
    if (tokenStore) {
      await tokenStore
        .compareAndSwap(this.storeKey, stored?.version, { accessToken: this.token.value, expiresAt: this.token.expiresAt, version: (stored?.version ?? 0) + 1 })
        .catch(() => false);
    }
    return this.token.value;
  }
}
