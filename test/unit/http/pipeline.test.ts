import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  AuthError, AbortedError, MarketplaceError, OutcomeUnknownError, RateLimitError, ResponseShapeError, errorFromResponse,
} from '../../../src/errors/index.js';
import { MemoryIntentJournal } from '../../../src/state/intent-journal.js';
import { op, Pipeline, type PipelineConfig, type WireResponse } from '../../../src/http/index.js';

const BASE = 'https://api.example.test';

function mapError(res: WireResponse, ctx: { operation: string; requestId?: string }) {
  if (res.status < 400) return undefined;
  const body = res.data as { errors?: Array<{ code: string; message: string }> } | undefined;
  const e = errorFromResponse({ marketplace: 'test', status: res.status, requestId: ctx.requestId, errors: body?.errors, retryAfterMs: res.headers['retry-after'] ? Number(res.headers['retry-after']) * 1000 : undefined });
  if (res.status === 403 && body?.errors?.[0]?.code === 'Expired') return new AuthError({ marketplace: 'test', message: 'expired', code: 'AUTH_EXPIRED', status: 403 });
  return e;
}

function pipeline(extra: Partial<PipelineConfig> = {}) {
  return new Pipeline({
    marketplace: 'test', account: 'A1', baseUrl: BASE, mapError,
    requestIdOf: (r) => r.headers['x-request-id'],
    retry: { retries: 3, baseDelayMs: 1, maxDelayMs: 5 },
    ...extra,
  });
}

const getThing = op<{ params: { id: string }; query?: { ids?: string[] } }, { id: string; n: number }>({
  id: 'getThing', method: 'GET', path: '/things/{id}', idempotent: true,
  response: z.object({ id: z.string(), n: z.number() }),
});
const createThing = op<{ body: { name: string } }, { id: string }>({ id: 'createThing', method: 'POST', path: '/things', idempotent: false });

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
});

