/**
 * One participant of the token-rotation proof: rotates the shared pair until it reaches `target`.
 * `cas`: read, then compare-and-swap (losers re-read). `lock`: as the Shopee adapter does, under
 * the store's refresh lock; the "marketplace" burns each single-use refresh token in a Redis set,
 * so a token used twice would be a forced re-authorization.
 */
import type { Redis } from 'ioredis';
import { RedisTokenStore } from '../../../src/redis/token-store.js';
import type { StoredToken } from '../../../src/state/token-store.js';

export interface RotateResult {
  id: string;
  wins: number[];
  reauthorizations: number;
  lostInLock: number;
}

export async function rotateUntil(client: Redis, key: string, target: number, id: string, mode: 'cas' | 'lock'): Promise<RotateResult> {
  const store = new RedisTokenStore(client, { lockPollMs: 1 });
  const r: RotateResult = { id, wins: [], reauthorizations: 0, lostInLock: 0 };
  const next = (cur: StoredToken): StoredToken => ({ accessToken: `a${cur.version + 1}`, refreshToken: `r${cur.version + 1}`, expiresAt: 0, version: cur.version + 1, extra: { prev: cur.refreshToken, by: id } });
  const once = async (): Promise<boolean> => {
    const cur = (await store.get(key))!;
    if (cur.version >= target) return false;
    // The refresh call: the marketplace accepts each refresh token once.
    if (mode === 'lock' && (await client.sadd(`${key}:burned`, cur.refreshToken!)) === 0) r.reauthorizations++;
    if (await store.compareAndSwap(key, cur.version, next(cur))) r.wins.push(cur.version + 1);
    else if (mode === 'lock') r.lostInLock++;
    return true;
  };
  while (mode === 'lock' ? await store.withLock(key, once) : await once());
  return r;
}
