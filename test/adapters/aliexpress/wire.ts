import nock from 'nock';
import { expectedSign } from '../../../adapters/aliexpress/sandbox/index.js';
import { aliexpress, tokenKey } from '../../../adapters/aliexpress/index.js';
import { MemoryTokenStore } from '../../../src/state/token-store.js';
import type { Hooks } from '../../../src/http/hooks.js';
import { TestClock } from './helpers.js';

export const HOST = 'https://api-sg.aliexpress.com';
export const APP_KEY = '34567890';
export const SECRET = 'wire-test-app-secret-0001';
export const SELLER = '2000000001';
export const TOKEN = '50000600wireTestAccessToken000000000000000000000000000001';
export const REFRESH = '50001600wireTestRefreshToken00000000000000000000000000001';
export const NOW = Date.UTC(2026, 10, 1, 12, 0, 0);

export interface Seen {
  path: string;
  query: Record<string, string>;
  body: Record<string, string>;
  /** The sign the gateway would compute (independent implementation) equals the one sent. */
  signOk: boolean;
}

function formOf(body: unknown): Record<string, string> {
  if (typeof body === 'string') return Object.fromEntries(new URLSearchParams(body));
  return (body ?? {}) as Record<string, string>;
}

/** Intercepts one POST and records it (query, form body, signature validity). */
export function intercept(path: string, reply: ((seen: Seen) => [number, unknown]) | Record<string, unknown>, seen: Seen[], times = 1, secret = SECRET) {
  return nock(HOST)
    .post(path)
    .query(true)
    .times(times)
    .reply(function (uri, body) {
      const url = new URL(uri, HOST);
      const query = Object.fromEntries(url.searchParams);
      const form = formOf(body);
      const all = new URLSearchParams({ ...form, ...query });
      const apiPath = path.startsWith('/rest') ? path.slice('/rest'.length) : null;
      const s: Seen = { path, query, body: form, signOk: expectedSign(secret, all, apiPath) === query.sign };
      seen.push(s);
      return typeof reply === 'function' ? reply(s) : [200, reply];
    });
}

/** The system params every seller call must carry at NOW. */
export const sellerQuery = (method: string, token = TOKEN) => ({ app_key: APP_KEY, timestamp: String(NOW), sign_method: 'sha256', method, format: 'json', access_token: token });

/** An adapter on the real host (nock) with a fixed clock and a known token pair. */
export function wireAdapter(opts: { windowDays?: number; expiresAt?: number; hooks?: Hooks } = {}) {
  const store = new MemoryTokenStore({ [tokenKey(APP_KEY, SELLER)]: { accessToken: TOKEN, refreshToken: REFRESH, expiresAt: opts.expiresAt ?? NOW + 86_400_000, version: 1 } });
  return aliexpress({
    appKey: APP_KEY, appSecret: SECRET, sellerId: SELLER, tokens: store, clock: new TestClock(NOW), orderWindowDays: opts.windowDays ?? 7,
    retry: { baseDelayMs: 1, maxDelayMs: 2 }, consistency: { windowMs: 0, intervalMs: 0 }, hooks: opts.hooks,
  });
}