describe('Pipeline', () => {
  it('builds the exact request: encoded path, comma arrays, auth headers', async () => {
    const scope = nock(BASE, { reqheaders: { 'x-token': 'T1' } })
      .get('/things/a%2Fb').query({ ids: 'x,y' })
      .reply(200, { id: 'a/b', n: 1 }, { 'x-request-id': 'req-1' });
    const p = pipeline({ auth: { authorize: async (req) => void (req.headers['x-token'] = 'T1') } });
    const r = await p.call(getThing, { params: { id: 'a/b' }, query: { ids: ['x', 'y'] } });
    expect(r.data).toEqual({ id: 'a/b', n: 1 });
    expect(r.meta).toMatchObject({ status: 200, requestId: 'req-1', attempts: 1 });
    scope.done();
  });

  it('retries an idempotent read on 503 then succeeds', async () => {
    nock(BASE).get('/things/1').reply(503, {}).get('/things/1').reply(200, { id: '1', n: 2 });
    const onRetry = vi.fn();
    const r = await pipeline({ hooks: { onRetry } }).call(getThing, { params: { id: '1' } });
    expect(r.data.n).toBe(2);
    expect(r.meta.attempts).toBe(2);
    expect(onRetry).toHaveBeenCalledWith(expect.objectContaining({ operation: 'getThing', reason: 'MARKETPLACE_UNAVAILABLE', attempt: 1 }));
  });

  it('honours Retry-After on 429 over its own smaller backoff', async () => {
    nock(BASE).get('/things/1').reply(429, {}, { 'retry-after': '0.05' }).get('/things/1').reply(200, { id: '1', n: 3 });
    const delays: number[] = [];
    await pipeline({ hooks: { onRetry: (e) => delays.push(e.delayMs) } }).call(getThing, { params: { id: '1' } });
    expect(delays).toEqual([50]);
  });

  it('never replays a non-idempotent write without verify: outcome unknown', async () => {
    const scope = nock(BASE).post('/things').reply(500, {});
    await expect(pipeline().call(createThing, { body: { name: 'x' } })).rejects.toBeInstanceOf(OutcomeUnknownError);
    scope.done();
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('replays a rejected-by-throttling write (429 means it was not executed)', async () => {
    nock(BASE).post('/things').reply(429, {}).post('/things', { name: 'x' }).reply(201, { id: 'n1' });
    const r = await pipeline().call(createThing, { body: { name: 'x' } });
    expect(r.data).toEqual({ id: 'n1' });
  });

  it('verify before replay: a write that happened is not sent twice', async () => {
    nock(BASE).post('/things').reply(502, {});
    const verify = vi.fn(async () => ({ state: 'done' as const, data: { id: 'n9' } }));
    const create = { ...createThing, verify };
    const r = await pipeline().call(create, { body: { name: 'x' } });
    expect(r.data).toEqual({ id: 'n9' });
    expect(r.meta.replayed).toBe('verified');
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it('does not retry 4xx validation errors and keeps every error entry', async () => {
    nock(BASE).get('/things/1').reply(400, { errors: [{ code: 'InvalidInput', message: 'bad' }, { code: 'Other', message: 'also' }] });
    const err = await pipeline().call(getThing, { params: { id: '1' } }).catch((e) => e);
    expect(err).toBeInstanceOf(MarketplaceError);
    expect(err.errors).toHaveLength(2);
    expect(err.marketplaceCode).toBe('InvalidInput');
    // Marketplace error codes stay visible in logs (they are not secrets).
    expect(err.toJSON().errors).toEqual([{ code: 'InvalidInput', message: 'bad' }, { code: 'Other', message: 'also' }]);
  });

  it('refreshes once and replays on an expired token', async () => {
    let token = 'old';
    nock(BASE, { reqheaders: { 'x-token': 'old' } }).get('/things/1').reply(403, { errors: [{ code: 'Expired', message: 'x' }] });
    nock(BASE, { reqheaders: { 'x-token': 'new' } }).get('/things/1').reply(200, { id: '1', n: 1 });
    const refresh = vi.fn(async () => void (token = 'new'));
    const r = await pipeline({ auth: { authorize: async (req) => void (req.headers['x-token'] = token), refresh } }).call(getThing, { params: { id: '1' } });
    expect(r.data.n).toBe(1);
    expect(refresh).toHaveBeenCalledTimes(1);
    // The refused request is handed over, so the auth step can tell which token was rejected.
    expect((refresh.mock.calls[0] as unknown as [{ rejected: { headers: Record<string, string> } }])[0].rejected.headers['x-token']).toBe('old');
  });

  it('a structurally broken response is a ResponseShapeError without the body', async () => {
    nock(BASE).get('/things/1').reply(200, { id: 5, secret: 'Atza|leak' });
    const err = await pipeline().call(getThing, { params: { id: '1' } }).catch((e) => e);
    expect(err).toBeInstanceOf(ResponseShapeError);
    expect(JSON.stringify(err.toJSON())).not.toContain('leak');
  });

  it('journal dedupes a second write with the same idempotency key', async () => {
    const journal = new MemoryIntentJournal();
    const scope = nock(BASE).post('/things').once().reply(201, { id: 'n1' });
    const p = pipeline({ journal });
    const a = await p.call(createThing, { body: { name: 'x' } }, { idempotencyKey: 'k1' });
    const b = await p.call(createThing, { body: { name: 'x' } }, { idempotencyKey: 'k1' });
    expect(b.data).toEqual(a.data);
    expect(b.meta.replayed).toBe('journal');
    scope.done();
  });

  it('aborts during backoff', async () => {
    nock(BASE).get('/things/1').reply(503, {});
    const ac = new AbortController();
    const p = pipeline({ retry: { retries: 3, baseDelayMs: 10_000, maxDelayMs: 10_000 }, random: () => 1 });
    const pending = p.call(getThing, { params: { id: '1' } }, { signal: ac.signal });
    setTimeout(() => ac.abort(), 30);
    await expect(pending).rejects.toBeInstanceOf(AbortedError);
  });

  it('a throwing hook never fails the call', async () => {
    nock(BASE).get('/things/1').reply(200, { id: '1', n: 1 });
    const r = await pipeline({ hooks: { onRequest: () => { throw new Error('boom'); } } }).call(getThing, { params: { id: '1' } });
    expect(r.data.n).toBe(1);
  });

  it('deadline: a 429 with a long Retry-After is surfaced instead of waited out past the deadline', async () => {
    nock(BASE).get('/things/1').reply(429, {}, { 'retry-after': '60' });
    const err = await pipeline().call(getThing, { params: { id: '1' } }, { deadline: Date.now() + 500 }).catch((e) => e);
    expect(err).toBeInstanceOf(RateLimitError);
  });
});

describe('Pipeline quota vs throttling', () => {
  it('an exhausted daily quota throws at once (no sleeping until reset)', async () => {
    const { QuotaExhaustedError } = await import('../../../src/errors/index.js');
    const resetsAt = new Date('2026-11-22T16:00:00Z');
    nock(BASE).get('/things/1').reply(200, { quota: 'exhausted' });
    const p = pipeline({ mapError: (res) => ((res.data as { quota?: string }).quota ? new QuotaExhaustedError({ message: 'daily quota used', resetsAt }) : undefined) });
    const started = Date.now();
    const err = await p.call(getThing, { params: { id: '1' } }).catch((e) => e);
    expect(err).toBeInstanceOf(QuotaExhaustedError);
    expect(err.resetsAt).toEqual(resetsAt);
    expect(err.operation).toBe('getThing');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('rate-plan buckets pace calls of one account and group', async () => {
    const paced = { ...getThing, rate: { perSecond: 20, burst: 1 } };
    nock(BASE).get('/things/1').times(3).reply(200, { id: '1', n: 1 });
    const waits: number[] = [];
    const p = pipeline({ hooks: { onRateLimitWait: (e) => waits.push(e.waitMs) } });
    await Promise.all([0, 1, 2].map(() => p.call(paced, { params: { id: '1' } })));
    expect(waits.length).toBeGreaterThanOrEqual(2);
    expect(waits.every((w) => w > 0 && w <= 50)).toBe(true);
  });
});

describe('Pipeline intent journal states', () => {
  it('journals an ambiguous write whose retries ran out as unknown, and verifies before any resend', async () => {
    const journal = new MemoryIntentJournal();
    nock(BASE).post('/things').times(2).reply(503, {});
    const verify = vi.fn(async () => ({ state: 'not_done' as const }));
    const create = { ...createThing, verify };
    const p = pipeline({ journal, retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 1 } });
    await expect(p.call(create, { body: { name: 'x' } }, { idempotencyKey: 'k9' })).rejects.toMatchObject({ code: 'MARKETPLACE_UNAVAILABLE' });
    expect((await journal.get('test:A1:createThing:k9'))?.state).toBe('unknown');
    verify.mockResolvedValueOnce({ state: 'done', data: { id: 'n5' } } as never);
    const again = await p.call(create, { body: { name: 'x' } }, { idempotencyKey: 'k9' });
    expect(again.data).toEqual({ id: 'n5' });
    expect(nock.pendingMocks()).toEqual([]);
  });
});
