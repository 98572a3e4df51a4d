import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from './helpers.js';
import { REFRESH, SECRET, TOKEN, intercept, wireAdapter, type Seen } from './wire.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('secrets', () => {
  it('the app secret and tokens never appear in errors, their JSON, hook events or the adapter itself', async () => {
    const events: unknown[] = [];
    const hooks = {
      onRequest: (e: unknown) => events.push(e), onResponse: (e: unknown) => events.push(e), onError: (e: unknown) => events.push(e), onRetry: (e: unknown) => events.push(e),
    };
    const refreshed = fixture('token_refresh.json');
    const seen: Seen[] = [];
    intercept('/sync', (s) => [200, s.query.access_token === TOKEN ? fixture('error_illegal_access_token.json') : { error_response: { type: 'ISV', code: 'isv.param-error', msg: `bad token ${refreshed.access_token} secret ${SECRET}` } }], seen, 2);
    intercept('/rest/auth/token/refresh', refreshed, seen);
    const a = wireAdapter({ hooks });
    const err = (await a.orders.get('1').then(() => undefined, (e: unknown) => e)) as Error & { toJSON(): unknown };
    const texts = [String(err.message), JSON.stringify(err.toJSON()), String(err.stack), JSON.stringify(events), JSON.stringify(a), JSON.stringify(a.auth)];
    for (const t of texts) {
      for (const secret of [SECRET, TOKEN, REFRESH, refreshed.access_token, refreshed.refresh_token]) expect(t).not.toContain(secret);
    }
    expect(events.length).toBeGreaterThan(0);
  });
});
