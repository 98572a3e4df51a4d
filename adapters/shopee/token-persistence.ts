import { ValidationError, registerSecret } from '../../src/errors/index.js';
import { MemoryTokenStore, type StoredToken, type TokenStore } from '../../src/state/token-store.js';
import type { ResolvedConfig, TokensEvent } from './config.js';
import { tokenKey, type Identity } from './tokens.js';

const FOUR_HOURS = 4 * 3600_000;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

const isStore = (t: unknown): t is TokenStore => typeof (t as TokenStore).compareAndSwap === 'function';

/** The embedded sandbox (loopback) or Shopee's test environment: losing tokens there costs nothing. */
function isSandbox(cfg: ResolvedConfig): boolean {
  if (cfg.sandbox) return true;
  return cfg.endpoint !== undefined && LOOPBACK.has(new URL(cfg.endpoint).hostname);
}

/**
 * Shopee refresh tokens are single-use (specs/shopee/v2.public.refresh_access_token.json: "Refresh_token
 * can be used once only"): a rotation kept only in memory is lost on restart and the seller must authorize
 * again. Against a live host the caller must give a persistent store or an onTokens callback.
 */
export function requirePersistence(cfg: ResolvedConfig): void {
  if (isSandbox(cfg) || cfg.onTokens) return;
  const inMemory = !isStore(cfg.tokens) || cfg.tokens instanceof MemoryTokenStore;
  if (!inMemory) return;
  throw new ValidationError({
    path: 'config.tokens',
    message: 'Shopee refresh tokens are single-use and rotate on every refresh: against a live Shopee host, give tokens as a persistent TokenStore (fileTokenStore(path) or your own) or pass onTokens to save every rotated pair; otherwise the next restart re-sends a spent token and the seller must authorize again',
  });
}

function identityOf(key: string): TokensEvent['identity'] {
  const [, , kind, id] = key.split(':');
  return { kind: kind === 'merchant' ? 'merchant' : 'shop', id: Number(id) };
}

/** Calls onTokens with each new pair before the store records it, so a failed callback is a failed save (retried). */
class NotifyingStore implements TokenStore {
  constructor(private readonly inner: TokenStore, private readonly onTokens: (e: TokensEvent) => void | Promise<void>) {}
  get(key: string) {
    return this.inner.get(key);
  }
  async compareAndSwap(key: string, expected: number | undefined, next: StoredToken) {
    await this.onTokens({ key, identity: identityOf(key), tokens: { ...next } });
    return this.inner.compareAndSwap(key, expected, next);
  }
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    return this.inner.withLock ? this.inner.withLock(key, fn) : fn();
  }
}

/** The TokenStore the adapter uses: the caller's, or one seeded from initial tokens; wrapped for onTokens. */
export function tokenStoreOf(cfg: ResolvedConfig, identities: Identity[], now: number): TokenStore {
  requirePersistence(cfg);
  let store: TokenStore;
  if (isStore(cfg.tokens)) store = cfg.tokens;
  else {
    const t = cfg.tokens;
    registerSecret(t.accessToken);
    registerSecret(t.refreshToken);
    // Unknown age: assume valid; Shopee's invalid_acceess_token triggers the one refresh if not.
    const expiresAt = t.expiresAt === undefined ? now + FOUR_HOURS : t.expiresAt instanceof Date ? t.expiresAt.getTime() : t.expiresAt;
    const seed: StoredToken = { accessToken: t.accessToken, refreshToken: t.refreshToken, expiresAt, version: 1 };
    store = new MemoryTokenStore(Object.fromEntries(identities.map((who) => [tokenKey(cfg.partnerId, who), { ...seed }])));
  }
  return cfg.onTokens ? new NotifyingStore(store, cfg.onTokens) : store;
}
