import { z } from 'zod';
import { AuthError, isXborderError, registerSecret } from '../../src/errors/index.js';
import type { Clock } from '../../src/http/clock.js';
import { SingleFlight } from '../../src/http/single-flight.js';
import type { StoredToken, TokenStore } from '../../src/state/token-store.js';
import { DEFAULTS } from './config.js';
import { hideFields } from './hide.js';

const num = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]);

/** /auth/token/create and /auth/token/refresh answer flat (research B2 step 3). */
export const TokenResponseSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().optional(),
  expires_in: num.optional(),
  expire_time: num.optional(),
  refresh_expires_in: num.optional(),
  refresh_token_valid_time: num.optional(),
  seller_id: z.union([z.string(), z.number()]).optional(),
  user_id: z.union([z.string(), z.number()]).optional(),
  account: z.string().optional(),
  code: z.union([z.string(), z.number()]).optional(),
  request_id: z.string().optional(),
});
export type TokenResponse = z.infer<typeof TokenResponseSchema>;

export function tokenKey(appKey: string, sellerId: string): string {
  return `aliexpress:${appKey}:seller:${sellerId}`;
}

/** Expiry from `expire_time` (ms epoch) when given, else `expires_in` seconds; never a constant (research B2.5). */
export function storedFrom(res: TokenResponse, now: number, version: number, previousRefresh?: string): StoredToken {
  const expiresAt = res.expire_time ?? (res.expires_in !== undefined ? now + res.expires_in * 1000 : now);
  const refreshExpiresAt = res.refresh_token_valid_time ?? (res.refresh_expires_in !== undefined ? now + res.refresh_expires_in * 1000 : undefined);
  registerSecret(res.access_token);
  if (res.refresh_token) registerSecret(res.refresh_token);
  // Whether a used refresh token stays valid is unconfirmed: persist whatever comes back.
  return { accessToken: res.access_token, refreshToken: res.refresh_token ?? previousRefresh, expiresAt, refreshExpiresAt, version };
}

export interface TokenManagerDeps {
  store: TokenStore;
  key: string;
  clock: Clock;
  refreshCall(refreshToken: string, signal?: AbortSignal): Promise<TokenResponse>;
}

/** One seller's token pair: refreshed ahead of `expire_time`, single flight in process, lock + CAS across processes. */
export class TokenManager {
  private memory?: StoredToken;
  private readonly flights = new SingleFlight<StoredToken>();
  /** Refresh requests actually sent (metrics and tests). */
  refreshes = 0;

  constructor(private readonly deps: TokenManagerDeps) {
    hideFields(this, 'deps', 'memory');
  }

  async access(signal?: AbortSignal): Promise<string> {
    let t = this.memory ?? (await this.read());
    if (t.expiresAt - this.deps.clock.now() <= DEFAULTS.refreshSkewMs && t.refreshToken) t = await this.refresh(undefined, signal);
    return t.accessToken;
  }

  /** Refresh after `rejected` was refused (or now when undefined); concurrent callers share one request. */
  refresh(rejected?: string, signal?: AbortSignal): Promise<StoredToken> {
    return this.flights.run(this.deps.key, async () => {
      const mem = this.memory;
      if (rejected && mem && mem.accessToken !== rejected && this.fresh(mem)) return mem;
      const run = () => this.rotate(rejected ?? mem?.accessToken, signal);
      return this.deps.store.withLock ? this.deps.store.withLock(this.deps.key, run) : run();
    });
  }

  /** Adopts a pair from a code exchange and persists it. */
  async adopt(res: TokenResponse): Promise<StoredToken> {
    const stored = await this.deps.store.get(this.deps.key);
    const next = storedFrom(res, this.deps.clock.now(), (stored?.version ?? 0) + 1);
    await this.save(stored?.version, next);
    return next;
  }

  private fresh(t: StoredToken): boolean {
    return t.expiresAt - this.deps.clock.now() > DEFAULTS.refreshSkewMs;
  }

  private async read(): Promise<StoredToken> {
    const t = await this.deps.store.get(this.deps.key);
    if (!t) throw new AuthError({ marketplace: 'aliexpress', code: 'REAUTHORIZE', message: 'No AliExpress tokens for this seller: authorize the app (auth.authorizationUrl) and call auth.exchangeCode' });
    registerSecret(t.accessToken);
    if (t.refreshToken) registerSecret(t.refreshToken);
    this.memory = t;
    return t;
  }

  private async rotate(rejected: string | undefined, signal?: AbortSignal): Promise<StoredToken> {
    const current = await this.deps.store.get(this.deps.key);
    if (!current) return this.read();
    if (current.accessToken !== rejected && this.fresh(current)) {
      registerSecret(current.accessToken);
      if (current.refreshToken) registerSecret(current.refreshToken);
      this.memory = current;
      return current;
    }
    if (!current.refreshToken) {
      throw new AuthError({ marketplace: 'aliexpress', code: 'REAUTHORIZE', message: 'The AliExpress access token expired and no refresh token is stored: the seller must authorize the app again' });
    }
    this.refreshes++;
    let res: TokenResponse;
    try {
      res = await this.deps.refreshCall(current.refreshToken, signal);
    } catch (e) {
      if (isXborderError(e) && e instanceof AuthError) {
        throw new AuthError({ marketplace: 'aliexpress', operation: e.operation, requestId: e.requestId, code: 'REAUTHORIZE', cause: e, message: `AliExpress refused the refresh token (${e.message}): the seller must authorize the app again` });
      }
      throw e;
    }
    const next = storedFrom(res, this.deps.clock.now(), current.version + 1, current.refreshToken);
    this.memory = next;
    await this.save(current.version, next);
    return next;
  }

  private async save(expected: number | undefined, next: StoredToken): Promise<void> {
    this.memory = next;
    let base = expected;
    for (let i = 0; i < 3; i++) {
      if (await this.deps.store.compareAndSwap(this.deps.key, base, next)) return;
      base = (await this.deps.store.get(this.deps.key))?.version;
      next.version = Math.max(next.version, (base ?? 0) + 1);
    }
    throw new AuthError({ marketplace: 'aliexpress', code: 'AUTH_FAILED', message: 'AliExpress tokens were refreshed but saving them to the TokenStore kept losing compare-and-swap; this process keeps the new pair in memory' });
  }
}
