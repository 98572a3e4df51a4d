import { createHash } from 'node:crypto';
import { registerSecret } from '../../src/errors/redact.js';
import type { AuthStep } from '../../src/http/auth-step.js';
import type { Clock } from '../../src/http/clock.js';
import type { Pipeline } from '../../src/http/pipeline.js';
import type { HttpRequest } from '../../src/http/request.js';
import { SingleFlight } from '../../src/http/single-flight.js';
import type { TokenStore } from '../../src/state/token-store.js';
import { lwaToken } from './operations.js';

export interface LwaCredentials {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

export interface LwaAuthOptions {
  credentials: LwaCredentials;
  tokenEndpoint: string;
  /** The adapter's pipeline: the token call gets the same retries, error mapping and redacted hooks. */
  pipeline: () => Pipeline;
  clock: Clock;
  /** Shares access tokens between processes of the same app + seller (optional). */
  tokenStore?: TokenStore;
  /** Refresh this long before `expires_in` runs out. */
  skewMs?: number;
  /**
   * Grantless operations: a `client_credentials` grant with this scope instead of the seller's
   * refresh token ("Grantless Operations", developer-docs.amazon.com/sp-api/docs/grantless-operations).
   */
  scope?: string;
}

/**
 * Kept for callers. The pipeline passes the refused request to `refresh` (it carries the token
 * that was rejected), so no per-call AsyncLocalStorage scope is needed (issue 17.3: it cost time).
 */
export function withAuthScope<T>(fn: () => Promise<T>): Promise<T> {
  return fn();
}

interface CachedToken {
  value: string;
  expiresAt: number;
  obtainedAt: number;
}

/**
 * Login with Amazon, refresh_token grant (research A1). The access token is cached until shortly
 * before it expires; concurrent callers share one in-flight request; an SP-API "token expired"
 * answer triggers one forced refresh (the pipeline then replays once). No SigV4: dropped in 2023.
 */
export class LwaAuth implements AuthStep {
  private token?: CachedToken;
  private rejected?: string;
  private readonly flight = new SingleFlight<string>();
  private readonly storeKey: string;

  constructor(private readonly opts: LwaAuthOptions) {
    registerSecret(opts.credentials.clientSecret);
    registerSecret(opts.credentials.refreshToken);
    const digest = createHash('sha256').update(`${opts.credentials.clientId}\n${opts.scope ? `scope:${opts.scope}` : opts.credentials.refreshToken}`).digest('hex').slice(0, 16);
    this.storeKey = `amazon:lwa:${digest}`;
  }

  async authorize(req: HttpRequest): Promise<void> {
    const token = await this.accessToken();
    req.headers['x-amz-access-token'] = token;
  }

  async refresh(ctx?: { rejected?: HttpRequest }): Promise<void> {
    const rejected = ctx?.rejected?.headers['x-amz-access-token'];
    // Twenty calls rejected with the same old token cause one refresh, not twenty.
    if (this.token && rejected !== undefined && this.token.value !== rejected) return;
    if (this.token && rejected === undefined && this.opts.clock.now() - this.token.obtainedAt < 5_000) return;
    if (this.token) {
      this.rejected = this.token.value;
      this.token = undefined;
    }
    await this.flight.run('lwa', () => this.fetch());
  }

  private valid(t: { expiresAt: number } | undefined): boolean {
    return !!t && this.opts.clock.now() < t.expiresAt - (this.opts.skewMs ?? 60_000);
  }

  private async accessToken(): Promise<string> {
    if (this.token && this.valid(this.token)) return this.token.value;
    return this.flight.run('lwa', () => this.fetch());
  }

  private async fetch(): Promise<string> {
    const { credentials, tokenStore, clock } = this.opts;
    const stored = await tokenStore?.get(this.storeKey);
    if (stored && this.valid(stored) && stored.accessToken !== this.rejected) {
      registerSecret(stored.accessToken);
      this.token = { value: stored.accessToken, expiresAt: stored.expiresAt, obtainedAt: clock.now() };
      return stored.accessToken;
    }
    // Shared work: no caller's AbortSignal may cancel the request the others wait on.
    const res = await this.opts.pipeline().call({ ...lwaToken, baseUrl: this.opts.tokenEndpoint }, {
      body: this.opts.scope
        ? { grant_type: 'client_credentials', scope: this.opts.scope, client_id: credentials.clientId, client_secret: credentials.clientSecret }
        : { grant_type: 'refresh_token', refresh_token: credentials.refreshToken, client_id: credentials.clientId, client_secret: credentials.clientSecret },
    });
    registerSecret(res.data.access_token);
    const now = clock.now();
    this.token = { value: res.data.access_token, expiresAt: now + res.data.expires_in * 1000, obtainedAt: now };
    if (tokenStore) {
      await tokenStore
        .compareAndSwap(this.storeKey, stored?.version, { accessToken: this.token.value, expiresAt: this.token.expiresAt, version: (stored?.version ?? 0) + 1 })
        .catch(() => false);
    }
    return this.token.value;
  }
}
