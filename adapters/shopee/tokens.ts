import { AuthError, registerSecret, isXborderError, type XborderError } from '../../src/errors/index.js';
import type { Clock } from '../../src/http/clock.js';
import { SingleFlight } from '../../src/http/single-flight.js';
import type { StoredToken, TokenStore } from '../../src/state/token-store.js';
import { REAUTHORIZE_HINT } from './errors.js';
import { hideFields } from './hide.js';
import type { TokenResponse } from './schemas/auth.js';

export interface Identity {
  kind: 'shop' | 'merchant';
  id: number;
}

/** Refresh this long before expiry (research E: "refresh when <5 min left"). */
export const REFRESH_SKEW_MS = 5 * 60_000;
/** Refresh tokens live 30 days (research A2). */
const REFRESH_TTL_MS = 30 * 86_400_000;

export function tokenKey(partnerId: number, who: Identity): string {
  return `shopee:${partnerId}:${who.kind}:${who.id}`;
}

/** Converts a token response into what we persist. `expire_in` is documented in seconds; the
 * token/get sample shows an epoch instead, so values that only make sense as an epoch are read so. */
export function storedFrom(res: TokenResponse, now: number, version: number): StoredToken {
  const expiresAt = res.expire_in > 1e9 ? res.expire_in * 1000 : now + res.expire_in * 1000;
  registerSecret(res.access_token);
  registerSecret(res.refresh_token);
  return { accessToken: res.access_token, refreshToken: res.refresh_token, expiresAt, refreshExpiresAt: now + REFRESH_TTL_MS, version };
}

export interface TokenManagerDeps {
  store: TokenStore;
  partnerId: number;
  clock: Clock;
  /** Calls /api/v2/auth/access_token/get (Public-signed, never replayed). */
  refreshCall(who: Identity, refreshToken: string, signal?: AbortSignal): Promise<TokenResponse>;
}

/**
 * Rotating single-use refresh tokens, race-safe: one refresh per identity at a time (in-process
 * single flight, across processes the store's lock + compare-and-swap: the loser re-reads), the
 * new pair persisted before anyone uses its access token, a spent refresh token never re-sent.
 */
export class TokenManager {
  private readonly memory = new Map<string, StoredToken>();
  /** Pairs obtained but not yet saved (store write failed): kept and re-saved on later calls. */
  private readonly unpersisted = new Map<string, StoredToken>();
  private readonly spent = new Set<string>();
  /** Refresh tokens whose refresh response was lost: tried once more, never looped. */
  private readonly uncertain = new Set<string>();
  private readonly flights = new SingleFlight<StoredToken>();
  /** Number of refresh requests this instance actually sent (metrics and tests). */
  refreshes = 0;

  constructor(private readonly deps: TokenManagerDeps) {
    hideFields(this, 'deps', 'memory', 'unpersisted', 'spent', 'uncertain');
  }

  key(who: Identity): string {
    return tokenKey(this.deps.partnerId, who);
  }

  /** A valid access token, refreshing first when it expires within REFRESH_SKEW_MS. */
  async access(who: Identity, signal?: AbortSignal): Promise<string> {
    const key = this.key(who);
    await this.retryPersist(key);
    let t = this.memory.get(key) ?? (await this.read(key, who));
    if (t.expiresAt - this.deps.clock.now() <= REFRESH_SKEW_MS) t = await this.refresh(who, undefined, signal);
    return t.accessToken;
  }

  /** Refresh after `rejected` was refused (or proactively when undefined); concurrent callers share one. */
  refresh(who: Identity, rejected?: string, signal?: AbortSignal): Promise<StoredToken> {
    const key = this.key(who);
    return this.flights.run(key, async () => {
      const mem = this.memory.get(key);
      // Someone in this process already rotated past the token this caller was refused with.
      if (rejected && mem && mem.accessToken !== rejected && this.fresh(mem)) return mem;
      const run = () => this.rotate(who, key, rejected ?? mem?.accessToken, signal);
      return this.deps.store.withLock ? this.deps.store.withLock(key, run) : run();
    });
  }

  /** Adopts a pair obtained elsewhere (code exchange) and persists it. */
  async adopt(who: Identity, next: Omit<StoredToken, 'version'>): Promise<StoredToken> {
    const key = this.key(who);
    const stored = await this.deps.store.get(key);
    const pair = { ...next, version: Math.max(stored?.version ?? 0, this.memory.get(key)?.version ?? 0) + 1 };
    this.memory.set(key, pair);
    await this.persist(key, who, stored?.version, pair);
    return pair;
  }

  private fresh(t: StoredToken): boolean {
    return t.expiresAt - this.deps.clock.now() > REFRESH_SKEW_MS;
  }

  private async read(key: string, who: Identity): Promise<StoredToken> {
    let t: StoredToken | undefined;
    try {
      t = await this.deps.store.get(key);
    } catch (e) {
      throw new AuthError({ marketplace: 'shopee', code: 'AUTH_FAILED', message: `Reading the Shopee tokens of ${who.kind} ${who.id} from the TokenStore failed`, cause: e });
    }
    if (!t) {
      throw new AuthError({ marketplace: 'shopee', code: 'REAUTHORIZE', message: `No Shopee tokens for ${who.kind} ${who.id}. ${REAUTHORIZE_HINT}` });
    }
    registerSecret(t.accessToken);
    registerSecret(t.refreshToken);
    this.memory.set(key, t);
    return t;
  }

