/**
 * Issue 17.3: a call that needs no wait and no retry takes the fast path: no limiter lane, no
 * timer, no abort listener of the SDK's own on the caller's signal (only the transport's), and a
 * response meta of one attempt. Counts, not timings.
 */
import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { op, Pipeline } from '../../../src/http/index.js';
import { Limiter } from '../../../src/http/limiter.js';

describe('pipeline fast path', () => {
  it('a token is there and the call succeeds: no queue, no sleep, no SDK listener on the signal', async () => {
    let sleeps = 0;
    const clock = { now: () => 1_000_000, sleep: async () => void sleeps++ };
    const limiter = new Limiter(undefined, clock);
    const seen: number[] = [];
    const transport = {
      request: async (cfg: { signal?: AbortSignal }) => {
        seen.push(cfg.signal ? getEventListeners(cfg.signal, 'abort').length : -1);
        return { status: 200, data: { id: 'x' }, headers: { 'x-request-id': 'r1' } };
      },
    };
    const p = new Pipeline({ marketplace: 'm', account: 'a', baseUrl: 'http://m.test', clock, limiter, transport: transport as never, mapError: () => undefined, requestIdOf: (r) => r.headers['x-request-id'] });
    const get = op({ id: 'get', method: 'GET', path: '/things/{id}', idempotent: true, rate: { perSecond: 1, burst: 20 }, response: z.object({ id: z.string() }) });
    const ac = new AbortController();
    for (let i = 0; i < 20; i++) {
      const r = await p.call(get, { params: { id: String(i) } }, { signal: ac.signal });
      expect(r.meta).toMatchObject({ attempts: 1, status: 200, requestId: 'r1' });
    }
    expect(seen).toEqual(Array(20).fill(0));
    expect(sleeps).toBe(0);
    expect((limiter as unknown as { lanes: Map<string, unknown> }).lanes.size).toBe(0);
    expect(getEventListeners(ac.signal, 'abort')).toHaveLength(0);
  });
});