  /** Inside the identity's lock: re-read, adopt another process's rotation, or rotate ourselves. */
  private async rotate(who: Identity, key: string, rejected: string | undefined, signal?: AbortSignal): Promise<StoredToken> {
    const stored = await this.deps.store.get(key);
    const mem = this.memory.get(key);
    // A pair only this process holds (its save failed) is newer than what the store has.
    const current = mem && (!stored || mem.version > stored.version) ? mem : stored;
    if (!current) return this.read(key, who);
    if (current.accessToken !== rejected && this.fresh(current)) {
      registerSecret(current.accessToken);
      registerSecret(current.refreshToken);
      this.memory.set(key, current);
      return current;
    }
    const refreshToken = current.refreshToken;
    if (!refreshToken || this.spent.has(refreshToken)) {
      throw new AuthError({ marketplace: 'shopee', code: 'REAUTHORIZE', message: `The Shopee refresh token of ${who.kind} ${who.id} was already used and no newer pair is stored: the seller must authorize the app again. ${REAUTHORIZE_HINT}` });
    }
    let res: TokenResponse;
    this.refreshes++;
    try {
      res = await this.deps.refreshCall(who, refreshToken, signal);
    } catch (e) {
      throw this.refreshFailure(who, refreshToken, e);
    }
    // The old token is spent and the new one is the only live one: save it before anything else
    // (the store fsyncs), so a crash right after this line leaves a usable pair on disk.
    const next = storedFrom(res, this.deps.clock.now(), current.version + 1);
    try {
      await this.persist(key, who, stored?.version, next);
    } finally {
      this.spent.add(refreshToken);
      this.uncertain.delete(refreshToken);
      this.memory.set(key, next);
    }
    return next;
  }

  private refreshFailure(who: Identity, refreshToken: string, e: unknown): XborderError | unknown {
    if (!isXborderError(e)) return e;
    if (e instanceof AuthError) {
      this.spent.add(refreshToken);
      return new AuthError({ marketplace: 'shopee', operation: e.operation, requestId: e.requestId, code: 'REAUTHORIZE', cause: e, message: `Shopee refused the refresh token of ${who.kind} ${who.id} (${e.message}): the seller must authorize the app again. ${REAUTHORIZE_HINT}` });
    }
    // The request may have been processed (no answer, 5xx, unreadable 200). Anything else (refused
    // connection, throttling) never reached Shopee: the token is intact and the error goes up as is.
    if (e.code === 'OUTCOME_UNKNOWN' || e.code === 'MARKETPLACE_UNAVAILABLE' || e.code === 'RESPONSE_SHAPE') {
      if (this.uncertain.has(refreshToken)) {
        this.spent.add(refreshToken);
        return new AuthError({ marketplace: 'shopee', code: 'REAUTHORIZE', cause: e, message: `Two token refreshes of ${who.kind} ${who.id} got no usable answer; the refresh token is treated as spent: the seller must authorize the app again. ${REAUTHORIZE_HINT}` });
      }
      this.uncertain.add(refreshToken);
      return new AuthError({ marketplace: 'shopee', code: 'AUTH_FAILED', cause: e, message: `The token refresh of ${who.kind} ${who.id} got no usable answer (${e.code}). Shopee may already have rotated the single-use refresh token; the next call tries it once more, and if Shopee refuses it the seller must authorize the app again` });
    }
    return e;
  }

  /** Saves the new pair; on failure keeps it in memory and says so. */
  private async persist(key: string, who: Identity, expected: number | undefined, next: StoredToken): Promise<void> {
    try {
      let base = expected;
      for (let i = 0; i < 3; i++) {
        if (await this.deps.store.compareAndSwap(key, base, next)) {
          this.unpersisted.delete(key);
          return;
        }
        // Someone wrote meanwhile (a code exchange): ours holds the only live refresh token.
        base = (await this.deps.store.get(key))?.version;
        next.version = Math.max(next.version, (base ?? 0) + 1);
      }
      throw new Error('compare-and-swap kept losing');
    } catch (e) {
      this.unpersisted.set(key, next);
      throw new AuthError({
        marketplace: 'shopee', code: 'AUTH_FAILED', cause: e,
        message: `Shopee rotated the tokens of ${who.kind} ${who.id} but saving them to the TokenStore failed (${(e as Error).message}). This process keeps using the new pair from memory and retries the save; the previous refresh token is spent, so other processes cannot refresh until the save succeeds, and if this process stops first the seller must authorize the app again. ${REAUTHORIZE_HINT}`,
      });
    }
  }

  private async retryPersist(key: string): Promise<void> {
    const pending = this.unpersisted.get(key);
    if (!pending) return;
    try {
      const stored = await this.deps.store.get(key);
      if (stored && stored.version >= pending.version) return void this.unpersisted.delete(key);
      if (await this.deps.store.compareAndSwap(key, stored?.version, pending)) this.unpersisted.delete(key);
    } catch {
      // Still failing: the in-memory pair keeps working; the next call retries.
    }
  }
}
